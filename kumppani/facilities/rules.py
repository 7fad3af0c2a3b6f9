"""The reservation rules in force for a facility: facility overrides on top of unit defaults."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from kumppani.facilities.models import RULE_FIELDS, Facility, ReservationRules, WhoMayBook

# What applies where neither the unit nor the facility says otherwise.
DEFAULT_RULES = {
    "min_duration_minutes": 60,
    "max_duration_minutes": 240,
    "start_interval_minutes": 30,
    "book_ahead_days": 180,
    "min_notice_hours": 24,
    "buffer_before_minutes": 0,
    "buffer_after_minutes": 0,
    "cancellation_deadline_hours": 48,
    "max_active_bookings": 10,
    "requires_approval": False,
    "who_may_book": WhoMayBook.ANYONE,
}


@dataclass(frozen=True)
class EffectiveRules:
    min_duration_minutes: int
    max_duration_minutes: int
    start_interval_minutes: int
    book_ahead_days: int
    min_notice_hours: int
    buffer_before_minutes: int
    buffer_after_minutes: int
    cancellation_deadline_hours: int
    max_active_bookings: int
    requires_approval: bool
    who_may_book: str

    @property
    def min_duration(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.min_duration_minutes)

    @property
    def max_duration(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.max_duration_minutes)

    @property
    def book_ahead(self) -> dt.timedelta:
        return dt.timedelta(days=self.book_ahead_days)

    @property
    def min_notice(self) -> dt.timedelta:
        return dt.timedelta(hours=self.min_notice_hours)

    @property
    def buffer_before(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.buffer_before_minutes)

    @property
    def buffer_after(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.buffer_after_minutes)

    @property
    def cancellation_deadline(self) -> dt.timedelta:
        return dt.timedelta(hours=self.cancellation_deadline_hours)

    def get_who_may_book_display(self) -> str:
        return str(WhoMayBook(self.who_may_book).label)


def _rules_of(owner) -> ReservationRules | None:
    try:
        return owner.rules
    except ObjectDoesNotExist:
        return None


def _is_set(value) -> bool:
    return value is not None and value != ""


def merge_rules(*layers: ReservationRules | None) -> EffectiveRules:
    values = dict(DEFAULT_RULES)
    for layer in layers:
        if layer is None:
            continue
        for name in RULE_FIELDS:
            value = getattr(layer, name)
            if _is_set(value):
                values[name] = value
    if values["max_duration_minutes"] < values["min_duration_minutes"]:
        values["max_duration_minutes"] = values["min_duration_minutes"]
    return EffectiveRules(**values)


def unit_rules(unit) -> EffectiveRules:
    return merge_rules(_rules_of(unit))


def effective_rules(facility: Facility) -> EffectiveRules:
    """Defaults ← the unit's rules ← the facility's own (an empty field inherits)."""
    return merge_rules(_rules_of(facility.unit), _rules_of(facility))
