"""Programmes, their criteria, calls (haku) and who may apply for an organization."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.grants.querysets import CallQuerySet
from kumppani.organizations.models import Organization

MONEY = {"max_digits": 12, "decimal_places": 2}


class Programme(models.Model):
    """A grant programme (operating grant, project grant, …) run by its named officers."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("grant officers"),
        blank=True,
        related_name="grant_programmes",
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("grant programme")
        verbose_name_plural = _("grant programmes")

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """The programme's current criteria; each call copies them into CallCriterion rows."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive")
        ]

    def __str__(self) -> str:
        return self.name


class AttachmentKind(models.TextChoices):
    BUDGET = "budget", _("Detailed budget")
    ACTIVITY_PLAN = "activity_plan", _("Activity plan")
    FINANCIAL_STATEMENT = "financial_statement", _("Financial statement")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    OTHER = "other", _("Other attachment")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DECIDED = "decided", _("Decided")


class Call(models.Model):
    """A call for applications (haku). Status follows the clock, plus an explicit decided state."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="calls")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    max_amount = models.DecimalField(_("maximum amount per application (€)"), **MONEY)
    budget = models.DecimalField(_("budget (€)"), **MONEY)
    required_attachments = models.JSONField(_("required attachments"), default=list, blank=True)
    decided_at = models.DateTimeField(_("all decisions made at"), null=True, blank=True)
    created_at = models.DateTimeField(default=now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="call_closes_after_opening"
            ),
            models.CheckConstraint(condition=Q(max_amount__gt=0), name="call_max_amount_positive"),
            models.CheckConstraint(condition=Q(budget__gt=0), name="call_budget_positive"),
            models.CheckConstraint(
                condition=Q(max_amount__lte=F("budget")), name="call_max_within_budget"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def status_at(self, moment: dt.datetime) -> str:
        if self.decided_at is not None:
            return CallStatus.DECIDED
        if moment < self.opens_at:
            return CallStatus.UPCOMING
        if moment < self.closes_at:
            return CallStatus.OPEN
        return CallStatus.CLOSED

    @property
    def status(self) -> str:
        return self.status_at(now())

    def get_status_display(self) -> str:
        return CallStatus(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status == CallStatus.OPEN

    @property
    def required_attachment_labels(self) -> list[str]:
        return [AttachmentKind(kind).label for kind in self.required_attachments]


class CallCriterion(models.Model):
    """The criteria a call is judged by, frozen when the call is created (versioned per call)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    source = models.ForeignKey(
        Criterion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("criterion of a call")
        verbose_name_plural = _("criteria of a call")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="call_criterion_weight_positive")
        ]

    def __str__(self) -> str:
        return self.name


class CallQuestion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    required = models.BooleanField(_("answer required"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def field_name(self) -> str:
        return f"question_{self.pk}"


class GrantApplicantRight(models.Model):
    """An organization admin lets a member apply for grants on the organization's behalf."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="grant_applicant_rights"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_applicant_rights"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("right to apply for grants")
        verbose_name_plural = _("rights to apply for grants")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="unique_applicant_right")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization}"
