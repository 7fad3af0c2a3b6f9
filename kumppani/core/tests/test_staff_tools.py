import pytest


@pytest.mark.django_db
def test_each_official_sees_the_tools_of_their_own_role(client, liaison, grant_officer):
    client.force_login(liaison)
    text = client.get("/en/handling/").text
    assert 'href="/en/organizations/verification/"' in text
    assert 'href="/en/grants/handling/"' not in text

    client.force_login(grant_officer)
    text = client.get("/en/handling/").text
    assert 'href="/en/grants/handling/"' in text
    assert 'href="/en/organizations/verification/"' not in text
    assert 'href="/en/profile/roles/"' not in text


@pytest.mark.django_db
def test_administrator_sees_every_tool(client, administrator):
    client.force_login(administrator)
    text = client.get("/en/handling/").text
    for url in (
        "/en/profile/roles/",
        "/en/facilities/manage/",
        "/en/misuse/manage/",
        "/en/grants/handling/",
    ):
        assert f'href="{url}"' in text
