"""The city's side: calls, review, decisions, payments (M8). Officers see their programmes only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.accounts.models import Role
from kumppani.core.audit import log_personal_data_view
from kumppani.core.permissions import require_role
from kumppani.grants import permissions, services
from kumppani.grants.forms import (
    AdditionsRequestForm,
    CallForm,
    ConflictForm,
    DecisionForm,
    InstalmentForm,
    ProposalForm,
    QuestionFormSet,
    ScoreForm,
)
from kumppani.grants.models import Application, Call
from kumppani.grants.views.common import run_service


@login_required
def officer_index(request: HttpRequest) -> HttpResponse:
    require_role(request.user, Role.GRANT_OFFICER)
    calls = (
        Call.objects.for_officer(request.user)
        .select_related("programme")
        .annotate(
            received=Count(
                "applications", filter=~Q(applications__status__in=["draft", "withdrawn"])
            ),
            waiting=Count(
                "applications", filter=Q(applications__status__in=["submitted", "under_review"])
            ),
        )
        .order_by("-closes_at")
    )
    return render(request, "grants/officer/index.html", {"calls": calls})


@login_required
def call_new(request: HttpRequest) -> HttpResponse:
    programmes = permissions.get_programmes_for_officer(request.user)
    form = CallForm(request.POST or None, programmes=programmes)
    questions = QuestionFormSet(request.POST or None, prefix="questions")
    if request.method == "POST" and form.is_valid() and questions.is_valid():
        data = form.cleaned_data
        call = run_service(
            form,
            services.create_call,
            programme=data["programme"],
            user=request.user,
            titles={code: data[f"title_{code}"] for code in ("fi", "sv", "en")},
            descriptions={code: data[f"description_{code}"] for code in ("fi", "sv", "en")},
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            max_amount=data["max_amount"],
            budget=data["budget"],
            required_attachments=data["required_attachments"],
            questions=[f.question for f in questions.forms if f.question],
        )
        if call:
            messages.success(request, _("The call was created."))
            return redirect("grants:officer_call", call.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "grants/officer/call_new.html",
        {"form": form, "questions": questions},
        status=status,
    )


@login_required
def officer_call(request: HttpRequest, pk: int) -> HttpResponse:
    call = permissions.get_call_for_officer(request.user, pk)
    applications = (
        call.applications.submitted()
        .select_related("organization", "decision")
        .annotate(mean_score=Avg("reviews__score"))
        .order_by("submitted_at")
    )
    context = {
        "call": call,
        "applications": applications,
        "remaining": services.remaining_budget(call),
        "criteria": call.criteria.all(),
    }
    return render(request, "grants/officer/call.html", context)


def _handle_context(request: HttpRequest, application: Application, **forms) -> dict:
    user = request.user
    conflicted = permissions.is_conflicted(user, application)
    criteria = application.call.criteria.all()
    mine = {r.criterion_id: r for r in application.reviews.filter(officer=user)}
    decision = getattr(application, "decision", None)
    context = {
        "application": application,
        "call": application.call,
        "conflicted": conflicted,
        "remaining": services.remaining_budget(application.call),
        "reviews": application.reviews.select_related("criterion", "officer"),
        "events": application.events.select_related("actor"),
        "additions": application.additions_requests.prefetch_related("attachments"),
        "attachments": application.attachments.all(),
        "conflicts": application.conflicts.select_related("officer"),
        "decision": decision,
        "instalments": decision.instalments.select_related("paid_by") if decision else [],
        "report": getattr(decision, "report", None) if decision else None,
        "score_form": ScoreForm(criteria=criteria, existing=mine),
        "additions_form": AdditionsRequestForm(),
        "conflict_form": ConflictForm(),
        "proposal_form": ProposalForm(initial={"amount": application.proposed_amount}),
        "decision_form": DecisionForm(initial={"amount_granted": application.proposed_amount}),
        "instalment_form": InstalmentForm(),
    }
    return context | forms


@login_required
def handle(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_officer(request.user, pk)
    log_personal_data_view(request, what="grant application", obj=application)
    return render(request, "grants/officer/handle.html", _handle_context(request, application))


def _action(request: HttpRequest, pk: int, form, service, success: str, form_name: str, arguments):
    """Shared shape of every officer action: getter → form → service → redirect or re-render."""
    application = permissions.get_application_for_handling(request.user, pk)
    if form.is_valid():
        done = run_service(
            form, service, application=application, officer=request.user, **arguments(form)
        )
        if done is not None:
            messages.success(request, success)
            return redirect("grants:handle", pk)
    context = _handle_context(request, application, **{form_name: form})
    return render(request, "grants/officer/handle.html", context, status=400)


@login_required
@require_POST
def request_additions(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        AdditionsRequestForm(request.POST),
        services.request_additions,
        _("Additions were requested; the organization was notified."),
        "additions_form",
        arguments=lambda f: f.cleaned_data,
    )


@login_required
@require_POST
def score(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_handling(request.user, pk)
    form = ScoreForm(request.POST, criteria=application.call.criteria.all(), existing={})
    return _action(
        request,
        pk,
        form,
        services.score_application,
        _("Scores saved."),
        "score_form",
        arguments=lambda f: {"scores": f.scores()},
    )


@login_required
@require_POST
def declare_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_officer(request.user, pk)
    form = ConflictForm(request.POST)
    if form.is_valid():
        services.declare_conflict(
            application=application, officer=request.user, note=form.cleaned_data["note"]
        )
        messages.success(request, _("Your conflict of interest was recorded."))
    return redirect("grants:handle", pk)


@login_required
@require_POST
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        ProposalForm(request.POST),
        services.propose_amount,
        _("Proposal saved."),
        "proposal_form",
        arguments=lambda f: {"amount": f.cleaned_data["amount"]},
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        DecisionForm(request.POST),
        services.decide_application,
        _("The decision was made and the organization notified."),
        "decision_form",
        arguments=lambda f: f.cleaned_data,
    )


@login_required
@require_POST
def add_instalment(request: HttpRequest, pk: int) -> HttpResponse:
    decision = permissions.get_decision_for_officer(request.user, pk)
    form = InstalmentForm(request.POST)
    if form.is_valid() and run_service(
        form, services.add_instalment, decision=decision, officer=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Instalment added."))
        return redirect("grants:handle", decision.application_id)
    application = permissions.get_application_for_officer(request.user, decision.application_id)
    context = _handle_context(request, application, instalment_form=form)
    return render(request, "grants/officer/handle.html", context, status=400)


@login_required
@require_POST
def mark_paid(request: HttpRequest, pk: int) -> HttpResponse:
    instalment = permissions.get_instalment_for_officer(request.user, pk)
    try:
        services.mark_instalment_paid(instalment=instalment, officer=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Instalment marked paid."))
    return redirect("grants:handle", instalment.decision.application_id)


@login_required
@require_POST
def accept_report(request: HttpRequest, pk: int) -> HttpResponse:
    decision = permissions.get_decision_for_officer(request.user, pk)
    try:
        services.accept_report(decision=decision, officer=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The usage report was accepted."))
    return redirect("grants:handle", decision.application_id)
