import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("page", ["", "privacy/", "accessibility/"])
def test_public_pages_render_in_each_language(client, lang, page):
    response = client.get(f"/{lang}/{page}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.text


@pytest.mark.django_db
def test_bare_root_redirects_to_finnish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.django_db
def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_handling_queue_is_for_staff_only(client, django_user_model):
    assert client.get("/fi/handling/").status_code == 302
    resident = django_user_model.objects.create_user("r@example.org", "x" * 12)
    client.force_login(resident)
    assert client.get("/fi/handling/").status_code == 403
