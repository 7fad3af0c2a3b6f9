"""Decisions (M8), instalments and usage reports (selvitys)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kumppani.core.decisions import Decision, DecisionStatus
from kumppani.core.time import now, today
from kumppani.grants.models.applications import Application
from kumppani.grants.models.calls import MONEY
from kumppani.grants.querysets import GrantDecisionQuerySet


class GrantDecision(Decision):
    """The decision on one application (M8). Status approved = granted, rejected = 0 €."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="decision"
    )
    amount_granted = models.DecimalField(_("amount granted (€)"), **MONEY)
    # Copied from the application so that public data streams without a join to drafts.
    amount_requested = models.DecimalField(_("amount requested (€)"), **MONEY)
    conditions = models.TextField(_("conditions"), blank=True)
    appeal_instructions = models.TextField(_("appeal instructions"), blank=True)
    report_due_on = models.DateField(_("usage report due"), null=True, blank=True)
    created_at = models.DateTimeField(default=now)

    objects = GrantDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("grant decision")
        verbose_name_plural = _("grant decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_granted__gte=0), name="decision_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=(Q(status=DecisionStatus.APPROVED) & Q(amount_granted__gt=0))
                | (Q(status=DecisionStatus.REJECTED) & Q(amount_granted=0)),
                name="decision_status_matches_amount",
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__lte=F("amount_requested")),
                name="decision_not_above_request",
            ),
            models.CheckConstraint(condition=Q(decided_at__isnull=False), name="decision_has_time"),
        ]
        indexes = [models.Index(fields=["decided_at"], name="grant_decision_decided_at")]

    def __str__(self) -> str:
        return f"{self.application}: {self.amount_granted} €"

    @property
    def is_granted(self) -> bool:
        return self.amount_granted > 0

    @property
    def report_is_overdue(self) -> bool:
        report = getattr(self, "report", None)
        accepted = report is not None and report.accepted_at is not None
        return (
            self.is_granted
            and self.report_due_on is not None
            and self.report_due_on < today()
            and not accepted
        )

    @property
    def public_id(self) -> str:
        from kumppani.grants.open_data import grant_identifier

        return grant_identifier(self.pk)


class Instalment(models.Model):
    decision = models.ForeignKey(
        GrantDecision, on_delete=models.CASCADE, related_name="instalments"
    )
    amount = models.DecimalField(_("amount (€)"), **MONEY)
    due_on = models.DateField(_("due date"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("instalment")
        verbose_name_plural = _("instalments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="instalment_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} € {self.due_on}"

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None


class UsageReport(models.Model):
    """The organization's account of how the grant was used (selvitys)."""

    decision = models.OneToOneField(GrantDecision, on_delete=models.CASCADE, related_name="report")
    text = models.TextField(_("how the grant was used"))
    amount_used = models.DecimalField(_("amount used (€)"), **MONEY)
    submitted_at = models.DateTimeField(default=now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("usage report")
        verbose_name_plural = _("usage reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_used__gte=0), name="report_amount_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision}: {self.submitted_at:%Y-%m-%d}"
