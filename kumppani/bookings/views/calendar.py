"""The week calendar of a facility, the cross-facility search and the public busy-time feed.

None of these show personal data: only free, taken and closed time.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kumppani.bookings import availability, ics
from kumppani.bookings.forms import SearchForm
from kumppani.bookings.models import Booking
from kumppani.bookings.permissions import get_bookable_facility
from kumppani.bookings.search import SearchSpec, search_free
from kumppani.bookings.views.common import parse_date
from kumppani.core.time import make_local, now, today

FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 365


def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    facility = get_bookable_facility(slug)
    monday = availability.monday_of(parse_date(request.GET.get("week")) or today())
    parts = facility.physical_parts()
    part = None
    if request.GET.get("part", "").isdigit():
        part = next((p for p in parts if p.pk == int(request.GET["part"])), None)
    data = availability.load(facility, monday, monday + dt.timedelta(days=6))
    week = availability.week_grid(data, monday, part)
    template = "bookings/includes/week.html" if request.htmx else "bookings/calendar.html"
    return render(
        request,
        template,
        {
            "facility": facility,
            "week": week,
            "rules": data.rules,
            "parts": parts if len(parts) > 1 else [],
            "part": part,
            "previous": monday - dt.timedelta(days=7),
            "next": monday + dt.timedelta(days=7),
            "this_week": availability.monday_of(today()),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    spec = None
    if form.is_valid():
        data = form.cleaned_data
        spec = SearchSpec(
            date=data["date"],
            time_from=data["time_from"],
            time_to=data["time_to"],
            capacity=data.get("capacity"),
            district_id=data["district"].pk if data.get("district") else None,
            accessibility_ids=[a.pk for a in data.get("accessibility") or []],
        )
        results = search_free(spec)
    return render(
        request,
        "bookings/search.html",
        {
            "form": form,
            "results": results,
            "start": make_local(spec.date, spec.time_from) if spec else None,
        },
    )


def busy_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """Public iCalendar of the facility's taken time, without any personal data."""
    facility = get_bookable_facility(slug)
    moment = now()
    bookings = (
        Booking.objects.active()
        .filter(facility=facility)
        .filter(end__gte=moment - dt.timedelta(days=FEED_DAYS_BACK))
        .filter(start__lte=moment + dt.timedelta(days=FEED_DAYS_AHEAD))
        .select_related("facility")
        .order_by("start")
    )
    body = ics.busy_feed(bookings, name=str(facility.name))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{facility.slug}.ics"'
    return response
