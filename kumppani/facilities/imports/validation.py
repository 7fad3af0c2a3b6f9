"""Dry run: every row parsed and checked against the file and the database, errors collected."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext as _

from kumppani.accounts.models import Role, RoleAssignment, User
from kumppani.core.models import District
from kumppani.facilities.imports.columns import SHEET_ORDER, SHEETS, facility_key, unit_key
from kumppani.facilities.imports.reading import RowError, Sheet
from kumppani.facilities.models import (
    RULE_FIELDS,
    AccessibilityFeature,
    CustomerGroup,
    Equipment,
    Facility,
    FacilityType,
    Price,
    PriceBasis,
    Unit,
    UnitType,
    WhoMayBook,
)


@dataclass
class Record:
    line: int
    data: dict


@dataclass
class Plan:
    records: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    errors: list[RowError] = field(default_factory=list)
    new: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, sheet: str, line: int, message: str) -> None:
        self.errors.append(RowError(sheet, line, message))

    def summary(self) -> list[tuple[str, int, int]]:
        return [
            (sheet, self.new[sheet], self.updated[sheet])
            for sheet in SHEET_ORDER
            if self.records.get(sheet)
        ]


class Context:
    """What the checks look up in the database, loaded once."""

    def __init__(self, user) -> None:
        self.districts = dict(District.objects.values_list("slug", "pk"))
        self.equipment = dict(Equipment.objects.values_list("slug", "pk"))
        self.accessibility = dict(AccessibilityFeature.objects.values_list("slug", "pk"))
        self.units = {unit_key(u.external_id, u.pk): u for u in Unit.objects.all()}
        self.facilities = {
            facility_key(ext, pk): unit_id
            for pk, ext, unit_id in Facility.objects.values_list("pk", "external_id", "unit_id")
        }
        roles = defaultdict(set)
        for user_id, role in RoleAssignment.objects.values_list("user_id", "role"):
            roles[user_id].add(role)
        self.staff = {
            u.email.lower(): (u.pk, roles[u.pk])
            for u in User.objects.filter(pk__in=roles.keys(), is_active=True)
        }
        self.is_admin = user is None or user.has_role(Role.ADMINISTRATOR)
        self.managed = (
            None
            if self.is_admin
            else set(Unit.objects.managed_by(user).values_list("pk", flat=True))
        )

    def may_edit_unit(self, unit_id: int | None) -> bool:
        return self.managed is None or unit_id in self.managed

    def staff_id(self, email: str) -> int | None:
        found = self.staff.get(email.lower())
        return found[0] if found else None

    def is_facility_manager(self, email: str) -> bool:
        found = self.staff.get(email.lower())
        return bool(found) and bool(found[1] & {Role.FACILITY_MANAGER, Role.ADMINISTRATOR})


def parse_sheet(sheet: Sheet, plan: Plan) -> list[Record]:
    columns = {column.name: column for column in SHEETS[sheet.name]}
    missing = [c.name for c in columns.values() if c.required and c.name not in sheet.header]
    unknown = [name for name in sheet.header if name and name not in columns]
    if missing:
        plan.error(sheet.name, 1, _("Missing columns: %s.") % ", ".join(missing))
    if unknown:
        plan.error(sheet.name, 1, _("Unknown columns: %s.") % ", ".join(unknown))
    duplicates = [name for name, n in Counter(sheet.header).items() if name and n > 1]
    if duplicates:
        plan.error(sheet.name, 1, _("Columns given twice: %s.") % ", ".join(duplicates))
    if missing or unknown or duplicates:
        return []
    records = []
    for line, row in sheet.rows:
        data, ok = {}, True
        if row.get("__extra__"):
            plan.error(sheet.name, line, _("The row has more cells than the header."))
            ok = False
        for name, column in columns.items():
            raw = row.get(name, "")
            if raw == "":
                if column.required:
                    plan.error(sheet.name, line, _("Column %s is empty.") % name)
                    ok = False
                data[name] = None
                continue
            try:
                data[name] = column.parse(raw)
            except ValueError as exc:
                plan.error(sheet.name, line, f"{name}: {exc}")
                ok = False
        if ok:
            records.append(Record(line, data))
    return records


def _first_seen(plan: Plan, sheet: str, records: list[Record], key) -> list[Record]:
    """Drops and reports rows whose key repeats an earlier row of the same sheet."""
    seen: dict = {}
    kept = []
    for record in records:
        value = key(record.data)
        if value in seen:
            plan.error(sheet, record.line, _("Duplicate of line %d.") % seen[value])
            continue
        seen[value] = record.line
        kept.append(record)
    return kept


def check_units(plan: Plan, ctx: Context, records: list[Record]) -> None:
    for record in _first_seen(plan, "units", records, lambda d: d["external_id"]):
        d = record.data
        errors = []
        existing = ctx.units.get(d["external_id"])
        if existing is None and not ctx.is_admin:
            errors.append(_("Only an administrator can add units."))
        if existing is not None and not ctx.may_edit_unit(existing.pk):
            errors.append(_("You do not manage this unit."))
        if d["unit_type"] not in UnitType.values:
            errors.append(_("Unknown unit type “%s”.") % d["unit_type"])
        if d["district"] and d["district"] not in ctx.districts:
            errors.append(_("Unknown district “%s”.") % d["district"])
        if not ctx.staff_id(d["responsible_email"]):
            errors.append(
                _("The responsible person %s is not a staff member.") % d["responsible_email"]
            )
        for email in d["manager_emails"] or []:
            if not ctx.is_facility_manager(email):
                errors.append(_("%s is not a facility manager.") % email)
        _keep(plan, "units", record, errors, existing is None)


def _keep(plan: Plan, sheet: str, record: Record, errors: list[str], is_new: bool) -> None:
    for message in errors:
        plan.error(sheet, record.line, message)
    if not errors:
        plan.records[sheet].append(record)
        (plan.new if is_new else plan.updated)[sheet] += 1


def check_facilities(plan: Plan, ctx: Context, records: list[Record], file_units: set[str]) -> None:
    for record in _first_seen(plan, "facilities", records, lambda d: d["external_id"]):
        d = record.data
        errors = []
        unit = ctx.units.get(d["unit"])
        if unit is None and d["unit"] not in file_units:
            errors.append(_("Unknown unit “%s”.") % d["unit"])
        elif unit is not None and not ctx.may_edit_unit(unit.pk):
            errors.append(_("You do not manage the unit “%s”.") % d["unit"])
        current_unit = ctx.facilities.get(d["external_id"])
        if current_unit is not None and not ctx.may_edit_unit(current_unit):
            errors.append(_("You do not manage this facility's unit."))
        if d["facility_type"] not in FacilityType.values:
            errors.append(_("Unknown facility type “%s”.") % d["facility_type"])
        if d["district"] and d["district"] not in ctx.districts:
            errors.append(_("Unknown district “%s”.") % d["district"])
        if (d["latitude"] is None) != (d["longitude"] is None):
            errors.append(_("Give both latitude and longitude, or neither."))
        for name, known in (("equipment", ctx.equipment), ("accessibility", ctx.accessibility)):
            unknown = [slug for slug in d[name] or [] if slug not in known]
            if unknown:
                errors.append(
                    _("Unknown %(column)s: %(items)s.")
                    % {"column": name, "items": ", ".join(unknown)}
                )
        if d["responsible_email"] and not ctx.staff_id(d["responsible_email"]):
            errors.append(
                _("The responsible person %s is not a staff member.") % d["responsible_email"]
            )
        if d["area_m2"] is not None and d["area_m2"] == 0:
            errors.append(_("The area must be more than zero."))
        _keep(plan, "facilities", record, errors, current_unit is None)


def _facility_errors(ctx: Context, ref: str, file_facilities: dict[str, str]) -> list[str]:
    if ref in ctx.facilities:
        if not ctx.may_edit_unit(ctx.facilities[ref]):
            return [_("You do not manage the unit of facility “%s”.") % ref]
        return []
    if ref in file_facilities:
        return []
    return [_("Unknown facility “%s”.") % ref]


def check_parts(plan: Plan, ctx: Context, records: list[Record], file_facilities) -> None:
    for record in _first_seen(plan, "parts", records, lambda d: (d["facility"], d["code"])):
        d = record.data
        errors = _facility_errors(ctx, d["facility"], file_facilities)
        if slugify(d["code"]) != d["code"].lower():
            errors.append(
                _("The code “%s” may only contain letters, digits and dashes.") % d["code"]
            )
        _keep(plan, "parts", record, errors, True)


def check_hours(plan: Plan, ctx: Context, records: list[Record], file_facilities) -> None:
    intervals: dict[tuple, list[tuple[dt.time, dt.time, int]]] = defaultdict(list)
    seasons: dict[str, dict[tuple, int]] = defaultdict(dict)
    for record in records:
        d = record.data
        errors = _facility_errors(ctx, d["facility"], file_facilities)
        dates = (d["valid_from"], d["valid_to"])
        if (dates[0] is None) != (dates[1] is None):
            errors.append(_("Give both valid_from and valid_to for a season, or neither."))
        elif dates[0] and dates[0] > dates[1]:
            errors.append(_("valid_from is after valid_to."))
        if d["opens"] >= d["closes"]:
            errors.append(_("Closing time must be after opening time."))
        if not errors:
            for (start, end), first_line in seasons[d["facility"]].items():
                if (
                    dates[0]
                    and start
                    and (start, end) != dates
                    and start <= dates[1]
                    and dates[0] <= end
                ):
                    errors.append(_("This season overlaps the season on line %d.") % first_line)
                    break
            seasons[d["facility"]].setdefault(dates, record.line)
        if not errors:
            key = (d["facility"], dates, d["weekday"])
            for opens, closes, other_line in intervals[key]:
                if d["opens"] < closes and opens < d["closes"]:
                    errors.append(_("These hours overlap the hours on line %d.") % other_line)
                    break
            intervals[key].append((d["opens"], d["closes"], record.line))
        _keep(plan, "hours", record, errors, True)


def check_exceptions(plan: Plan, ctx: Context, records: list[Record], file_facilities) -> None:
    for record in _first_seen(plan, "exceptions", records, lambda d: (d["facility"], d["date"])):
        d = record.data
        errors = _facility_errors(ctx, d["facility"], file_facilities)
        has_hours = d["opens"] is not None or d["closes"] is not None
        if d["closed"] is None:
            d["closed"] = not has_hours
        if d["closed"] and has_hours:
            errors.append(_("A closed day cannot have opening hours."))
        if not d["closed"] and not (d["opens"] and d["closes"] and d["opens"] < d["closes"]):
            errors.append(_("Give opens and closes, closing after opening."))
        _keep(plan, "exceptions", record, errors, True)


def check_rules(
    plan: Plan, ctx: Context, records: list[Record], file_units, file_facilities
) -> None:
    for record in _first_seen(plan, "rules", records, lambda d: (d["unit"], d["facility"])):
        d = record.data
        errors = []
        if bool(d["unit"]) == bool(d["facility"]):
            errors.append(_("Give either unit or facility, not both or neither."))
        elif d["unit"]:
            unit = ctx.units.get(d["unit"])
            if unit is None and d["unit"] not in file_units:
                errors.append(_("Unknown unit “%s”.") % d["unit"])
            elif unit is not None and not ctx.may_edit_unit(unit.pk):
                errors.append(_("You do not manage the unit “%s”.") % d["unit"])
        else:
            errors += _facility_errors(ctx, d["facility"], file_facilities)
        if d["who_may_book"] and d["who_may_book"] not in WhoMayBook.values:
            errors.append(_("Unknown who_may_book “%s”.") % d["who_may_book"])
        low, high = d["min_duration_minutes"], d["max_duration_minutes"]
        if low is not None and high is not None and low > high:
            errors.append(_("The minimum duration is longer than the maximum."))
        for name in ("min_duration_minutes", "max_duration_minutes", "start_interval_minutes"):
            if d[name] is not None and not 5 <= d[name] <= 24 * 60 * 31:
                errors.append(_("%s must be at least 5 minutes.") % name)
        _keep(plan, "rules", record, errors, True)


def check_prices(plan: Plan, ctx: Context, records: list[Record], file_facilities) -> None:
    records = _first_seen(
        plan, "prices", records, lambda d: (d["facility"], d["customer_group"], d["valid_from"])
    )
    existing = defaultdict(list)
    refs = {record.data["facility"] for record in records}
    for ext, group, start, end in Price.objects.filter(facility__external_id__in=refs).values_list(
        "facility__external_id", "customer_group", "valid_from", "valid_to"
    ):
        existing[(ext, group)].append((start, end, None))
    for record in records:
        d = record.data
        errors = _facility_errors(ctx, d["facility"], file_facilities)
        if d["customer_group"] not in CustomerGroup.values:
            errors.append(_("Unknown customer group “%s”.") % d["customer_group"])
        if d["basis"] not in PriceBasis.values:
            errors.append(_("Unknown price basis “%s”.") % d["basis"])
        if d["vat_percent"] > 100:
            errors.append(_("VAT cannot exceed 100 %."))
        if d["valid_to"] and d["valid_to"] < d["valid_from"]:
            errors.append(_("valid_to is before valid_from."))
        if not errors:
            key = (d["facility"], d["customer_group"])
            # A row with the same start updates the stored price; any other overlap is refused.
            others = [row for row in existing[key] if row[0] != d["valid_from"] or row[2]]
            for start, end, line in others:
                if _dates_overlap(start, end, d["valid_from"], d["valid_to"]):
                    errors.append(
                        _("Overlaps the price on line %d.") % line
                        if line
                        else _("Overlaps a stored price valid from %s.") % start.isoformat()
                    )
                    break
            existing[key] = [row for row in existing[key] if row[0] != d["valid_from"]]
            existing[key].append((d["valid_from"], d["valid_to"], record.line))
        _keep(plan, "prices", record, errors, True)


def _dates_overlap(start_a, end_a, start_b, end_b) -> bool:
    return (end_b is None or start_a <= end_b) and (end_a is None or start_b <= end_a)


def build_plan(sheets: list[Sheet], user, errors: list[RowError]) -> Plan:
    plan = Plan(errors=list(errors))
    parsed: dict[str, list[Record]] = {}
    for sheet in sheets:
        if sheet.name not in SHEETS:
            plan.error(
                sheet.name,
                1,
                _("Unknown sheet “%(name)s”; use one of: %(sheets)s.")
                % {"name": sheet.name, "sheets": ", ".join(SHEET_ORDER)},
            )
            continue
        if sheet.name in parsed:
            plan.error(sheet.name, 1, _("The sheet is given twice."))
            continue
        parsed[sheet.name] = parse_sheet(sheet, plan)
    ctx = Context(user)
    check_units(plan, ctx, parsed.get("units", []))
    file_units = {r.data["external_id"] for r in plan.records["units"]}
    check_facilities(plan, ctx, parsed.get("facilities", []), file_units)
    file_facilities = {r.data["external_id"]: r.data["unit"] for r in plan.records["facilities"]}
    check_parts(plan, ctx, parsed.get("parts", []), file_facilities)
    check_hours(plan, ctx, parsed.get("hours", []), file_facilities)
    check_exceptions(plan, ctx, parsed.get("exceptions", []), file_facilities)
    check_rules(plan, ctx, parsed.get("rules", []), file_units, file_facilities)
    check_prices(plan, ctx, parsed.get("prices", []), file_facilities)
    if not any(parsed.values()) and not plan.errors:
        plan.error("", 1, _("The file has no rows to import."))
    plan.errors.sort(
        key=lambda e: (SHEET_ORDER.index(e.sheet) if e.sheet in SHEET_ORDER else -1, e.line)
    )
    return plan


__all__ = ["RULE_FIELDS", "Plan", "Record", "build_plan"]
