"""Writes on the city's side: calls, additions, review, decisions, payments (M8, M14)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now
from kumppani.grants.models import (
    AdditionsRequest,
    Application,
    ApplicationStatus,
    Call,
    CallCriterion,
    CallQuestion,
    ConflictOfInterest,
    EventKind,
    GrantDecision,
    Instalment,
    Programme,
    Review,
    UsageReport,
)
from kumppani.grants.permissions import CONFLICTED, check_can_handle
from kumppani.grants.services.applying import record_event
from kumppani.grants.services.notify import notify_additions_requested, notify_decided

HANDLEABLE = (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW)

NOT_HANDLEABLE = _("This application is not waiting for handling.")
OVER_BUDGET = _(
    "The call's budget would be exceeded: %(remaining)s € remains for this application."
)
OVER_REQUEST = _("The amount cannot exceed the amount requested, %(requested)s €.")
NEGATIVE_AMOUNT = _("The amount cannot be negative.")
REASONS_MISSING = _("Give the reasons for the decision.")
INSTALMENTS_OVER_GRANT = _("The instalments together exceed the amount granted, %(granted)s €.")
NOT_GRANTED = _("Payments and reports belong only to a granted decision.")
ALREADY_PAID = _("This instalment is already marked paid.")
NO_REPORT = _("No usage report has been submitted yet.")
BAD_SCORE = _("Each score must be between 0 and 5.")
CRITERIA_EMPTY = _("The programme has no criteria; add them before opening a call.")

# M8, Local Government Act 134 §: claim for a review within 14 days of notification.
APPEAL_TEXT = _(
    "Claim for a review (oikaisuvaatimus). If you are not satisfied with this decision, you may "
    "ask for it to be reviewed. Send a written claim to %(city)s within 14 days of being "
    "notified of the decision. The notification is deemed received on the seventh day after a "
    "letter was sent, or on the third day after an electronic message was sent. The claim must "
    "state the decision concerned, the change demanded and the grounds for it, and the name and "
    "contact details of the claimant. The claim is free of charge."
)


def appeal_texts() -> dict[str, str]:
    """The appeal instructions frozen into the decision in each language."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[f"appeal_instructions_{code}"] = gettext(APPEAL_TEXT) % {
                "city": settings.CITY_NAME
            }
    return texts


@transaction.atomic
def create_call(
    *,
    programme: Programme,
    user,
    titles: dict[str, str],
    descriptions: dict[str, str],
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    max_amount: Decimal,
    budget: Decimal,
    required_attachments: list[str],
    questions: list[dict],
) -> Call:
    """Create a call; the programme's criteria are copied into it and never change afterwards."""
    criteria = list(programme.criteria.all())
    if not criteria:
        raise ValidationError(CRITERIA_EMPTY, code="criteria_empty")
    call = Call(
        programme=programme,
        opens_at=opens_at,
        closes_at=closes_at,
        max_amount=max_amount,
        budget=budget,
        required_attachments=required_attachments,
        created_by=user,
        **{f"title_{k}": v for k, v in titles.items()},
        **{f"description_{k}": v for k, v in descriptions.items()},
    )
    call.full_clean()
    call.save()
    CallCriterion.objects.bulk_create(
        CallCriterion(
            call=call,
            source=c,
            weight=c.weight,
            order=c.order,
            **{f"name_{code}": getattr(c, f"name_{code}") for code, _n in settings.LANGUAGES},
            **{
                f"description_{code}": getattr(c, f"description_{code}")
                for code, _n in settings.LANGUAGES
            },
        )
        for c in criteria
    )
    for order, question in enumerate(questions):
        CallQuestion.objects.create(call=call, order=order, **question)
    return call


def remaining_budget(call: Call, *, excluding: Application | None = None) -> Decimal:
    """Budget − granted − proposed (proposals of applications still waiting for a decision)."""
    granted = GrantDecision.objects.filter(application__call=call).aggregate(
        total=Sum("amount_granted")
    )["total"] or Decimal(0)
    proposals = Application.objects.filter(
        call=call,
        status__in=[*HANDLEABLE, ApplicationStatus.ADDITIONS_REQUESTED],
        proposed_amount__isnull=False,
    )
    if excluding is not None:
        proposals = proposals.exclude(pk=excluding.pk)
    proposed = proposals.aggregate(total=Sum("proposed_amount"))["total"] or Decimal(0)
    return call.budget - granted - proposed


