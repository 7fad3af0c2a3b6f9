"""The unmet-demand report (M9a): what needs the city's facilities do not meet, and where."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kumppani.facilities.models import FacilityType, Need, NeedStatus, Weekday

DIMENSIONS = {
    "district": gettext_lazy("District"),
    "facility_type": gettext_lazy("Kind of space"),
    "weekday": gettext_lazy("Weekday"),
    "time_of_day": gettext_lazy("Time of day"),
}
TIMES_OF_DAY = {
    "morning": gettext_lazy("Morning (before 12)"),
    "afternoon": gettext_lazy("Afternoon (12–17)"),
    "evening": gettext_lazy("Evening (from 17)"),
}


@dataclass
class DemandRow:
    label: str
    needs: int = 0
    people: int = 0


def time_of_day(need: Need) -> str:
    if need.time_from.hour < 12:
        return "morning"
    return "afternoon" if need.time_from.hour < 17 else "evening"


def _keys(need: Need, dimension: str) -> list[tuple[str, str]]:
    if dimension == "district":
        districts = list(need.districts.all())
        return [(d.slug, d.name) for d in districts] or [("", _("Any district"))]
    if dimension == "facility_type":
        if need.facility_type:
            return [(need.facility_type, str(FacilityType(need.facility_type).label))]
        return [("", _("Any kind"))]
    if dimension == "weekday":
        days = sorted(need.weekdays)
        return [(str(d), str(Weekday(d).label)) for d in days] or [("", _("Any day"))]
    key = time_of_day(need)
    return [(key, str(TIMES_OF_DAY[key]))]


def unmet_demand(queryset=None) -> dict[str, list[DemandRow]]:
    """Counts of unmet needs and the people in them, by district, kind, weekday and time."""
    needs = (
        (queryset if queryset is not None else Need.objects.all())
        .filter(status=NeedStatus.UNMET)
        .prefetch_related("districts")
    )
    tables: dict[str, dict[str, DemandRow]] = {name: {} for name in DIMENSIONS}
    for need in needs:
        for dimension, rows in tables.items():
            for key, label in _keys(need, dimension):
                row = rows.setdefault(key, DemandRow(label=label))
                row.needs += 1
                row.people += need.group_size
    return {
        dimension: sorted(rows.values(), key=lambda row: (-row.needs, row.label))
        for dimension, rows in tables.items()
    }


def write_csv(report: dict[str, list[DemandRow]], out) -> None:
    writer = csv.writer(out)
    writer.writerow([_("Dimension"), _("Value"), _("Unmet needs"), _("People")])
    for dimension, rows in report.items():
        for row in rows:
            writer.writerow([str(DIMENSIONS[dimension]), row.label, row.needs, row.people])


def status_counts() -> dict[str, int]:
    counts = dict(Need.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in NeedStatus.values}
