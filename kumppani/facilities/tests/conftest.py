import pytest
from django.core.cache import cache

from kumppani.facilities import matching
from kumppani.facilities.tests.factories import (
    DistrictFactory,
    FacilityFactory,
    UnitFactory,
    staff_member,
    with_hours,
)


@pytest.fixture
def unit(facility_manager):
    """A unit managed by the `facility_manager` persona."""
    return UnitFactory(managers=[facility_manager], responsible=facility_manager)


@pytest.fixture
def facility(unit):
    facility = FacilityFactory(unit=unit, name="Salonki", name_fi="Salonki", slug="salonki")
    with_hours(facility)
    return facility


@pytest.fixture
def other_manager(db):
    """A facility manager of another unit."""
    manager = staff_member(email="other-manager@example.org")
    UnitFactory(managers=[manager], responsible=manager)
    return manager


@pytest.fixture
def district(db):
    return DistrictFactory(slug="kallio", name="Kallio", name_fi="Kallio", name_sv="Berghäll")


@pytest.fixture(autouse=True)
def fresh_matching_cache():
    """Each test sees its own catalogue (ids and frozen times can repeat across tests)."""
    cache.clear()
    matching._memo = None
