"""Reads for the public grants page and the API (M15): filters and totals over decisions."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from kumppani.core.models import District, Theme
from kumppani.core.time import HELSINKI, make_local
from kumppani.grants.models import GrantDecision, Programme
from kumppani.organizations.models import Organization


def year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    return make_local(dt.date(year, 1, 1), dt.time()), make_local(
        dt.date(year + 1, 1, 1), dt.time()
    )


def filter_decisions(
    queryset: QuerySet,
    *,
    q: str = "",
    year: int | None = None,
    programme: str = "",
    theme: str = "",
    district: str = "",
    organization: str = "",
) -> QuerySet:
    if q:
        queryset = queryset.filter(
            Q(application__organization__name__icontains=q)
            | Q(application__purpose__icontains=q)
            | Q(application__call__title__icontains=q)
        )
    if year:
        start, end = year_range(year)
        queryset = queryset.filter(decided_at__gte=start, decided_at__lt=end)
    if programme:
        queryset = queryset.filter(application__call__programme__slug=programme)
    if organization:
        queryset = queryset.filter(
            Q(application__organization__slug=organization)
            | Q(application__organization__name__icontains=organization)
        )
    if theme:
        orgs = Organization.objects.filter(themes__slug=theme).values("pk")
        queryset = queryset.filter(application__organization__in=orgs)
    if district:
        orgs = Organization.objects.filter(districts__slug=district).values("pk")
        queryset = queryset.filter(application__organization__in=orgs)
    return queryset


def public_decisions() -> QuerySet:
    """Decisions on organizations shown to the public (organizations are verified to apply)."""
    return GrantDecision.objects.public().order_by("-decided_at", "-pk")


def totals(queryset: QuerySet) -> list[dict]:
    """Totals per year and programme: number of decisions, granted and requested sums."""
    rows = (
        queryset.order_by()
        .annotate(year=ExtractYear("decided_at", tzinfo=HELSINKI))
        .values("year", "application__call__programme")
        .annotate(
            count=Count("pk"),
            granted=Sum("amount_granted"),
            requested=Sum("amount_requested"),
            awarded=Count("pk", filter=Q(amount_granted__gt=0)),
        )
        .order_by("-year", "application__call__programme")
    )
    programmes = {p.pk: p for p in Programme.objects.all()}
    return [
        {**row, "programme": programmes.get(row["application__call__programme"])} for row in rows
    ]


def available_years() -> list[int]:
    years = (
        GrantDecision.objects.order_by()
        .annotate(year=ExtractYear("decided_at", tzinfo=HELSINKI))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted({y for y in years if y}, reverse=True)


def filter_choices() -> dict:
    return {
        "years": available_years(),
        "programmes": list(Programme.objects.all()),
        "themes": list(Theme.objects.all()),
        "districts": list(District.objects.all()),
    }
