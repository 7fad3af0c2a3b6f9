import datetime as dt

import pytest
import time_machine

from kumppani.bookings.tests.factories import DAY, NOW, at, book, bookable_facility
from kumppani.sanctions.models import Consequence, LadderStep, SanctionPolicy


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.SANCTIONS_PRIVATE_ROOT = str(tmp_path / "private")
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def facility(db, facility_manager):
    facility = bookable_facility(free_for_nonprofits=True)
    facility.unit.managers.add(facility_manager)
    return facility


@pytest.fixture
def second_manager(facility):
    """Another manager of the same unit: decides on reconsideration."""
    from kumppani.accounts.models import Role
    from kumppani.accounts.tests.factories import UserFactory

    user = UserFactory.staff(role=Role.FACILITY_MANAGER, email="second@example.org")
    facility.unit.managers.add(user)
    return user


@pytest.fixture
def other_manager(db):
    """A facility manager of another unit."""
    from kumppani.accounts.models import Role
    from kumppani.accounts.tests.factories import UserFactory

    user = UserFactory.staff(role=Role.FACILITY_MANAGER, email="othermanager@example.org")
    bookable_facility().unit.managers.add(user)
    return user


def make_policy(version: int = 1, published=True) -> SanctionPolicy:
    from kumppani.core.time import now

    policy = SanctionPolicy.objects.create(
        version=version,
        title_fi="Väärinkäytösten seuraamukset",
        title_sv="Påföljder för missbruk",
        title_en="Sanctions for misuse",
        introduction_fi="Näin toimimme.",
        introduction_sv="Så här gör vi.",
        introduction_en="This is how we act.",
        published_at=now() if published else None,
    )
    for order, consequence, months in (
        (1, Consequence.WARNING, None),
        (2, Consequence.LOSS_OF_FREE_USE, 6),
        (3, Consequence.BAN, 3),
        (4, Consequence.LONGER_BAN, 12),
    ):
        LadderStep.objects.create(
            policy=policy, order=order, consequence=consequence, months=months
        )
    return policy


@pytest.fixture
def policy(db, frozen):
    return make_policy()


def step(policy, order: int) -> LadderStep:
    return policy.steps.get(order=order)


def used_booking(frozen, facility, booker, day=DAY, **kwargs):
    """A booking made at the frozen "now", then time moves to the morning after its use."""
    booking = book(facility, booker, at(day, 18), at(day, 20), **kwargs)
    frozen.move_to(at(day + dt.timedelta(days=1), 9))
    return booking