def _lock(application: Application, officer) -> tuple[Call, Application]:
    """Lock the call first (budget), then the application; recheck the officer's right."""
    call = Call.objects.select_for_update().get(pk=application.call_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    application.call = call
    check_can_handle(officer, application)
    return call, application


@transaction.atomic
def request_additions(
    *, application: Application, officer, message: str, due_date: dt.date
) -> AdditionsRequest:
    _call, application = _lock(application, officer)
    if application.status not in (*HANDLEABLE, ApplicationStatus.ADDITIONS_REQUESTED):
        raise ValidationError(NOT_HANDLEABLE, code="not_handleable")
    request = AdditionsRequest.objects.create(
        application=application, message=message, due_date=due_date, requested_by=officer
    )
    application.status = ApplicationStatus.ADDITIONS_REQUESTED
    application.updated_at = now()
    application.save()
    record_event(application, EventKind.ADDITIONS_REQUESTED, officer, message)
    transaction.on_commit(lambda: notify_additions_requested(request.pk))
    return request


@transaction.atomic
def score_application(
    *, application: Application, officer, scores: dict[int, tuple[int, str]]
) -> list[Review]:
    """Scores keyed by CallCriterion id: (score 0–5, comment). Only the call's own criteria."""
    _call, application = _lock(application, officer)
    if application.status not in HANDLEABLE:
        raise ValidationError(NOT_HANDLEABLE, code="not_handleable")
    criteria = {c.pk: c for c in application.call.criteria.all()}
    reviews = []
    for criterion_id, (score, comment) in scores.items():
        if criterion_id not in criteria:
            continue
        if not 0 <= score <= 5:
            raise ValidationError(BAD_SCORE, code="bad_score")
        review, _created = Review.objects.update_or_create(
            application=application,
            criterion=criteria[criterion_id],
            officer=officer,
            defaults={"score": score, "comment": comment, "scored_at": now()},
        )
        reviews.append(review)
    application.status = ApplicationStatus.UNDER_REVIEW
    application.updated_at = now()
    application.save()
    record_event(application, EventKind.SCORED, officer)
    return reviews


@transaction.atomic
def declare_conflict(*, application: Application, officer, note: str = "") -> ConflictOfInterest:
    """The officer steps aside; the application is left for the programme's other officers."""
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        application=application, officer=officer, defaults={"note": note}
    )
    if application.proposed_by_id == officer.pk:
        Application.objects.filter(pk=application.pk).update(proposed_amount=None, proposed_by=None)
    record_event(application, EventKind.CONFLICT_DECLARED, officer)
    return conflict


def _check_amount(application: Application, call: Call, amount: Decimal) -> None:
    if amount < 0:
        raise ValidationError(NEGATIVE_AMOUNT, code="negative_amount")
    if amount > application.amount_requested:
        raise ValidationError(
            OVER_REQUEST, code="over_request", params={"requested": application.amount_requested}
        )
    remaining = remaining_budget(call, excluding=application)
    if amount > remaining:
        raise ValidationError(OVER_BUDGET, code="over_budget", params={"remaining": remaining})


@transaction.atomic
def propose_amount(*, application: Application, officer, amount: Decimal) -> Application:
    call, application = _lock(application, officer)
    if application.status not in HANDLEABLE:
        raise ValidationError(NOT_HANDLEABLE, code="not_handleable")
    _check_amount(application, call, amount)
    application.proposed_amount = amount
    application.proposed_by = officer
    application.status = ApplicationStatus.UNDER_REVIEW
    application.updated_at = now()
    application.save()
    record_event(application, EventKind.PROPOSED, officer, f"{amount} €")
    return application


