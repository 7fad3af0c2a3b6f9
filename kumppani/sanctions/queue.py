"""The misuse part of the staff handling queue (M8), with each step's due date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kumppani.accounts.models import Role
from kumppani.core.decisions import DecisionStatus, QueueItem
from kumppani.core.time import now
from kumppani.sanctions.models import Incident, IncidentStage, Reconsideration, Tip
from kumppani.sanctions.rules import TIP_DUE_DAYS

QUEUE_LIMIT = 200


def sanctions_queue(user) -> Iterator[QueueItem]:
    if not user.is_authenticated or not user.has_role(Role.FACILITY_MANAGER):
        return
    cases = Incident.objects.managed_by(user).select_related("facility", "hearing")
    for tip in Tip.objects.managed_by(user).open().select_related("facility")[:QUEUE_LIMIT]:
        yield QueueItem(
            kind=_("Tip about misuse"),
            title=f"{tip.facility.name}: {tip.get_kind_display()}",
            url=reverse("sanctions:tip", args=[tip.pk]),
            created_at=tip.created_at,
            due_at=tip.created_at + timedelta(days=TIP_DUE_DAYS),
        )
    for incident in cases.filter(stage=IncidentStage.REPORTED)[:QUEUE_LIMIT]:
        yield _item(incident, _("Misuse case awaiting a hearing"))
    ready = Q(hearing__deadline__lte=now()) | Q(hearing__answers__isnull=False)
    waiting = cases.filter(stage=IncidentStage.HEARING).filter(ready).distinct()
    for incident in waiting[:QUEUE_LIMIT]:
        yield _item(incident, _("Misuse case awaiting a decision"))
    requests = (
        Reconsideration.objects.filter(
            status=DecisionStatus.PENDING,
            decision__incident__in=cases.filter(stage=IncidentStage.RECONSIDERATION),
        )
        .exclude(original_decider=user)
        .select_related("decision__incident__facility")
    )
    for request in requests[:QUEUE_LIMIT]:
        yield _item(request.decision.incident, _("Request for reconsideration"))


def _item(incident: Incident, kind: str) -> QueueItem:
    return QueueItem(
        kind=kind,
        title=f"{incident.number} {incident.facility.name}: {incident.get_kind_display()}",
        url=reverse("sanctions:case", args=[incident.pk]),
        created_at=incident.created_at,
        due_at=incident.due_at,
    )
