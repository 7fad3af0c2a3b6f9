"""A person's own bookings and those of the organizations they act for; cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.bookings import services
from kumppani.bookings.forms import SeriesTimeForm, StaffCancelForm
from kumppani.bookings.models import Booking
from kumppani.bookings.permissions import (
    acts_for,
    get_booking_for_user,
    get_organization_for_booker,
    get_series_for_user,
)
from kumppani.bookings.services.series import future_active
from kumppani.core.audit import log_personal_data_view
from kumppani.core.pagination import paginate, query_without_page
from kumppani.core.time import now
from kumppani.organizations.models import Organization


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Upcoming (or past) bookings of the person, or of one organization they are a member of."""
    organization = None
    if request.GET.get("organization", "").isdigit():
        organization = get_organization_for_booker(request.user, int(request.GET["organization"]))
    bookings = Booking.objects.for_listing()
    bookings = (
        bookings.for_organization(organization)
        if organization
        else bookings.of_person(request.user)
    )
    past = request.GET.get("show") == "past"
    moment = now()
    bookings = bookings.past(moment).order_by("-start") if past else bookings.upcoming(moment)
    page = paginate(request, bookings)
    return render(
        request,
        "bookings/mine.html",
        {
            "page": page,
            "query": query_without_page(request),
            "organization": organization,
            "organizations": Organization.objects.for_member(request.user).order_by("name"),
            "past": past,
        },
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_booking_for_user(request.user, pk)
    own = acts_for(request.user, booking)
    if not own:
        # A manager of the unit sees the responsible person's contact details (M9c).
        log_personal_data_view(request, what="booking responsible person", obj=booking)
    return render(
        request,
        "bookings/detail.html",
        {
            "booking": booking,
            "own": own,
            "may_cancel": own and services.booker_may_cancel(booking),
            "manages": booking.facility.unit.is_managed_by(request.user),
        },
    )


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_booking_for_user(request.user, pk)
    if not acts_for(request.user, booking):
        return redirect("bookings:manage_detail", pk=booking.pk)
    try:
        services.cancel_booking(booking=booking, by=request.user, as_staff=False)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The booking was cancelled."))
    return redirect(booking)


@login_required
def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for_user(request.user, pk)
    manages = series.facility.unit.is_managed_by(request.user)
    bookings = series.bookings.select_related("part").order_by("start")
    return render(
        request,
        "bookings/series_detail.html",
        {
            "series": series,
            "bookings": bookings,
            "manages": manages,
            "future": future_active(series).exists(),
            "time_form": SeriesTimeForm(
                initial={"start_time": series.start_time, "end_time": series.end_time}
            ),
            "cancel_form": StaffCancelForm(),
        },
    )


@login_required
@require_POST
def series_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """The booker cancels every future date; staff use the manage page (with a reason)."""
    series = get_series_for_user(request.user, pk)
    manages = series.facility.unit.is_managed_by(request.user)
    reason = request.POST.get("reason", "")
    try:
        services.cancel_bookings(
            bookings=future_active(series), by=request.user, as_staff=manages, reason=reason
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The remaining dates of the recurring booking were cancelled."))
    return redirect(series)
