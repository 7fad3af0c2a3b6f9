"""A person's own bookings and those of the organizations they act for; moving, cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kumppani.bookings import services
from kumppani.bookings.forms import ChangeTimeForm, SeriesTimeForm, StaffCancelForm
from kumppani.bookings.models import Booking
from kumppani.bookings.permissions import (
    acts_for,
    get_booking_for_user,
    get_organization_for_booker,
    get_series_for_user,
)
from kumppani.bookings.services.moving import MOVE_DEADLINE_PASSED, NOT_MOVABLE
from kumppani.bookings.services.series import future_active
from kumppani.bookings.views.common import initial_times
from kumppani.core.audit import log_personal_data_view
from kumppani.core.decisions import DecisionStatus
from kumppani.core.forms import add_service_errors
from kumppani.core.pagination import paginate, query_without_page
from kumppani.core.time import now
from kumppani.facilities.rules import effective_rules
from kumppani.organizations.models import Organization

MOVED = gettext_lazy("The booking was moved. You will get the new times by e-mail.")
MOVED_PENDING = gettext_lazy(
    "The booking was moved. The new time waits for the approval of the facility's staff; "
    "you will get an e-mail when they have decided."
)


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


def _detail_context(request: HttpRequest, booking: Booking, move_form=None) -> dict:
    own = acts_for(request.user, booking)
    may_cancel = own and services.booker_may_cancel(booking)
    # Moving is allowed exactly as long as cancelling (services.booker_may_move).
    if move_form is None and may_cancel:
        minutes = int(booking.duration.total_seconds() // 60)
        move_form = ChangeTimeForm(initial=initial_times(booking.start, minutes))
    return {
        "booking": booking,
        "own": own,
        "may_cancel": may_cancel,
        "move_form": move_form,
        "requires_approval": move_form is not None
        and effective_rules(booking.facility).requires_approval,
        "manages": booking.facility.unit.is_managed_by(request.user),
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_booking_for_user(request.user, pk)
    context = _detail_context(request, booking)
    if not context["own"]:
        # A manager of the unit sees the responsible person's contact details (M9c).
        log_personal_data_view(request, what="booking responsible person", obj=booking)
    return render(request, "bookings/detail.html", context)


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """The booker moves one booking (one date of a series, too) while they could cancel it."""
    booking = get_booking_for_user(request.user, pk)
    if not acts_for(request.user, booking):
        raise PermissionDenied  # managers move bookings on the handling page
    if not services.booker_may_move(booking):
        messages.error(request, MOVE_DEADLINE_PASSED if booking.is_active else NOT_MOVABLE)
        return redirect(booking)
    form = ChangeTimeForm(request.POST)
    if form.is_valid():
        try:
            moved = services.move_booking(
                booking=booking,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _moved_message(moved))
            return redirect(moved)
    return render(request, "bookings/detail.html", _detail_context(request, booking, form))


def _moved_message(booking: Booking) -> str:
    return str(MOVED_PENDING if booking.status == DecisionStatus.PENDING else MOVED)


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
