"""The booker moves one booking, or one date of a recurring booking, to a new time (M9b).

The booker may move a booking for as long as they could cancel it. Every booking rule is
checked by `change_booking`; where the facility's bookings need approval, a moved booking waits
for a manager's decision again, because the manager approved another time.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kumppani.bookings.models import Booking
from kumppani.bookings.services.booking import change_booking
from kumppani.bookings.services.decisions import booker_may_cancel
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import add_working_days, now
from kumppani.facilities.rules import effective_rules

NOT_MOVABLE = _("Only an active booking can be moved.")
MOVE_DEADLINE_PASSED = _(
    "The cancellation deadline has passed, so you can no longer move the booking; contact the "
    "facility's staff."
)


def booker_may_move(booking: Booking, moment: dt.datetime | None = None) -> bool:
    """As long as the booker could cancel: active and before the cancellation deadline."""
    return booker_may_cancel(booking, moment)


def move_booking(*, booking: Booking, start: dt.datetime, end: dt.datetime, by) -> Booking:
    """Moves one booking for the booker (or a member acting for its organization).

    One transaction: the deadline check on the locked row, the move with every rule checked,
    and the return to "waiting for approval" where the facility requires approval. The one
    `booking_changed` e-mail that `change_booking` queues is sent after commit, so it tells the
    new status too.
    """
    with transaction.atomic():
        moment = now()
        locked = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("facility__unit")
            .get(pk=booking.pk)
        )
        if not locked.is_active:
            raise ValidationError(NOT_MOVABLE, code="not_movable")
        if not booker_may_move(locked, moment):
            raise ValidationError(MOVE_DEADLINE_PASSED, code="deadline_passed")
        moved = change_booking(booking=locked, start=start, end=end, by=by)
        if _needs_approval_again(moved, by):
            _return_to_pending(moved, moment)
    return moved


def _needs_approval_again(booking: Booking, by) -> bool:
    # As when booking (`initial_status`): the unit's own managers need no approval.
    return (
        booking.status == DecisionStatus.APPROVED
        and effective_rules(booking.facility).requires_approval
        and not booking.facility.unit.is_managed_by(by)
    )


def _return_to_pending(booking: Booking, moment: dt.datetime) -> None:
    booking.status = DecisionStatus.PENDING
    booking.decided_by = None
    booking.decided_at = None
    booking.due_at = add_working_days(moment, booking.facility.unit.approval_deadline_days)
    booking.updated_at = moment
    booking.save(update_fields=["status", "decided_by", "decided_at", "due_at", "updated_at"])
