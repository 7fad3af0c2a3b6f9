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
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Q

from kumppani.bookings.availability import UTC, window
from kumppani.bookings.models import Occupancy
from kumppani.core.time import make_local, now
from kumppani.facilities.models import (
    RULE_FIELDS,
    Facility,
    HoursException,
    ReservationRules,
    Season,
    WeeklyHours,
    WhoMayBook,
)
from kumppani.facilities.rules import EffectiveRules, merge_rules

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


def _rules_for(rows: list[tuple[int, int]]) -> dict[int, EffectiveRules]:
    """Effective rules of many facilities from plain rows (unit defaults ← facility's own)."""
    # Every rules row (a few per unit at most) is cheaper than filtering by thousands of ids.
    layers = ReservationRules.objects.values("unit_id", "facility_id", *RULE_FIELDS)
    of_unit, of_facility = {}, {}
    for layer in layers:
        target = of_unit if layer["unit_id"] else of_facility
        target[layer["unit_id"] or layer["facility_id"]] = SimpleNamespace(**layer)
    merged: dict[tuple, EffectiveRules] = {}
    result = {}
    for pk, unit_id in rows:
        key = (unit_id, pk if pk in of_facility else None)
        if key not in merged:
            merged[key] = merge_rules(of_unit.get(unit_id), of_facility.get(pk))
        result[pk] = merged[key]
    return result


def _open_ids(spec: SearchSpec) -> set[int]:
    """Facilities open for the whole time on the date, resolved as facilities.hours does:
    an exception that day wins, then the latest dated season covering the date, then the
    regular hours. City-wide rows of one day, without long id lists."""
    day, t_from, t_to = spec.date, spec.time_from, spec.time_to
    special = {
        pk: not closed and opens <= t_from and t_to <= closes
        for pk, closed, opens, closes in HoursException.objects.filter(date=day).values_list(
            "facility_id", "closed", "opens", "closes"
        )
    }
    dated: dict[int, dt.date] = {}
    for pk, valid_from in Season.objects.filter(valid_from__lte=day, valid_to__gte=day).values_list(
        "facility_id", "valid_from"
    ):
        dated[pk] = max(valid_from, dated.get(pk, valid_from))
    result = {pk for pk, is_open in special.items() if is_open}
    for pk, valid_from in (
        WeeklyHours.objects.filter(weekday=day.weekday(), opens__lte=t_from, closes__gte=t_to)
        .filter(
            Q(season__valid_from__isnull=True)
            | Q(season__valid_from__lte=day, season__valid_to__gte=day)
        )
        .values_list("season__facility_id", "season__valid_from")
    ):
        if pk not in special and dated.get(pk) == valid_from:
            result.add(pk)
    return result


def search_free(spec: SearchSpec, *, moment: dt.datetime | None = None) -> list[Facility]:
    """Facilities free (as a whole) for the whole time, by name; at most RESULT_LIMIT.

    Works on plain rows until the end (thousands of candidates would be slow as models).
    """
    moment = moment or now()
    start, end = spec.start, spec.end
    facilities = candidates(spec)
    rows = list(facilities.order_by("name", "pk").values_list("pk", "unit_id"))
    rules = _rules_for(rows)
    allowed = {r: _allowed(r, start, end, moment) for r in set(rules.values())}
    open_ids = _open_ids(spec)
    ids = [pk for pk, _unit in rows if allowed[rules[pk]] and pk in open_ids]
    if not ids:
        return []
    widest = max(max(r.buffer_before, r.buffer_after) for r in rules.values())
    busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
    for facility_id, o_start, o_end in (
        Occupancy.objects.active()
        .overlapping(start - widest, end + widest)
        .values_list("part__facility_id", "start", "end")
    ):
        busy[facility_id].append((o_start, o_end))
    free = []
    for pk in ids:
        r = rules[pk]
        if not any(
            o_start - r.buffer_after < end and start < o_end + r.buffer_before
            for o_start, o_end in busy.get(pk, ())
        ):
            free.append(pk)
            if len(free) >= RESULT_LIMIT:
                break
    found = Facility.objects.filter(pk__in=free).select_related("unit", "district").in_bulk()
    return [found[pk] for pk in free]
