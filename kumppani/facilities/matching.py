"""Needs mapping (M9a): rank facilities for a need, best first, with the reason each fits.

The ranking is a pure function over small in-memory profiles, loaded in a handful of queries,
so that matching one need against a city's 5,000 facilities stays well under 200 ms.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from kumppani.core.time import today
from kumppani.facilities.models import (
    AccessibilityFeature,
    Equipment,
    Facility,
    Need,
    Season,
    Weekday,
    WeeklyHours,
)

Span = tuple[int, int]  # minutes from midnight: opens, closes


class FacilityProfile(NamedTuple):
    """A facility as the matcher sees it (a tuple: cheap to cache and to unpickle)."""

    id: int
    name: str
    slug: str
    facility_type: str
    district_id: int | None
    capacity: int
    equipment: frozenset[int]
    accessibility: frozenset[int]
    hours: dict[int, tuple[Span, ...]]  # weekday → open spans in the season in force


@dataclass(frozen=True)
class NeedSpec:
    group_size: int
    duration: int  # minutes
    window: Span
    weekdays: tuple[int, ...] = ()
    districts: frozenset[int] = frozenset()
    equipment: frozenset[int] = frozenset()
    accessibility: frozenset[int] = frozenset()
    facility_type: str = ""

    @classmethod
    def from_need(cls, need: Need) -> NeedSpec:
        return cls(
            group_size=need.group_size,
            duration=need.duration_minutes,
            window=(_minutes(need.time_from), _minutes(need.time_to)),
            weekdays=tuple(sorted(need.weekdays)),
            districts=frozenset(d.pk for d in need.districts.all()),
            equipment=frozenset(e.pk for e in need.equipment.all()),
            accessibility=frozenset(a.pk for a in need.accessibility.all()),
            facility_type=need.facility_type,
        )


@dataclass(frozen=True)
class Reason:
    criterion: str  # capacity, equipment, accessibility, hours, district, type
    ok: bool
    text: str


@dataclass
class Match:
    facility: FacilityProfile
    fits: bool
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class _Assessment:
    capacity_ok: bool
    missing_equipment: frozenset[int]
    missing_accessibility: frozenset[int]
    open_days: tuple[int, ...]
    district_ok: bool
    type_ok: bool

    @property
    def failures(self) -> int:
        return (
            (not self.capacity_ok)
            + bool(self.missing_equipment)
            + bool(self.missing_accessibility)
            + (not self.open_days)
            + (not self.district_ok)
        )


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


ALL_DAYS = tuple(range(7))


def _open_days(spec: NeedSpec, hours: dict[int, tuple[Span, ...]]) -> tuple[int, ...]:
    """Weekdays on which some open span fits the duration inside the wanted window.

    Plain loops: this runs for every facility of the city on every match.
    """
    start, end = spec.window
    duration = spec.duration
    result = []
    for day in spec.weekdays or ALL_DAYS:
        for opens, closes in hours.get(day, ()):
            if (opens if opens > start else start) + duration <= (closes if closes < end else end):
                result.append(day)
                break
    return tuple(result)


def _sort_key(spec: NeedSpec, profile: FacilityProfile) -> tuple:
    """Fewest unmet requirements first, then the wanted kind, then least waste."""
    missing = 0
    if spec.equipment:
        missing += len(spec.equipment - profile.equipment)
    equipment_short = missing
    if spec.accessibility:
        missing += len(spec.accessibility - profile.accessibility)
    days = _open_days(spec, profile.hours)
    failures = (
        (profile.capacity < spec.group_size)
        + (equipment_short > 0)
        + (missing > equipment_short)
        + (not days)
        + (bool(spec.districts) and profile.district_id not in spec.districts)
    )
    wrong_type = bool(spec.facility_type) and profile.facility_type != spec.facility_type
    return (
        failures,
        wrong_type,
        missing,
        -len(days),
        abs(profile.capacity - spec.group_size),
        profile.name,
    )


def _assess(spec: NeedSpec, profile: FacilityProfile) -> _Assessment:
    return _Assessment(
        capacity_ok=profile.capacity >= spec.group_size,
        missing_equipment=spec.equipment - profile.equipment,
        missing_accessibility=spec.accessibility - profile.accessibility,
        open_days=_open_days(spec, profile.hours),
        district_ok=not spec.districts or profile.district_id in spec.districts,
        type_ok=not spec.facility_type or profile.facility_type == spec.facility_type,
    )


def scored(spec: NeedSpec, profiles: list[FacilityProfile]) -> list[tuple[tuple, FacilityProfile]]:
    """Pure ranking of every profile: (sort key, profile), best first."""
    return sorted(((_sort_key(spec, profile), profile) for profile in profiles), key=itemgetter(0))


def rank(
    spec: NeedSpec, profiles: list[FacilityProfile], *, limit: int | None = 20
) -> list[tuple[FacilityProfile, _Assessment]]:
    ordered = scored(spec, profiles)
    chosen = ordered[:limit] if limit else ordered
    return [(profile, _assess(spec, profile)) for _key, profile in chosen]


def load_profiles(on_date: dt.date | None = None) -> list[FacilityProfile]:
    """Published facilities with their equipment, accessibility and hours, in four queries."""
    on_date = on_date or today()
    rows = Facility.objects.published().values_list(
        "id", "name", "slug", "facility_type", "district_id", "capacity"
    )
    equipment: dict[int, set[int]] = defaultdict(set)
    for facility_id, item_id in Facility.equipment.through.objects.filter(
        facility__published=True
    ).values_list("facility_id", "equipment_id"):
        equipment[facility_id].add(item_id)
    access: dict[int, set[int]] = defaultdict(set)
    for facility_id, item_id in Facility.accessibility.through.objects.filter(
        facility__published=True
    ).values_list("facility_id", "accessibilityfeature_id"):
        access[facility_id].add(item_id)
    hours = _hours_in_force(on_date)
    return [
        FacilityProfile(
            id=pk,
            name=name,
            slug=slug,
            facility_type=kind,
            district_id=district,
            capacity=capacity,
            equipment=frozenset(equipment.get(pk, ())),
            accessibility=frozenset(access.get(pk, ())),
            hours=hours.get(pk, {}),
        )
        for pk, name, slug, kind, district, capacity in rows
    ]


PROFILE_CACHE_SECONDS = 300
_memo: tuple[str, list[FacilityProfile]] | None = None


def catalogue_version() -> str:
    """Changes whenever a facility is published, removed or edited (services touch
    `updated_at` on every edit of a facility's hours, equipment or details)."""
    found = Facility.objects.aggregate(
        published=Count("pk", filter=Q(published=True)),
        latest=Max("updated_at"),
        last_id=Max("pk"),
    )
    latest = found["latest"].timestamp() if found["latest"] else 0
    return f"{found['published']}:{found['last_id']}:{latest}"


def cached_profiles(on_date: dt.date | None = None) -> list[FacilityProfile]:
    """The profiles from the shared cache, rebuilt when the catalogue or the day changes.

    The catalogue is read far more often than it is edited; the cache key carries the
    catalogue version, so an edit is seen by the next match on any app server.
    """
    global _memo
    on_date = on_date or today()
    key = f"facilities:profiles:{get_language()}:{on_date.isoformat()}:{catalogue_version()}"
    # This process's last profiles are reused only under the same database-derived key.
    if _memo is not None and _memo[0] == key:
        return _memo[1]
    profiles = cache.get(key)
    if profiles is None:
        profiles = load_profiles(on_date)
        cache.set(key, profiles, PROFILE_CACHE_SECONDS)
    _memo = (key, profiles)
    return profiles


def _hours_in_force(on_date: dt.date) -> dict[int, dict[int, tuple[Span, ...]]]:
    """Per facility: the weekly hours of the dated season covering the date, else the default."""
    in_force = Season.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=on_date, valid_to__gte=on_date),
        facility__published=True,
    )
    seasons = {
        pk: (facility_id, start is not None)
        for pk, facility_id, start in in_force.values_list("pk", "facility_id", "valid_from")
    }
    rows = (
        (*seasons[season_id], weekday, opens, closes)
        for season_id, weekday, opens, closes in WeeklyHours.objects.filter(
            season__in=in_force.values("pk")
        ).values_list("season_id", "weekday", "opens", "closes")
    )
    dated: dict[int, dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))
    default: dict[int, dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for facility_id, is_dated, weekday, opens, closes in rows:
        target = dated if is_dated else default
        target[facility_id][weekday].append((_minutes(opens), _minutes(closes)))
    result = {}
    for facility_id in default.keys() | dated.keys():
        chosen = dated.get(facility_id) or default[facility_id]
        result[facility_id] = {day: tuple(spans) for day, spans in chosen.items()}
    return result


def explain(
    spec: NeedSpec,
    profile: FacilityProfile,
    assessment: _Assessment,
    names: dict[tuple[str, int], str],
) -> Match:
    """Human reasons, in the active language, for one ranked facility."""
    reasons = [
        Reason(
            "capacity",
            assessment.capacity_ok,
            ngettext(
                "Room for %(capacity)d person (you need %(needed)d).",
                "Room for %(capacity)d people (you need %(needed)d).",
                profile.capacity,
            )
            % {"capacity": profile.capacity, "needed": spec.group_size},
        )
    ]
    if spec.equipment:
        missing = assessment.missing_equipment
        reasons.append(
            Reason(
                "equipment",
                not missing,
                _("Has the equipment you need.")
                if not missing
                else _("Lacks: %(items)s.")
                % {"items": ", ".join(names[("e", pk)] for pk in sorted(missing))},
            )
        )
    if spec.accessibility:
        missing = assessment.missing_accessibility
        reasons.append(
            Reason(
                "accessibility",
                not missing,
                _("Meets your accessibility needs.")
                if not missing
                else _("No: %(items)s.")
                % {"items": ", ".join(names[("a", pk)] for pk in sorted(missing))},
            )
        )
    reasons.append(
        Reason(
            "hours",
            bool(assessment.open_days),
            _("Open at the time you want on: %(days)s.")
            % {"days": ", ".join(str(Weekday(day).label) for day in assessment.open_days)}
            if assessment.open_days
            else _("Not open at the time you want."),
        )
    )
    if spec.districts:
        reasons.append(
            Reason(
                "district",
                assessment.district_ok,
                _("In a district you chose.")
                if assessment.district_ok
                else _("In another district."),
            )
        )
    if spec.facility_type:
        reasons.append(
            Reason(
                "type",
                assessment.type_ok,
                _("The kind of space you asked for.")
                if assessment.type_ok
                else _("A different kind of space."),
            )
        )
    return Match(facility=profile, fits=assessment.failures == 0, reasons=reasons)


def vocabulary_names() -> dict[tuple[str, int], str]:
    names = {("e", item.pk): item.name for item in Equipment.objects.all()}
    names.update({("a", item.pk): item.name for item in AccessibilityFeature.objects.all()})
    return names


@dataclass
class MatchResult:
    matches: list[Match]
    suitable_count: int


def match_need(
    need: Need, *, limit: int = 20, profiles: list[FacilityProfile] | None = None
) -> MatchResult:
    spec = NeedSpec.from_need(need)
    profiles = cached_profiles() if profiles is None else profiles
    ordered = scored(spec, profiles)
    names = vocabulary_names()
    return MatchResult(
        matches=[
            explain(spec, profile, _assess(spec, profile), names)
            for _key, profile in ordered[:limit]
        ],
        suitable_count=sum(1 for key, _profile in ordered if key[0] == 0),
    )
