"""Recurring bookings: weekly or every two weeks until a date, previewed, created atomically.

Each date is placed at the same local wall-clock time (`make_local`), so a weekly 18:00
booking stays at 18:00 across the daylight-saving change while its UTC moment moves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from kumppani.bookings import availability, checks, validators
from kumppani.bookings.models import Booking, BookingKind, BookingSeries, Occupancy
from kumppani.bookings.services import notify as mail
from kumppani.bookings.services.booking import (
    Responsible,
    _lock_booker,
    build_booking,
    check_booking_input,
    move,
    occupy,
    taken_error,
)
from kumppani.bookings.validators import BookingDraft
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import make_local, now

MAX_SERIES_DAYS = 366
SERIES_TOO_LONG = _("A recurring booking can cover at most one year.")
SERIES_ORDER = _("The last date cannot be before the first date.")
SERIES_TIMES = _("The end time must be after the start time.")
NO_DATES = _("Choose at least one free date.")
DATE_NOT_FREE = _("%(date)s: %(message)s")


@dataclass
class Occurrence:
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    errors: list[ValidationError] = field(default_factory=list)

    @property
    def is_free(self) -> bool:
        return not self.errors

    @property
    def messages(self) -> list[str]:
        return validators.messages_of(self.errors)


@dataclass
class SeriesSpec:
    facility: object
    booker: object
    first_date: dt.date
    until_date: dt.date
    start_time: dt.time
    end_time: dt.time
    interval_weeks: int = 1
    part: object | None = None
    organization: object | None = None
    people: int = 1
    acting_staff: object | None = None

    def check(self) -> None:
        if self.until_date < self.first_date:
            raise ValidationError({"until_date": SERIES_ORDER})
        if (self.until_date - self.first_date).days > MAX_SERIES_DAYS:
            raise ValidationError({"until_date": SERIES_TOO_LONG})
        if self.end_time <= self.start_time:
            raise ValidationError({"end_time": SERIES_TIMES})

    def dates(self) -> list[dt.date]:
        step = dt.timedelta(weeks=self.interval_weeks)
        result, day = [], self.first_date
        while day <= self.until_date:
            result.append(day)
            day += step
        return result

    def draft(self, day: dt.date, data, *, first: bool, exclude=()) -> BookingDraft:
        return BookingDraft(
            facility=self.facility,
            start=make_local(day, self.start_time),
            end=make_local(day, self.end_time),
            booker=self.booker,
            part=self.part,
            organization=self.organization,
            people=self.people,
            acting_staff=self.acting_staff,
            counts_towards_limit=first,
            exclude_bookings=tuple(exclude),
            data=data,
        )


def preview_series(spec: SeriesSpec, *, moment: dt.datetime | None = None) -> list[Occurrence]:
    """Every date of the series, marked free (no errors) or with what stands in the way."""
    spec.check()
    moment = moment or now()
    data = availability.load(spec.facility, spec.first_date - dt.timedelta(days=1), spec.until_date)
    result = []
    for index, day in enumerate(spec.dates()):
        draft = spec.draft(day, data, first=index == 0)
        result.append(
            Occurrence(day, draft.start, draft.end, validators.validate(draft, moment=moment))
        )
    return result


def _date_errors(occurrences: list[Occurrence]) -> list[ValidationError]:
    return [
        ValidationError(
            DATE_NOT_FREE,
            code=error.code,
            params={"date": formats.date_format(o.date, "SHORT_DATE_FORMAT"), "message": message},
        )
        for o in occurrences
        for error in o.errors
        for message in error.messages
    ]


def create_series(
    *,
    spec: SeriesSpec,
    dates: list[dt.date],
    purpose: str,
    responsible: Responsible | None,
    terms_accepted: bool,
    notify: bool = True,
) -> BookingSeries:
    """All chosen dates are booked, or none (one transaction; a lost race books nothing)."""
    chosen = set(dates)
    first_draft = spec.draft(spec.first_date, None, first=True)
    input_errors = check_booking_input(first_draft, responsible, terms_accepted)
    if input_errors:
        raise ValidationError(input_errors)
    with transaction.atomic():
        moment = now()
        _lock_booker(spec.booker)
        occurrences = [o for o in preview_series(spec, moment=moment) if o.date in chosen]
        if not occurrences:
            raise ValidationError(NO_DATES, code="no_dates")
        errors = _date_errors([o for o in occurrences if not o.is_free])
        if errors:
            raise ValidationError(errors)
        series = BookingSeries.objects.create(
            facility=spec.facility,
            part=spec.part,
            booker=spec.booker,
            organization=spec.organization,
            interval_weeks=spec.interval_weeks,
            first_date=occurrences[0].date,
            until_date=occurrences[-1].date,
            start_time=spec.start_time,
            end_time=spec.end_time,
            purpose=purpose,
            created_at=moment,
        )
        data = availability.load(spec.facility, spec.first_date, spec.first_date)
        terms = checks.terms_version(spec.facility) if terms_accepted else ""
        bookings = []
        for occurrence in occurrences:
            draft = spec.draft(occurrence.date, data, first=False)
            booking = build_booking(
                draft,
                purpose=purpose,
                responsible=responsible,
                terms_version=terms,
                moment=moment,
                series=series,
            )
            bookings.append((booking, draft))
        Booking.objects.bulk_create([b for b, _d in bookings])
        _occupy_all(bookings)
        if notify:
            mail.later("bookings_created", [b.pk for b, _d in bookings])
    return series


def _occupy_all(bookings: list[tuple[Booking, BookingDraft]]) -> None:
    from django.db import IntegrityError

    from kumppani.bookings.services.booking import is_overlap_violation

    try:
        for booking, draft in bookings:
            occupy(booking, draft)
    except IntegrityError as exc:
        if is_overlap_violation(exc):
            raise taken_error() from exc
        raise


def future_active(series: BookingSeries, moment=None):
    moment = moment or now()
    return series.bookings.active().filter(end__gt=moment).order_by("start")


def change_series_time(
    *, series: BookingSeries, start_time: dt.time, end_time: dt.time, by
) -> list[Booking]:
    """Moves every future active date of the series to new local times, all or nothing."""
    if end_time <= start_time:
        raise ValidationError({"end_time": SERIES_TIMES})
    with transaction.atomic():
        moment = now()
        series = (
            BookingSeries.objects.select_for_update(of=("self",))
            .select_related("facility__unit")
            .get(pk=series.pk)
        )
        bookings = list(future_active(series, moment).select_for_update())
        if not bookings:
            raise ValidationError(NO_DATES, code="no_dates")
        staff = by if series.facility.unit.is_managed_by(by) else None
        days = [b.start.astimezone(availability.HELSINKI).date() for b in bookings]
        data = availability.load(
            series.facility,
            days[0] - dt.timedelta(days=1),
            days[-1],
            exclude_bookings=[b.pk for b in bookings],
        )
        spec = SeriesSpec(
            facility=series.facility,
            booker=series.booker,
            first_date=days[0],
            until_date=days[-1],
            start_time=start_time,
            end_time=end_time,
            part=series.part,
            organization=series.organization,
            people=bookings[0].people,
            acting_staff=staff,
        )
        moves, problems = [], []
        for booking, day in zip(bookings, days, strict=True):
            draft = spec.draft(day, data, first=False, exclude=[b.pk for b in bookings])
            errors = validators.validate(draft, moment=moment)
            if errors:
                problems.append(Occurrence(day, draft.start, draft.end, errors))
            moves.append((booking, draft))
        if problems:
            raise ValidationError(_date_errors(problems))
        # Old rows go first so that the series never conflicts with its own earlier times.
        Occupancy.objects.filter(booking__in=bookings).delete()
        for booking, draft in moves:
            move(booking, draft)
        series.start_time, series.end_time = start_time, end_time
        series.save(update_fields=["start_time", "end_time"])
        mail.later("booking_changed", [b.pk for b in bookings if b.kind == BookingKind.BOOKING])
    return bookings


def series_status_counts(series: BookingSeries) -> dict[str, int]:
    counts = dict.fromkeys(DecisionStatus.values, 0)
    for status in series.bookings.values_list("status", flat=True):
        counts[status] += 1
    return counts
