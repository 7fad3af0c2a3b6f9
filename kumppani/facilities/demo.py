"""Demo facilities: ten units in several districts, about sixty facilities, hours with a summer
season and holiday closures, rules, prices, photos (drawn at load time) and a few needs.

Loaded through the catalogue import itself (so the demo also proves that the import is safe to
repeat), then photos and needs are added where missing. Idempotent.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io

from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from kumppani.accounts.models import User
from kumppani.core.models import District
from kumppani.core.time import today
from kumppani.facilities import services
from kumppani.facilities.imports.apply import apply_plan
from kumppani.facilities.imports.reading import Sheet
from kumppani.facilities.imports.validation import build_plan
from kumppani.facilities.models import Facility, FacilityPhoto, Need
from kumppani.organizations.models import Organization

MANAGER = "facilities@example.org"

# external id, names (fi, sv, en), unit type, district, street, postal code, latitude, longitude
UNITS = [
    (
        "demo-u-keskustan-koulu",
        ("Keskustan koulu", "Centrums skola", "City Centre School"),
        "school",
        "keskusta",
        "Koulukatu 1",
        "00100",
        60.1699,
        24.9384,
    ),
    (
        "demo-u-paakirjasto",
        ("Pääkirjasto", "Huvudbiblioteket", "Central Library"),
        "library",
        "keskusta",
        "Kirjastonkatu 3",
        "00100",
        60.1733,
        24.9410,
    ),
    (
        "demo-u-itarannan-nuorisotalo",
        ("Itärannan nuorisotalo", "Östra strandens ungdomsgård", "East Shore Youth Centre"),
        "youth_centre",
        "itaranta",
        "Rantatie 12",
        "00580",
        60.1850,
        24.9830,
    ),
    (
        "demo-u-lansimaen-liikuntakeskus",
        ("Länsimäen liikuntakeskus", "Västerbacka idrottscenter", "West Hill Sports Centre"),
        "sports_centre",
        "lansimaki",
        "Urheilutie 4",
        "00320",
        60.1920,
        24.8780,
    ),
    (
        "demo-u-pohjoispuiston-koulu",
        ("Pohjoispuiston koulu", "Norra parkens skola", "North Park School"),
        "school",
        "pohjoispuisto",
        "Puistotie 20",
        "00610",
        60.2150,
        24.9500,
    ),
    (
        "demo-u-koivulan-kirjasto",
        ("Koivulan kirjasto", "Björkby bibliotek", "Birchwood Library"),
        "library",
        "koivula",
        "Koivukuja 2",
        "00720",
        60.2350,
        25.0100,
    ),
    (
        "demo-u-kulttuuritalo-kaiku",
        ("Kulttuuritalo Kaiku", "Kulturhuset Eko", "Echo Cultural Centre"),
        "cultural_centre",
        "etelasatama",
        "Satamakatu 8",
        "00140",
        60.1600,
        24.9550,
    ),
    (
        "demo-u-myllykylan-asukastalo",
        ("Myllykylän asukastalo", "Kvarnby invånarhus", "Mill Village Community House"),
        "community_centre",
        "myllykyla",
        "Myllytie 5",
        "00760",
        60.2450,
        25.0500,
    ),
    (
        "demo-u-rantakallion-urheilupuisto",
        ("Rantakallion urheilupuisto", "Strandbergets idrottspark", "Shore Cliff Sports Park"),
        "sports_centre",
        "rantakallio",
        "Kallioranta 1",
        "00990",
        60.2050,
        25.1200,
    ),
    (
        "demo-u-kirkonkylan-koulu",
        ("Kirkonkylän koulu", "Kyrkbyns skola", "Church Village School"),
        "school",
        "kirkonkyla",
        "Kirkkotie 14",
        "00840",
        60.2250,
        25.0900,
    ),
]

# What each kind of unit has: (key, type, names, capacity, area, equipment, accessibility, parts)
FACILITY_KINDS = {
    "school": [
        (
            "musiikkiluokka",
            "classroom",
            ("Musiikkiluokka", "Musikklass", "Music classroom"),
            28,
            80,
            "piano;music-instruments;sound-system",
            "step-free-access",
            None,
        ),
        (
            "liikuntasali",
            "gym",
            ("Liikuntasali", "Gymnastiksal", "Gym"),
            80,
            420,
            "ball-game-equipment;changing-rooms;showers",
            "step-free-access;accessible-toilet",
            ["a", "b"],
        ),
        (
            "luokka",
            "classroom",
            ("Luokkahuone", "Klassrum", "Classroom"),
            30,
            60,
            "projector;whiteboard;wifi",
            "step-free-access",
            None,
        ),
        (
            "opetuskeittio",
            "teaching_kitchen",
            ("Opetuskeittiö", "Undervisningskök", "Teaching kitchen"),
            20,
            90,
            "kitchen;tables-chairs",
            "step-free-access;accessible-toilet",
            None,
        ),
        (
            "kasityoluokka",
            "workshop",
            ("Käsityöluokka", "Slöjdsal", "Crafts workshop"),
            16,
            110,
            "woodworking-tools;sewing-machines",
            "",
            None,
        ),
        (
            "kentta",
            "sports_field",
            ("Koulun kenttä", "Skolans plan", "School field"),
            60,
            5000,
            "floodlights;ball-game-equipment",
            "parking",
            None,
        ),
        (
            "auditorio",
            "auditorium",
            ("Auditorio", "Auditorium", "Auditorium"),
            150,
            220,
            "projector;sound-system;microphone;stage",
            "step-free-access;induction-loop;accessible-toilet",
            None,
        ),
    ],
    "library": [
        (
            "paja",
            "workshop",
            ("Pajatila", "Verkstad", "Makerspace"),
            10,
            50,
            "sewing-machines;tables-chairs",
            "step-free-access;lift",
            None,
        ),
        (
            "kokoushuone",
            "meeting_room",
            ("Kokoushuone", "Mötesrum", "Meeting room"),
            12,
            30,
            "screen;wifi;whiteboard;video-conference",
            "step-free-access;lift;induction-loop",
            None,
        ),
        (
            "pieni-neuvotteluhuone",
            "meeting_room",
            ("Pieni neuvotteluhuone", "Litet förhandlingsrum", "Small meeting room"),
            6,
            14,
            "screen;wifi",
            "step-free-access;lift",
            None,
        ),
        (
            "tapahtumasali",
            "hall",
            ("Tapahtumasali", "Evenemangssal", "Event hall"),
            90,
            160,
            "projector;sound-system;microphone;piano;tables-chairs",
            "step-free-access;induction-loop;accessible-toilet;lift",
            ["a", "b"],
        ),
        (
            "studio",
            "studio",
            ("Äänitysstudio", "Inspelningsstudio", "Recording studio"),
            5,
            20,
            "recording-equipment;music-instruments",
            "step-free-access;lift",
            None,
        ),
        (
            "atk-luokka",
            "classroom",
            ("Tietokoneluokka", "Datasal", "Computer classroom"),
            16,
            45,
            "projector;wifi",
            "step-free-access;lift",
            None,
        ),
    ],
    "youth_centre": [
        (
            "nuorisotila",
            "youth_space",
            ("Nuorisotila", "Ungdomslokal", "Youth space"),
            40,
            150,
            "kitchen;sound-system;tables-chairs;wifi",
            "step-free-access;accessible-toilet",
            None,
        ),
        (
            "bandikamari",
            "studio",
            ("Bändikämppä", "Replokal", "Band room"),
            8,
            25,
            "music-instruments;sound-system",
            "",
            None,
        ),
        (
            "keittio",
            "teaching_kitchen",
            ("Nuorten keittiö", "Ungdomskök", "Youth kitchen"),
            12,
            40,
            "kitchen",
            "step-free-access",
            None,
        ),
        (
            "liikuntatila",
            "hall",
            ("Liikuntatila", "Motionssal", "Activity hall"),
            30,
            120,
            "mirrors;sound-system",
            "step-free-access",
            None,
        ),
        (
            "piha",
            "outdoor_area",
            ("Pihapiiri", "Gården", "Yard"),
            50,
            800,
            "tables-chairs",
            "step-free-access;parking",
            None,
        ),
    ],
    "sports_centre": [
        (
            "tenniskentta",
            "sports_field",
            ("Tenniskenttä", "Tennisbana", "Tennis court"),
            4,
            670,
            "floodlights",
            "parking",
            None,
        ),
        (
            "palloiluhalli",
            "gym",
            ("Palloiluhalli", "Bollhall", "Ball game hall"),
            200,
            1300,
            "ball-game-equipment;changing-rooms;showers;sound-system",
            "step-free-access;accessible-toilet;accessible-parking;lift",
            ["a", "b", "c"],
        ),
        (
            "tanssisali",
            "hall",
            ("Tanssisali", "Danssal", "Dance studio"),
            30,
            140,
            "mirrors;sound-system",
            "step-free-access;accessible-toilet",
            None,
        ),
        (
            "kuntosali",
            "gym",
            ("Kuntosali", "Gym", "Fitness room"),
            25,
            200,
            "gym-equipment;changing-rooms;showers",
            "step-free-access;accessible-toilet",
            None,
        ),
        (
            "tekonurmi",
            "sports_field",
            ("Tekonurmikenttä", "Konstgräsplan", "Artificial turf field"),
            100,
            7000,
            "floodlights;changing-rooms",
            "parking;accessible-parking",
            ["a", "b"],
        ),
        (
            "kokoushuone",
            "meeting_room",
            ("Seurahuone", "Föreningsrum", "Club room"),
            20,
            40,
            "screen;wifi;tables-chairs",
            "step-free-access;lift",
            None,
        ),
    ],
    "cultural_centre": [
        (
            "konserttisali",
            "auditorium",
            ("Konserttisali", "Konsertsal", "Concert hall"),
            300,
            450,
            "stage;sound-system;lighting;piano;microphone",
            "step-free-access;induction-loop;accessible-toilet;lift;guide-dogs-welcome",
            None,
        ),
        (
            "black-box",
            "hall",
            ("Black box -näyttämö", "Black box-scen", "Black box stage"),
            80,
            180,
            "lighting;sound-system;stage",
            "step-free-access;accessible-toilet",
            None,
        ),
        (
            "harjoitusstudio",
            "studio",
            ("Harjoitusstudio", "Övningsstudio", "Rehearsal studio"),
            15,
            50,
            "mirrors;piano;music-instruments",
            "step-free-access;lift",
            None,
        ),
        (
            "kuvataidepaja",
            "workshop",
            ("Kuvataidepaja", "Bildkonstverkstad", "Art workshop"),
            18,
            90,
            "tables-chairs",
            "step-free-access;lift",
            None,
        ),
        (
            "lampio",
            "outdoor_area",
            ("Sisäpiha", "Innergården", "Courtyard"),
            120,
            600,
            "",
            "step-free-access",
            None,
        ),
        (
            "kokoushuone",
            "meeting_room",
            ("Lämpiön kokoushuone", "Foajéns mötesrum", "Foyer meeting room"),
            14,
            35,
            "screen;wifi;video-conference",
            "step-free-access;lift;induction-loop",
            None,
        ),
    ],
    "community_centre": [
        (
            "olohuone",
            "meeting_room",
            ("Asukasolohuone", "Vardagsrum för invånare", "Residents' lounge"),
            25,
            70,
            "kitchen;tables-chairs;wifi",
            "step-free-access;accessible-toilet;changing-table",
            None,
        ),
        (
            "juhlasali",
            "hall",
            ("Juhlasali", "Festsal", "Party hall"),
            60,
            130,
            "kitchen;sound-system;tables-chairs;piano",
            "step-free-access;accessible-toilet",
            ["a", "b"],
        ),
        (
            "ompelupaja",
            "workshop",
            ("Ompelupaja", "Syverkstad", "Sewing workshop"),
            10,
            40,
            "sewing-machines;tables-chairs",
            "step-free-access",
            None,
        ),
        (
            "keittio",
            "teaching_kitchen",
            ("Opetuskeittiö", "Undervisningskök", "Teaching kitchen"),
            14,
            50,
            "kitchen",
            "step-free-access;accessible-toilet",
            None,
        ),
        (
            "puutarha",
            "outdoor_area",
            ("Yhteisöpuutarha", "Gemensam trädgård", "Community garden"),
            30,
            900,
            "",
            "step-free-access",
            None,
        ),
    ],
}

PART_NAMES = {
    "a": ("Lohko A", "Del A", "Section A"),
    "b": ("Lohko B", "Del B", "Section B"),
    "c": ("Lohko C", "Del C", "Section C"),
}

# Weekly hours of the regular season and the summer season, per kind of unit.
HOURS = {
    "school": (
        {
            0: ["16:00-21:30"],
            1: ["16:00-21:30"],
            2: ["16:00-21:30"],
            3: ["16:00-21:30"],
            4: ["16:00-20:00"],
            5: ["09:00-16:00"],
        },
        {0: ["09:00-20:00"], 2: ["09:00-20:00"], 4: ["09:00-16:00"]},
    ),
    "library": (
        {
            0: ["09:00-20:00"],
            1: ["09:00-20:00"],
            2: ["09:00-20:00"],
            3: ["09:00-20:00"],
            4: ["09:00-17:00"],
            5: ["10:00-16:00"],
        },
        {
            0: ["10:00-18:00"],
            1: ["10:00-18:00"],
            2: ["10:00-18:00"],
            3: ["10:00-18:00"],
            4: ["10:00-16:00"],
        },
    ),
    "youth_centre": (
        {
            0: ["13:00-21:00"],
            1: ["13:00-21:00"],
            2: ["13:00-21:00"],
            3: ["13:00-21:00"],
            4: ["13:00-22:00"],
            5: ["12:00-18:00"],
        },
        {1: ["12:00-18:00"], 3: ["12:00-18:00"]},
    ),
    "sports_centre": (
        {day: ["07:00-22:00"] for day in range(7)},
        {day: ["08:00-21:00"] for day in range(7)},
    ),
    "cultural_centre": (
        {
            0: ["10:00-21:00"],
            1: ["10:00-21:00"],
            2: ["10:00-21:00"],
            3: ["10:00-21:00"],
            4: ["10:00-22:00"],
            5: ["11:00-22:00"],
            6: ["11:00-18:00"],
        },
        {day: ["11:00-18:00"] for day in range(6)},
    ),
    "community_centre": (
        {
            0: ["09:00-12:00", "13:00-21:00"],
            1: ["09:00-12:00", "13:00-21:00"],
            2: ["09:00-12:00", "13:00-21:00"],
            3: ["09:00-12:00", "13:00-21:00"],
            4: ["09:00-16:00"],
        },
        {1: ["10:00-15:00"], 3: ["10:00-15:00"]},
    ),
}

RULES = {
    "school": {
        "min_duration_minutes": 60,
        "max_duration_minutes": 180,
        "start_interval_minutes": 30,
        "requires_approval": True,
        "who_may_book": "anyone",
    },
    "library": {
        "min_duration_minutes": 30,
        "max_duration_minutes": 240,
        "start_interval_minutes": 30,
        "requires_approval": False,
        "who_may_book": "anyone",
    },
    "youth_centre": {
        "min_duration_minutes": 60,
        "max_duration_minutes": 240,
        "start_interval_minutes": 60,
        "requires_approval": True,
        "who_may_book": "verified_organizations",
    },
    "sports_centre": {
        "min_duration_minutes": 60,
        "max_duration_minutes": 120,
        "start_interval_minutes": 60,
        "requires_approval": False,
        "who_may_book": "anyone",
        "buffer_after_minutes": 10,
    },
    "cultural_centre": {
        "min_duration_minutes": 120,
        "max_duration_minutes": 480,
        "start_interval_minutes": 60,
        "requires_approval": True,
        "who_may_book": "anyone",
        "buffer_before_minutes": 30,
        "buffer_after_minutes": 30,
    },
    "community_centre": {
        "min_duration_minutes": 60,
        "max_duration_minutes": 300,
        "start_interval_minutes": 30,
        "requires_approval": False,
        "who_may_book": "anyone",
    },
}

# Hourly price without VAT for a private person by facility type; other groups follow from it.
HOURLY = {
    "gym": 30,
    "classroom": 15,
    "teaching_kitchen": 25,
    "workshop": 20,
    "sports_field": 35,
    "auditorium": 80,
    "meeting_room": 12,
    "hall": 40,
    "studio": 18,
    "youth_space": 20,
    "outdoor_area": 10,
}
SPORTS_TYPES = {"gym", "sports_field"}
FREE_FOR_NONPROFITS = {"library", "youth_centre", "community_centre"}


def _row(**values) -> dict[str, str]:
    return {key: "" if value is None else str(value) for key, value in values.items()}


def _t(prefix: str, names) -> dict[str, str]:
    return {f"{prefix}_{lang}": text for lang, text in zip(("fi", "sv", "en"), names, strict=True)}


def _sheets() -> list[Sheet]:
    year = today().year
    summer = (dt.date(year, 6, 1), dt.date(year, 8, 15))
    units, facilities, parts, hours, exceptions, rules, prices = [], [], [], [], [], [], []
    for index, (ext, names, kind, district, street, postal, lat, lon) in enumerate(UNITS):
        units.append(
            _row(
                external_id=ext,
                **_t("name", names),
                unit_type=kind,
                street_address=street,
                postal_code=postal,
                district=district,
                responsible_email=MANAGER,
                manager_emails=MANAGER,
                approval_deadline_days=3,
            )
        )
        rules.append(_row(unit=ext, facility="", **RULES[kind]))
        for number, (
            key,
            ftype,
            fnames,
            capacity,
            area,
            equipment,
            access,
            part_codes,
        ) in enumerate(FACILITY_KINDS[kind]):
            fext = f"{ext.replace('demo-u-', 'demo-f-')}-{key}"
            unit_name = names
            facilities.append(
                _row(
                    external_id=fext,
                    unit=ext,
                    **_t("name", [f"{unit_name[i]}: {fnames[i]}" for i in range(3)]),
                    facility_type=ftype,
                    capacity=capacity,
                    **_t("description", _description(fnames, unit_name, capacity, part_codes)),
                    **_t("terms_of_use", _TERMS),
                    street_address=street,
                    postal_code=postal,
                    district=district,
                    latitude=f"{lat + 0.0007 * number:.6f}",
                    longitude=f"{lon + 0.0011 * (number % 3):.6f}",
                    area_m2=area,
                    equipment=equipment,
                    accessibility=access,
                    free_for_nonprofits="yes"
                    if kind in FREE_FOR_NONPROFITS or (index + number) % 4 == 0
                    else "no",
                    published="yes",
                    responsible_email=MANAGER,
                )
            )
            for code in part_codes or []:
                parts.append(
                    _row(
                        facility=fext,
                        code=code,
                        **_t("name", PART_NAMES[code]),
                        capacity=capacity // len(part_codes),
                    )
                )
            regular, summer_hours = HOURS[kind]
            for plan, dates, season_names in (
                (regular, (None, None), ("", "", "")),
                (summer_hours, summer, ("Kesä", "Sommar", "Summer")),
            ):
                for day, spans in plan.items():
                    for span in spans:
                        opens, closes = span.split("-")
                        hours.append(
                            _row(
                                facility=fext,
                                **_t("season", season_names),
                                valid_from=dates[0],
                                valid_to=dates[1],
                                weekday=day + 1,
                                opens=opens,
                                closes=closes,
                            )
                        )
            for day, reason in _holidays(year):
                exceptions.append(
                    _row(
                        facility=fext,
                        date=day,
                        closed="yes",
                        opens="",
                        closes="",
                        **_t("reason", reason),
                    )
                )
            if ftype == "auditorium":
                rules.append(
                    _row(
                        unit="",
                        facility=fext,
                        requires_approval="yes",
                        who_may_book="verified_organizations",
                        min_duration_minutes=180,
                    )
                )
            hourly = HOURLY[ftype]
            vat = "14" if ftype in SPORTS_TYPES else "25.5"
            for group, factor in (
                ("private", 1),
                ("nonprofit", 0.5),
                ("company", 2),
                ("public_body", 0.5),
            ):
                prices.append(
                    _row(
                        facility=fext,
                        customer_group=group,
                        basis="per_hour",
                        amount_eur=f"{hourly * factor:.2f}",
                        vat_percent=vat,
                        valid_from=f"{year}-01-01",
                        valid_to="",
                    )
                )
    return [
        _sheet("units", units),
        _sheet("facilities", facilities),
        _sheet("parts", parts),
        _sheet("hours", hours),
        _sheet("exceptions", exceptions),
        _sheet("rules", rules),
        _sheet("prices", prices),
    ]


_TERMS = (
    "Varaaja vastaa tilan siisteydestä ja kalusteiden palauttamisesta paikoilleen. Tilassa ei saa tarjoilla alkoholia ilman lupaa.",
    "Bokaren ansvarar för att lokalen är städad och att möblerna ställs tillbaka. Alkohol får inte serveras utan tillstånd.",
    "The booker keeps the space tidy and puts the furniture back. No alcohol may be served without a permit.",
)


def _description(fnames, unit_names, capacity, part_codes) -> list[str]:
    split = {
        "fi": " Tilan voi varata kokonaan tai lohkoina." if part_codes else "",
        "sv": " Lokalen kan bokas hel eller i delar." if part_codes else "",
        "en": " It can be booked whole or in sections." if part_codes else "",
    }
    return [
        f"{fnames[0]} ({unit_names[0]}), enintään {capacity} henkeä.{split['fi']}",
        f"{fnames[1]} ({unit_names[1]}), högst {capacity} personer.{split['sv']}",
        f"{fnames[2]} ({unit_names[2]}), up to {capacity} people.{split['en']}",
    ]


def _holidays(year: int) -> list[tuple[dt.date, tuple[str, str, str]]]:
    midsummer_eve = next(
        dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4
    )
    return [
        (dt.date(year, 1, 1), ("Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day")),
        (midsummer_eve, ("Juhannusaatto", "Midsommarafton", "Midsummer Eve")),
        (dt.date(year, 12, 6), ("Itsenäisyyspäivä", "Självständighetsdagen", "Independence Day")),
        (dt.date(year, 12, 24), ("Jouluaatto", "Julafton", "Christmas Eve")),
        (dt.date(year, 12, 25), ("Joulupäivä", "Juldagen", "Christmas Day")),
        (dt.date(year, 12, 26), ("Tapaninpäivä", "Annandag jul", "St Stephen's Day")),
    ]


def _sheet(name: str, rows: list[dict[str, str]]) -> Sheet:
    header = list(rows[0]) if rows else []
    return Sheet(name, header, [(line, row) for line, row in enumerate(rows, start=2)])


def _photo(facility: Facility) -> None:
    """A drawn plan of the space (no binary files in the repository)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 450), (232, 240, 247))
    draw = ImageDraw.Draw(image)
    parts = facility.physical_parts()
    width = 700 // max(len(parts), 1)
    for index, part in enumerate(parts):
        left = 50 + index * width
        draw.rectangle(
            [left, 60, left + width - 10, 390], outline=(10, 79, 138), width=6, fill=(255, 255, 255)
        )
        draw.text((left + 20, 80), part.code.upper(), fill=(10, 79, 138))
    out = io.BytesIO()
    image.save(out, "PNG")
    services.add_photo(
        facility=facility,
        image=ContentFile(out.getvalue(), name="plan.png"),
        alt_texts={
            "fi": f"Piirretty pohjakuva: {facility.name_fi}, {len(parts)} varattavaa osaa",
            "sv": f"Ritad planlösning: {facility.name_sv}, {len(parts)} bokningsbara delar",
            "en": f"Drawn floor plan: {facility.name_en}, {len(parts)} bookable parts",
        },
    )


