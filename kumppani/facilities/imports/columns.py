"""The documented import format (docs/facilities-import.md): sheets and their columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kumppani.facilities.imports import values as v
from kumppani.facilities.models import RULE_FIELDS


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], object] = v.text
    required: bool = False


def _translated(base: str, *, required: bool = False) -> list[Column]:
    return [
        Column(f"{base}_fi", required=required),
        Column(f"{base}_sv"),
        Column(f"{base}_en"),
    ]


RULE_PARSERS = dict.fromkeys(RULE_FIELDS, v.integer)
RULE_PARSERS["requires_approval"] = v.boolean
RULE_PARSERS["who_may_book"] = v.text

SHEETS: dict[str, list[Column]] = {
    "units": [
        Column("external_id", required=True),
        *_translated("name", required=True),
        Column("unit_type", required=True),
        Column("street_address"),
        Column("postal_code"),
        Column("district"),
        Column("responsible_email", required=True),
        Column("manager_emails", v.email_list),
        Column("approval_deadline_days", v.integer),
    ],
    "facilities": [
        Column("external_id", required=True),
        Column("unit", required=True),
        *_translated("name", required=True),
        Column("facility_type", required=True),
        Column("capacity", v.integer, required=True),
        *_translated("description"),
        *_translated("terms_of_use"),
        Column("street_address"),
        Column("postal_code"),
        Column("district"),
        Column("latitude", v.latitude),
        Column("longitude", v.longitude),
        Column("area_m2", v.non_negative_decimal),
        Column("equipment", v.slug_list),
        Column("accessibility", v.slug_list),
        Column("free_for_nonprofits", v.boolean),
        Column("published", v.boolean),
        Column("responsible_email"),
    ],
    "parts": [
        Column("facility", required=True),
        Column("code", required=True),
        *_translated("name", required=True),
        Column("capacity", v.integer),
    ],
    "hours": [
        Column("facility", required=True),
        *_translated("season"),
        Column("valid_from", v.date),
        Column("valid_to", v.date),
        Column("weekday", v.weekday, required=True),
        Column("opens", v.time, required=True),
        Column("closes", v.time, required=True),
    ],
    "exceptions": [
        Column("facility", required=True),
        Column("date", v.date, required=True),
        Column("closed", v.boolean),
        Column("opens", v.time),
        Column("closes", v.time),
        *_translated("reason"),
    ],
    "rules": [
        Column("unit"),
        Column("facility"),
        *[Column(name, RULE_PARSERS.get(name, v.text)) for name in RULE_FIELDS],
    ],
    "prices": [
        Column("facility", required=True),
        Column("customer_group", required=True),
        Column("basis", required=True),
        Column("amount_eur", v.non_negative_decimal, required=True),
        Column("vat_percent", v.non_negative_decimal, required=True),
        Column("valid_from", v.date, required=True),
        Column("valid_to", v.date),
    ],
}

SHEET_ORDER = list(SHEETS)


def unit_key(external_id: str, pk: int) -> str:
    """The reference of a unit in files: its external id, or unit-<id> for one without."""
    return external_id or f"unit-{pk}"


def facility_key(external_id: str, pk: int) -> str:
    return external_id or f"facility-{pk}"
