"""The sanction decision (HL 45 §) and its reconsideration (HL 49 a–g §)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now, today
from kumppani.sanctions import rules
from kumppani.sanctions.models import (
    Consequence,
    Incident,
    IncidentStage,
    LadderStep,
    Reconsideration,
    ReconsiderationOutcome,
    SanctionDecision,
    SanctionPolicy,
    SanctionTarget,
)
from kumppani.sanctions.models.cases import NO_ACTION
from kumppani.sanctions.services import notify

NO_POLICY = _("No sanctions policy is in force, so only “no action” can be decided.")
STEP_NOT_IN_POLICY = _("Choose a step of the policy in force.")
ALREADY_DECIDED = _("This case has already been decided.")
HEARING_FIRST = _("Open a hearing before deciding on a sanction.")
HEARING_RUNNING = _(
    "The parties may answer until %(deadline)s. Decide after that, or once they have answered."
)
REASONS_REQUIRED = _("Give the reasons for the decision.")
DEPARTURE_REASON_REQUIRED = _(
    "The decision departs from the suggested step or its length; say why."
)
FEE_REQUIRED = _("Give the amount of the fee.")
NO_ORGANIZATION = _("The booking was not made for an organization.")
NO_PERSON = _("The booking has no booker to sanction.")
ENDS_BEFORE_START = _("The last day cannot be before the first day.")
STARTS_IN_PAST = _("A sanction cannot start before the decision.")
NOT_RECONSIDERABLE = _("This decision cannot be reconsidered.")
RECONSIDERATION_LATE = _("The time to request reconsideration ended on %(date)s.")
RECONSIDERATION_EXISTS = _("Reconsideration has already been requested.")
GROUNDS_REQUIRED = _("Say why the decision should be reconsidered.")
SAME_OFFICIAL = _("The official who made the decision cannot decide on its reconsideration.")
RECONSIDERATION_DECIDED = _("This request has already been decided.")


@dataclass(frozen=True)
class Terms:
    """What a decision imposes: the step of the ladder (None = no action) and its details."""

    step: LadderStep | None
    target: str = SanctionTarget.PERSON
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    fee: Decimal | None = None
    covers_members: bool = False

    @property
    def outcome(self) -> str:
        return self.step.consequence if self.step else NO_ACTION


def check_may_decide(incident: Incident, terms: Terms) -> None:
    if hasattr(incident, "decision"):
        raise ValidationError(ALREADY_DECIDED, code="decided")
    if terms.step is None:
        return  # Closing with no action burdens no one; it needs no hearing.
    if incident.stage == IncidentStage.REPORTED:
        raise ValidationError(HEARING_FIRST, code="hearing_first")
    if not rules.hearing_allows_decision(incident):
        from django.utils.formats import date_format

        from kumppani.core.time import local

        deadline = date_format(local(incident.hearing.deadline), "SHORT_DATETIME_FORMAT")
        raise ValidationError(HEARING_RUNNING % {"deadline": deadline}, code="hearing_running")


def complete_terms(incident: Incident, terms: Terms, policy: SanctionPolicy | None) -> Terms:
    """Validates the terms and fills the dates of a timed step (a ban runs `months` months)."""
    step = terms.step
    if step is None:
        return Terms(step=None)
    if policy is None:
        raise ValidationError(NO_POLICY, code="no_policy")
    if step.policy_id != policy.pk:
        raise ValidationError({"step": ValidationError(STEP_NOT_IN_POLICY, code="step")})
    errors = {}
    if terms.target == SanctionTarget.ORGANIZATION and not incident.party_organization_id:
        errors["target"] = ValidationError(NO_ORGANIZATION, code="no_organization")
    if terms.target == SanctionTarget.PERSON and not incident.party_user_id:
        errors["target"] = ValidationError(NO_PERSON, code="no_person")
    if step.consequence == Consequence.FEE and not terms.fee:
        errors["fee"] = ValidationError(FEE_REQUIRED, code="fee_required")
    starts_on = ends_on = None
    if step.is_timed:
        starts_on = terms.starts_on or today()
        ends_on = terms.ends_on or rules.ban_end(starts_on, step.months)
        if starts_on < today():
            errors["starts_on"] = ValidationError(STARTS_IN_PAST, code="starts_in_past")
        if ends_on < starts_on:
            errors["ends_on"] = ValidationError(ENDS_BEFORE_START, code="ends_before_start")
    if errors:
        raise ValidationError(errors)
    return Terms(
        step=step,
        target=terms.target,
        starts_on=starts_on,
        ends_on=ends_on,
        fee=terms.fee,
        covers_members=bool(
            terms.covers_members
            and terms.target == SanctionTarget.ORGANIZATION
            and step.consequence in (Consequence.BAN, Consequence.LONGER_BAN)
        ),
    )


def departs(terms: Terms, suggested: LadderStep | None) -> bool:
    if terms.step is None or suggested is None:
        return False
    if terms.step.pk != suggested.pk:
        return True
    return bool(
        terms.step.is_timed and terms.ends_on != rules.ban_end(terms.starts_on, terms.step.months)
    )


def decide_incident(
    *, incident: Incident, decided_by, terms: Terms, reason: str, departure_reason: str = ""
) -> SanctionDecision:
    """A facility manager of the unit decides; the parties are e-mailed the decision with the
    instructions for requesting reconsideration (14 days)."""
    if not reason.strip():
        raise ValidationError({"reason": ValidationError(REASONS_REQUIRED, code="reasons")})
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        check_may_decide(incident, terms)
        policy = SanctionPolicy.objects.in_force()
        terms = complete_terms(incident, terms, policy)
        suggested = rules.suggested_step(incident, policy) if terms.step else None
        if departs(terms, suggested) and not departure_reason.strip():
            raise ValidationError(
                {"departure_reason": ValidationError(DEPARTURE_REASON_REQUIRED, code="departure")}
            )
        moment = now()
        decision = SanctionDecision(
            incident=incident,
            policy=policy or SanctionPolicy.objects.order_by("-version").first(),
            step=terms.step,
            suggested_step=suggested,
            departure_reason=departure_reason.strip() if departs(terms, suggested) else "",
            outcome=terms.outcome,
            target=terms.target,
            target_user_id=incident.party_user_id,
            target_organization_id=(
                incident.party_organization_id
                if terms.target == SanctionTarget.ORGANIZATION
                else None
            ),
            covers_members=terms.covers_members,
            starts_on=terms.starts_on,
            ends_on=terms.ends_on,
            fee=terms.fee,
            status=DecisionStatus.APPROVED if terms.step else DecisionStatus.REJECTED,
            decided_by=decided_by,
            decided_at=moment,
            reason=reason.strip(),
            due_at=incident.due_at,
            notified_at=moment,
            reconsideration_deadline=(
                rules.reconsideration_deadline(moment) if terms.step else None
            ),
            created_at=moment,
        )
        if decision.policy is None:
            raise ValidationError(NO_POLICY, code="no_policy")
        decision.save()
        if terms.step:
            incident.stage = IncidentStage.DECIDED
            incident.retain_until = rules.retain_until(terms.ends_on or today())
        else:
            incident.stage, incident.closed_at = IncidentStage.CLOSED, moment
            incident.retain_until = rules.retain_until(today())
        incident.due_at = None
        incident.save(update_fields=["stage", "closed_at", "retain_until", "due_at"])
        notify.decided(incident)
    return decision


def request_reconsideration(
    *, decision: SanctionDecision, requested_by, grounds: str
) -> Reconsideration:
    """The party's oikaisuvaatimus, checked against the deadline on the server."""
    if not grounds.strip():
        raise ValidationError({"grounds": ValidationError(GROUNDS_REQUIRED, code="grounds")})
    with transaction.atomic():
        decision = SanctionDecision.objects.select_for_update().get(pk=decision.pk)
        if not decision.is_sanction or decision.reconsideration_deadline is None:
            raise ValidationError(NOT_RECONSIDERABLE, code="not_reconsiderable")
        if Reconsideration.objects.filter(decision=decision).exists():
            raise ValidationError(RECONSIDERATION_EXISTS, code="exists")
        if today() > decision.reconsideration_deadline:
            from django.utils.formats import date_format

            raise ValidationError(
                RECONSIDERATION_LATE
                % {"date": date_format(decision.reconsideration_deadline, "SHORT_DATE_FORMAT")},
                code="late",
            )
        moment = now()
        request = Reconsideration.objects.create(
            decision=decision,
            requested_by=requested_by,
            grounds=grounds.strip(),
            requested_at=moment,
            original_decider_id=decision.decided_by_id,
            due_at=moment + dt.timedelta(days=rules.RECONSIDERATION_DECISION_DAYS),
        )
        incident = decision.incident
        incident.stage, incident.due_at = IncidentStage.RECONSIDERATION, request.due_at
        incident.save(update_fields=["stage", "due_at"])
    return request


