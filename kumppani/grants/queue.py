"""The grants part of the staff handling queue (M8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from kumppani.accounts.models import Role
from kumppani.core.decisions import QueueItem
from kumppani.core.time import HELSINKI
from kumppani.grants.models import Application, GrantDecision

QUEUE_LIMIT = 200


def grants_queue(user) -> Iterator[QueueItem]:
    """Applications waiting in the officer's programmes (not conflicted), and overdue reports."""
    if not user.is_authenticated or not user.has_role(Role.GRANT_OFFICER):
        return
    waiting = (
        Application.objects.for_officer(user)
        .waiting()
        .exclude(conflicts__officer=user)
        .select_related("call")
        .order_by("due_at")[:QUEUE_LIMIT]
    )
    for application in waiting:
        yield QueueItem(
            kind=_("Grant application"),
            title=f"{application.org_name} – {application.call.title}",
            url=reverse("grants:handle", args=[application.pk]),
            created_at=application.submitted_at or application.created_at,
            due_at=application.due_at,
        )
    overdue = (
        GrantDecision.objects.unreported()
        .filter(application__in=Application.objects.for_officer(user))
        .select_related("application__call")
        .order_by("report_due_on")[:QUEUE_LIMIT]
    )
    for decision in overdue:
        due = dt.datetime.combine(decision.report_due_on, dt.time(16), tzinfo=HELSINKI)
        yield QueueItem(
            kind=_("Overdue usage report"),
            title=f"{decision.application.org_name} – {decision.application.call.title}",
            url=reverse("grants:handle", args=[decision.application_id]),
            created_at=decision.decided_at,
            due_at=due,
        )
