"""Every sign-in, account and MFA page we expose renders in the house layout, in each language."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.test import override_settings

from kumppani.accounts.tests.factories import UserFactory
from kumppani.accounts.tests.helpers import activate_totp, h1, title

LANGS = ["fi", "sv", "en"]

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/done/",
    "/accounts/confirm-email/",
    "/accounts/3rdparty/login/cancelled/",
    "/accounts/3rdparty/login/error/",
]
SIGNED_IN_PAGES = [
    "/accounts/logout/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/reauthenticate/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/sessions/",
]


def assert_house_page(response, lang, status=200):
    assert response.status_code == status, response.status_code
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="skip-link"' in html  # the house layout, not allauth's bare one
    assert h1(html)
    assert title(html).split(" – ")[0], "the page title names the page"
    assert "Menu:" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_signed_out_pages(client, lang, path):
    status = 401 if path.endswith("/error/") else 200
    assert_house_page(client.get(f"/{lang}{path}"), lang, status)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_pages(client, sign_in, resident, lang, path):
    sign_in(client, resident, lang=lang, reauthenticate=True)
    assert_house_page(client.get(f"/{lang}{path}"), lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_totp_pages_for_a_person_with_an_authenticator(client, sign_in, resident, lang):
    activate_totp(resident)
    client.force_login(resident)
    for path in [
        "/accounts/2fa/",
        "/accounts/2fa/totp/deactivate/",
        "/accounts/2fa/reauthenticate/",
    ]:
        response = client.get(f"/{lang}{path}", follow=True)
        assert_house_page(response, lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_recovery_codes_pages(client, sign_in, resident, lang):
    sign_in(client, resident, lang=lang, reauthenticate=True)
    activate_totp(resident)
    assert_house_page(client.get(f"/{lang}/accounts/2fa/recovery-codes/generate/"), lang)
    client.post(f"/{lang}/accounts/2fa/recovery-codes/generate/")
    response = client.get(f"/{lang}/accounts/2fa/recovery-codes/")
    assert_house_page(response, lang)
    assert re.search(r"<textarea[^>]*readonly", response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_password_set_page_for_an_account_without_password(client, lang):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    assert_house_page(client.get(f"/{lang}/accounts/password/set/"), lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_password_reset_from_key_page(client, resident, lang):
    key = default_token_generator.make_token(resident)
    uid = user_pk_to_url_str(resident)
    response = client.get(f"/{lang}/accounts/password/reset/key/{uid}-{key}/", follow=True)
    assert_house_page(response, lang)
    assert "password1" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_email_confirmation_page(client, lang):
    person = UserFactory(verified=False)
    address = EmailAddress.objects.create(user=person, email=person.email, primary=True)
    key = EmailConfirmationHMAC(address).key
    assert_house_page(client.get(f"/{lang}/accounts/confirm-email/{key}/"), lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_verification_sent_page(client, lang):
    client.post(
        f"/{lang}/accounts/signup/",
        {
            "email": "new@example.org",
            "full_name": "Uusi Ihminen",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert_house_page(client.get(f"/{lang}/accounts/confirm-email/"), lang)


@pytest.mark.django_db
def test_login_page_in_finnish_and_swedish_is_translated(client):
    fi = client.get("/fi/accounts/login/").content.decode()
    sv = client.get("/sv/accounts/login/").content.decode()
    assert h1(fi) == "Kirjaudu sisään"
    assert h1(sv) == "Logga in"
    assert "Forgot your password?" not in fi + sv


@pytest.mark.django_db
def test_login_form_has_labels_and_linked_errors(client):
    response = client.post("/en/accounts/login/", {"login": "someone@example.org", "password": "x"})
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert 'value="someone@example.org"' in html  # what was typed is kept


@pytest.mark.django_db
def test_signup_page_asks_for_the_name(client):
    html = client.get("/en/accounts/signup/").content.decode()
    assert '<label for="id_full_name">Name' in html
    assert 'aria-describedby="id_full_name_helptext"' in html


@pytest.mark.django_db
def test_no_links_to_unused_features(client, sign_in, resident):
    sign_in(client, resident, lang="en")
    html = client.get("/en/accounts/2fa/").content.decode()
    assert "Security Keys" not in html  # WebAuthn is not offered
    assert "/accounts/3rdparty/" not in html  # no third-party connections without a provider


@pytest.mark.django_db
@override_settings(
    SOCIALACCOUNT_PROVIDERS={
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "city",
                    "name": "Kaupunkitunnus",
                    "client_id": "kumppani",
                    "secret": "s3cret",
                    "settings": {"server_url": "https://login.example.fi"},
                }
            ]
        }
    }
)
@pytest.mark.parametrize("lang", LANGS)
def test_connections_page_when_the_city_service_is_configured(client, sign_in, resident, lang):
    sign_in(client, resident, lang=lang)
    response = client.get(f"/{lang}/accounts/3rdparty/")
    assert_house_page(response, lang)
    assert "Kaupunkitunnus" in response.content.decode()
