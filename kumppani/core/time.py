"""Time helpers. Stored in UTC, shown and entered in Europe/Helsinki.

Use these instead of `datetime.now()` (banned by ruff) so that tests can freeze time.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")


def now() -> dt.datetime:
    """The current moment, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)  # noqa: TID251  the one sanctioned call


def local_now() -> dt.datetime:
    return now().astimezone(HELSINKI)


def today() -> dt.date:
    """Today's date in Helsinki."""
    return local_now().date()


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(HELSINKI)


def make_local(day: dt.date, at: dt.time) -> dt.datetime:
    """The aware moment for a Helsinki wall-clock date and time (DST handled by zoneinfo)."""
    return dt.datetime.combine(day, at, tzinfo=HELSINKI)


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """`start` moved forward by `days` weekdays (Mon–Fri), keeping the local wall-clock time."""
    current = local(start)
    added = 0
    while added < days:
        current = make_local(
            current.date() + dt.timedelta(days=1), current.timetz().replace(tzinfo=None)
        )
        if current.weekday() < 5:
            added += 1
    return current
