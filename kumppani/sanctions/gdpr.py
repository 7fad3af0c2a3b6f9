"""A person's misuse cases in their data export; erasure keeps decisions, anonymised."""

from __future__ import annotations

from kumppani.sanctions.models import HearingAnswer, Incident, Reconsideration, Tip

ERASED = "(deleted)"


def export(user) -> dict:
    cases = (
        Incident.objects.of_party(user)
        .select_related("facility", "party_organization", "decision", "hearing")
        .prefetch_related("hearing__answers")
    )
    return {
        "cases": [_case(incident, user) for incident in cases],
        "tips": [
            {
                "facility": tip.facility.name,
                "kind": tip.kind,
                "description": tip.description,
                "noticed_at": tip.noticed_at.isoformat(),
            }
            for tip in Tip.objects.filter(reporter=user).select_related("facility")
        ],
    }


def _case(incident: Incident, user) -> dict:
    hearing = getattr(incident, "hearing", None)
    decision = getattr(incident, "decision", None)
    return {
        "number": incident.number,
        "facility": incident.facility.name,
        "organization": incident.party_organization.name if incident.party_organization else None,
        "kind": incident.kind,
        "description": incident.description,
        "occurred_at": incident.occurred_at.isoformat(),
        "damage_cost_eur": str(incident.damage_cost) if incident.damage_cost is not None else None,
        "stage": incident.stage,
        "responsible_name": incident.responsible_name,
        "responsible_email": incident.responsible_email,
        "hearing_claim": hearing.claim if hearing else None,
        "your_answers": [a.text for a in hearing.answers.all() if a.author_id == user.pk]
        if hearing
        else [],
        "decision": {
            "outcome": decision.outcome,
            "reasons": decision.reason,
            "starts_on": decision.starts_on.isoformat() if decision.starts_on else None,
            "ends_on": decision.ends_on.isoformat() if decision.ends_on else None,
            "fee_eur": str(decision.fee) if decision.fee is not None else None,
            "decided_at": decision.decided_at.isoformat(),
            "status": decision.status,
        }
        if decision
        else None,
    }


def erase(user) -> None:
    """Decisions stay (they are the city's records) but no longer name the person."""
    cases = Incident.objects.filter(party_user=user)
    cases.update(responsible_name=ERASED, responsible_email="", responsible_phone=ERASED)
    Incident.objects.filter(responsible_email__iexact=user.email).update(
        responsible_name=ERASED, responsible_email="", responsible_phone=ERASED
    )
    cases.update(party_user=None)
    HearingAnswer.objects.filter(author=user).update(author=None)
    Reconsideration.objects.filter(requested_by=user).update(requested_by=None)
    Tip.objects.filter(reporter=user).update(reporter=None, description=ERASED)
