"""Parsers for import cells. Each returns the value or raises ValueError with a message."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

TRUE = {"yes", "true", "1", "x", "kyllä", "k", "ja", "y"}
FALSE = {"no", "false", "0", "ei", "e", "nej", "n"}
WEEKDAYS = {
    **{str(n): n - 1 for n in range(1, 8)},
    **{name: i for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
    **{name: i for i, name in enumerate(["ma", "ti", "ke", "to", "pe", "la", "su"])},
    **{
        name: i
        for i, name in enumerate(
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        )
    },
}


def text(value: str) -> str:
    return value


def boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ValueError(_("“%s” is not yes or no.") % value)


def integer(value: str) -> int:
    try:
        number = int(value.replace(" ", ""))
    except ValueError:
        raise ValueError(_("“%s” is not a whole number.") % value) from None
    if number < 0:
        raise ValueError(_("“%s” cannot be negative.") % value)
    return number


def decimal(value: str) -> Decimal:
    try:
        number = Decimal(value.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("“%s” is not a number.") % value) from None
    if not number.is_finite():
        raise ValueError(_("“%s” is not a number.") % value)
    return number


def non_negative_decimal(value: str) -> Decimal:
    number = decimal(value)
    if number < 0:
        raise ValueError(_("“%s” cannot be negative.") % value)
    return number


def latitude(value: str) -> Decimal:
    number = decimal(value)
    if not -90 <= number <= 90:
        raise ValueError(_("Latitude %s is outside -90…90.") % value)
    return round(number, 6)


def longitude(value: str) -> Decimal:
    number = decimal(value)
    if not -180 <= number <= 180:
        raise ValueError(_("Longitude %s is outside -180…180.") % value)
    return round(number, 6)


def date(value: str) -> dt.date:
    try:
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", value):
            day, month, year = (int(part) for part in value.split("."))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(_("“%s” is not a date (YYYY-MM-DD).") % value) from None


def time(value: str) -> dt.time:
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::00)?", value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(_("“%s” is not a time (HH:MM).") % value)
    return dt.time(int(match[1]), int(match[2]))


def weekday(value: str) -> int:
    try:
        return WEEKDAYS[value.lower()]
    except KeyError:
        raise ValueError(_("“%s” is not a weekday (1–7 or mon…sun).") % value) from None


def slug_list(value: str) -> list[str]:
    return [item.strip().lower() for item in re.split(r"[;,|]", value) if item.strip()]


def email_list(value: str) -> list[str]:
    return [item.strip().lower() for item in re.split(r"[;,\s]+", value) if item.strip()]
