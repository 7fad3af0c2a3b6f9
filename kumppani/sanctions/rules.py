"""Dense rules of the procedure, in one place: dates, deadlines, the ladder suggestion.

- Hearing (HL 34 §): a decision waits until the deadline passes, an answer arrives or the party
  says it does not wish to comment; closing a case with no action needs no hearing.
- Reconsideration (HL 49 c §): 14 days from notification. An e-mailed decision is deemed
  received on the third day after sending (HL 59 §); a deadline ending on a Saturday or Sunday
  moves to the next weekday (laki säädettyjen määräaikain laskemisesta 5 §).
- Retention: a case is kept for 3 years after its sanction ends (or after closing), then deleted.
"""

from __future__ import annotations

import datetime as dt

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import make_local, now, today

HEARING_DAYS = 14
DEEMED_RECEIVED_DAYS = 3
RECONSIDERATION_DAYS = 14
RECONSIDERATION_DECISION_DAYS = 30
DECISION_AFTER_HEARING_DAYS = 14
HEARING_DUE_DAYS = 14
TIP_DUE_DAYS = 7
RETENTION_YEARS = 3
LADDER_WINDOW_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of month `months` later (the month's last day when it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def end_of_day(day: dt.date) -> dt.datetime:
    return make_local(day, dt.time(23, 59, 59))


def next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def hearing_deadline(days: int = HEARING_DAYS) -> dt.datetime:
    return end_of_day(next_weekday(today() + dt.timedelta(days=days)))


def reconsideration_deadline(notified_at: dt.datetime) -> dt.date:
    from kumppani.core.time import local

    received = local(notified_at).date() + dt.timedelta(days=DEEMED_RECEIVED_DAYS)
    return next_weekday(received + dt.timedelta(days=RECONSIDERATION_DAYS))


def ban_end(starts_on: dt.date, months: int) -> dt.date:
    """The last day of a ban of `months` starting on `starts_on`."""
    return add_months(starts_on, months) - dt.timedelta(days=1)


def hearing_allows_decision(incident) -> bool:
    hearing = getattr(incident, "hearing", None)
    if hearing is None:
        return False
    if now() >= hearing.deadline:
        return True
    return hearing.answers.exists()


def earlier_sanctions(incident):
    """The party's sanctions that stand, decided within the last 12 months (M9d ladder)."""
    from kumppani.sanctions.models import SanctionDecision, SanctionTarget

    since = make_local(add_months(today(), -LADDER_WINDOW_MONTHS), dt.time(0))
    decisions = SanctionDecision.objects.filter(
        status=DecisionStatus.APPROVED, decided_at__gte=since
    ).exclude(incident=incident)
    if incident.party_organization_id:
        return decisions.filter(
            target=SanctionTarget.ORGANIZATION, target_organization=incident.party_organization_id
        )
    if incident.party_user_id:
        return decisions.filter(target=SanctionTarget.PERSON, target_user=incident.party_user_id)
    return decisions.none()


def suggested_step(incident, policy):
    """The rung after the party's earlier sanctions within 12 months (the top one at most)."""
    if policy is None:
        return None
    steps = list(policy.steps.order_by("order"))
    if not steps:
        return None
    count = earlier_sanctions(incident).count()
    return steps[min(count, len(steps) - 1)]


def retain_until(last_day: dt.date) -> dt.date:
    return add_years(last_day, RETENTION_YEARS)
