"""Opening hours resolve seasons and exceptions and stay on local time across DST."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from kumppani.facilities import services
from kumppani.facilities.hours import opening_intervals
from kumppani.facilities.models import Season, WeeklyHours
from kumppani.facilities.tests.factories import FacilityFactory, with_hours

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def _utc(intervals):
    return [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in intervals]


@pytest.mark.parametrize(
    ("saturday", "sunday", "before", "after"),
    [
        # Spring forward: EET (+2) until 03:00 on 29 March 2026, then EEST (+3).
        (dt.date(2026, 3, 28), dt.date(2026, 3, 29), 16, 15),
        # Fall back: EEST (+3) until 04:00 on 25 October 2026, then EET (+2).
        (dt.date(2026, 10, 24), dt.date(2026, 10, 25), 15, 16),
    ],
)
def test_18_oclock_stays_18_local_across_dst(saturday, sunday, before, after):
    facility = FacilityFactory()
    with_hours(facility, days=[5, 6], opens=dt.time(18), closes=dt.time(20))
    intervals = opening_intervals(facility, saturday, sunday)
    assert [(a.hour, b.hour) for a, b in intervals] == [(18, 20), (18, 20)]
    (sat_start, sat_end), (sun_start, sun_end) = _utc(intervals)
    assert (sat_start.hour, sun_start.hour) == (before, after)
    assert sat_end - sat_start == sun_end - sun_start == dt.timedelta(hours=2)


def test_a_night_interval_on_the_spring_forward_day_is_an_hour_shorter():
    facility = FacilityFactory()
    with_hours(facility, days=[6], opens=dt.time(0), closes=dt.time(6))
    ((start, end),) = _utc(opening_intervals(facility, dt.date(2026, 3, 29), dt.date(2026, 3, 29)))
    assert end - start == dt.timedelta(hours=5)


def test_dated_season_overrides_default_and_exceptions_override_both():
    facility = FacilityFactory()
    with_hours(facility, days=range(7), opens=dt.time(8), closes=dt.time(21))
    summer = services.save_season(
        facility=facility, valid_from=dt.date(2026, 6, 1), valid_to=dt.date(2026, 8, 15)
    )
    services.set_weekly_hours(season=summer, intervals=[(0, dt.time(10), dt.time(14))])
    services.add_exception(
        facility=facility, first_day=dt.date(2026, 6, 22), reasons={"fi": "Juhannus"}
    )
    services.add_exception(
        facility=facility, first_day=dt.date(2026, 5, 4), opens=dt.time(12), closes=dt.time(13)
    )

    def hours(day):
        return [(a.time(), b.time()) for a, b in opening_intervals(facility, day, day)]

    assert hours(dt.date(2026, 5, 11)) == [(dt.time(8), dt.time(21))]  # Monday, default
    assert hours(dt.date(2026, 6, 8)) == [(dt.time(10), dt.time(14))]  # Monday, summer
    assert hours(dt.date(2026, 6, 9)) == []  # Tuesday: summer has no hours
    assert hours(dt.date(2026, 6, 22)) == []  # Midsummer closure
    assert hours(dt.date(2026, 5, 4)) == [(dt.time(12), dt.time(13))]  # special hours


def test_several_intervals_a_day_but_no_overlap():
    facility = FacilityFactory()
    season = Season.objects.create(facility=facility)
    services.set_weekly_hours(
        season=season, intervals=[(0, dt.time(8), dt.time(12)), (0, dt.time(13), dt.time(16))]
    )
    assert len(opening_intervals(facility, dt.date(2026, 5, 4), dt.date(2026, 5, 4))) == 2
    with pytest.raises(ValidationError):
        services.set_weekly_hours(
            season=season, intervals=[(0, dt.time(8), dt.time(12)), (0, dt.time(11), dt.time(16))]
        )
    with pytest.raises(ValidationError):
        services.set_weekly_hours(season=season, intervals=[(0, dt.time(12), dt.time(8))])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraint")
def test_database_refuses_overlapping_hours_on_postgresql():
    facility = FacilityFactory()
    season = Season.objects.create(facility=facility)
    WeeklyHours.objects.create(season=season, weekday=0, opens=dt.time(8), closes=dt.time(12))
    WeeklyHours.objects.create(season=season, weekday=0, opens=dt.time(12), closes=dt.time(14))
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyHours.objects.create(season=season, weekday=0, opens=dt.time(11), closes=dt.time(13))


def test_overlapping_seasons_and_a_second_default_are_refused():
    facility = FacilityFactory()
    services.save_season(facility=facility)
    with pytest.raises(ValidationError):
        services.save_season(facility=facility)
    services.save_season(
        facility=facility, valid_from=dt.date(2026, 6, 1), valid_to=dt.date(2026, 8, 1)
    )
    with pytest.raises(ValidationError):
        services.save_season(
            facility=facility, valid_from=dt.date(2026, 7, 1), valid_to=dt.date(2026, 9, 1)
        )
    with pytest.raises(ValidationError):
        services.save_season(facility=facility, valid_from=dt.date(2026, 9, 1), valid_to=None)
