"""What the facilities app holds about a person, for the GDPR export and erasure."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from kumppani.facilities.models import Facility, Need, Unit

STILL_RESPONSIBLE = _(
    "You are the responsible person of %(units)s. An administrator must name a new "
    "responsible person before your account can be deleted."
)


def export_needs(user) -> dict[str, Any]:
    needs = Need.objects.filter(user=user).select_related("organization").order_by("created_at")
    return {
        "needs": [
            {
                "activity": need.activity,
                "description": need.description,
                "organization": need.organization.name if need.organization else None,
                "group_size": need.group_size,
                "frequency": need.frequency,
                "weekdays": need.weekdays,
                "time_from": need.time_from.isoformat(),
                "time_to": need.time_to.isoformat(),
                "duration_minutes": need.duration_minutes,
                "districts": [district.slug for district in need.districts.all()],
                "status": need.status,
                "created_at": need.created_at.isoformat(),
            }
            for need in needs
        ]
    }


def erase_needs(user) -> None:
    """Keep needs for the unmet-demand statistics but cut every link to the person.

    A staff member named responsible for a facility hands it to the unit's responsible
    person; one responsible for a unit (M9c: someone must be) cannot be erased until an
    administrator names another.
    """
    units = list(Unit.objects.filter(responsible=user).values_list("name", flat=True))
    if units:
        raise ValidationError(STILL_RESPONSIBLE, params={"units": ", ".join(units)})
    Facility.objects.filter(responsible=user).update(
        responsible=Subquery(Unit.objects.filter(pk=OuterRef("unit_id")).values("responsible")[:1])
    )
    Need.objects.filter(user=user).update(user=None, description="")
    Need.objects.filter(recorded_by=user).update(recorded_by=None)
