"""A person downloads their data and deletes their account (GDPR arts. 15, 17, 20)."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from auditlog.models import LogEntry
from django.contrib.sessions.models import Session
from django.test import Client

from kumppani.accounts.forms import WRONG_PASSWORD
from kumppani.accounts.gdpr import ERASED
from kumppani.accounts.models import RoleAssignment, User
from kumppani.accounts.tests.factories import PASSWORD, UserFactory
from kumppani.core import gdpr


@pytest.fixture
def registered():
    """Let a test register its own exporter or eraser, as an app does in ready()."""
    added: list = []

    def _register(kind, *args):
        getattr(gdpr, f"register_{kind}")(*args)
        added.append((kind, args))

    yield _register
    for kind, args in added:
        getattr(gdpr, f"unregister_{kind}")(args[0] if kind == "exporter" else args[-1])


@pytest.mark.django_db
def test_profile_persona_matrix(client, resident, liaison):
    assert client.get("/fi/profile/").status_code == 302
    for person in (resident, liaison):
        client.force_login(person)
        assert client.get("/fi/profile/").status_code == 200


@pytest.mark.django_db
def test_profile_saves_name_phone_and_language(client, resident):
    client.force_login(resident)
    response = client.post(
        "/fi/profile/",
        {"full_name": "Riikka Uusinimi", "phone": "+358 40 123 4567", "preferred_language": "sv"},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert (resident.full_name, resident.phone, resident.preferred_language) == (
        "Riikka Uusinimi",
        "+358 40 123 4567",
        "sv",
    )


@pytest.mark.django_db
def test_profile_with_bad_input_keeps_what_was_typed(client, resident):
    client.force_login(resident)
    response = client.post(
        "/fi/profile/", {"full_name": "Riikka", "phone": "040", "preferred_language": "de"}
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert 'value="Riikka"' in response.content.decode()
    resident.refresh_from_db()
    assert resident.preferred_language == "fi"


@pytest.mark.django_db
def test_export_contains_what_the_registry_knows(client, resident, registered):
    RoleAssignment.objects.create(user=resident, role="moderator")
    registered("exporter", "test-section", lambda user: {"rooms": [f"hall for {user.email}"]})
    client.force_login(resident)
    assert client.get("/fi/profile/export/").status_code == 405  # a POST only
    response = client.post("/fi/profile/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == resident.email
    assert data["account"]["name"] == "Riikka Asukas"
    assert data["account"]["roles"][0]["role"] == "moderator"
    assert data["account"]["email_addresses"] == [
        {"email": resident.email, "verified": True, "primary": True}
    ]
    assert data["test-section"] == {"rooms": [f"hall for {resident.email}"]}
    assert "exported_at" in data


@pytest.mark.django_db
def test_export_never_contains_the_password_or_mfa_secrets(client, resident):
    from kumppani.accounts.tests.helpers import activate_totp

    secret = activate_totp(resident)
    client.force_login(resident)
    body = client.post("/fi/profile/export/").content.decode()
    assert secret not in body
    assert resident.password not in body
    assert json.loads(body)["account"]["two_factor_methods"] == ["totp"]


@pytest.mark.django_db
def test_deletion_removes_the_person_addresses_and_every_session(client, resident, registered):
    erased = []
    registered("eraser", lambda user: erased.append(user.email))
    other_device = Client()
    other_device.post("/fi/accounts/login/", {"login": resident.email, "password": PASSWORD})
    client.post("/fi/accounts/login/", {"login": resident.email, "password": PASSWORD})
    assert Session.objects.count() == 2

    response = client.post("/fi/profile/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/fi/"
    assert erased == [resident.email]  # the app's eraser ran first
    assert not User.objects.filter(pk=resident.pk).exists()
    assert not EmailAddress.objects.filter(email=resident.email).exists()
    assert Session.objects.count() == 0
    assert other_device.get("/fi/profile/").status_code == 302  # signed out there too


@pytest.mark.django_db
def test_deletion_needs_the_right_password(client, resident):
    client.force_login(resident)
    response = client.post("/fi/profile/delete/", {"password": "not-it"})
    assert response.status_code == 200
    assert str(WRONG_PASSWORD) in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()


@pytest.mark.django_db
def test_an_account_from_the_city_service_is_deleted_with_a_confirmation(client):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    SocialAccount.objects.create(user=person, provider="city", uid="abc")
    client.force_login(person)
    assert client.post("/fi/profile/delete/", {}).status_code == 200  # not confirmed
    response = client.post("/fi/profile/delete/", {"password": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    assert not SocialAccount.objects.exists()


@pytest.mark.django_db
def test_deletion_leaves_no_e_mail_address_in_the_audit_log(client, resident, administrator):
    client.force_login(administrator)
    client.post("/fi/profile/roles/", {"email": resident.email, "role": "moderator"})
    resident.email = "riikka.new@example.org"
    resident.save()
    client.force_login(resident)
    client.post("/fi/profile/delete/", {"password": PASSWORD})
    log = " ".join(
        f"{e.object_repr} {e.changes} {e.changes_text} {e.serialized_data}"
        for e in LogEntry.objects.all()
    )
    assert "riikka" not in log.lower()
    assert "Riikka" not in log
    assert LogEntry.objects.filter(object_repr=ERASED).exists()  # the trail itself stays


@pytest.mark.django_db
def test_privacy_notice_tells_the_rights(client):
    html = client.get("/en/privacy/").content.decode()
    assert "Privacy notice" in html
    assert "/en/profile/" in html  # where to download and delete
