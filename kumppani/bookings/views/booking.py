"""Booking a facility: a form, a confirm step with the price, then the booking (no JS needed)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kumppani.bookings import services
from kumppani.bookings.forms import BookingForm, DatesForm, SeriesForm
from kumppani.bookings.permissions import get_bookable_facility
from kumppani.bookings.services import SeriesSpec
from kumppani.bookings.views.common import initial_times, parse_moment
from kumppani.core.decisions import DecisionStatus
from kumppani.core.forms import add_service_errors
from kumppani.facilities.rules import effective_rules


def _initial(request: HttpRequest, facility) -> dict:
    rules = effective_rules(facility)
    user = request.user
    initial = {
        "responsible_name": user.full_name,
        "responsible_phone": user.phone,
        "responsible_email": user.email,
        "people": 1,
    }
    initial.update(
        initial_times(parse_moment(request.GET.get("start")), rules.min_duration_minutes)
    )
    if request.GET.get("part", "").isdigit():
        initial["part"] = int(request.GET["part"])
    return initial


def _context(facility, form, **extra) -> dict:
    return {"facility": facility, "form": form, "rules": effective_rules(facility), **extra}


@login_required
def book(request: HttpRequest, slug: str) -> HttpResponse:
    facility = get_bookable_facility(slug)
    if request.method != "POST":
        form = BookingForm(
            initial=_initial(request, facility), facility=facility, user=request.user
        )
        return render(request, "bookings/book.html", _context(facility, form))
    form = BookingForm(request.POST, facility=facility, user=request.user)
    step = request.POST.get("step")
    if not form.is_valid() or step == "edit":
        return render(request, "bookings/book.html", _context(facility, form))
    if step != "confirm":
        price = services.quote(form.draft)
        return render(request, "bookings/confirm.html", _context(facility, form, price=price))
    try:
        booking = services.create_booking(
            facility=facility,
            start=form.draft.start,
            end=form.draft.end,
            booker=request.user,
            purpose=form.cleaned_data["purpose"],
            people=form.cleaned_data["people"],
            part=form.cleaned_data.get("part"),
            organization=form.cleaned_data.get("organization"),
            responsible=form.responsible(),
            terms_accepted=True,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return render(request, "bookings/book.html", _context(facility, form))
    if booking.status == DecisionStatus.APPROVED:
        messages.success(request, _("The booking is confirmed. A confirmation was sent by e-mail."))
    else:
        messages.success(request, _("The booking request was sent. It is waiting for approval."))
    return redirect(booking)


def _spec(facility, form, user) -> SeriesSpec:
    data = form.cleaned_data
    return SeriesSpec(
        facility=facility,
        booker=user,
        first_date=data["first_date"],
        until_date=data["until_date"],
        start_time=data["start_time"],
        end_time=data["end_time"],
        interval_weeks=data["interval_weeks"],
        part=data.get("part"),
        organization=data.get("organization"),
        people=data["people"],
    )


@login_required
def book_series(request: HttpRequest, slug: str) -> HttpResponse:
    """Recurring booking: the form, then a preview of every date (free or taken), then book."""
    facility = get_bookable_facility(slug)
    if request.method != "POST":
        initial = _initial(request, facility)
        initial.update(first_date=initial.pop("date", None), interval_weeks=1)
        form = SeriesForm(initial=initial, facility=facility, user=request.user)
        return render(request, "bookings/series_form.html", _context(facility, form))
    form = SeriesForm(request.POST, facility=facility, user=request.user)
    step = request.POST.get("step")
    if not form.is_valid() or step == "edit":
        return render(request, "bookings/series_form.html", _context(facility, form))
    spec = _spec(facility, form, request.user)
    try:
        occurrences = services.preview_series(spec)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return render(request, "bookings/series_form.html", _context(facility, form))
    free = [o for o in occurrences if o.is_free]
    if step != "confirm":
        dates = DatesForm(initial={"dates": [o.date.isoformat() for o in free]}, occurrences=free)
        price = services.quote(spec.draft(spec.first_date, None, first=True)) if free else None
        return render(
            request,
            "bookings/series_preview.html",
            _context(facility, form, occurrences=occurrences, dates=dates, price=price),
        )
    dates = DatesForm(request.POST, occurrences=free)
    dates.is_valid()
    try:
        series = services.create_series(
            spec=spec,
            dates=dates.chosen(),
            purpose=form.cleaned_data["purpose"],
            responsible=form.responsible(),
            terms_accepted=True,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return render(request, "bookings/series_form.html", _context(facility, form))
    messages.success(
        request, _("The recurring booking was made. A confirmation was sent by e-mail.")
    )
    return redirect(series)
