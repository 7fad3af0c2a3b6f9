"""Booking rules, one small named validator each, with a stable code and a translated message.

The form, the API, recurring series and staff bookings all run `validate()`, so the same rule
gives the same message everywhere. Tests import the message constants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kumppani.bookings import availability, checks
from kumppani.bookings.models import Booking, BookingKind
from kumppani.core.time import now
from kumppani.facilities.models import Facility, FacilityPart, WhoMayBook
from kumppani.organizations.models import Membership

OUTSIDE_WINDOW = _("Bookings can be made at most %(days)s days ahead.")
TOO_LATE = _("Book at least %(hours)s hours before the start.")
IN_THE_PAST = _("That time has already passed.")
TOO_SHORT = _("A booking must last at least %(minutes)s minutes.")
TOO_LONG = _("A booking can last at most %(minutes)s minutes.")
NOT_ON_INTERVAL = _("Start times go in steps of %(minutes)s minutes from midnight (e.g. 18:00).")
CLOSED = _("The facility is not open for the whole of that time.")
OVERLAPS = _("That time is already booked.")
TAKEN = _("That time was just taken. Please choose another time.")
MAX_ACTIVE = _("You already have %(count)s active bookings here, which is the most allowed.")
OVER_CAPACITY = _("At most %(capacity)s people fit in this space.")
STAFF_ONLY = _("Only the city's staff can book this facility.")
VERIFIED_ORGANIZATIONS_ONLY = _("Only verified organizations can book this facility.")
ORGANIZATION_NOT_VERIFIED = _("The organization has not been verified yet, so it cannot book.")
NOT_MEMBER = _("You can book only for an organization you are a member of.")
NOT_BOOKABLE = _("This facility cannot be booked.")
ENDS_BEFORE_START = _("The end must be after the start.")
NOT_ELIGIBLE_CODE = "not_eligible"


@dataclass
class BookingDraft:
    """What someone asks to book, before it is checked."""

    facility: Facility
    start: dt.datetime
    end: dt.datetime
    booker: object | None
    part: FacilityPart | None = None
    organization: object | None = None
    people: int = 1
    kind: str = BookingKind.BOOKING
    acting_staff: object | None = None  # a manager booking on someone's behalf or blocking
    exclude_bookings: tuple[int, ...] = ()
    # A recurring booking counts once towards the booker's limit: only its first date counts.
    counts_towards_limit: bool = True
    data: availability.FacilityData | None = field(default=None, repr=False)

    @property
    def is_staff_booking(self) -> bool:
        return self.acting_staff is not None

    def load(self) -> availability.FacilityData:
        if self.data is None:
            day = availability.local_date(self.start)
            self.data = availability.load(
                self.facility,
                day - dt.timedelta(days=1),
                availability.local_date(self.end),
                exclude_bookings=self.exclude_bookings,
            )
        return self.data

    @property
    def rules(self):
        return self.load().rules


Validator = Callable[[BookingDraft, dt.datetime], "ValidationError | None"]


def _error(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def check_bookable(draft: BookingDraft, moment) -> ValidationError | None:
    if not draft.facility.published and not draft.is_staff_booking:
        return _error(NOT_BOOKABLE, "not_bookable")
    return None


def check_in_the_past(draft: BookingDraft, moment) -> ValidationError | None:
    if draft.start < moment:
        return _error(IN_THE_PAST, "in_the_past")
    return None


def check_min_notice(draft: BookingDraft, moment) -> ValidationError | None:
    rules = draft.rules
    if moment <= draft.start < moment + rules.min_notice:
        return _error(TOO_LATE, "too_late", hours=rules.min_notice_hours)
    return None


def check_window(draft: BookingDraft, moment) -> ValidationError | None:
    rules = draft.rules
    if draft.start >= availability.window(rules, moment)[1]:
        return _error(OUTSIDE_WINDOW, "outside_window", days=rules.book_ahead_days)
    return None


def check_duration(draft: BookingDraft, moment) -> ValidationError | None:
    rules = draft.rules
    length = draft.end - draft.start
    if length < rules.min_duration:
        return _error(TOO_SHORT, "too_short", minutes=rules.min_duration_minutes)
    if length > rules.max_duration:
        return _error(TOO_LONG, "too_long", minutes=rules.max_duration_minutes)
    return None


def check_start_interval(draft: BookingDraft, moment) -> ValidationError | None:
    step = draft.rules.start_interval_minutes
    if not availability.is_aligned(draft.start, step):
        return _error(NOT_ON_INTERVAL, "start_interval", minutes=step)
    return None


def check_open(draft: BookingDraft, moment) -> ValidationError | None:
    if not availability.is_within_opening(draft.load(), draft.start, draft.end):
        return _error(CLOSED, "closed")
    return None


def check_free(draft: BookingDraft, moment) -> ValidationError | None:
    data = draft.load()
    if availability.conflicts(data, data.part_ids(draft.part), draft.start, draft.end):
        return _error(OVERLAPS, "overlaps")
    return None


def check_capacity(draft: BookingDraft, moment) -> ValidationError | None:
    capacity = draft.facility.capacity
    if draft.part is not None and draft.part.capacity and draft.facility.is_divisible:
        capacity = draft.part.capacity
    if draft.people > capacity:
        return _error(OVER_CAPACITY, "over_capacity", capacity=capacity)
    return None


def check_membership(draft: BookingDraft, moment) -> ValidationError | None:
    if draft.organization is None or draft.booker is None:
        return None
    if not Membership.objects.filter(organization=draft.organization, user=draft.booker).exists():
        return _error(NOT_MEMBER, "not_member")
    if not draft.organization.is_verified:
        return _error(ORGANIZATION_NOT_VERIFIED, "organization_not_verified")
    return None


def check_who_may_book(draft: BookingDraft, moment) -> ValidationError | None:
    who = draft.rules.who_may_book
    if who == WhoMayBook.STAFF_ONLY:
        return _error(STAFF_ONLY, "not_allowed")
    if who == WhoMayBook.VERIFIED_ORGANIZATIONS and not (
        draft.organization is not None and draft.organization.is_verified
    ):
        return _error(VERIFIED_ORGANIZATIONS_ONLY, "not_allowed")
    return None


def active_booking_count(booker, facility, moment, *, exclude=()) -> int:
    """Future active bookings of the booker here; a recurring booking counts once."""
    series_ids = (
        Booking.objects.active()
        .filter(booker=booker, facility=facility, end__gt=moment)
        .exclude(pk__in=list(exclude))
        .values_list("series_id", flat=True)
    )
    # A handful of rows (the limit is small); counted here, which is cheaper than an aggregate.
    singles = 0
    series = set()
    for series_id in series_ids:
        if series_id is None:
            singles += 1
        else:
            series.add(series_id)
    return singles + len(series)


def check_max_active(draft: BookingDraft, moment) -> ValidationError | None:
    if draft.booker is None or not draft.counts_towards_limit:
        return None
    limit = draft.rules.max_active_bookings
    count = active_booking_count(
        draft.booker, draft.facility, moment, exclude=draft.exclude_bookings
    )
    if count >= limit:
        return _error(MAX_ACTIVE, "max_active", count=count)
    return None


def check_registered(draft: BookingDraft, moment) -> ValidationError | None:
    messages = checks.eligibility_messages(
        draft.booker, draft.organization, draft.facility, draft.start
    )
    if messages:
        return ValidationError([ValidationError(m, code=NOT_ELIGIBLE_CODE) for m in messages])
    return None


# (validator, applies to staff bookings on someone's behalf, applies to staff blocks)
VALIDATORS: list[tuple[Validator, bool, bool]] = [
    (check_bookable, True, True),
    (check_in_the_past, True, False),
    (check_min_notice, False, False),
    (check_window, False, False),
    (check_duration, True, False),
    (check_start_interval, False, False),
    (check_open, True, False),
    (check_capacity, True, False),
    (check_membership, True, False),
    (check_who_may_book, False, False),
    (check_max_active, False, False),
    (check_registered, True, False),
    (check_free, True, True),
]


def validate(draft: BookingDraft, *, moment: dt.datetime | None = None) -> list[ValidationError]:
    """Every rule that the draft breaks (empty when it may be booked)."""
    moment = moment or now()
    if draft.end <= draft.start:
        return [_error(ENDS_BEFORE_START, "ends_before_start")]
    block = draft.kind == BookingKind.BLOCK
    errors = []
    for validator, for_staff, for_blocks in VALIDATORS:
        if block and not for_blocks:
            continue
        if draft.is_staff_booking and not block and not for_staff:
            continue
        error = validator(draft, moment)
        if error is not None:
            errors.extend(error.error_list)
    return errors


def error_codes(errors: list[ValidationError]) -> list[str]:
    return [error.code for error in errors]


def messages_of(errors: list[ValidationError]) -> list[str]:
    return [message for error in errors for message in error.messages]