NEEDS = [
    # activity, user e-mail, organization slug, group size, frequency, weekdays, from, to, minutes, districts, equipment, accessibility, type
    (
        "Kuoroharjoitukset",
        "orgadmin@example.org",
        "kulttuuriyhdistys-kaiku",
        30,
        "weekly",
        [1, 3],
        "17:00",
        "21:00",
        120,
        ["etelasatama", "keskusta"],
        ["piano"],
        ["step-free-access"],
        "hall",
    ),
    (
        "Senioritanssi",
        "resident@example.org",
        None,
        25,
        "weekly",
        [2],
        "09:00",
        "12:00",
        90,
        ["lansimaki"],
        ["mirrors"],
        ["step-free-access", "accessible-toilet"],
        "hall",
    ),
    (
        "Junioreiden sählyvuoro",
        "orgadmin@example.org",
        "koivulan-palloseura",
        24,
        "seasonal",
        [0, 2],
        "17:00",
        "20:00",
        90,
        ["koivula"],
        ["ball-game-equipment"],
        [],
        "gym",
    ),
    (
        "Ruokakurssi maahanmuuttajaäideille",
        "orgadmin@example.org",
        "itarannan-kotiseutuyhdistys",
        16,
        "weekly",
        [5],
        "10:00",
        "14:00",
        180,
        ["lehtoniemi"],
        ["kitchen"],
        ["changing-table"],
        "teaching_kitchen",
    ),
    (
        "Bändin iltaharjoitukset",
        "resident@example.org",
        None,
        5,
        "weekly",
        [4],
        "21:00",
        "23:59",
        120,
        [],
        ["music-instruments"],
        [],
        "studio",
    ),
    (
        "Kaupunginosan kesäjuhla",
        "orgadmin@example.org",
        "itarannan-kotiseutuyhdistys",
        400,
        "one_off",
        [5],
        "12:00",
        "20:00",
        360,
        ["itaranta"],
        ["sound-system"],
        ["step-free-access", "accessible-toilet"],
        "outdoor_area",
    ),
]


