"""Sign-up with e-mail verification, in the language the person uses."""

import re

import pytest

from kumppani.accounts.models import User

DATA = {
    "email": "Uusi.Ihminen@Example.org",
    "full_name": "Uusi Ihminen",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


@pytest.mark.django_db
def test_sign_up_verify_and_land_signed_in(client, mailoutbox):
    response = client.post("/sv/accounts/signup/", DATA)
    assert response["Location"] == "/sv/accounts/confirm-email/"
    person = User.objects.get(email="uusi.ihminen@example.org")
    assert person.full_name == "Uusi Ihminen"
    assert person.preferred_language == "sv"
    assert "_auth_user_id" not in client.session  # not before the address is verified

    (mail,) = mailoutbox
    assert mail.to == ["uusi.ihminen@example.org"]
    link = re.search(r"http://testserver(/sv/accounts/confirm-email/[^/\s]+/)", mail.body).group(1)
    assert client.get(link).status_code == 200  # confirming is a POST, not a GET
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/sv/profile/"
    assert client.session["_auth_user_id"] == str(person.pk)
    assert person.emailaddress_set.get().verified


@pytest.mark.django_db
def test_sign_up_without_a_name_keeps_what_was_typed(client):
    response = client.post("/fi/accounts/signup/", {**DATA, "full_name": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_full_name"' in html
    assert 'value="Uusi.Ihminen@Example.org"' in html
    assert not User.objects.exists()


@pytest.mark.django_db
def test_weak_password_is_refused_with_a_translated_message(client):
    response = client.post(
        "/fi/accounts/signup/", {**DATA, "password1": "1234", "password2": "1234"}
    )
    assert response.status_code == 200
    assert "Salasana" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_out_is_a_post(client, resident):
    client.force_login(resident)
    assert client.get("/fi/accounts/logout/").status_code == 200  # a confirmation page
    assert "_auth_user_id" in client.session
    response = client.post("/fi/accounts/logout/")
    assert response["Location"] == "/fi/"
    assert "_auth_user_id" not in client.session
