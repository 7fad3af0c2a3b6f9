"""What the public pages show about a facility: this week's hours, prices, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kumppani.core.time import today
from kumppani.facilities.hours import Schedule, schedule_for
from kumppani.facilities.models import CustomerGroup, Facility, Weekday
from kumppani.facilities.pricing import PriceQuote, customer_group_for, price_for, price_row
from kumppani.organizations.models import Organization

SCHEMA_DAYS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]


@dataclass
class DayHours:
    day: dt.date
    label: str
    intervals: list[tuple[dt.time, dt.time]]
    is_exception: bool
    is_today: bool


def week_hours(facility: Facility, schedule: Schedule | None = None) -> list[DayHours]:
    """Monday to Sunday of the current week in Helsinki, exceptions applied."""
    now_day = today()
    monday = now_day - dt.timedelta(days=now_day.weekday())
    sunday = monday + dt.timedelta(days=6)
    schedule = schedule or schedule_for(facility, monday, sunday)
    return [
        DayHours(
            day=day,
            label=str(Weekday(day.weekday()).label),
            intervals=schedule.local_hours(day),
            is_exception=day in schedule.exceptions,
            is_today=day == now_day,
        )
        for day in (monday + dt.timedelta(days=n) for n in range(7))
    ]


def season_table(schedule: Schedule, day: dt.date) -> list[tuple[str, list]]:
    plan = schedule.plan_for(day)
    days = plan.days if plan else {}
    return [(str(label), days.get(value, [])) for value, label in Weekday.choices]


@dataclass
class ViewerPrice:
    label: str
    quote: PriceQuote


def viewer_prices(facility: Facility, user) -> list[ViewerPrice]:
    """An hour's price for the viewer as a person and for each organization they act for."""
    on = today()
    hour = dt.timedelta(hours=1)
    prices = [
        ViewerPrice(
            _("You as a private person"), price_for(facility, CustomerGroup.PRIVATE, on, hour)
        )
    ]
    if user.is_authenticated:
        for organization in Organization.objects.for_member(user):
            group = customer_group_for(user, organization)
            prices.append(ViewerPrice(organization.name, price_for(facility, group, on, hour)))
    return prices


def price_list(facility: Facility) -> list[tuple[str, object]]:
    on = today()
    return [(str(label), price_row(facility, value, on)) for value, label in CustomerGroup.choices]


def json_ld(facility: Facility, *, url: str, schedule: Schedule) -> str:
    """schema.org Place for search engines and open-data users."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Place",
        "@id": url,
        "url": url,
        "name": facility.name,
        "description": facility.description,
        "maximumAttendeeCapacity": facility.capacity,
        "containedInPlace": {"@type": "Place", "name": facility.unit.name},
        "amenityFeature": [
            {"@type": "LocationFeatureSpecification", "name": item.name, "value": True}
            for item in [*facility.equipment.all(), *facility.accessibility.all()]
        ],
    }
    if facility.street_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": facility.street_address,
            "postalCode": facility.postal_code,
            "addressCountry": "FI",
        }
    if facility.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(facility.latitude),
            "longitude": float(facility.longitude),
        }
    plan = schedule.plan_for(today())
    if plan:
        data["openingHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": SCHEMA_DAYS[day],
                "opens": f"{opens:%H:%M}",
                "closes": f"{closes:%H:%M}",
            }
            for day, spans in sorted(plan.days.items())
            for opens, closes in spans
        ]
    photos = [photo.image.url for photo in facility.photos.all()]
    if photos:
        data["photo"] = photos
    return script_json(data)


def script_json(data) -> str:
    """JSON safe inside a <script> element: "<", ">" and "&" can never end or alter it."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
