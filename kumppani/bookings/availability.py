"""When a facility can be booked: pure computation over prefetched data.

`load()` fetches, in a handful of queries, everything one facility's availability depends on:
its parts, effective rules, opening hours (seasons and exceptions) and the active occupancy rows.
`free_periods()` then works in memory. All arithmetic is done in UTC; wall-clock alignment
(start every 30 minutes, 18:00 stays 18:00) is done in Europe/Helsinki.

A new booking [s, e) with buffers (bb before, ba after) occupies [s − bb, e + ba); it conflicts
with an existing occupancy [os, oe) iff s < oe + bb and e > os − ba, so every occupancy blocks
the booking's own period over [os − ba, oe + bb).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache

from kumppani.bookings.models import Occupancy
from kumppani.core.time import HELSINKI, local, make_local, now, today
from kumppani.facilities.hours import Schedule, schedule_for
from kumppani.facilities.models import Facility, FacilityPart
from kumppani.facilities.rules import EffectiveRules, effective_rules

UTC = dt.UTC
Period = tuple[dt.datetime, dt.datetime]
MAX_RANGE_DAYS = 62


@dataclass(frozen=True)
class Slot:
    """A bookable period: a booking may start at `start` (or a later step) and end by `end`."""

    start: dt.datetime
    end: dt.datetime

    @property
    def duration(self) -> dt.timedelta:
        return self.end - self.start


@dataclass
class FacilityData:
    facility: Facility
    parts: list[FacilityPart]
    rules: EffectiveRules
    schedule: Schedule
    first_day: dt.date
    last_day: dt.date
    busy: dict[int, list[Period]] = field(default_factory=dict)

    def part_ids(self, part: FacilityPart | int | None) -> list[int]:
        if part is None:
            return [p.pk for p in self.parts]
        return [p.pk for p in self.facility.parts_for_target(part)]

    def open_intervals(self) -> list[Period]:
        return [
            (start.astimezone(UTC), end.astimezone(UTC))
            for start, end in self.schedule.intervals(self.first_day, self.last_day)
        ]

    def blocked(self, part_ids: Iterable[int]) -> list[Period]:
        """Periods in which the booking itself may not lie (others' occupancy widened by our
        buffers), merged and sorted."""
        before, after = self.rules.buffer_before, self.rules.buffer_after
        periods = [
            (start - after, end + before) for pk in part_ids for start, end in self.busy.get(pk, ())
        ]
        return merge(periods)


def merge(periods: Iterable[Period]) -> list[Period]:
    result: list[Period] = []
    for start, end in sorted(periods):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def subtract(base: Period, blocked: list[Period]) -> list[Period]:
    """`base` minus the sorted, merged `blocked` periods."""
    start, end = base
    pieces = []
    for b_start, b_end in blocked:
        if b_end <= start:
            continue
        if b_start >= end:
            break
        if b_start > start:
            pieces.append((start, b_start))
        start = max(start, b_end)
        if start >= end:
            break
    if start < end:
        pieces.append((start, end))
    return pieces


def facilities_for_availability():
    """Facilities with what `load()` reads about them in one query plus one for the parts."""
    return Facility.objects.select_related("unit", "unit__rules", "rules").prefetch_related("parts")


# --- A facility's setup, cached under its config_version ----------------------------------------

SETUP_DAYS_BACK = 1  # load() looks a day back for bookings over midnight
SETUP_DAYS_AHEAD = 800  # beyond any booking window
SETUP_TIMEOUT = 24 * 3600


def _setup_key(pk: int, version: int) -> str:
    return f"bookings:facility-setup:{pk}:{version}"


def bookable_facility(pk: int) -> Facility | None:
    """A published facility with everything a booking check reads (unit, rules, parts, prices
    and its opening hours from yesterday on), or None.

    Costs one small query when cached: the facility's `config_version` is read fresh and is part
    of the cache key, so any change to the setup (kumppani.facilities.versioning) is seen at once
    by every process, and an entry never has to be deleted.
    """
    version = (
        Facility.objects.filter(pk=pk, published=True)
        .values_list("config_version", flat=True)
        .first()
    )
    if version is None:
        return None
    key = _setup_key(pk, version)
    facility = cache.get(key)
    if facility is None:
        facility = facilities_for_availability().prefetch_related("prices").get(pk=pk)
        first = today() - dt.timedelta(days=SETUP_DAYS_BACK)
        last = first + dt.timedelta(days=SETUP_DAYS_AHEAD)
        facility.cached_schedule = (first, last, schedule_for(facility, first, last))
        cache.set(key, facility, SETUP_TIMEOUT)
    return facility


def _schedule(facility: Facility, first_day: dt.date, last_day: dt.date) -> Schedule:
    cached = getattr(facility, "cached_schedule", None)
    if cached is not None and cached[0] <= first_day and last_day <= cached[1]:
        return cached[2]
    return schedule_for(facility, first_day, last_day)


def load(
    facility: Facility,
    first_day: dt.date,
    last_day: dt.date,
    *,
    exclude_bookings: Iterable[int] = (),
) -> FacilityData:
    """Everything the availability of `facility` on first_day..last_day (local dates) needs."""
    parts = facility.physical_parts()
    rules = effective_rules(facility)
    schedule = _schedule(facility, first_day, last_day)
    data = FacilityData(facility, parts, rules, schedule, first_day, last_day)
    # Occupancy touching the range, widened by a day for buffers and bookings over midnight.
    window_start = make_local(first_day, dt.time()) - dt.timedelta(days=1)
    window_end = make_local(last_day + dt.timedelta(days=1), dt.time()) + dt.timedelta(days=1)
    rows = (
        Occupancy.objects.active()
        .filter(part_id__in=[p.pk for p in parts])
        .overlapping(window_start, window_end)
        .exclude(booking_id__in=list(exclude_bookings))
        .values_list("part_id", "start", "end")
    )
    busy: dict[int, list[Period]] = defaultdict(list)
    for part_id, start, end in rows:
        busy[part_id].append((start.astimezone(UTC), end.astimezone(UTC)))
    data.busy = dict(busy)
    return data


def window(rules: EffectiveRules, moment: dt.datetime) -> Period:
    """The earliest start allowed and the moment after which nothing can start."""
    earliest = moment + rules.min_notice
    last_day = local(moment).date() + dt.timedelta(days=rules.book_ahead_days)
    latest = make_local(last_day + dt.timedelta(days=1), dt.time())
    return earliest.astimezone(UTC), latest.astimezone(UTC)


def align_up(moment: dt.datetime, step_minutes: int) -> dt.datetime:
    """The first wall-clock step (counted from local midnight) at or after `moment`."""
    at = local(moment)
    minute_of_day = at.hour * 60 + at.minute + (1 if at.second or at.microsecond else 0)
    total = -(-minute_of_day // step_minutes) * step_minutes
    day_offset, minute = divmod(total, 24 * 60)
    aligned = make_local(
        at.date() + dt.timedelta(days=day_offset), dt.time(minute // 60, minute % 60)
    ).astimezone(UTC)
    if aligned < moment:  # the repeated hour when summer time ends
        aligned += dt.timedelta(minutes=step_minutes)
    return aligned


def is_aligned(moment: dt.datetime, step_minutes: int) -> bool:
    at = local(moment)
    return at.second == 0 and at.microsecond == 0 and (at.hour * 60 + at.minute) % step_minutes == 0


def free_periods(
    data: FacilityData,
    part: FacilityPart | int | None = None,
    *,
    moment: dt.datetime | None = None,
    ignore_window: bool = False,
) -> list[Slot]:
    """Bookable periods of the whole facility (or one part) in data's date range."""
    moment = moment or now()
    rules = data.rules
    earliest, latest = window(rules, moment)
    if ignore_window:
        earliest, latest = moment.astimezone(UTC), dt.datetime.max.replace(tzinfo=UTC)
    blocked = data.blocked(data.part_ids(part))
    slots = []
    for open_start, open_end in data.open_intervals():
        start, end = max(open_start, earliest), min(open_end, latest)
        if start >= end:
            continue
        for free_start, free_end in subtract((start, end), blocked):
            first = align_up(free_start, rules.start_interval_minutes)
            if first + rules.min_duration <= free_end:
                slots.append(Slot(first, free_end))
    return slots


