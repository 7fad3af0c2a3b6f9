"""Making and changing bookings: every rule checked inside the transaction that writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditlog.context import disable_auditlog
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import User
from kumppani.bookings import checks, validators
from kumppani.bookings.models import Booking, BookingKind, Occupancy
from kumppani.bookings.services import notify as mail
from kumppani.bookings.validators import TAKEN, BookingDraft
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import add_working_days, local, now
from kumppani.facilities.models import Facility, FacilityPart
from kumppani.facilities.pricing import PriceQuote, customer_group_for, price_for

RESPONSIBLE_REQUIRED = _(
    "Give the name, phone and e-mail of the responsible person and confirm that they are of age."
)
TERMS_REQUIRED = _("Accept the terms of use to book.")
EXCLUSION_VIOLATION = "23P01"


@dataclass(frozen=True)
class Responsible:
    """M9c: the person responsible for the proper use of the facility."""

    name: str
    phone: str
    email: str
    of_age: bool

    @property
    def is_complete(self) -> bool:
        return bool(self.name.strip() and self.phone.strip() and self.email.strip() and self.of_age)


def is_overlap_violation(exc: IntegrityError) -> bool:
    cause = exc.__cause__
    return getattr(cause, "sqlstate", None) == EXCLUSION_VIOLATION or (
        "occupancy_no_overlap" in str(exc)
    )


def taken_error() -> ValidationError:
    return ValidationError(TAKEN, code="taken")


def quote(draft: BookingDraft) -> PriceQuote:
    """The price for the booker's group (M12: verified non-profits free where offered)."""
    group = customer_group_for(draft.booker, draft.organization)
    group = checks.adjusted_price_group(draft.booker, draft.organization, group)
    return price_for(draft.facility, group, local(draft.start).date(), draft.end - draft.start)


def occupy(booking: Booking, draft: BookingDraft) -> None:
    """Occupancy rows for every part the booking takes, its buffers included."""
    rules = draft.rules
    Occupancy.objects.bulk_create(
        Occupancy(
            booking=booking,
            part_id=part_id,
            start=booking.start - rules.buffer_before,
            end=booking.end + rules.buffer_after,
        )
        for part_id in draft.load().part_ids(draft.part)
    )


def release(bookings) -> None:
    """Freed at once: deactivated rows no longer take part in the overlap constraint."""
    Occupancy.objects.filter(booking__in=bookings, active=True).update(active=False)


def write_occupancy(booking: Booking, draft: BookingDraft) -> None:
    """Inserts the rows; a concurrent booking that won the race becomes the `taken` message.

    No savepoint: the error leaves the caller's transaction, which then rolls back whole.
    """
    try:
        occupy(booking, draft)
    except IntegrityError as exc:
        if is_overlap_violation(exc):
            raise taken_error() from exc
        raise


def _lock_booker(booker) -> None:
    # Serializes one booker's concurrent requests so that the active-bookings limit holds.
    if booker is not None:
        list(User.objects.select_for_update().filter(pk=booker.pk).values_list("pk"))


def raise_if_invalid(draft: BookingDraft, moment: dt.datetime) -> None:
    errors = validators.validate(draft, moment=moment)
    if errors:
        raise ValidationError(errors)


def initial_status(draft: BookingDraft) -> str:
    if draft.is_staff_booking or not draft.rules.requires_approval:
        return DecisionStatus.APPROVED
    return DecisionStatus.PENDING


def build_booking(
    draft: BookingDraft,
    *,
    purpose: str,
    responsible: Responsible | None,
    terms_version: str,
    moment: dt.datetime,
    series=None,
) -> Booking:
    status = initial_status(draft)
    booking = Booking(
        kind=draft.kind,
        facility=draft.facility,
        part=draft.part,
        series=series,
        booker=draft.booker,
        organization=draft.organization,
        created_by=draft.acting_staff,
        start=draft.start,
        end=draft.end,
        purpose=purpose,
        people=draft.people,
        status=status,
        created_at=moment,
        updated_at=moment,
        terms_version=terms_version,
        terms_accepted_at=moment if terms_version else None,
    )
    if status == DecisionStatus.APPROVED:
        booking.decided_at = moment
        booking.decided_by = draft.acting_staff
    else:
        booking.due_at = add_working_days(moment, draft.facility.unit.approval_deadline_days)
    if responsible is not None:
        booking.responsible_name = responsible.name.strip()
        booking.responsible_phone = responsible.phone.strip()
        booking.responsible_email = responsible.email.strip()
        booking.responsible_of_age = responsible.of_age
    if draft.kind == BookingKind.BOOKING:
        price = quote(draft)
        booking.customer_group = price.customer_group
        booking.price = price.amount
        booking.full_price = price.full_amount
    return booking


