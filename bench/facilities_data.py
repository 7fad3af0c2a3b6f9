"""A city-scale facility catalogue for the benchmarks: 5,000 facilities with parts, hours,
rules and prices, written with bulk_create in a few seconds.

Rows are marked with external ids `bench-…`; `build()` reuses a complete earlier build.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

FACILITIES = 5000
UNITS = 250
DISTRICTS = 20
PREFIX = "bench-"

KINDS = [
    ("meeting_room", ("Kokoushuone", "Mötesrum", "Meeting room"), (4, 30)),
    ("hall", ("Juhlasali", "Festsal", "Hall"), (30, 200)),
    ("gym", ("Liikuntasali", "Gymnastiksal", "Gym"), (20, 150)),
    ("sports_field", ("Urheilukenttä", "Idrottsplan", "Sports field"), (20, 300)),
    ("auditorium", ("Auditorio", "Auditorium", "Auditorium"), (50, 400)),
    ("classroom", ("Luokkahuone", "Klassrum", "Classroom"), (15, 35)),
    ("teaching_kitchen", ("Opetuskeittiö", "Undervisningskök", "Teaching kitchen"), (8, 24)),
    ("workshop", ("Työpaja", "Verkstad", "Workshop"), (6, 20)),
    ("studio", ("Studio", "Studio", "Studio"), (3, 15)),
    ("youth_space", ("Nuorisotila", "Ungdomslokal", "Youth space"), (15, 60)),
    ("outdoor_area", ("Ulkoalue", "Utomhusområde", "Outdoor area"), (20, 500)),
]
PLACES = [
    "Koivu",
    "Mänty",
    "Kallio",
    "Ranta",
    "Mylly",
    "Puisto",
    "Kirkko",
    "Satama",
    "Lehto",
    "Niitty",
]


def _bulk(model, rows, batch=2000):
    return model.objects.bulk_create(rows, batch_size=batch)


def existing_count() -> int:
    from kumppani.facilities.models import Facility

    return Facility.objects.filter(external_id__startswith=PREFIX).count()


def build(n: int = FACILITIES, *, seed: int = 7, stdout=print) -> None:
    """Creates the catalogue unless a complete one with `n` facilities exists."""
    from django.db import transaction

    if existing_count() == n:
        stdout(f"Reusing the {n} benchmark facilities already in the database.")
        return
    with transaction.atomic():
        _delete()
        _create(n, random.Random(seed))
    stdout(f"Built {n} benchmark facilities.")


def _delete() -> None:
    from kumppani.facilities.models import Facility, Need, Unit

    Need.objects.filter(activity__startswith=PREFIX).delete()
    Facility.objects.filter(external_id__startswith=PREFIX).delete()
    Unit.objects.filter(external_id__startswith=PREFIX).delete()


def _staff():
    from kumppani.accounts.models import Role, RoleAssignment, User

    user, _ = User.objects.get_or_create(
        email="bench-facilities@example.org", defaults={"full_name": "Benchmark Manager"}
    )
    RoleAssignment.objects.get_or_create(user=user, role=Role.FACILITY_MANAGER)
    return user


def _create(n: int, rnd: random.Random) -> None:
    from kumppani.core.models import District
    from kumppani.core.time import today
    from kumppani.facilities.models import (
        AccessibilityFeature,
        Equipment,
        Facility,
        FacilityPart,
        Price,
        ReservationRules,
        Season,
        Unit,
        WeeklyHours,
    )

    staff = _staff()
    districts = [
        District.objects.get_or_create(
            slug=f"{PREFIX}d{i}", defaults={"name": f"Alue {i}", "name_fi": f"Alue {i}"}
        )[0]
        for i in range(DISTRICTS)
    ]
    units = _bulk(
        Unit,
        [
            Unit(
                external_id=f"{PREFIX}u{i}",
                slug=f"{PREFIX}u{i}",
                name_fi=f"{rnd.choice(PLACES)}n yksikkö {i}",
                name_sv=f"Enhet {i}",
                name_en=f"Unit {i}",
                name=f"{rnd.choice(PLACES)}n yksikkö {i}",
                unit_type=rnd.choice(["school", "library", "youth_centre", "sports_centre"]),
                district=districts[i % DISTRICTS],
                responsible=staff,
            )
            for i in range(UNITS)
        ],
    )
    facilities = []
    for i in range(n):
        kind, names, (low, high) = rnd.choice(KINDS)
        place = rnd.choice(PLACES)
        unit = units[i % UNITS]
        facilities.append(
            Facility(
                external_id=f"{PREFIX}f{i}",
                slug=f"{PREFIX}f{i}",
                unit=unit,
                facility_type=kind,
                name=f"{place}n {names[0].lower()} {i}",
                name_fi=f"{place}n {names[0].lower()} {i}",
                name_sv=f"{names[1]} {place} {i}",
                name_en=f"{place} {names[2].lower()} {i}",
                description_fi=f"{names[0]} {place.lower()}n alueella.",
                capacity=rnd.randint(low, high),
                district=unit.district,
                latitude=Decimal(f"{60.15 + rnd.random() * 0.15:.6f}"),
                longitude=Decimal(f"{24.80 + rnd.random() * 0.35:.6f}"),
                free_for_nonprofits=rnd.random() < 0.3,
                published=rnd.random() < 0.97,
                responsible=staff,
            )
        )
    facilities = _bulk(Facility, facilities)
    _relations(facilities, rnd, Equipment, AccessibilityFeature)
    parts = []
    for f in facilities:
        codes = (
            ["a", "b"]
            if f.facility_type in {"gym", "hall", "sports_field"} and rnd.random() < 0.5
            else ["whole"]
        )
        parts += [
            FacilityPart(facility=f, code=c, name_fi=c.upper(), name=c.upper(), order=k)
            for k, c in enumerate(codes)
        ]
    _bulk(FacilityPart, parts)
    year = today().year
    seasons = []
    for f in facilities:
        seasons.append(Season(facility=f))
        if rnd.random() < 0.3:
            seasons.append(
                Season(facility=f, valid_from=dt.date(year, 6, 1), valid_to=dt.date(year, 8, 15))
            )
    seasons = _bulk(Season, seasons)
    hours = []
    for season in seasons:
        opens = rnd.choice([7, 8, 9, 12, 16])
        closes = rnd.choice([16, 20, 21, 22]) if opens < 16 else 21
        days = range(7) if rnd.random() < 0.4 else range(5)
        for day in days:
            if season.valid_from and day > 3:
                continue
            hours.append(
                WeeklyHours(
                    season=season, weekday=day, opens=dt.time(opens), closes=dt.time(closes)
                )
            )
    _bulk(WeeklyHours, hours, batch=5000)
    rules = [
        ReservationRules(
            unit=u,
            min_duration_minutes=60,
            max_duration_minutes=rnd.choice([120, 180, 240]),
            requires_approval=rnd.random() < 0.5,
        )
        for u in units
    ]
    rules += [
        ReservationRules(facility=f, max_duration_minutes=120)
        for f in facilities
        if rnd.random() < 0.1
    ]
    _bulk(ReservationRules, rules)
    prices = []
    for f in facilities:
        hourly = Decimal(rnd.randint(5, 80))
        prices.append(
            Price(
                facility=f,
                customer_group="private",
                amount_eur=hourly,
                vat_percent=Decimal("25.5"),
                valid_from=dt.date(year, 1, 1),
            )
        )
        prices.append(
            Price(
                facility=f,
                customer_group="nonprofit",
                amount_eur=hourly / 2,
                vat_percent=Decimal("25.5"),
                valid_from=dt.date(year, 1, 1),
            )
        )
    _bulk(Price, prices)


def _relations(facilities, rnd, Equipment, AccessibilityFeature) -> None:  # noqa: N803
    from kumppani.facilities.models import Facility

    equipment = list(Equipment.objects.values_list("pk", flat=True))
    access = list(AccessibilityFeature.objects.values_list("pk", flat=True))
    eq_rows, acc_rows = [], []
    for f in facilities:
        for pk in rnd.sample(equipment, rnd.randint(0, 5)):
            eq_rows.append(Facility.equipment.through(facility_id=f.pk, equipment_id=pk))
        for pk in rnd.sample(access, rnd.randint(0, 4)):
            acc_rows.append(
                Facility.accessibility.through(facility_id=f.pk, accessibilityfeature_id=pk)
            )
    _bulk(Facility.equipment.through, eq_rows, batch=5000)
    _bulk(Facility.accessibility.through, acc_rows, batch=5000)