def is_within_opening(data: FacilityData, start: dt.datetime, end: dt.datetime) -> bool:
    return any(o_start <= start and end <= o_end for o_start, o_end in data.open_intervals())


def conflicts(data: FacilityData, part_ids: Iterable[int], start: dt.datetime, end: dt.datetime):
    """Does [start, end) with the facility's buffers meet any active occupancy?"""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    return any(b_start < end and start < b_end for b_start, b_end in data.blocked(part_ids))


# --- The week calendar -----------------------------------------------------------------------


class CellState:
    FREE = "free"
    TAKEN = "taken"
    PARTLY = "partly"
    CLOSED = "closed"
    PAST = "past"


@dataclass(frozen=True)
class Cell:
    day: dt.date
    start: dt.datetime
    end: dt.datetime
    state: str


@dataclass
class Week:
    monday: dt.date
    days: list[dt.date]
    rows: list[tuple[dt.time, list[Cell]]]
    step_minutes: int


def week_grid(
    data: FacilityData, monday: dt.date, part: FacilityPart | int | None = None, *, moment=None
) -> Week:
    """Days × time rows between the week's earliest opening and latest closing (local time)."""
    moment = moment or now()
    step = 60 if data.rules.start_interval_minutes >= 60 else 30
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    hours = [data.schedule.local_hours(day) for day in days]
    opens = [o for day in hours for o, _c in day]
    closes = [c for day in hours for _o, c in day]
    if not opens:
        return Week(monday, days, [], step)
    first = min(opens).hour * 60 + (min(opens).minute // step) * step
    last = max(closes).hour * 60 + max(closes).minute
    open_periods = data.open_intervals()
    targets = data.part_ids(part)
    busy = {pk: merge(data.busy.get(pk, ())) for pk in targets}
    rows = []
    for minute in range(first, last, step):
        at = dt.time(minute // 60, minute % 60)
        cells = []
        for day in days:
            start = make_local(day, at).astimezone(UTC)
            end = start + dt.timedelta(minutes=step)
            cells.append(Cell(day, start, end, _state(start, end, open_periods, busy, moment)))
        rows.append((at, cells))
    return Week(monday, days, rows, step)


def _state(start, end, open_periods, busy, moment) -> str:
    if not any(o_start <= start and end <= o_end for o_start, o_end in open_periods):
        return CellState.CLOSED
    taken = sum(1 for periods in busy.values() if any(s < end and start < e for s, e in periods))
    if taken and taken == len(busy):
        return CellState.TAKEN
    if taken:
        return CellState.PARTLY
    if start < moment:
        return CellState.PAST
    return CellState.FREE


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(HELSINKI).date()
