"""Writes to the catalogue: keyword-only, typed, atomic; every rule checked before saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.facilities.hours import overlapping_pairs
from kumppani.facilities.matching import MatchResult, match_need
from kumppani.facilities.models import (
    RULE_FIELDS,
    Facility,
    FacilityPart,
    FacilityPhoto,
    HoursException,
    Need,
    NeedStatus,
    Price,
    ReservationRules,
    Season,
    Unit,
    Weekday,
    WeeklyHours,
)
from kumppani.facilities.versioning import new_version

PRICE_OVERLAP = _("Another price of this facility for this group is valid at the same time.")
PRICE_BEFORE_CURRENT = _("A new price must start after the current price started.")
HOURS_OVERLAP = _("Opening hours on the same weekday overlap: %(day)s.")
HOURS_ORDER = _("Closing time must be after opening time.")
SEASON_OVERLAP = _("This season overlaps another dated season of the facility.")
SEASON_DATES = _("Give both dates of a season, the first not after the last.")
DEFAULT_SEASON_EXISTS = _("The facility already has regular hours; edit them instead.")
PARTS_REQUIRED = _("A facility needs at least one part.")
PARTS_DUPLICATE_CODE = _("Each part needs its own code.")
PARTS_IN_USE = _("A part that has bookings cannot be removed.")
CLOSURE_RANGE = _("The last day cannot be before the first day.")
CLOSURE_TOO_LONG = _("A closure can cover at most 366 days at a time.")
RESPONSIBLE_MUST_BE_STAFF = _("The responsible person must be a member of the city's staff.")

WHOLE_PART_NAMES = {"fi": "Koko tila", "sv": "Hela lokalen", "en": "Whole facility"}


# Path segments of the facilities section that a facility's address name must not take.
RESERVED_SLUGS = {"manage", "needs", "catalogue-csv", "api"}


def unique_slug(model, text: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(text) or "tila")[:200]
    if base in RESERVED_SLUGS:
        base = f"{base}-tila"
    slug, n = base, 1
    existing = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while existing.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def check_responsible(user) -> None:
    if not (user and user.is_city_staff):
        raise ValidationError({"responsible": RESPONSIBLE_MUST_BE_STAFF})


def touch(facility_or_id) -> None:
    """Marks the facility changed, so that cached needs-matching profiles and booking setups
    are rebuilt (needed after `bulk_create()` or `update()`, which send no signals)."""
    pk = getattr(facility_or_id, "pk", facility_or_id)
    Facility.objects.filter(pk=pk).update(updated_at=now(), config_version=new_version())


@transaction.atomic
def create_facility(
    *, unit: Unit, names: dict[str, str], facility_type: str, capacity: int, **fields
) -> Facility:
    """A new facility with its one undivided part; responsible defaults to the unit's (M9c)."""
    facility = Facility(unit=unit, facility_type=facility_type, capacity=capacity, **fields)
    for lang, text in names.items():
        setattr(facility, f"name_{lang}", text)
    if not facility.responsible_id:
        facility.responsible = unit.responsible
    check_responsible(facility.responsible)
    if not facility.slug:
        facility.slug = unique_slug(Facility, names.get("fi", ""))
    facility.full_clean()
    facility.save()
    create_whole_part(facility=facility)
    return facility


def create_whole_part(*, facility: Facility) -> FacilityPart:
    return FacilityPart.objects.create(
        facility=facility,
        code="whole",
        name_fi=WHOLE_PART_NAMES["fi"],
        name_sv=WHOLE_PART_NAMES["sv"],
        name_en=WHOLE_PART_NAMES["en"],
        capacity=facility.capacity,
    )


@transaction.atomic
def update_facility(*, facility: Facility, equipment=None, accessibility=None) -> Facility:
    """Saves a facility edited by a form (fields already set on the instance)."""
    check_responsible(facility.responsible)
    facility.updated_at = now()
    facility.full_clean()
    facility.save()
    if equipment is not None:
        facility.equipment.set(equipment)
    if accessibility is not None:
        facility.accessibility.set(accessibility)
    return facility


@dataclass
class PartData:
    code: str
    name_fi: str
    name_sv: str = ""
    name_en: str = ""
    capacity: int | None = None