def check_booking_input(
    draft: BookingDraft, responsible: Responsible | None, terms_accepted: bool
) -> list[ValidationError]:
    errors = []
    if draft.kind == BookingKind.BOOKING and not (responsible and responsible.is_complete):
        errors.append(ValidationError(RESPONSIBLE_REQUIRED, code="responsible_required"))
    if draft.kind == BookingKind.BOOKING and not draft.is_staff_booking and not terms_accepted:
        errors.append(ValidationError(TERMS_REQUIRED, code="terms_required"))
    return errors


def create_booking(
    *,
    facility: Facility,
    start: dt.datetime,
    end: dt.datetime,
    booker,
    purpose: str,
    people: int = 1,
    part: FacilityPart | None = None,
    organization=None,
    responsible: Responsible | None = None,
    terms_accepted: bool = False,
    acting_staff=None,
    kind: str = BookingKind.BOOKING,
    notify: bool = True,
) -> Booking:
    """Books (or, for staff, blocks) a time; raises ValidationError with coded messages."""
    draft = BookingDraft(
        facility=facility,
        start=start,
        end=end,
        booker=booker,
        part=part,
        organization=organization,
        people=people,
        kind=kind,
        acting_staff=acting_staff,
    )
    input_errors = check_booking_input(draft, responsible, terms_accepted)
    if input_errors:
        raise ValidationError(input_errors)
    with transaction.atomic():
        moment = now()
        _lock_booker(booker)
        raise_if_invalid(draft, moment)
        booking = build_booking(
            draft,
            purpose=purpose,
            responsible=responsible,
            terms_version=checks.terms_version(facility) if terms_accepted else "",
            moment=moment,
        )
        # The database checks the constraints at insert; validating them here would cost a query each.
        booking.full_clean(
            exclude=["facility", "part", "booker", "organization", "created_by"],
            validate_constraints=False,
        )
        # The row records its own creation (created_at, booker, created_by, terms), as a
        # series' dates do (bulk_create); the audit log keeps the later changes.
        with disable_auditlog():
            booking.save()
        write_occupancy(booking, draft)
        if notify and kind == BookingKind.BOOKING:
            mail.later("bookings_created", [booking.pk])
    return booking


def change_booking(*, booking: Booking, start: dt.datetime, end: dt.datetime, by) -> Booking:
    """Moves one booking (one date of a series, too) to a new time, with every rule checked."""
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("facility__unit")
            .get(pk=booking.pk)
        )
        staff = by if booking.facility.unit.is_managed_by(by) else None
        draft = BookingDraft(
            facility=booking.facility,
            start=start,
            end=end,
            booker=booking.booker,
            part=booking.part,
            organization=booking.organization,
            people=booking.people,
            kind=booking.kind,
            acting_staff=staff,
            exclude_bookings=(booking.pk,),
            counts_towards_limit=False,
        )
        raise_if_invalid(draft, now())
        move(booking, draft)
        if booking.kind == BookingKind.BOOKING:
            mail.later("booking_changed", [booking.pk])
    return booking


def move(booking: Booking, draft: BookingDraft) -> None:
    """New times and new occupancy rows for an already validated draft (in a transaction)."""
    Occupancy.objects.filter(booking=booking).delete()
    booking.start, booking.end = draft.start, draft.end
    if booking.kind == BookingKind.BOOKING:
        price = quote(draft)
        booking.price, booking.full_price = price.amount, price.full_amount
    booking.sequence += 1
    booking.updated_at = now()
    booking.save(update_fields=["start", "end", "price", "full_price", "sequence", "updated_at"])
    if booking.is_active:
        write_occupancy(booking, draft)
