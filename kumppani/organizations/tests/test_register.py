"""Registering an organization: identifiers, required fields, and the way to the directory."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import add_working_days
from kumppani.organizations import forms
from kumppani.organizations.models import Membership, Organization
from kumppani.organizations.tests.factories import OrganizationFactory
from kumppani.organizations.tests.helpers import master_data, registration_data

REGISTER = "organizations:register"


def _register(client, user, **overrides):
    client.force_login(user)
    return client.post(reverse(REGISTER), registration_data(**overrides))


def test_register_creates_pending_organization_with_creator_as_admin(client, resident):
    refs = master_data()
    response = _register(
        client,
        resident,
        themes=[refs["theme"].pk],
        districts=[refs["district"].pk],
        languages=[refs["swedish"].pk],
    )
    organization = Organization.objects.get(business_id="2077474-0")
    assert response.status_code == 302
    assert response["Location"] == reverse("organizations:detail", args=[organization.slug])
    assert organization.status == DecisionStatus.PENDING
    assert organization.slug == "kallion-kuntoilijat-ry"
    assert organization.due_at == add_working_days(organization.created_at, 5)
    assert organization.association_number == "123456"
    assert Membership.objects.get(organization=organization, user=resident).is_admin
    assert sorted(organization.cooperations.values_list("direction", "kind")) == [
        ("offers", "expertise"),
        ("offers", "venues"),
        ("seeks", "volunteers"),
    ]
    assert list(organization.themes.all()) == [refs["theme"]]
    assert organization.name_sv == "Berghälls Motionärer rf"


def test_business_id_is_normalised(client, resident):
    _register(client, resident, business_id="  20774740 ", org_type="company")
    assert Organization.objects.get().business_id == "2077474-0"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("business_id", "2077474-1", forms.BUSINESS_ID_CHECK_DIGIT),
        ("business_id", "207747-40x", forms.BUSINESS_ID_FORMAT),
        ("business_id", "12345", forms.BUSINESS_ID_FORMAT),
        ("association_number", "12a.456", forms.ASSOCIATION_NUMBER_FORMAT),
        ("association_number", "1234567", forms.ASSOCIATION_NUMBER_FORMAT),
    ],
)
def test_bad_identifier_gets_a_clear_message_and_keeps_input(
    client, resident, field, value, message
):
    response = _register(client, resident, **{field: value})
    assert response.status_code == 200
    assert str(message) in response.content.decode()
    assert response.context["form"].data[field] == value
    assert response.context["form"].data["name_fi"] == "Kallion Kuntoilijat ry"
    assert not Organization.objects.exists()


def test_check_digit_message_is_translated(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse(REGISTER).replace("/fi/", "/sv/"), registration_data(business_id="2077474-1")
    )
    assert "kontrollsiffra" in response.content.decode().lower()


def test_duplicate_identifiers_give_a_friendly_error(client, resident):
    OrganizationFactory(business_id="2077474-0", association_number="999")
    response = _register(client, resident, association_number="999")
    errors = response.context["form"].errors
    assert str(forms.BUSINESS_ID_TAKEN) in errors["business_id"]
    assert str(forms.ASSOCIATION_NUMBER_TAKEN) in errors["association_number"]
    assert Organization.objects.count() == 1


@pytest.mark.parametrize("org_type", ["company", "cooperative", "foundation"])
def test_companies_cooperatives_and_foundations_need_a_business_id(client, resident, org_type):
    response = _register(client, resident, org_type=org_type, business_id="")
    assert str(forms.BUSINESS_ID_REQUIRED) in response.context["form"].errors["business_id"]


def test_association_needs_register_number_or_business_id(client, resident):
    response = _register(client, resident, business_id="", association_number="")
    errors = response.context["form"].errors
    assert str(forms.ASSOCIATION_ID_REQUIRED) in errors["association_number"]
    _register(client, resident, business_id="", association_number="1.234")
    assert Organization.objects.get().association_number == "1234"


def test_informal_group_needs_no_identifier(client, resident):
    _register(client, resident, org_type="informal", business_id="", association_number="")
    assert Organization.objects.get().org_type == "informal"


def test_a_name_in_some_language_is_required(client, resident):
    response = _register(client, resident, name_fi="", name_sv="")
    assert str(forms.NAME_REQUIRED) in response.context["form"].errors["name_fi"]
    _register(client, resident, name_fi="", name_sv="Svenska Föreningen rf")
    assert Organization.objects.get().slug == "svenska-foreningen-rf"


def _png(size=(10, 10), image_format="PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format=image_format)
    content_type = "image/gif" if image_format == "GIF" else "image/png"
    return SimpleUploadedFile(f"logo.{image_format.lower()}", buffer.getvalue(), content_type)


def test_logo_needs_alt_text_and_a_web_image_format(client, resident, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = _register(client, resident, logo=_png())
    assert str(forms.LOGO_ALT_REQUIRED) in response.context["form"].errors["logo_alt_fi"]
    response = _register(client, resident, logo=_png(image_format="GIF"), logo_alt_fi="Logo")
    assert str(forms.LOGO_WRONG_TYPE) in response.context["form"].errors["logo"]
    _register(client, resident, logo=_png(), logo_alt_fi="Punainen neliö")
    organization = Organization.objects.get()
    assert organization.logo.name.startswith("organizations/logos/")
    assert organization.logo_alt_fi == "Punainen neliö"


def test_too_large_logo_is_refused(client, resident, monkeypatch):
    monkeypatch.setattr(forms, "LOGO_MAX_BYTES", 10)
    response = _register(client, resident, logo=_png(), logo_alt_fi="Logo")
    assert str(forms.LOGO_TOO_LARGE) in response.context["form"].errors["logo"]


def test_founding_year_cannot_be_in_the_future(client, resident):
    response = _register(client, resident, founded_year="2099")
    assert str(forms.FOUNDED_IN_FUTURE) in response.context["form"].errors["founded_year"]


def test_reserved_words_are_not_used_as_addresses(client, resident):
    _register(client, resident, name_fi="Register", name_sv="")
    assert Organization.objects.get().slug == "register-2"


def test_registration_verification_and_directory(
    client, resident, liaison, django_capture_on_commit_callbacks
):
    _register(client, resident)
    organization = Organization.objects.get()
    directory = reverse("organizations:directory")
    assert organization.name_fi not in client.get(directory).content.decode()

    client.force_login(liaison)
    queue = client.get(reverse("organizations:verification"))
    assert organization.name_fi in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organizations:verify", args=[organization.slug]),
            {"decision": "approved", "reason": ""},
        )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.is_verified
    assert organization.decided_by == liaison
    assert organization.decided_at is not None
    assert [m.to for m in mail.outbox] == [[resident.email]]

    client.logout()
    assert organization.name_fi in client.get(directory).content.decode()
    detail = client.get(reverse("organizations:detail", args=[organization.slug]))
    assert detail.status_code == 200


def test_rejection_needs_reasons_and_mails_admins_in_their_language(
    client, resident, liaison, django_capture_on_commit_callbacks
):
    resident.preferred_language = "sv"
    resident.save()
    _register(client, resident)
    organization = Organization.objects.get()
    client.force_login(liaison)
    url = reverse("organizations:verify", args=[organization.slug])
    response = client.post(url, {"decision": "rejected", "reason": "  "})
    assert str(forms.REASON_REQUIRED) in response.context["form"].errors["reason"]
    organization.refresh_from_db()
    assert organization.status == DecisionStatus.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "rejected", "reason": "Föreningen finns inte i registret."})
    organization.refresh_from_db()
    assert organization.status == DecisionStatus.REJECTED
    assert organization.reason == "Föreningen finns inte i registret."
    (message,) = mail.outbox
    assert "Föreningen finns inte i registret." in message.body
    assert "/sv/organizations/" in message.body


def test_admin_edits_and_rejected_goes_back_to_queue(client, org_admin, organization):
    organization.status = DecisionStatus.REJECTED
    organization.reason = "Puuttuu"
    organization.save()
    client.force_login(org_admin)
    url = reverse("organizations:edit", args=[organization.slug])
    page = client.get(url)
    assert page.context["form"].initial["business_id"] == organization.business_id
    response = client.post(
        url,
        registration_data(
            business_id=organization.business_id,
            association_number=organization.association_number,
            name_fi="Uusi nimi ry",
        ),
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name_fi == "Uusi nimi ry"
    assert organization.status == DecisionStatus.PENDING
    assert organization.due_at is not None


def test_admin_replaces_and_clears_the_logo(client, org_admin, organization, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(org_admin)
    url = reverse("organizations:edit", args=[organization.slug])
    ids = {
        "business_id": organization.business_id,
        "association_number": organization.association_number,
    }
    client.post(url, registration_data(logo=_png(), logo_alt_fi="Logo", **ids))
    organization.refresh_from_db()
    assert organization.logo.name.startswith("organizations/logos/")

    client.post(url, registration_data(logo_alt_fi="Logo", **ids))  # no new file: kept
    organization.refresh_from_db()
    assert organization.logo.name.startswith("organizations/logos/")

    client.post(url, registration_data(**{"logo-clear": "on"}, **ids))
    organization.refresh_from_db()
    assert not organization.logo
    assert organization.logo.name == ""
