"""The shared vocabulary of decisions (M7, M8).

Booking approvals, grant decisions, sanctions, verifications and moderation all record who
decided, when, the outcome and the reasons shown to the party, with a due date, so that one
handling queue and one decision-time statistic can cover them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


class Decision(models.Model):
    """Abstract fields every decided thing carries."""

    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reasons shown to the party"), blank=True)
    due_at = models.DateTimeField(_("decision due"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None

    @property
    def decision_time(self) -> dt.timedelta | None:
        created = getattr(self, "created_at", None)
        if self.decided_at and created:
            return self.decided_at - created
        return None


@dataclass(frozen=True)
class QueueItem:
    """One thing waiting for an official, whatever its kind."""

    kind: str
    title: str
    url: str
    created_at: dt.datetime
    due_at: dt.datetime | None

    @property
    def is_overdue(self) -> bool:
        from kumppani.core.time import now

        return self.due_at is not None and self.due_at < now()


QueueSource = Callable[[object], Iterable[QueueItem]]
_queue_sources: list[QueueSource] = []


def register_queue_source(source: QueueSource) -> QueueSource:
    """Apps register a function `source(user) -> items` for the staff handling queue."""
    _queue_sources.append(source)
    return source


def unregister_queue_source(source: QueueSource) -> None:
    """Take a source out again (tests, and apps that switch a feature off)."""
    if source in _queue_sources:
        _queue_sources.remove(source)


def queue_for(user) -> list[QueueItem]:
    items = [item for source in _queue_sources for item in source(user)]
    return sorted(items, key=lambda item: (item.due_at is None, item.due_at or item.created_at))
