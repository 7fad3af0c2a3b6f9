"""Cross-facility search: which facilities are free for a whole given time.

"Free on 12 November from 18:00 to 20:00, for at least 25 people, in Kallio, step-free" — the
facility must be open for the whole time, its rules must allow such a booking now, and no
active occupancy (with the facility's buffers) may touch the time on any of its parts.

The database narrows the candidates (published, capacity, district, accessibility, weekly
hours or an exception that day); opening hours are then resolved exactly in Python, and one
query over the occupancy GiST index finds the conflicts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from kumppani.bookings.availability import UTC, window
from kumppani.bookings.models import Occupancy
from kumppani.core.time import make_local, now
from kumppani.facilities.hours import schedules_for
from kumppani.facilities.models import Facility, HoursException, WeeklyHours, WhoMayBook
from kumppani.facilities.rules import effective_rules

RESULT_LIMIT = 200


@dataclass
class SearchSpec:
    date: dt.date
    time_from: dt.time
    time_to: dt.time
    capacity: int | None = None
    district_id: int | None = None
    accessibility_ids: list[int] = field(default_factory=list)

    @property
    def start(self) -> dt.datetime:
        return make_local(self.date, self.time_from).astimezone(UTC)

    @property
    def end(self) -> dt.datetime:
        return make_local(self.date, self.time_to).astimezone(UTC)


def candidates(spec: SearchSpec):
    facilities = Facility.objects.published()
    if spec.capacity:
        facilities = facilities.filter(capacity__gte=spec.capacity)
    if spec.district_id:
        facilities = facilities.filter(district_id=spec.district_id)
    facilities = facilities.with_all_of("accessibility", spec.accessibility_ids)
    covering = WeeklyHours.objects.filter(
        season__facility=OuterRef("pk"),
        weekday=spec.date.weekday(),
        opens__lte=spec.time_from,
        closes__gte=spec.time_to,
    ).filter(
        Q(season__valid_from__isnull=True)
        | Q(season__valid_from__lte=spec.date, season__valid_to__gte=spec.date)
    )
    special = HoursException.objects.filter(facility=OuterRef("pk"), date=spec.date)
    return facilities.filter(Exists(covering) | Exists(special))


def _allowed(rules, start, end, moment) -> bool:
    earliest, latest = window(rules, moment)
    return (
        rules.who_may_book != WhoMayBook.STAFF_ONLY
        and rules.min_duration <= end - start <= rules.max_duration
        and earliest <= start < latest
    )


def search_free(spec: SearchSpec, *, moment: dt.datetime | None = None) -> list[Facility]:
    """Facilities free (as a whole) for the whole time, by name; at most RESULT_LIMIT."""
    moment = moment or now()
    start, end = spec.start, spec.end
    facilities = list(
        candidates(spec)
        .select_related("unit__rules", "rules", "unit", "district")
        .order_by("name", "pk")
    )
    rules = {f.pk: effective_rules(f) for f in facilities}
    facilities = [f for f in facilities if _allowed(rules[f.pk], start, end, moment)]
    schedules = schedules_for([f.pk for f in facilities], spec.date, spec.date)
    open_ids = {
        pk
        for pk, schedule in schedules.items()
        if any(
            o.astimezone(UTC) <= start and end <= c.astimezone(UTC)
            for o, c in schedule.intervals(spec.date, spec.date)
        )
    }
    facilities = [f for f in facilities if f.pk in open_ids]
    if not facilities:
        return []
    widest = max(max(r.buffer_before, r.buffer_after) for r in rules.values())
    busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
    rows = (
        Occupancy.objects.active()
        .filter(part__facility_id__in=[f.pk for f in facilities])
        .overlapping(start - widest, end + widest)
        .values_list("part__facility_id", "start", "end")
    )
    for facility_id, o_start, o_end in rows:
        busy[facility_id].append((o_start, o_end))
    free = []
    for facility in facilities:
        r = rules[facility.pk]
        if not any(
            o_start - r.buffer_after < end and start < o_end + r.buffer_before
            for o_start, o_end in busy.get(facility.pk, ())
        ):
            free.append(facility)
            if len(free) >= RESULT_LIMIT:
                break
    return free
