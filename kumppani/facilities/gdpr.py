"""What the facilities app holds about a person, for the GDPR export and erasure."""

from __future__ import annotations

from typing import Any

from kumppani.facilities.models import Need


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
    """Keep needs for the unmet-demand statistics but cut every link to the person."""
    Need.objects.filter(user=user).update(user=None, description="")
    Need.objects.filter(recorded_by=user).update(recorded_by=None)
