"""Signing in with the city's OpenID Connect service, against a mocked provider.

Only the outside HTTP is replaced: requests' transport answers as the provider would
(discovery document, token endpoint, userinfo, JWKS). Everything on our side runs for real.
"""

import json
import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import override_settings

from kumppani.accounts.models import User
from kumppani.accounts.tests.factories import UserFactory

ISSUER = "https://login.example.fi"
CLIENT_ID = "kumppani-client"
CITY_PROVIDER = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "city",
                "name": "Kaupunkitunnus",
                "client_id": CLIENT_ID,
                "secret": "client-secret",
                "settings": {"server_url": ISSUER, "fetch_userinfo": True},
            }
        ],
    }
}
PERSON = {
    "sub": "a1b2c3-city-person",
    "email": "liisa.lahtinen@example.fi",
    "email_verified": True,
    "name": "Liisa Lahtinen",
    "given_name": "Liisa",
    "family_name": "Lahtinen",
}


class FakeProvider:
    """Answers requests' HTTP calls the way the city's identity provider would."""

    def __init__(self, person: dict):
        self.person = person
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.calls: list[requests.PreparedRequest] = []

    def send(self, adapter, request, **kwargs):
        self.calls.append(request)
        url = request.url.split("?")[0]
        routes = {
            f"{ISSUER}/.well-known/openid-configuration": self.discovery,
            f"{ISSUER}/token": self.token,
            f"{ISSUER}/userinfo": lambda: self.person,
            f"{ISSUER}/jwks": self.jwks,
        }
        if url not in routes:
            return self.response(request, 404, {"error": "not_found"})
        return self.response(request, 200, routes[url]())

    def discovery(self) -> dict:
        return {
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/authorize",
            "token_endpoint": f"{ISSUER}/token",
            "userinfo_endpoint": f"{ISSUER}/userinfo",
            "jwks_uri": f"{ISSUER}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
        }

    def token(self) -> dict:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": self.person["sub"],
            "iat": now,
            "exp": now + 300,
        }
        id_token = jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "k1"})
        return {
            "access_token": "access-token",
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }

    def jwks(self) -> dict:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}

    @staticmethod
    def response(request, status: int, payload: dict) -> requests.Response:
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(payload).encode()
        response.headers["Content-Type"] = "application/json"
        response.url = request.url
        response.request = request
        return response

    def token_request(self) -> dict:
        (call,) = [c for c in self.calls if c.url.startswith(f"{ISSUER}/token")]
        return parse_qs(call.body)


@pytest.fixture
def provider():
    fake = FakeProvider(dict(PERSON))
    with mock.patch.object(
        requests.adapters.HTTPAdapter, "send", autospec=True, side_effect=fake.send
    ):
        yield fake


def start_sign_in(client, lang="fi"):
    """From the sign-in page, press the city button; returns the provider's authorize URL."""
    page = client.get(f"/{lang}/accounts/login/").content.decode()
    assert "Kaupunkitunnus" in page
    action = page.split('action="/' + lang + "/accounts/oidc/city/login/")[1].split('"')[0]
    response = client.post(f"/{lang}/accounts/oidc/city/login/" + action.replace("&amp;", "&"))
    assert response.status_code == 302
    return response["Location"]


def come_back(client, authorize_url, code="the-code"):
    query = parse_qs(urlsplit(authorize_url).query)
    callback = urlsplit(query["redirect_uri"][0]).path
    return client.get(callback, {"code": code, "state": query["state"][0]})


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=CITY_PROVIDER)
def test_first_sign_in_creates_the_person(client, provider):
    authorize_url = start_sign_in(client, lang="sv")
    assert authorize_url.startswith(f"{ISSUER}/authorize?")
    query = parse_qs(urlsplit(authorize_url).query)
    assert query["client_id"] == [CLIENT_ID]
    assert set(query["scope"][0].split()) >= {"openid", "email", "profile"}
    assert query["code_challenge_method"] == ["S256"]
    # One redirect URI to register with the provider, whatever the page language.
    assert query["redirect_uri"] == ["http://testserver/accounts/oidc/city/login/callback/"]

    response = come_back(client, authorize_url)

    assert response.status_code == 302
    assert response["Location"] == "/sv/profile/"
    person = User.objects.get(email=PERSON["email"])
    assert person.full_name == "Liisa Lahtinen"
    assert person.preferred_language == "sv"
    assert not person.has_usable_password()
    assert person.emailaddress_set.get().verified
    assert SocialAccount.objects.get(user=person).uid == PERSON["sub"]
    assert client.get("/sv/profile/").context["user"] == person
    token_request = provider.token_request()
    assert token_request["code"] == ["the-code"]
    assert token_request["client_id"] == [CLIENT_ID]
    assert "code_verifier" in token_request  # PKCE


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=CITY_PROVIDER)
def test_returning_person_is_signed_in_to_the_same_account(client, provider):
    come_back(client, start_sign_in(client))
    client.logout()
    come_back(client, start_sign_in(client))
    assert User.objects.filter(email=PERSON["email"]).count() == 1
    assert client.get("/fi/profile/").status_code == 200


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=CITY_PROVIDER)
def test_a_forged_state_signs_no_one_in(client, provider):
    authorize_url = start_sign_in(client)
    query = parse_qs(urlsplit(authorize_url).query)
    response = client.get(
        "/accounts/oidc/city/login/callback/", {"code": "x", "state": "forged-state"}
    )
    assert response.status_code == 401
    assert not User.objects.filter(email=PERSON["email"]).exists()
    assert query["state"][0] != "forged-state"


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=CITY_PROVIDER)
def test_an_address_with_a_local_account_is_not_taken_over(client, provider, mailoutbox):
    """Someone else's local account is never signed in just because the e-mail matches;
    the owner of the address is told by e-mail instead (no account enumeration either)."""
    UserFactory(email=PERSON["email"])
    response = come_back(client, start_sign_in(client, lang="en"), code="c2")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert [m.to for m in mailoutbox] == [[PERSON["email"]]]


@pytest.mark.django_db
def test_no_city_button_when_the_service_is_not_configured(client):
    html = client.get("/fi/accounts/login/").content.decode()
    assert "/accounts/oidc/" not in html


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=CITY_PROVIDER)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_confirmation_page_before_leaving_is_in_the_house_layout(client, lang):
    response = client.get(f"/{lang}/accounts/oidc/city/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert 'class="skip-link"' in html
    assert "Kaupunkitunnus" in html


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=CITY_PROVIDER)
def test_without_an_e_mail_from_the_provider_the_person_completes_a_form(client):
    fake = FakeProvider({"sub": "no-mail-person", "name": "Matti Meikäläinen"})
    with mock.patch.object(
        requests.adapters.HTTPAdapter, "send", autospec=True, side_effect=fake.send
    ):
        response = come_back(client, start_sign_in(client))
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/3rdparty/signup/"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="skip-link"' in html
    assert 'name="full_name"' in html and 'value="Matti Meikäläinen"' in html

    done = client.post(
        "/fi/accounts/3rdparty/signup/",
        {"email": "matti@example.fi", "full_name": "Matti Meikäläinen"},
    )
    assert done.status_code == 302
    person = User.objects.get(email="matti@example.fi")
    assert person.full_name == "Matti Meikäläinen"
    assert SocialAccount.objects.get(user=person).uid == "no-mail-person"
