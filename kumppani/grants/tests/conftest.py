import pytest

from kumppani.grants.tests.factories import CallFactory, ProgrammeFactory


@pytest.fixture
def programme(grant_officer):
    return ProgrammeFactory(officers=[grant_officer])


@pytest.fixture
def other_officer(db):
    from kumppani.accounts.tests.factories import UserFactory

    return UserFactory.staff(role="grant_officer", email="officer2@example.org")


@pytest.fixture
def other_programme(other_officer):
    return ProgrammeFactory(officers=[other_officer])


@pytest.fixture
def call(programme):
    return CallFactory(programme=programme)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