@transaction.atomic
def save_parts(*, facility: Facility, parts: Sequence[PartData]) -> list[FacilityPart]:
    """Replaces the facility's parts by code: updates kept ones, adds new, removes the rest."""
    if not parts:
        raise ValidationError(PARTS_REQUIRED)
    codes = [part.code for part in parts]
    if len(set(codes)) != len(codes):
        raise ValidationError(PARTS_DUPLICATE_CODE)
    existing = {part.code: part for part in facility.parts.all()}
    try:
        FacilityPart.objects.filter(facility=facility).exclude(code__in=codes).delete()
    except ProtectedError as exc:
        raise ValidationError(PARTS_IN_USE) from exc
    saved = []
    for order, data in enumerate(parts):
        part = existing.get(data.code) or FacilityPart(facility=facility, code=data.code)
        part.name_fi, part.name_sv, part.name_en = data.name_fi, data.name_sv, data.name_en
        part.capacity, part.order = data.capacity, order
        part.full_clean(exclude=["facility"])
        part.save()
        saved.append(part)
    return saved


def check_season_dates(*, facility: Facility, valid_from, valid_to, exclude_pk=None) -> None:
    if (valid_from is None) != (valid_to is None) or (valid_from and valid_from > valid_to):
        raise ValidationError(SEASON_DATES)
    others = Season.objects.filter(facility=facility).exclude(pk=exclude_pk)
    if valid_from is None:
        if others.filter(valid_from__isnull=True).exists():
            raise ValidationError(DEFAULT_SEASON_EXISTS)
        return
    if others.filter(valid_from__lte=valid_to, valid_to__gte=valid_from).exists():
        raise ValidationError(SEASON_OVERLAP)


@transaction.atomic
def save_season(
    *,
    facility: Facility,
    season: Season | None = None,
    names: dict[str, str] | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Season:
    season = season or Season(facility=facility)
    check_season_dates(
        facility=facility, valid_from=valid_from, valid_to=valid_to, exclude_pk=season.pk
    )
    for lang, text in (names or {}).items():
        setattr(season, f"name_{lang}", text)
    season.valid_from, season.valid_to = valid_from, valid_to
    season.save()
    touch(facility)
    return season


@transaction.atomic
def delete_season(*, season: Season) -> None:
    facility_id = season.facility_id
    season.delete()
    touch(facility_id)


def check_weekly_hours(intervals: Sequence[tuple[int, dt.time, dt.time]]) -> None:
    for _day, opens, closes in intervals:
        if not opens < closes:
            raise ValidationError(HOURS_ORDER)
    clashes = overlapping_pairs(intervals)
    if clashes:
        day = Weekday(intervals[clashes[0][0]][0]).label
        raise ValidationError(HOURS_OVERLAP, params={"day": day})


@transaction.atomic
def set_weekly_hours(
    *, season: Season, intervals: Sequence[tuple[int, dt.time, dt.time]]
) -> list[WeeklyHours]:
    """Replaces the season's weekly schedule; intervals of one weekday must not overlap."""
    check_weekly_hours(intervals)
    season.hours.all().delete()
    touch(season.facility_id)
    return WeeklyHours.objects.bulk_create(
        WeeklyHours(season=season, weekday=day, opens=opens, closes=closes)
        for day, opens, closes in sorted(intervals)
    )


@transaction.atomic
def add_exception(
    *,
    facility: Facility,
    first_day: dt.date,
    last_day: dt.date | None = None,
    opens: dt.time | None = None,
    closes: dt.time | None = None,
    reasons: dict[str, str] | None = None,
) -> list[HoursException]:
    """Closes the facility (or sets special hours) on each day of a range, replacing earlier ones."""
    last_day = last_day or first_day
    if last_day < first_day:
        raise ValidationError(CLOSURE_RANGE)
    if (last_day - first_day).days > 365:
        raise ValidationError(CLOSURE_TOO_LONG)
    closed = opens is None and closes is None
    if not closed and not (opens and closes and opens < closes):
        raise ValidationError(HOURS_ORDER)
    reasons = reasons or {}
    HoursException.objects.filter(facility=facility, date__range=(first_day, last_day)).delete()
    touch(facility)
    rows = []
    day = first_day
    while day <= last_day:
        rows.append(
            HoursException(
                facility=facility,
                date=day,
                closed=closed,
                opens=opens,
                closes=closes,
                **{f"reason_{lang}": text for lang, text in reasons.items()},
            )
        )
        day += dt.timedelta(days=1)
    return HoursException.objects.bulk_create(rows)


@transaction.atomic
def save_rules(
    *, values: dict, unit: Unit | None = None, facility: Facility | None = None
) -> ReservationRules:
    """Stores a unit's defaults or a facility's overrides (empty values inherit)."""
    owner = {"unit": unit} if unit is not None else {"facility": facility}
    rules = ReservationRules.objects.filter(**owner).first() or ReservationRules(**owner)
    for name in RULE_FIELDS:
        value = values.get(name)
        if name == "who_may_book":
            value = value or ""
        setattr(rules, name, value)
    rules.full_clean()
    rules.save()
    if facility is not None:
        touch(facility)
    return rules


def check_price_overlap(price: Price) -> None:
    """The PostgreSQL exclusion constraint's rule, checked on every database (SQLite too)."""
    overlapping = Price.objects.filter(
        facility_id=price.facility_id, customer_group=price.customer_group
    ).exclude(pk=price.pk)
    overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=price.valid_from))
    if price.valid_to is not None:
        overlapping = overlapping.filter(valid_from__lte=price.valid_to)
    if overlapping.exists():
        raise ValidationError(PRICE_OVERLAP, code="price_overlap")


