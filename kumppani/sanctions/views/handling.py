"""The unit's staff: cases and tips, reporting, evidence, hearing, decision, reconsideration."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.bookings.models import Booking
from kumppani.bookings.permissions import get_managed_booking_for_user
from kumppani.core.audit import log_personal_data_view
from kumppani.core.forms import add_service_errors
from kumppani.core.pagination import paginate, query_without_page
from kumppani.sanctions import permissions, services
from kumppani.sanctions.forms import (
    DecisionForm,
    HearingForm,
    IncidentForm,
    PhotoForm,
    ReconsiderationDecisionForm,
)
from kumppani.sanctions.models import Incident, IncidentStage, Tip
from kumppani.sanctions.views.cases import decision_form, private_file, staff_context


@login_required
def cases(request: HttpRequest) -> HttpResponse:
    permissions.require_sanctions_staff(request.user)
    stage = request.GET.get("stage", "")
    queryset = Incident.objects.managed_by(request.user).select_related(
        "facility", "party_organization", "party_user"
    )
    if stage in IncidentStage.values:
        queryset = queryset.filter(stage=stage)
    return render(
        request,
        "sanctions/manage/cases.html",
        {
            "page": paginate(request, queryset),
            "query": query_without_page(request),
            "stage": stage,
            "stages": IncidentStage.choices,
            "tips": Tip.objects.managed_by(request.user).open().select_related("facility")[:50],
        },
    )


def _tip_for(request: HttpRequest, booking) -> Tip | None:
    raw = request.POST.get("tip") or request.GET.get("tip") or ""
    if not raw.isdigit():
        return None
    found = permissions.get_tip_for_staff(request.user, int(raw))
    if found.facility_id != booking.facility_id:
        raise Http404
    return found


def _save_photo(request, form, **owner) -> None:
    upload = form.cleaned_data.get("photo")
    if upload:
        services.add_photo(upload=upload, checked=upload.checked, uploaded_by=request.user, **owner)


@login_required
def report(request: HttpRequest, booking_pk: int) -> HttpResponse:
    """Staff of the booking's unit record misuse against it (optionally from a tip)."""
    booking = get_managed_booking_for_user(request.user, booking_pk)
    tip = _tip_for(request, booking)
    initial = (
        {"kind": tip.kind, "description": tip.description, "occurred_at": tip.noticed_at}
        if tip
        else {}
    )
    form = IncidentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            incident = services.report_incident(
                booking=booking,
                reported_by=request.user,
                kind=data["kind"],
                description=data["description"],
                occurred_at=data["occurred_at"],
                evidence_notes=data["evidence_notes"],
                damage_cost=data["damage_cost"],
                tip=tip,
            )
            _save_photo(request, form, incident=incident)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The case was recorded."))
            return redirect(incident)
    return render(
        request, "sanctions/manage/report.html", {"booking": booking, "form": form, "tip": tip}
    )


@login_required
def tip(request: HttpRequest, pk: int) -> HttpResponse:
    """A tip and the bookings of that space just before it was noticed, to pick from."""
    found = permissions.get_tip_for_staff(request.user, pk)
    log_personal_data_view(request, what="misuse tip", obj=found)
    window_start = found.noticed_at - dt.timedelta(hours=36)
    candidates = (
        Booking.objects.filter(
            facility=found.facility, start__lt=found.noticed_at, end__gt=window_start
        )
        .exclude(kind="block")
        .select_related("organization", "booker")
        .order_by("-start")[:10]
    )
    return render(
        request,
        "sanctions/manage/tip.html",
        {"tip": found, "candidates": candidates, "photos": found.photos.all()},
    )


@login_required
@require_POST
def tip_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    found = permissions.get_tip_for_staff(request.user, pk)
    try:
        services.dismiss_tip(tip=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The tip was closed without a case."))
    return redirect("sanctions:cases")


@login_required
def tip_photo(request: HttpRequest, pk: int, photo_pk: int):
    evidence = permissions.get_tip_photo_for_staff(request.user, pk, photo_pk)
    log_personal_data_view(request, what="misuse tip photo", obj=evidence.tip)
    return private_file(evidence)


def _staff_page(request, incident, **forms) -> HttpResponse:
    return render(request, "sanctions/case_staff.html", staff_context(request, incident, **forms))


@login_required
@require_POST
def add_photo(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_staff(request.user, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["photo"]
        services.add_photo(
            incident=incident,
            upload=upload,
            checked=upload.checked,
            uploaded_by=request.user,
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The photo was added."))
        return redirect(incident)
    return _staff_page(request, incident, photo_form=form)


@login_required
@require_POST
def open_hearing(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_staff(request.user, pk)
    form = HearingForm(request.POST)
    if form.is_valid():
        try:
            services.open_hearing(
                incident=incident,
                opened_by=request.user,
                claim=form.cleaned_data["claim"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The hearing was opened and the parties were e-mailed."))
            return redirect(incident)
    return _staff_page(request, incident, hearing_form=form)


@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_staff(request.user, pk)
    log_personal_data_view(request, what="misuse case (decision)", obj=incident)
    form: DecisionForm = decision_form(request, incident)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        terms = services.Terms(
            step=data["step"],
            target=data["target"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            fee=data["fee"],
            covers_members=data.get("covers_members", False),
        )
        try:
            services.decide_incident(
                incident=incident,
                decided_by=request.user,
                terms=terms,
                reason=data["reason"],
                departure_reason=data["departure_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision was made and sent to the parties."))
            return redirect(incident)
    context = staff_context(request, incident)
    context["decision_form"] = form
    return render(request, "sanctions/manage/decide.html", context)


@login_required
@require_POST
def decide_reconsideration(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_staff(request.user, pk)
    decision = getattr(incident, "decision", None)
    request_ = getattr(decision, "reconsideration", None) if decision else None
    if request_ is None:
        messages.error(request, _("There is no request for reconsideration in this case."))
        return redirect(incident)
    form = ReconsiderationDecisionForm(request.POST, policy=decision.policy)
    if form.is_valid():
        data = form.cleaned_data
        terms = None
        if data["step"] is not None:
            terms = services.Terms(
                step=data["step"],
                target=decision.target,
                starts_on=decision.starts_on,
                ends_on=data["ends_on"],
                fee=data["fee"] if data["fee"] is not None else decision.fee,
                covers_members=decision.covers_members,
            )
        try:
            services.decide_reconsideration(
                reconsideration=request_,
                decided_by=request.user,
                outcome=data["outcome"],
                reason=data["reason"],
                terms=terms,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The request for reconsideration was decided."))
            return redirect(incident)
    return _staff_page(request, incident, reconsider_form=form)