def _needs() -> int:
    created = 0
    districts = {d.slug: d for d in District.objects.all()}
    from kumppani.facilities.models import AccessibilityFeature, Equipment

    equipment = {e.slug: e for e in Equipment.objects.all()}
    access = {a.slug: a for a in AccessibilityFeature.objects.all()}
    for (
        activity,
        email,
        org_slug,
        size,
        freq,
        days,
        start,
        end,
        minutes,
        dists,
        eq,
        acc,
        kind,
    ) in NEEDS:
        user = User.objects.filter(email=email).first()
        if user is None or Need.objects.filter(activity=activity, user=user).exists():
            continue
        need = Need(
            user=user,
            organization=Organization.objects.filter(slug=org_slug).first() if org_slug else None,
            activity=activity,
            group_size=size,
            frequency=freq,
            weekdays=days,
            time_from=dt.time.fromisoformat(start),
            time_to=dt.time.fromisoformat(end),
            duration_minutes=minutes,
            facility_type=kind,
        )
        services.save_need(
            need=need,
            districts=[districts[d] for d in dists if d in districts],
            equipment=[equipment[e] for e in eq],
            accessibility=[access[a] for a in acc],
            recorded_by=user,
        )
        created += 1
    return created


def _ensure_standard_vocabulary() -> None:
    """The equipment and accessibility vocabulary comes from a data migration; a test database
    flushed between tests has lost it, so the demo puts it back (idempotent)."""
    migration = importlib.import_module(
        "kumppani.facilities.migrations.0002_standard_equipment_and_accessibility"
    )
    migration.add_vocabulary(django_apps, None)


def load(stdout) -> None:
    if not User.objects.filter(email=MANAGER).exists():
        stdout.write(f"Demo facilities skipped: {MANAGER} does not exist.")
        return
    with transaction.atomic(), translation.override("fi"):
        _ensure_standard_vocabulary()
        plan = build_plan(_sheets(), None, [])
        if not plan.ok:
            for error in plan.errors[:20]:
                stdout.write(f"  facilities demo {error.sheet}:{error.line}: {error.message}")
            raise RuntimeError("The demo facilities do not pass the import checks.")
        apply_plan(plan)
        photos = 0
        for facility in Facility.objects.filter(external_id__startswith="demo-f-").prefetch_related(
            "parts"
        ):
            if not FacilityPhoto.objects.filter(facility=facility).exists():
                _photo(facility)
                photos += 1
        needs = _needs()
    stdout.write(
        f"Demo facilities: {Facility.objects.filter(external_id__startswith='demo-f-').count()} "
        f"facilities in {len(UNITS)} units, {photos} new photos, {needs} new needs."
    )
