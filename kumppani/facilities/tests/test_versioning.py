"""Every change that a booking check reads gives the facility a new config_version."""

import datetime as dt
from decimal import Decimal

import pytest

from kumppani.facilities import services
from kumppani.facilities.models import (
    Facility,
    FacilityPart,
    HoursException,
    Price,
    ReservationRules,
    Season,
)
from kumppani.facilities.services import PartData
from kumppani.facilities.tests.factories import FacilityFactory, with_price


def version(facility) -> int:
    return Facility.objects.values_list("config_version", flat=True).get(pk=facility.pk)


@pytest.fixture
def season(facility):
    return facility.seasons.get()


def changes(facility, action) -> bool:
    before = version(facility)
    action()
    return version(facility) != before


def test_saving_the_facility_or_its_unit(facility):
    facility.capacity += 1
    assert changes(facility, facility.save)
    # A stale copy saved back gets a new version too, never an old one.
    stale = Facility.objects.get(pk=facility.pk)
    assert changes(facility, stale.save)
    assert changes(facility, facility.unit.save)


def test_hours(facility, season):
    assert changes(
        facility,
        lambda: services.set_weekly_hours(season=season, intervals=[(0, dt.time(9), dt.time(17))]),
    )
    assert changes(facility, lambda: season.hours.first().delete())
    assert changes(
        facility,
        lambda: Season.objects.create(
            facility=facility,
            name="Kesä",
            valid_from=dt.date(2027, 6, 1),
            valid_to=dt.date(2027, 8, 31),
        ),
    )
    assert changes(facility, lambda: Season.objects.filter(name="Kesä").delete())
    assert changes(facility, lambda: services.touch(facility))  # after bulk writes


def test_exceptions(facility):
    day = dt.date(2027, 1, 6)
    assert changes(facility, lambda: services.add_exception(facility=facility, first_day=day))
    # Deleting through a queryset (as the manage page does) sends the signals too.
    assert changes(facility, lambda: HoursException.objects.filter(facility=facility).delete())


def test_parts_rules_and_prices(facility):
    assert changes(
        facility,
        lambda: services.save_parts(
            facility=facility,
            parts=[
                PartData(code="a", name_fi="A-puoli", capacity=10),
                PartData(code="b", name_fi="B-puoli", capacity=10),
            ],
        ),
    )
    assert changes(facility, lambda: FacilityPart.objects.filter(code="b").delete())
    assert changes(
        facility, lambda: services.save_rules(values={"min_notice_hours": 48}, facility=facility)
    )
    # The unit's rules apply to every facility of the unit.
    sibling = FacilityFactory(unit=facility.unit)
    assert changes(
        sibling,
        lambda: ReservationRules.objects.create(unit=facility.unit, book_ahead_days=30),
    )
    assert changes(facility, lambda: with_price(facility, amount="30.00"))
    price = Price.objects.filter(facility=facility).first()
    price.amount_eur = Decimal("31.00")
    assert changes(facility, price.save)


def test_other_facilities_keep_their_version(facility):
    other = FacilityFactory()
    assert not changes(
        other, lambda: services.add_exception(facility=facility, first_day=dt.date(2027, 1, 6))
    )