@transaction.atomic
def decide_application(
    *,
    application: Application,
    officer,
    amount_granted: Decimal,
    reason: str,
    conditions: str = "",
    report_due_on: dt.date | None = None,
) -> GrantDecision:
    """Decide under a lock on the call: the call's total granted never exceeds its budget."""
    call, application = _lock(application, officer)
    if application.status not in HANDLEABLE:
        raise ValidationError(NOT_HANDLEABLE, code="not_handleable")
    if not reason.strip():
        raise ValidationError(REASONS_MISSING, code="reasons_missing")
    _check_amount(application, call, amount_granted)
    moment = now()
    decision = GrantDecision.objects.create(
        application=application,
        status=DecisionStatus.APPROVED if amount_granted > 0 else DecisionStatus.REJECTED,
        amount_granted=amount_granted,
        amount_requested=application.amount_requested,
        reason=reason,
        conditions=conditions,
        decided_by=officer,
        decided_at=moment,
        due_at=application.due_at,
        report_due_on=report_due_on if amount_granted > 0 else None,
        **appeal_texts(),
    )
    application.status = ApplicationStatus.DECIDED
    application.updated_at = moment
    application.save()
    record_event(application, EventKind.DECIDED, officer, f"{amount_granted} €")
    _mark_call_decided_if_done(call, moment)
    transaction.on_commit(lambda: notify_decided(decision.pk))
    return decision


def _mark_call_decided_if_done(call: Call, moment: dt.datetime) -> None:
    if moment < call.closes_at or call.decided_at is not None:
        return
    pending = call.applications.filter(
        status__in=[*HANDLEABLE, ApplicationStatus.ADDITIONS_REQUESTED]
    ).exists()
    if not pending:
        call.decided_at = moment
        call.save(update_fields=["decided_at"])


def close_decided_calls() -> int:
    """Mark closed calls whose every application is decided (for calls decided before closing)."""
    count = 0
    moment = now()
    for call in Call.objects.filter(decided_at__isnull=True, closes_at__lte=moment):
        with transaction.atomic():
            locked = Call.objects.select_for_update().get(pk=call.pk)
            if locked.applications.submitted().exists():
                _mark_call_decided_if_done(locked, moment)
                count += locked.decided_at is not None
    return count


def _check_officer_for_decision(officer, decision: GrantDecision) -> None:
    try:
        check_can_handle(officer, decision.application)
    except PermissionDenied as exc:
        if str(exc) != CONFLICTED:
            raise


@transaction.atomic
def add_instalment(
    *, decision: GrantDecision, officer, amount: Decimal, due_on: dt.date
) -> Instalment:
    decision = GrantDecision.objects.select_for_update().get(pk=decision.pk)
    _check_officer_for_decision(officer, decision)
    if not decision.is_granted:
        raise ValidationError(NOT_GRANTED, code="not_granted")
    planned = decision.instalments.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if planned + amount > decision.amount_granted:
        raise ValidationError(
            INSTALMENTS_OVER_GRANT,
            code="instalments_over_grant",
            params={"granted": decision.amount_granted},
        )
    return Instalment.objects.create(decision=decision, amount=amount, due_on=due_on)


@transaction.atomic
def mark_instalment_paid(*, instalment: Instalment, officer) -> Instalment:
    instalment = (
        Instalment.objects.select_for_update()
        .select_related("decision__application")
        .get(pk=instalment.pk)
    )
    _check_officer_for_decision(officer, instalment.decision)
    if instalment.paid_at is not None:
        raise ValidationError(ALREADY_PAID, code="already_paid")
    instalment.paid_at = now()
    instalment.paid_by = officer
    instalment.save()
    record_event(
        instalment.decision.application,
        EventKind.INSTALMENT_PAID,
        officer,
        f"{instalment.amount} €",
    )
    return instalment


@transaction.atomic
def accept_report(*, decision: GrantDecision, officer) -> UsageReport:
    report = UsageReport.objects.select_for_update().filter(decision=decision).first()
    if report is None:
        raise ValidationError(NO_REPORT, code="no_report")
    _check_officer_for_decision(officer, decision)
    report.accepted_at = now()
    report.accepted_by = officer
    report.save()
    record_event(decision.application, EventKind.REPORT_ACCEPTED, officer)
    return report
