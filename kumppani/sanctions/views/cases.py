"""A case as its parties and the unit's staff see it; the parties' answer and request."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kumppani.core.audit import log_personal_data_view
from kumppani.core.decisions import DecisionStatus
from kumppani.core.forms import add_service_errors
from kumppani.core.pagination import paginate
from kumppani.core.time import now
from kumppani.sanctions import enforcement, permissions, rules, services
from kumppani.sanctions.forms import (
    AnswerForm,
    DecisionForm,
    HearingForm,
    PhotoForm,
    ReconsiderationDecisionForm,
    ReconsiderationRequestForm,
)
from kumppani.sanctions.models import Incident, IncidentStage, SanctionPolicy, SanctionTarget


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The cases where the signed-in person is a party."""
    cases = Incident.objects.of_party(request.user).select_related("facility", "decision")
    return render(request, "sanctions/mine.html", {"page": paginate(request, cases)})


@login_required
def case(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_user(request.user, pk)
    if permissions.is_staff_of(request.user, incident):
        log_personal_data_view(request, what="misuse case", obj=incident)
        return render(request, "sanctions/case_staff.html", staff_context(request, incident))
    return render(request, "sanctions/case_party.html", party_context(incident))


def party_context(incident: Incident, **forms) -> dict:
    decision = getattr(incident, "decision", None)
    return {
        "incident": incident,
        "hearing": getattr(incident, "hearing", None),
        "answers": incident.hearing.answers.all() if hasattr(incident, "hearing") else [],
        "decision": decision,
        "reconsideration": getattr(decision, "reconsideration", None) if decision else None,
        "photos": incident.photos.all(),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "request_form": forms.get("request_form") or ReconsiderationRequestForm(),
        "now": now(),
    }


def staff_context(request: HttpRequest, incident: Incident, **forms) -> dict:
    context = party_context(incident)
    decision = context["decision"]
    policy = SanctionPolicy.objects.in_force()
    context.update(
        {
            "photo_form": forms.get("photo_form") or PhotoForm(),
            "hearing_form": forms.get("hearing_form")
            or HearingForm(initial={"claim": incident.description}),
            "may_decide": not decision
            and (
                incident.stage != IncidentStage.REPORTED and rules.hearing_allows_decision(incident)
            ),
            "earlier": rules.earlier_sanctions(incident).select_related("incident"),
            "suggested": rules.suggested_step(incident, policy),
            "future_bookings": enforcement.future_bookings(decision) if decision else [],
            "tips": incident.tips.select_related("reporter"),
        }
    )
    reconsideration = context["reconsideration"]
    if reconsideration and reconsideration.status == DecisionStatus.PENDING:
        context["may_reconsider"] = request.user.pk not in (
            decision.decided_by_id,
            reconsideration.original_decider_id,
        )
        context["reconsider_form"] = forms.get("reconsider_form") or ReconsiderationDecisionForm(
            policy=decision.policy
        )
    return context


@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_party(request.user, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_hearing(
                incident=incident,
                author=request.user,
                text=form.cleaned_data["text"],
                waives=form.cleaned_data["waives"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your answer was sent to the staff."))
            return redirect(incident)
    return render(request, "sanctions/case_party.html", party_context(incident, answer_form=form))


@login_required
def request_reconsideration(request: HttpRequest, pk: int) -> HttpResponse:
    incident = permissions.get_case_for_party(request.user, pk)
    form = ReconsiderationRequestForm(request.POST or None)
    decision = getattr(incident, "decision", None)
    if request.method == "POST" and form.is_valid() and decision is not None:
        try:
            services.request_reconsideration(
                decision=decision, requested_by=request.user, grounds=form.cleaned_data["grounds"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request for reconsideration was received."))
            return redirect(incident)
    return render(request, "sanctions/case_party.html", party_context(incident, request_form=form))


@login_required
def photo(request: HttpRequest, pk: int, photo_pk: int) -> FileResponse:
    """Evidence is served only here, after the case's permission check; never from /media/."""
    evidence = permissions.get_photo_for_user(request.user, pk, photo_pk)
    if permissions.is_staff_of(request.user, evidence.incident):
        log_personal_data_view(request, what="misuse evidence photo", obj=evidence.incident)
    return private_file(evidence)


def private_file(evidence) -> FileResponse:
    response = FileResponse(
        evidence.file.open("rb"),
        filename=f"evidence-{evidence.pk}.{evidence.extension}",
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def decision_form(request: HttpRequest, incident: Incident) -> DecisionForm:
    policy = SanctionPolicy.objects.in_force()
    suggested = rules.suggested_step(incident, policy)
    initial = {
        "step": str(suggested.pk) if suggested else "none",
        "fee": incident.damage_cost,
        "target": SanctionTarget.ORGANIZATION
        if incident.party_organization_id
        else SanctionTarget.PERSON,
    }
    return DecisionForm(request.POST or None, policy=policy, incident=incident, initial=initial)
