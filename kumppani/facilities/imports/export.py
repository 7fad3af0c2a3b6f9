"""Export of the catalogue in the import format, so that an export re-imports unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from kumppani.facilities.imports.columns import SHEET_ORDER, SHEETS
from kumppani.facilities.models import (
    RULE_FIELDS,
    Facility,
    FacilityPart,
    HoursException,
    Price,
    ReservationRules,
    Unit,
    WeeklyHours,
)

LANGS = ("fi", "sv", "en")


def _yes(value) -> str:
    if value is None:
        return ""
    return "yes" if value else "no"


def _t(obj, field: str) -> list[str]:
    return [getattr(obj, f"{field}_{lang}") or "" for lang in LANGS]


def _str(value) -> str:
    return "" if value is None else str(value)


def rows(sheet: str, units, facilities) -> Iterator[list[str]]:
    """Data rows of one sheet for the given unit and facility querysets."""
    if sheet == "units":
        for unit in units.select_related("district", "responsible").prefetch_related("managers"):
            yield [
                unit.external_id or f"unit-{unit.pk}",
                *_t(unit, "name"),
                unit.unit_type,
                unit.street_address,
                unit.postal_code,
                unit.district.slug if unit.district else "",
                unit.responsible.email,
                ";".join(sorted(m.email for m in unit.managers.all())),
                str(unit.approval_deadline_days),
            ]
    elif sheet == "facilities":
        queryset = facilities.select_related("unit", "district", "responsible").prefetch_related(
            "equipment", "accessibility"
        )
        for f in queryset:
            yield [
                _ext(f),
                f.unit.external_id or f"unit-{f.unit_id}",
                *_t(f, "name"),
                f.facility_type,
                str(f.capacity),
                *_t(f, "description"),
                *_t(f, "terms_of_use"),
                f.street_address,
                f.postal_code,
                f.district.slug if f.district else "",
                _str(f.latitude),
                _str(f.longitude),
                _str(f.area_m2),
                ";".join(sorted(e.slug for e in f.equipment.all())),
                ";".join(sorted(a.slug for a in f.accessibility.all())),
                _yes(f.free_for_nonprofits),
                _yes(f.published),
                f.responsible.email,
            ]
    elif sheet == "parts":
        for part in FacilityPart.objects.filter(facility__in=facilities).select_related("facility"):
            yield [_ext(part.facility), part.code, *_t(part, "name"), _str(part.capacity)]
    elif sheet == "hours":
        queryset = WeeklyHours.objects.filter(season__facility__in=facilities).select_related(
            "season__facility"
        )
        for hours in queryset.order_by("season__facility_id", "season_id", "weekday", "opens"):
            season = hours.season
            yield [
                _ext(season.facility),
                *_t(season, "name"),
                _str(season.valid_from),
                _str(season.valid_to),
                str(hours.weekday + 1),
                f"{hours.opens:%H:%M}",
                f"{hours.closes:%H:%M}",
            ]
    elif sheet == "exceptions":
        for exc in HoursException.objects.filter(facility__in=facilities).select_related(
            "facility"
        ):
            yield [
                _ext(exc.facility),
                exc.date.isoformat(),
                _yes(exc.closed),
                f"{exc.opens:%H:%M}" if exc.opens else "",
                f"{exc.closes:%H:%M}" if exc.closes else "",
                *_t(exc, "reason"),
            ]
    elif sheet == "rules":
        queryset = ReservationRules.objects.filter(
            unit__in=units
        ) | ReservationRules.objects.filter(facility__in=facilities)
        for rules in queryset.select_related("unit", "facility"):
            yield [
                (rules.unit.external_id or f"unit-{rules.unit_id}") if rules.unit else "",
                _ext(rules.facility) if rules.facility else "",
                *[
                    _yes(getattr(rules, name))
                    if name == "requires_approval"
                    else _str(getattr(rules, name))
                    for name in RULE_FIELDS
                ],
            ]
    elif sheet == "prices":
        for price in Price.objects.filter(facility__in=facilities).select_related("facility"):
            yield [
                _ext(price.facility),
                price.customer_group,
                price.basis,
                str(price.amount_eur),
                str(price.vat_percent),
                price.valid_from.isoformat(),
                _str(price.valid_to),
            ]


def _ext(facility: Facility) -> str:
    return facility.external_id or f"facility-{facility.pk}"


def header(sheet: str) -> list[str]:
    return [column.name for column in SHEETS[sheet]]


def write_csv(sheet: str, out, *, units=None, facilities=None) -> None:
    units = Unit.objects.all() if units is None else units
    facilities = Facility.objects.all() if facilities is None else facilities
    writer = csv.writer(out)
    writer.writerow(header(sheet))
    writer.writerows(rows(sheet, units, facilities))


def xlsx_bytes(*, units=None, facilities=None) -> bytes:
    from openpyxl import Workbook

    units = Unit.objects.all() if units is None else units
    facilities = Facility.objects.all() if facilities is None else facilities
    workbook = Workbook(write_only=True)
    for sheet in SHEET_ORDER:
        worksheet = workbook.create_sheet(sheet)
        worksheet.append(header(sheet))
        for row in rows(sheet, units, facilities):
            worksheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