def terms_of(decision: SanctionDecision) -> dict:
    return {
        "outcome": decision.outcome,
        "step": decision.step_id,
        "starts_on": decision.starts_on.isoformat() if decision.starts_on else None,
        "ends_on": decision.ends_on.isoformat() if decision.ends_on else None,
        "fee": str(decision.fee) if decision.fee is not None else None,
        "covers_members": decision.covers_members,
    }


def decide_reconsideration(
    *,
    reconsideration: Reconsideration,
    decided_by,
    outcome: str,
    reason: str,
    terms: Terms | None = None,
) -> Reconsideration:
    """A different official upholds, changes or annuls; an annulled sanction stops at once."""
    if not reason.strip():
        raise ValidationError({"reason": ValidationError(REASONS_REQUIRED, code="reasons")})
    with transaction.atomic():
        request = Reconsideration.objects.select_for_update().get(pk=reconsideration.pk)
        if request.status != DecisionStatus.PENDING:
            raise ValidationError(RECONSIDERATION_DECIDED, code="decided")
        decision = SanctionDecision.objects.select_for_update().get(pk=request.decision_id)
        if decided_by.pk in (decision.decided_by_id, request.original_decider_id):
            raise ValidationError(SAME_OFFICIAL, code="same_official")
        moment = now()
        request.previous_terms = terms_of(decision)
        incident = decision.incident
        if outcome == ReconsiderationOutcome.ANNULLED:
            decision.status, decision.annulled_at = DecisionStatus.CANCELLED, moment
            decision.save(update_fields=["status", "annulled_at"])
            incident.retain_until = rules.retain_until(today())
        elif outcome == ReconsiderationOutcome.CHANGED:
            change_terms(decision, incident, terms)
        incident.stage, incident.closed_at, incident.due_at = IncidentStage.CLOSED, moment, None
        incident.save(update_fields=["stage", "closed_at", "due_at", "retain_until"])
        request.outcome = outcome
        request.status = DecisionStatus.APPROVED
        request.decided_by, request.decided_at, request.reason = decided_by, moment, reason.strip()
        request.full_clean(exclude=["decision", "requested_by", "original_decider", "decided_by"])
        request.save()
        notify.reconsideration_decided(incident)
    return request


def change_terms(decision: SanctionDecision, incident: Incident, terms: Terms | None) -> None:
    if terms is None or terms.step is None:
        raise ValidationError({"step": ValidationError(STEP_NOT_IN_POLICY, code="step")})
    policy = decision.policy
    starts = terms.starts_on or decision.starts_on or today()
    completed = complete_terms(
        incident, Terms(**{**terms.__dict__, "starts_on": max(starts, today())}), policy
    )
    decision.step = completed.step
    decision.outcome = completed.outcome
    decision.target = completed.target
    decision.target_organization_id = (
        incident.party_organization_id if completed.target == SanctionTarget.ORGANIZATION else None
    )
    decision.starts_on, decision.ends_on = completed.starts_on, completed.ends_on
    decision.fee, decision.covers_members = completed.fee, completed.covers_members
    decision.save()
    incident.retain_until = rules.retain_until(completed.ends_on or today())