@transaction.atomic
def save_price(*, price: Price) -> Price:
    """Saves a dated price after checking it overlaps no other price of the facility and group."""
    price.full_clean(validate_constraints=False)
    Facility.objects.select_for_update().filter(pk=price.facility_id).first()
    check_price_overlap(price)
    price.save()
    return price


@transaction.atomic
def change_price(
    *,
    facility: Facility,
    customer_group: str,
    basis: str,
    amount_eur: Decimal,
    vat_percent: Decimal,
    valid_from: dt.date,
) -> Price:
    """A new price from `valid_from` on; the open-ended current one ends the day before.

    The past is never rewritten: earlier rows keep their amounts and dates.
    """
    Facility.objects.select_for_update().filter(pk=facility.pk).first()
    current = Price.objects.filter(
        facility=facility, customer_group=customer_group, valid_to__isnull=True
    ).first()
    if current is not None:
        if current.valid_from >= valid_from:
            raise ValidationError(PRICE_BEFORE_CURRENT, code="price_before_current")
        current.valid_to = valid_from - dt.timedelta(days=1)
        current.save(update_fields=["valid_to"])
    return save_price(
        price=Price(
            facility=facility,
            customer_group=customer_group,
            basis=basis,
            amount_eur=amount_eur,
            vat_percent=vat_percent,
            valid_from=valid_from,
        )
    )


@transaction.atomic
def add_photo(*, facility: Facility, image, alt_texts: dict[str, str]) -> FacilityPhoto:
    photo = FacilityPhoto(facility=facility, image=image, order=facility.photos.count())
    for lang, text in alt_texts.items():
        setattr(photo, f"alt_text_{lang}", text)
    photo.full_clean()
    photo.save()
    return photo


def delete_photo(*, photo: FacilityPhoto) -> None:
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def set_unit_managers(*, unit: Unit, managers: Iterable) -> None:
    unit.managers.set(managers)


@transaction.atomic
def save_need(
    *, need: Need, districts=(), equipment=(), accessibility=(), recorded_by=None
) -> MatchResult:
    """Saves a need and matches it at once: no suitable facility marks it unmet (M9a)."""
    if recorded_by is not None and need.recorded_by_id is None:
        need.recorded_by = recorded_by
    need.weekdays = sorted({int(day) for day in need.weekdays})
    need.updated_at = now()
    need.full_clean(exclude=["user", "organization", "recorded_by", "matched_facility"])
    need.save()
    need.districts.set(districts)
    need.equipment.set(equipment)
    need.accessibility.set(accessibility)
    result = match_need(need)
    need.suitable_count = result.suitable_count
    if need.status != NeedStatus.MATCHED:
        need.status = NeedStatus.OPEN if result.suitable_count else NeedStatus.UNMET
    need.save(update_fields=["suitable_count", "status"])
    return result


@transaction.atomic
def set_need_status(*, need: Need, status: str, matched_facility: Facility | None = None) -> Need:
    """Staff record the outcome: matched with a facility, unmet, or open again."""
    need.status = status
    need.matched_facility = matched_facility if status == NeedStatus.MATCHED else None
    need.updated_at = now()
    need.full_clean(exclude=["user", "organization", "recorded_by"])
    need.save(update_fields=["status", "matched_facility", "updated_at"])
    return need
