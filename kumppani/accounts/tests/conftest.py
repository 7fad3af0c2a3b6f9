import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Sign-in rate limits live in the cache; every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_in():
    """Sign in through the real form, so that allauth records a recent authentication."""
    from kumppani.accounts.tests.factories import PASSWORD

    def _sign_in(client, user, *, lang="fi", reauthenticate=False):
        response = client.post(
            f"/{lang}/accounts/login/", {"login": user.email, "password": PASSWORD}
        )
        assert response.status_code == 302, response.content
        if reauthenticate:  # pages such as MFA set-up ask for the password again
            again = client.post(f"/{lang}/accounts/reauthenticate/", {"password": PASSWORD})
            assert again.status_code == 302, again.content
        return response

    return _sign_in
