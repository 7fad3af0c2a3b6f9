"""The language switcher keeps the page and remembers a signed-in person's choice."""

import pytest
from django.conf import settings


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "lang", "expected"),
    [
        ("/fi/privacy/", "sv", "/sv/privacy/"),
        ("/sv/accessibility/", "en", "/en/accessibility/"),
        ("/en/accounts/login/", "fi", "/fi/accounts/login/"),
        ("/fi/", "en", "/en/"),
    ],
)
def test_switching_language_stays_on_the_same_page(client, page, lang, expected):
    response = client.post("/i18n/setlang/", {"language": lang, "next": page})
    assert response.status_code == 302
    assert response["Location"] == expected
    landed = client.get(response["Location"])
    assert f'<html lang="{lang}">' in landed.content.decode()


@pytest.mark.django_db
def test_the_switcher_on_a_page_posts_back_to_that_page(client):
    html = client.get("/fi/privacy/?x=1").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert 'name="next" value="/fi/privacy/?x=1"' in html
    assert 'lang="sv"' in html and 'value="sv"' in html


@pytest.mark.django_db
def test_an_unsafe_next_goes_nowhere_else(client):
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_a_signed_in_persons_language_is_remembered(client, resident):
    client.force_login(resident)
    client.post("/i18n/setlang/", {"language": "sv", "next": "/fi/profile/"})
    resident.refresh_from_db()
    assert resident.preferred_language == "sv"


@pytest.mark.django_db
def test_an_unknown_language_changes_nothing(client, resident):
    client.force_login(resident)
    client.post("/i18n/setlang/", {"language": "de", "next": "/fi/profile/"})
    resident.refresh_from_db()
    assert resident.preferred_language == "fi"


@pytest.mark.django_db
def test_mail_goes_out_in_the_recipients_language(client, resident, mailoutbox):
    resident.preferred_language = "sv"
    resident.save()
    client.post("/fi/accounts/password/reset/", {"email": resident.email})
    (mail,) = mailoutbox
    assert mail.subject == f"[{settings.CITY_NAME}] Återställning av lösenord"
    assert mail.body.startswith(f"Hej från Kumppani – {settings.CITY_NAME}!")
