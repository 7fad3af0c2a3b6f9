"""Handling (M7, M8): the managers' queue, decisions, changes and staff bookings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.bookings import services
from kumppani.bookings.forms import (
    ChangeTimeForm,
    DenyForm,
    HandlingFilterForm,
    SeriesTimeForm,
    StaffBookingForm,
    StaffCancelForm,
)
from kumppani.bookings.models import Booking, BookingKind
from kumppani.bookings.permissions import (
    get_managed_booking_for_user,
    get_managed_facility,
    get_series_for_user,
    require_booking_staff,
)
from kumppani.core.audit import log_personal_data_view
from kumppani.core.decisions import DecisionStatus
from kumppani.core.forms import add_service_errors
from kumppani.core.pagination import paginate, query_without_page
from kumppani.core.time import local, now
from kumppani.facilities.models import Facility, Unit


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Bookings of the manager's units, oldest first; pending by default; bulk approve."""
    require_booking_staff(request.user)
    units = Unit.objects.managed_by(request.user).order_by("name")
    facilities = Facility.objects.filter(unit__in=units).order_by("name")
    data = request.GET if request.GET else {"status": DecisionStatus.PENDING}
    form = HandlingFilterForm(
        data, units=units, facilities=facilities, statuses=DecisionStatus.choices
    )
    bookings = Booking.objects.managed_by(request.user).for_listing().order_by("created_at", "pk")
    if form.is_valid():
        if form.cleaned_data["unit"]:
            bookings = bookings.filter(facility__unit=form.cleaned_data["unit"])
        if form.cleaned_data["facility"]:
            bookings = bookings.filter(facility=form.cleaned_data["facility"])
        if form.cleaned_data["status"]:
            bookings = bookings.filter(status=form.cleaned_data["status"])
    page = paginate(request, bookings, per_page=50)
    return render(
        request,
        "bookings/handling.html",
        {"form": form, "page": page, "query": query_without_page(request), "now": now()},
    )


@login_required
@require_POST
def bulk_approve(request: HttpRequest) -> HttpResponse:
    require_booking_staff(request.user)
    pks = [int(pk) for pk in request.POST.getlist("booking") if pk.isdigit()]
    chosen = Booking.objects.managed_by(request.user).filter(pk__in=pks)
    approved = services.approve_bookings(bookings=list(chosen), by=request.user)
    if approved:
        messages.success(request, _("Approved %(count)s bookings.") % {"count": len(approved)})
    else:
        messages.error(request, _("Choose at least one booking waiting for approval."))
    return redirect(request.POST.get("next") or "bookings:handling")


def _manage_context(booking, **forms) -> dict:
    start = local(booking.start)
    return {
        "booking": booking,
        "deny_form": forms.get("deny_form") or DenyForm(),
        "cancel_form": forms.get("cancel_form") or StaffCancelForm(),
        "change_form": forms.get("change_form")
        or ChangeTimeForm(
            initial={
                "date": start.date(),
                "start_time": start.time(),
                "end_time": local(booking.end).time(),
            }
        ),
    }


@login_required
def manage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_managed_booking_for_user(request.user, pk)
    log_personal_data_view(request, what="booking responsible person", obj=booking)
    return render(request, "bookings/manage_detail.html", _manage_context(booking))


def _rerender(request, booking, **forms) -> HttpResponse:
    return render(request, "bookings/manage_detail.html", _manage_context(booking, **forms))


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_managed_booking_for_user(request.user, pk)
    try:
        services.approve_booking(booking=booking, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The booking was approved."))
    return redirect("bookings:manage_detail", pk=booking.pk)


@login_required
@require_POST
def deny(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_managed_booking_for_user(request.user, pk)
    form = DenyForm(request.POST)
    if not form.is_valid():
        return _rerender(request, booking, deny_form=form)
    whole_series = request.POST.get("scope") == "series" and booking.series_id
    targets = booking.series.bookings.pending() if whole_series else [booking]
    try:
        services.deny_bookings(bookings=list(targets), by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _rerender(request, booking, deny_form=form)
    messages.success(request, _("The booking was denied. The booker sees the reason."))
    return redirect("bookings:manage_detail", pk=booking.pk)


@login_required
@require_POST
def staff_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_managed_booking_for_user(request.user, pk)
    form = StaffCancelForm(request.POST)
    if not form.is_valid():
        return _rerender(request, booking, cancel_form=form)
    try:
        services.cancel_booking(
            booking=booking, by=request.user, as_staff=True, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _rerender(request, booking, cancel_form=form)
    messages.success(request, _("The booking was cancelled."))
    return redirect("bookings:manage_detail", pk=booking.pk)


@login_required
@require_POST
def change(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_managed_booking_for_user(request.user, pk)
    form = ChangeTimeForm(request.POST)
    if not form.is_valid():
        return _rerender(request, booking, change_form=form)
    try:
        services.change_booking(
            booking=booking,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            by=request.user,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _rerender(request, booking, change_form=form)
    messages.success(request, _("The booking was moved. The booker was told by e-mail."))
    return redirect("bookings:manage_detail", pk=booking.pk)


@login_required
@require_POST
def series_approve(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for_user(request.user, pk)
    require_booking_staff(request.user)
    if not series.facility.unit.is_managed_by(request.user):
        return redirect(series)
    approved = services.approve_bookings(bookings=list(series.bookings.pending()), by=request.user)
    messages.success(request, _("Approved %(count)s bookings.") % {"count": len(approved)})
    return redirect(series)


@login_required
@require_POST
def series_change(request: HttpRequest, pk: int) -> HttpResponse:
    """The booker or a manager moves every future date of the series to new local times."""
    series = get_series_for_user(request.user, pk)
    form = SeriesTimeForm(request.POST)
    if form.is_valid():
        try:
            services.change_series_time(series=series, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Every remaining date of the recurring booking was moved."))
    else:
        messages.error(request, _("Give a start and an end time."))
    return redirect(series)


@login_required
def staff_book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book on someone's behalf, or block time for maintenance or the city's own use."""
    facility = get_managed_facility(request.user, pk)
    form = StaffBookingForm(request.POST or None, facility=facility, initial={"kind": "block"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = services.create_booking(
                facility=facility,
                start=data["start"],
                end=data["end"],
                booker=data["booker_email"],
                purpose=data["purpose"],
                people=data["people"],
                part=data.get("part"),
                responsible=form.responsible(),
                acting_staff=request.user,
                kind=data["kind"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            done = (
                _("The time was blocked.")
                if booking.kind == BookingKind.BLOCK
                else _("The booking was made on the person's behalf.")
            )
            messages.success(request, done)
            return redirect("bookings:manage_detail", pk=booking.pk)
    upcoming = (
        Booking.objects.filter(facility=facility, end__gt=now())
        .active()
        .select_related("part")
        .order_by("start")[:20]
    )
    return render(
        request,
        "bookings/staff_book.html",
        {"facility": facility, "form": form, "upcoming": upcoming},
    )
