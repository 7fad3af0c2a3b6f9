"""Dense booking rules called on the services directly: overlap, buffers, window, limits."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kumppani.bookings import availability, services, validators
from kumppani.bookings.models import Occupancy
from kumppani.bookings.tests.factories import DAY, at, block, book, bookable_facility
from kumppani.core.decisions import DecisionStatus


def codes(excinfo) -> list[str]:
    return [error.code for error in excinfo.value.error_list]


def test_overlap_refused_and_freed_by_cancel(frozen, facility, resident, org_member):
    first = book(facility, resident, at(DAY, 18), at(DAY, 20))
    with pytest.raises(ValidationError) as excinfo:
        book(facility, org_member, at(DAY, 19), at(DAY, 21))
    assert codes(excinfo) == ["overlaps"]
    services.cancel_booking(booking=first, by=resident, as_staff=False)
    assert not Occupancy.objects.filter(booking=first, active=True).exists()
    book(facility, org_member, at(DAY, 19), at(DAY, 21))


def test_half_open_periods_touch(frozen, facility, resident, org_member):
    book(facility, resident, at(DAY, 18), at(DAY, 19))
    book(facility, org_member, at(DAY, 19), at(DAY, 20))


def test_buffers_widen_occupancy(frozen, resident, org_member):
    facility = bookable_facility(rules={"buffer_after_minutes": 30})
    booking = book(facility, resident, at(DAY, 18), at(DAY, 19))
    row = booking.occupancies.get()
    assert row.end == at(DAY, 19, 30)
    with pytest.raises(ValidationError) as excinfo:
        book(facility, org_member, at(DAY, 19), at(DAY, 20))
    assert codes(excinfo) == ["overlaps"]
    book(facility, org_member, at(DAY, 19, 30), at(DAY, 20, 30))


def test_whole_and_part_conflict(frozen, resident, org_member):
    facility = bookable_facility(parts=["A", "B"])
    part_a, part_b = facility.parts.order_by("code")
    book(facility, resident, at(DAY, 18), at(DAY, 20), part=part_a)
    book(facility, org_member, at(DAY, 18), at(DAY, 20), part=part_b, organization=None)
    with pytest.raises(ValidationError) as excinfo:
        book(facility, org_member, at(DAY, 12), at(DAY, 19))
    assert "overlaps" in codes(excinfo)
    whole = book(facility, org_member, at(DAY, 10), at(DAY, 12))
    assert whole.occupancies.count() == 2


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        (
            at(DAY + dt.timedelta(days=200), 18),
            at(DAY + dt.timedelta(days=200), 19),
            "outside_window",
        ),
        (at(dt.date(2026, 9, 1), 18), at(dt.date(2026, 9, 1), 19), "too_late"),
        (at(DAY, 18), at(DAY, 18, 30), "too_short"),
        (at(DAY, 12), at(DAY, 17), "too_long"),
        (at(DAY, 18, 10), at(DAY, 19, 10), "start_interval"),
        (at(DAY, 20), at(DAY, 22), "closed"),
    ],
)
def test_rule_codes(frozen, facility, resident, start, end, code):
    with pytest.raises(ValidationError) as excinfo:
        book(facility, resident, start, end)
    assert code in codes(excinfo)


def test_max_active_and_capacity(frozen, resident):
    facility = bookable_facility(rules={"max_active_bookings": 2}, capacity=5)
    book(facility, resident, at(DAY, 10), at(DAY, 11), people=5)
    book(facility, resident, at(DAY, 12), at(DAY, 13), people=5)
    with pytest.raises(ValidationError) as excinfo:
        book(facility, resident, at(DAY, 14), at(DAY, 15), people=6)
    assert set(codes(excinfo)) == {"max_active", "over_capacity"}


def test_organization_rules(frozen, facility, resident, organization, org_member):
    with pytest.raises(ValidationError) as excinfo:
        book(facility, resident, at(DAY, 10), at(DAY, 11), organization=organization)
    assert codes(excinfo) == ["not_member"]
    organization.status = DecisionStatus.PENDING
    organization.save()
    with pytest.raises(ValidationError) as excinfo:
        book(facility, org_member, at(DAY, 10), at(DAY, 11), organization=organization)
    assert codes(excinfo) == ["organization_not_verified"]


def test_verified_nonprofit_free_full_price_kept(frozen, org_member, organization):
    facility = bookable_facility(free_for_nonprofits=True, price="20.00")
    booking = book(facility, org_member, at(DAY, 18), at(DAY, 20), organization=organization)
    assert booking.price == 0
    assert str(booking.full_price) == "50.20"  # 2 h × 20 € + VAT 25.5 %
    assert booking.customer_group == "nonprofit"


def test_registered_check_blocks(frozen, facility, resident):
    from kumppani.bookings.checks import register_booking_check, unregister_booking_check

    def banned(booker, organization, facility, start):
        return "Booking ban until 31.12.2026." if booker == resident else None

    register_booking_check(banned)
    try:
        with pytest.raises(ValidationError) as excinfo:
            book(facility, resident, at(DAY, 10), at(DAY, 11))
        assert excinfo.value.messages == ["Booking ban until 31.12.2026."]
    finally:
        unregister_booking_check(banned)


def test_staff_block_ignores_window_but_not_overlap(frozen, facility, facility_manager, resident):
    far = DAY + dt.timedelta(days=300)
    block(facility, facility_manager, at(far, 6), at(far, 23))
    book(facility, resident, at(DAY, 10), at(DAY, 11))
    with pytest.raises(ValidationError) as excinfo:
        block(facility, facility_manager, at(DAY, 9), at(DAY, 12))
    assert codes(excinfo) == ["overlaps"]


def test_free_periods_respect_occupancy_and_window(frozen, facility, resident):
    book(facility, resident, at(DAY, 18), at(DAY, 20))
    data = availability.load(facility, DAY, DAY)
    slots = availability.free_periods(data)
    assert [(s.start, s.end) for s in slots] == [
        (at(DAY, 8), at(DAY, 18)),
        (at(DAY, 20), at(DAY, 21)),
    ]
    today = availability.free_periods(
        availability.load(facility, dt.date(2026, 9, 1), dt.date(2026, 9, 2))
    )
    assert today[0].start == at(dt.date(2026, 9, 2), 10)  # 24 h notice from 10:00


def test_validators_messages_are_module_constants():
    assert validators.TAKEN
    assert "%(days)s" in str(validators.OUTSIDE_WINDOW)


def test_search_follows_exceptions_and_seasons(frozen, resident):
    from kumppani.bookings.search import SearchSpec, search_free
    from kumppani.facilities import services as facility_services
    from kumppani.facilities.models import Season, WeeklyHours

    regular = bookable_facility()
    closed = bookable_facility()
    facility_services.add_exception(facility=closed, first_day=DAY)
    short_season = bookable_facility()
    season = Season.objects.create(
        facility=short_season, valid_from=DAY - dt.timedelta(days=3), valid_to=DAY
    )
    WeeklyHours.objects.create(
        season=season, weekday=DAY.weekday(), opens=dt.time(8), closes=dt.time(16)
    )
    special = bookable_facility()
    facility_services.add_exception(
        facility=special, first_day=DAY, opens=dt.time(17), closes=dt.time(23)
    )
    spec = SearchSpec(date=DAY, time_from=dt.time(18), time_to=dt.time(20))
    assert {f.pk for f in search_free(spec)} == {regular.pk, special.pk}
