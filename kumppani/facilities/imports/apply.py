"""Writing a checked plan: one transaction, upserts by external id, safe to repeat."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from kumppani.accounts.models import User
from kumppani.core.models import District
from kumppani.core.time import now
from kumppani.facilities import services
from kumppani.facilities.imports.columns import facility_key, unit_key
from kumppani.facilities.imports.validation import Plan
from kumppani.facilities.models import (
    RULE_FIELDS,
    AccessibilityFeature,
    Equipment,
    Facility,
    HoursException,
    Price,
    ReservationRules,
    Season,
    Unit,
    WeeklyHours,
)

LANGS = ("fi", "sv", "en")


def _set_translated(obj, field: str, data: dict, prefix: str | None = None) -> None:
    prefix = prefix or field
    # Only the language fields: assigning `field` itself writes the active language's column.
    for lang in LANGS:
        setattr(obj, f"{field}_{lang}", data.get(f"{prefix}_{lang}") or "")


class _Lookups:
    def __init__(self) -> None:
        self.districts = dict(District.objects.values_list("slug", "pk"))
        self.equipment = dict(Equipment.objects.values_list("slug", "pk"))
        self.accessibility = dict(AccessibilityFeature.objects.values_list("slug", "pk"))
        self.users = {
            u.email.lower(): u for u in User.objects.filter(role_assignments__isnull=False)
        }


@transaction.atomic
def apply_plan(plan: Plan) -> dict[str, int]:
    """Writes every record of a plan without errors; returns how many rows each sheet wrote."""
    if not plan.ok:
        raise ValueError("A plan with errors cannot be applied.")
    look = _Lookups()
    units = _apply_units(plan, look)
    facilities = _apply_facilities(plan, look, units)
    _apply_parts(plan, facilities)
    _apply_hours(plan, facilities)
    _apply_exceptions(plan, facilities)
    _apply_rules(plan, units, facilities)
    _apply_prices(plan, facilities)
    return {sheet: len(records) for sheet, records in plan.records.items()}


def _apply_units(plan: Plan, look: _Lookups) -> dict[str, Unit]:
    units = {unit_key(u.external_id, u.pk): u for u in Unit.objects.all()}
    for record in plan.records.get("units", []):
        d = record.data
        unit = units.get(d["external_id"]) or Unit(external_id=d["external_id"])
        if not unit.external_id:
            unit.external_id = d["external_id"]
        _set_translated(unit, "name", d)
        unit.unit_type = d["unit_type"]
        unit.street_address = d["street_address"] or ""
        unit.postal_code = d["postal_code"] or ""
        unit.district_id = look.districts.get(d["district"]) if d["district"] else None
        unit.responsible = look.users[d["responsible_email"].lower()]
        if d["approval_deadline_days"] is not None:
            unit.approval_deadline_days = d["approval_deadline_days"]
        if not unit.slug:
            unit.slug = services.unique_slug(Unit, d["name_fi"])
        unit.save()
        if d["manager_emails"] is not None:
            unit.managers.set([look.users[email] for email in d["manager_emails"]])
        units[d["external_id"]] = unit
    return units


def _apply_facilities(plan: Plan, look: _Lookups, units: dict[str, Unit]) -> dict[str, Facility]:
    records = plan.records.get("facilities", [])
    existing = _facilities_by_key({r.data["external_id"] for r in records})
    new_ids = []
    for record in records:
        d = record.data
        facility = existing.get(d["external_id"]) or Facility(external_id=d["external_id"])
        if not facility.external_id:
            facility.external_id = d["external_id"]
        unit = units[d["unit"]]
        facility.unit = unit
        _set_translated(facility, "name", d)
        _set_translated(facility, "description", d)
        _set_translated(facility, "terms_of_use", d)
        facility.facility_type = d["facility_type"]
        facility.capacity = d["capacity"]
        for name in ("street_address", "postal_code"):
            setattr(facility, name, d[name] or "")
        facility.district_id = look.districts.get(d["district"]) if d["district"] else None
        facility.latitude, facility.longitude = d["latitude"], d["longitude"]
        facility.area_m2 = d["area_m2"]
        if d["free_for_nonprofits"] is not None:
            facility.free_for_nonprofits = d["free_for_nonprofits"]
        if d["published"] is not None:
            facility.published = d["published"]
        if d["responsible_email"]:
            facility.responsible = look.users[d["responsible_email"].lower()]
        elif not facility.responsible_id:
            facility.responsible = unit.responsible
        if not facility.slug:
            facility.slug = services.unique_slug(Facility, d["name_fi"])
        facility.updated_at = now()
        if facility.pk is None:
            new_ids.append(d["external_id"])
        facility.save()
        existing[d["external_id"]] = facility
        _set_m2m(facility, "equipment", d["equipment"], look.equipment)
        _set_m2m(facility, "accessibility", d["accessibility"], look.accessibility)
    with_parts = {r.data["facility"] for r in plan.records.get("parts", [])}
    for external_id in new_ids:
        if external_id not in with_parts:
            services.create_whole_part(facility=existing[external_id])
    return _all_facilities(plan, existing)


def _set_m2m(facility: Facility, name: str, slugs, known: dict[str, int]) -> None:
    if slugs is None:
        return
    getattr(facility, name).set([known[slug] for slug in slugs])


def _all_facilities(plan: Plan, known: dict[str, Facility]) -> dict[str, Facility]:
    refs = {
        r.data.get("facility")
        for sheet in ("parts", "hours", "exceptions", "rules", "prices")
        for r in plan.records.get(sheet, [])
    } - {None, *known}
    known.update(_facilities_by_key(refs))
    return known


def _facilities_by_key(keys: set[str]) -> dict[str, Facility]:
    """Facilities by file reference: external id, or facility-<id> for one without."""
    synthetic = {
        int(key.removeprefix("facility-"))
        for key in keys
        if key.startswith("facility-") and key.removeprefix("facility-").isdigit()
    }
    queryset = Facility.objects.filter(external_id__in=keys) | Facility.objects.filter(
        pk__in=synthetic, external_id=""
    )
    found = {facility_key(f.external_id, f.pk): f for f in queryset}
    return {key: facility for key, facility in found.items() if key in keys}


def _apply_parts(plan: Plan, facilities: dict[str, Facility]) -> None:
    grouped = defaultdict(list)
    for record in plan.records.get("parts", []):
        d = record.data
        grouped[d["facility"]].append(
            services.PartData(
                code=d["code"].lower(),
                name_fi=d["name_fi"],
                name_sv=d["name_sv"] or "",
                name_en=d["name_en"] or "",
                capacity=d["capacity"],
            )
        )
    for ref, parts in grouped.items():
        services.save_parts(facility=facilities[ref], parts=parts)


def _apply_hours(plan: Plan, facilities: dict[str, Facility]) -> None:
    grouped: dict[str, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for record in plan.records.get("hours", []):
        d = record.data
        grouped[d["facility"]][(d["valid_from"], d["valid_to"])].append(d)
    for ref, seasons in grouped.items():
        facility = facilities[ref]
        # The file's hours replace the facility's schedule: hours are not history.
        Season.objects.filter(facility=facility).delete()
        services.touch(facility)
        for (valid_from, valid_to), rows in seasons.items():
            season = Season(facility=facility, valid_from=valid_from, valid_to=valid_to)
            _set_translated(season, "name", rows[0], prefix="season")
            season.save()
            WeeklyHours.objects.bulk_create(
                WeeklyHours(
                    season=season, weekday=r["weekday"], opens=r["opens"], closes=r["closes"]
                )
                for r in rows
            )


def _apply_exceptions(plan: Plan, facilities: dict[str, Facility]) -> None:
    for record in plan.records.get("exceptions", []):
        d = record.data
        facility = facilities[d["facility"]]
        exception = HoursException.objects.filter(facility=facility, date=d["date"]).first()
        exception = exception or HoursException(facility=facility, date=d["date"])
        exception.closed = d["closed"]
        exception.opens, exception.closes = (
            (None, None) if d["closed"] else (d["opens"], d["closes"])
        )
        _set_translated(exception, "reason", d)
        exception.save()


def _apply_rules(plan: Plan, units: dict[str, Unit], facilities: dict[str, Facility]) -> None:
    for record in plan.records.get("rules", []):
        d = record.data
        owner = {"unit": units[d["unit"]]} if d["unit"] else {"facility": facilities[d["facility"]]}
        rules = ReservationRules.objects.filter(**owner).first() or ReservationRules(**owner)
        for name in RULE_FIELDS:
            value = d[name]
            setattr(rules, name, (value or "") if name == "who_may_book" else value)
        rules.save()


def _apply_prices(plan: Plan, facilities: dict[str, Facility]) -> None:
    for record in plan.records.get("prices", []):
        d = record.data
        facility = facilities[d["facility"]]
        price = Price.objects.filter(
            facility=facility, customer_group=d["customer_group"], valid_from=d["valid_from"]
        ).first() or Price(
            facility=facility, customer_group=d["customer_group"], valid_from=d["valid_from"]
        )
        price.basis, price.amount_eur = d["basis"], d["amount_eur"]
        price.vat_percent, price.valid_to = d["vat_percent"], d["valid_to"]
        services.save_price(price=price)
