"""The bookings part of the staff handling queue (M8)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from kumppani.accounts.models import Role
from kumppani.bookings.models import Booking
from kumppani.core.decisions import QueueItem
from kumppani.core.time import local

QUEUE_LIMIT = 200


def bookings_queue(user) -> Iterator[QueueItem]:
    """Booking requests waiting in the manager's units, oldest first."""
    if not user.is_authenticated or not user.has_role(Role.FACILITY_MANAGER):
        return
    waiting = (
        Booking.objects.managed_by(user)
        .pending()
        .select_related("facility")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    for booking in waiting:
        yield QueueItem(
            kind=_("Booking request"),
            title=f"{booking.facility.name} {local(booking.start):%d.%m.%Y %H:%M}",
            url=reverse("bookings:manage_detail", args=[booking.pk]),
            created_at=booking.created_at,
            due_at=booking.due_at,
        )
