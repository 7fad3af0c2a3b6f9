"""Opening hours as real moments: seasons and exceptions resolved, in Europe/Helsinki.

Weekly hours are wall-clock times, so an 18:00 opening is 18:00 local time on both sides of a
daylight-saving change (its UTC moment moves by an hour). Python compares two datetimes that
share a tzinfo by wall-clock time; compute durations after `.astimezone(datetime.UTC)`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from kumppani.core.time import make_local
from kumppani.facilities.models import Facility, HoursException, Season

Interval = tuple[dt.time, dt.time]


@dataclass
class WeekPlan:
    """Weekly intervals of one season: weekday (Mon = 0) → [(opens, closes), …] sorted."""

    valid_from: dt.date | None
    valid_to: dt.date | None
    days: dict[int, list[Interval]] = field(default_factory=dict)

    def covers(self, day: dt.date) -> bool:
        return self.valid_from is not None and self.valid_from <= day <= self.valid_to


@dataclass
class Schedule:
    """Everything needed to tell one facility's hours on any day, without further queries."""

    default: WeekPlan | None
    seasons: list[WeekPlan]
    exceptions: dict[dt.date, Interval | None]

    def plan_for(self, day: dt.date) -> WeekPlan | None:
        # Dated seasons override the default; if staff left two overlapping (only possible on
        # SQLite before validation), the one that started later wins.
        dated = [plan for plan in self.seasons if plan.covers(day)]
        if dated:
            return max(dated, key=lambda plan: plan.valid_from)
        return self.default

    def local_hours(self, day: dt.date) -> list[Interval]:
        if day in self.exceptions:
            special = self.exceptions[day]
            return [special] if special else []
        plan = self.plan_for(day)
        return list(plan.days.get(day.weekday(), [])) if plan else []

    def intervals(self, start: dt.date, end: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        result = []
        day = start
        while day <= end:
            for opens, closes in self.local_hours(day):
                result.append((make_local(day, opens), make_local(day, closes)))
            day += dt.timedelta(days=1)
        return result


def schedules_for(facility_ids: Iterable[int], start: dt.date, end: dt.date) -> dict[int, Schedule]:
    """Schedules of many facilities for the dates start..end in two queries.

    Plain value rows, not model instances: this runs on every booking and availability check,
    where building translated model objects would cost more than the queries themselves.
    """
    ids = list(facility_ids)
    plans: dict[int, dict[int, WeekPlan]] = defaultdict(dict)
    rows = (
        Season.objects.filter(facility_id__in=ids)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end, valid_to__gte=start))
        .values_list(
            "facility_id",
            "pk",
            "valid_from",
            "valid_to",
            "hours__weekday",
            "hours__opens",
            "hours__closes",
        )
        .order_by()
    )
    for facility_id, season_id, valid_from, valid_to, weekday, opens, closes in rows:
        plan = plans[facility_id].get(season_id)
        if plan is None:
            plan = plans[facility_id][season_id] = WeekPlan(valid_from, valid_to)
        if weekday is not None:  # a season without any hours keeps the facility closed
            plan.days.setdefault(weekday, []).append((opens, closes))
    exceptions: dict[int, dict[dt.date, Interval | None]] = defaultdict(dict)
    for facility_id, day, closed, opens, closes in HoursException.objects.filter(
        facility_id__in=ids, date__range=(start, end)
    ).values_list("facility_id", "date", "closed", "opens", "closes"):
        exceptions[facility_id][day] = None if closed else (opens, closes)
    schedules = {}
    for pk in ids:
        season_plans = list(plans[pk].values())
        for plan in season_plans:
            for intervals in plan.days.values():
                intervals.sort()
        schedules[pk] = Schedule(
            default=next((plan for plan in season_plans if plan.valid_from is None), None),
            seasons=[plan for plan in season_plans if plan.valid_from is not None],
            exceptions=exceptions[pk],
        )
    return schedules


def schedule_for(facility: Facility, start: dt.date, end: dt.date) -> Schedule:
    return schedules_for([facility.pk], start, end)[facility.pk]


def opening_intervals(
    facility: Facility, start_date: dt.date, end_date: dt.date
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Open intervals from start_date to end_date (both included) as aware Helsinki datetimes."""
    return schedule_for(facility, start_date, end_date).intervals(start_date, end_date)


def overlapping_pairs(intervals: Iterable[tuple[int, dt.time, dt.time]]) -> list[tuple[int, int]]:
    """Indexes of (weekday, opens, closes) intervals that overlap on the same weekday."""
    items = list(intervals)
    clashes = []
    for i, (day_a, opens_a, closes_a) in enumerate(items):
        for j in range(i + 1, len(items)):
            day_b, opens_b, closes_b = items[j]
            if day_a == day_b and opens_a < closes_b and opens_b < closes_a:
                clashes.append((i, j))
    return clashes
