import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from kumppani.facilities import services
from kumppani.facilities.models import CustomerGroup, Price, PriceBasis, ReservationRules
from kumppani.facilities.rules import effective_rules
from kumppani.facilities.tests.factories import FacilityFactory, UnitFactory, with_price

pytestmark = pytest.mark.django_db


def test_an_undivided_facility_is_its_one_part():
    facility = FacilityFactory()
    parts = facility.physical_parts()
    assert len(parts) == 1
    assert not facility.is_divisible
    assert facility.parts_for_target(None) == parts


def test_whole_occupies_every_part_and_a_part_only_itself():
    gym = FacilityFactory(parts=["A", "B"])
    half_a, half_b = gym.physical_parts()
    assert gym.is_divisible
    assert set(gym.parts_for_target(None)) == {half_a, half_b}
    assert gym.parts_for_target(half_b) == [half_b]
    assert gym.parts_for_target(half_a.pk) == [half_a]
    # The whole and a part share a physical part, so their occupancies conflict.
    assert set(gym.parts_for_target(None)) & set(gym.parts_for_target(half_a))


def test_a_part_of_another_facility_is_refused():
    gym = FacilityFactory(parts=["A", "B"])
    other = FacilityFactory()
    with pytest.raises(ValidationError):
        gym.parts_for_target(other.physical_parts()[0])


def test_create_service_makes_the_whole_part_and_inherits_the_responsible():
    unit = UnitFactory()
    facility = services.create_facility(
        unit=unit, names={"fi": "Sali"}, facility_type="hall", capacity=80
    )
    assert facility.responsible == unit.responsible
    assert [part.code for part in facility.physical_parts()] == ["whole"]


def test_parts_need_at_least_one_and_unique_codes():
    facility = FacilityFactory()
    with pytest.raises(ValidationError):
        services.save_parts(facility=facility, parts=[])
    with pytest.raises(ValidationError):
        services.save_parts(
            facility=facility,
            parts=[services.PartData("a", "A"), services.PartData("a", "A2")],
        )
    services.save_parts(
        facility=facility, parts=[services.PartData("a", "A"), services.PartData("b", "B")]
    )
    assert [p.code for p in facility.physical_parts()] == ["a", "b"]


def test_facility_rules_inherit_empty_fields_from_the_unit():
    facility = FacilityFactory()
    services.save_rules(
        unit=facility.unit,
        values={"min_duration_minutes": 60, "max_duration_minutes": 180, "requires_approval": True},
    )
    services.save_rules(facility=facility, values={"max_duration_minutes": 120})
    facility.refresh_from_db()
    rules = effective_rules(facility)
    assert rules.min_duration == dt.timedelta(hours=1)
    assert rules.max_duration == dt.timedelta(hours=2)
    assert rules.requires_approval is True
    assert rules.who_may_book == "anyone"


def test_rules_row_belongs_to_exactly_one_owner():
    facility = FacilityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReservationRules.objects.create(unit=facility.unit, facility=facility)


def test_overlapping_prices_are_refused_by_the_service():
    facility = FacilityFactory()
    with_price(facility, valid_from=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        services.save_price(
            price=Price(
                facility=facility,
                customer_group=CustomerGroup.PRIVATE,
                basis=PriceBasis.PER_HOUR,
                amount_eur=10,
                vat_percent=0,
                valid_from=dt.date(2026, 6, 1),
            )
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraint")
def test_database_refuses_overlapping_prices_on_postgresql():
    facility = FacilityFactory()
    with_price(facility, valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        with_price(facility, valid_from=dt.date(2026, 12, 31))
    # Another group may have its own price at the same time.
    with_price(facility, group=CustomerGroup.COMPANY, valid_from=dt.date(2026, 6, 1))
