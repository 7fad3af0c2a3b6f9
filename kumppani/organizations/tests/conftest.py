import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _finnish_by_default():
    """Each test starts in Finnish, whatever language an earlier request left active."""
    with translation.override("fi"):
        yield


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Test people need no slow password hashing (the personas are created after this)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
