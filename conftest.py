"""Fixtures shared by every test. Test settings defaults live in config/testenv.py."""

# --- Personas shared by every permission test (STYLE.md: anonymous, resident, member,
# organization admin, the responsible staff member, unrelated staff, an outsider's object).
import pytest


@pytest.fixture
def resident(db):
    from kumppani.accounts.tests.factories import UserFactory

    return UserFactory(email="resident@example.org", full_name="Riikka Asukas")


@pytest.fixture
def organization(db):
    from kumppani.organizations.tests.factories import OrganizationFactory

    return OrganizationFactory(
        verified=True, name="Kulmakunnan Kamut ry", name_fi="Kulmakunnan Kamut ry"
    )


@pytest.fixture
def other_organization(db):
    from kumppani.organizations.tests.factories import OrganizationFactory

    return OrganizationFactory(verified=True, name="Toinen Seura ry", name_fi="Toinen Seura ry")


@pytest.fixture
def org_member(organization):
    from kumppani.organizations.tests.factories import MembershipFactory

    return MembershipFactory(organization=organization, user__email="member@example.org").user


@pytest.fixture
def org_admin(organization):
    from kumppani.organizations.models import MembershipRole
    from kumppani.organizations.tests.factories import MembershipFactory

    return MembershipFactory(
        organization=organization, role=MembershipRole.ADMIN, user__email="orgadmin@example.org"
    ).user


@pytest.fixture
def other_org_admin(other_organization):
    from kumppani.organizations.models import MembershipRole
    from kumppani.organizations.tests.factories import MembershipFactory

    return MembershipFactory(
        organization=other_organization, role=MembershipRole.ADMIN, user__email="other@example.org"
    ).user


def _staff(role):
    from kumppani.accounts.tests.factories import UserFactory

    return UserFactory.staff(role=role, email=f"{role}@example.org")


@pytest.fixture
def liaison(db):
    return _staff("liaison")


@pytest.fixture
def facility_manager(db):
    return _staff("facility_manager")


@pytest.fixture
def grant_officer(db):
    return _staff("grant_officer")


@pytest.fixture
def moderator(db):
    return _staff("moderator")


@pytest.fixture
def administrator(db):
    return _staff("administrator")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Sign-in and sign-up rate limits live in the cache; each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever an earlier test in the worker activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
