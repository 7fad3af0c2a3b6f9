"""Small helpers shared by the booking views."""

from __future__ import annotations

import datetime as dt

from kumppani.core.time import local


def parse_moment(value: str | None) -> dt.datetime | None:
    """An ISO 8601 date-time from a query string; naive ones are Helsinki time."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace(" ", "+"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        from kumppani.core.time import make_local

        return make_local(moment.date(), moment.time())
    return moment


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def initial_times(start: dt.datetime | None, minutes: int) -> dict:
    if start is None:
        return {}
    start = local(start)
    end = local(start + dt.timedelta(minutes=minutes))
    return {"date": start.date(), "start_time": start.time(), "end_time": end.time()}
