"""Approving, denying and cancelling (M7, M8): who decided and when is always recorded."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kumppani.bookings.models import Booking, BookingKind, DenialReason
from kumppani.bookings.services.booking import release
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now

NOT_PENDING = _("Only a booking waiting for approval can be approved or denied.")
DENIAL_REASON_REQUIRED = _("Choose a reason for the denial.")
OTHER_NEEDS_TEXT = _("Describe the reason in your own words.")
NOT_CANCELLABLE = _("This booking can no longer be cancelled.")
CANCEL_DEADLINE_PASSED = _(
    "The cancellation deadline has passed; contact the facility's staff to cancel."
)
CANCEL_REASON_REQUIRED = _("Give a reason for the cancellation; the booker will see it.")


def _notify(kind: str, pks: list[int]) -> None:
    from kumppani.bookings.services import notify as mail

    mail.later(kind, pks)


def _mailed(bookings: Iterable[Booking]) -> list[int]:
    return [b.pk for b in bookings if b.kind == BookingKind.BOOKING]


@transaction.atomic
def approve_bookings(*, bookings: Iterable[Booking], by) -> list[Booking]:
    """Approves the pending ones among `bookings` (bulk approve in the handling queue)."""
    moment = now()
    pks = [b.pk for b in bookings]
    locked = list(
        Booking.objects.select_for_update().filter(pk__in=pks, status=DecisionStatus.PENDING)
    )
    for booking in locked:
        booking.status = DecisionStatus.APPROVED
        booking.decided_by, booking.decided_at = by, moment
        booking.sequence += 1
        booking.updated_at = moment
    Booking.objects.bulk_update(
        locked, ["status", "decided_by", "decided_at", "sequence", "updated_at"]
    )
    if locked:
        _notify("bookings_approved", _mailed(locked))
    return locked


def approve_booking(*, booking: Booking, by) -> Booking:
    if booking.status != DecisionStatus.PENDING:
        raise ValidationError(NOT_PENDING, code="not_pending")
    approve_bookings(bookings=[booking], by=by)
    booking.refresh_from_db()
    return booking


@transaction.atomic
def deny_bookings(
    *, bookings: Iterable[Booking], by, denial_code: str, reason: str = ""
) -> list[Booking]:
    """Denies pending bookings with a reason from the list (and free text) the booker sees."""
    if denial_code not in DenialReason.values:
        raise ValidationError({"denial_code": DENIAL_REASON_REQUIRED})
    if denial_code == DenialReason.OTHER and not reason.strip():
        raise ValidationError({"reason": OTHER_NEEDS_TEXT})
    moment = now()
    pks = [b.pk for b in bookings]
    locked = list(
        Booking.objects.select_for_update().filter(pk__in=pks, status=DecisionStatus.PENDING)
    )
    if not locked:
        raise ValidationError(NOT_PENDING, code="not_pending")
    for booking in locked:
        booking.status = DecisionStatus.REJECTED
        booking.decided_by, booking.decided_at = by, moment
        booking.denial_code, booking.reason = denial_code, reason.strip()
        booking.sequence += 1
        booking.updated_at = moment
    Booking.objects.bulk_update(
        locked,
        ["status", "decided_by", "decided_at", "denial_code", "reason", "sequence", "updated_at"],
    )
    release(locked)
    _notify("bookings_denied", _mailed(locked))
    return locked


def deny_booking(*, booking: Booking, by, denial_code: str, reason: str = "") -> Booking:
    deny_bookings(bookings=[booking], by=by, denial_code=denial_code, reason=reason)
    booking.refresh_from_db()
    return booking


def booker_may_cancel(booking: Booking, moment=None) -> bool:
    """Before the facility's cancellation deadline (hours before the start)."""
    from kumppani.facilities.rules import effective_rules

    moment = moment or now()
    deadline = booking.start - effective_rules(booking.facility).cancellation_deadline
    return booking.is_active and moment < deadline


@transaction.atomic
def cancel_bookings(
    *, bookings: Iterable[Booking], by, as_staff: bool, reason: str = ""
) -> list[Booking]:
    """Cancels the active, not yet ended bookings; the freed time is bookable at once.

    The booker (or a member of the booking's organization) cancels before the deadline; staff
    cancel any time, and must give the reason the booker is told.
    """
    moment = now()
    if as_staff and not reason.strip():
        raise ValidationError({"reason": CANCEL_REASON_REQUIRED})
    pks = [b.pk for b in bookings]
    locked = list(
        Booking.objects.select_for_update(of=("self",))
        .select_related("facility__unit__rules", "facility__rules")
        .filter(pk__in=pks, status__in=[DecisionStatus.PENDING, DecisionStatus.APPROVED])
        .filter(end__gt=moment)
    )
    if not locked:
        raise ValidationError(NOT_CANCELLABLE, code="not_cancellable")
    if not as_staff and not all(booker_may_cancel(b, moment) for b in locked):
        raise ValidationError(CANCEL_DEADLINE_PASSED, code="deadline_passed")
    for booking in locked:
        booking.status = DecisionStatus.CANCELLED
        booking.cancelled_at, booking.cancelled_by = moment, by
        booking.cancellation_reason = reason.strip()
        booking.sequence += 1
        booking.updated_at = moment
    Booking.objects.bulk_update(
        locked,
        ["status", "cancelled_at", "cancelled_by", "cancellation_reason", "sequence", "updated_at"],
    )
    release(locked)
    _notify("bookings_cancelled", _mailed(locked))
    return locked


def cancel_booking(*, booking: Booking, by, as_staff: bool, reason: str = "") -> Booking:
    cancel_bookings(bookings=[booking], by=by, as_staff=as_staff, reason=reason)
    booking.refresh_from_db()
    return booking
