"""The public catalogue (M9b): search, filters, list and map, facility pages, CSV."""

from __future__ import annotations

import csv
import datetime as dt

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kumppani.accounts.models import Role
from kumppani.core.pagination import paginate, query_without_page
from kumppani.core.time import today
from kumppani.facilities import presentation
from kumppani.facilities.forms import CatalogueFilterForm
from kumppani.facilities.hours import schedule_for
from kumppani.facilities.models import Facility
from kumppani.facilities.permissions import get_published_facility
from kumppani.facilities.rules import effective_rules


def _filtered(request: HttpRequest):
    form = CatalogueFilterForm(request.GET or None)
    queryset = Facility.objects.published().filtered(form.spec())
    return form, queryset


def tile_layer() -> dict:
    """The map's background tiles from django-leaflet's setting (LEAFLET_CONFIG["TILES"])."""
    from leaflet import app_settings

    _name, url, options = app_settings["TILES"][0]
    attribution = options.get("attribution", "") if isinstance(options, dict) else str(options)
    return {"url": url, "attribution": attribution}


def catalogue(request: HttpRequest) -> HttpResponse:
    form, queryset = _filtered(request)
    page = paginate(request, queryset.for_listing(), per_page=20)
    markers = [
        {
            "name": facility.name,
            "url": facility.get_absolute_url(),
            "lat": float(facility.latitude),
            "lon": float(facility.longitude),
        }
        for facility in page.object_list
        if facility.has_coordinates
    ]
    return render(
        request,
        "facilities/catalogue.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "markers": markers,
            "markers_json": presentation.script_json(markers),
            "tiles": tile_layer(),
            "is_catalogue_staff": request.user.is_authenticated
            and request.user.has_role(Role.FACILITY_MANAGER),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


CSV_HEADER = [
    "id",
    "name",
    "type",
    "unit",
    "street_address",
    "postal_code",
    "district",
    "latitude",
    "longitude",
    "capacity",
    "area_m2",
    "equipment",
    "accessibility",
    "free_for_nonprofits",
    "url",
]


def catalogue_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Open data: the catalogue (with the page's filters) as CSV, in the active language."""
    _form, queryset = _filtered(request)
    queryset = queryset.select_related("unit", "district").prefetch_related(
        "equipment", "accessibility"
    )
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_HEADER)
        for f in queryset.iterator(chunk_size=500):
            yield writer.writerow(
                [
                    f.pk,
                    f.name,
                    f.facility_type,
                    f.unit.name,
                    f.street_address,
                    f.postal_code,
                    f.district.slug if f.district else "",
                    f.latitude if f.latitude is not None else "",
                    f.longitude if f.longitude is not None else "",
                    f.capacity,
                    f.area_m2 if f.area_m2 is not None else "",
                    ";".join(e.slug for e in f.equipment.all()),
                    ";".join(a.slug for a in f.accessibility.all()),
                    "yes" if f.free_for_nonprofits else "no",
                    request.build_absolute_uri(f.get_absolute_url()),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="facilities.csv"'
    return response


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    facility = get_published_facility(slug)
    facility = (
        Facility.objects.filter(pk=facility.pk)
        .select_related("unit", "district", "responsible")
        .prefetch_related("parts", "photos", "equipment", "accessibility", "prices")
        .get()
    )
    now_day = today()
    monday = now_day - dt.timedelta(days=now_day.weekday())
    schedule = schedule_for(facility, monday, now_day + dt.timedelta(days=60))
    upcoming = facility.hours_exceptions.filter(
        date__range=(now_day, now_day + dt.timedelta(days=60))
    )
    return render(
        request,
        "facilities/detail.html",
        {
            "facility": facility,
            "week": presentation.week_hours(facility, schedule),
            "season": presentation.season_table(schedule, now_day),
            "upcoming_exceptions": upcoming,
            "rules": effective_rules(facility),
            "viewer_prices": presentation.viewer_prices(facility, request.user),
            "price_list": presentation.price_list(facility),
            "json_ld": presentation.json_ld(
                facility,
                url=request.build_absolute_uri(facility.get_absolute_url()),
                schedule=schedule,
            ),
            "title": _("Facility"),
        },
    )
