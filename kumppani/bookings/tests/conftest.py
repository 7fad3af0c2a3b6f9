import pytest
import time_machine

from kumppani.bookings.tests.factories import NOW, bookable_facility


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def facility(db, facility_manager):
    facility = bookable_facility()
    facility.unit.managers.add(facility_manager)
    return facility


@pytest.fixture
def other_manager(db):
    from kumppani.accounts.models import Role
    from kumppani.accounts.tests.factories import UserFactory

    return UserFactory.staff(role=Role.FACILITY_MANAGER, email="othermanager@example.org")
