"""Applications and everything on their trail: budget, attachments, additions, review."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.grants.models.calls import MONEY, AttachmentKind, Call, CallCriterion
from kumppani.grants.querysets import ApplicationQuerySet
from kumppani.organizations.models import Organization


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ADDITIONS_REQUESTED = "additions_requested", _("Additions requested")
    UNDER_REVIEW = "under_review", _("Under review")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="grant_applications"
    )
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    # Copied from the call so that the database itself can hold the cap.
    max_amount = models.DecimalField(_("maximum amount (€)"), **MONEY)
    amount_requested = models.DecimalField(
        _("amount requested (€)"), null=True, blank=True, **MONEY
    )
    purpose = models.CharField(_("purpose of the grant"), max_length=300, blank=True)
    activity_plan = models.TextField(_("activity plan"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # Organization details, prefilled from the registry and editable for this application.
    org_name = models.CharField(_("organization name"), max_length=200, blank=True)
    org_business_id = models.CharField(_("Business ID (Y-tunnus)"), max_length=9, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    iban = models.CharField(_("bank account (IBAN)"), max_length=34, blank=True)
    snapshot = models.JSONField(_("submitted copy"), null=True, blank=True)
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    due_at = models.DateTimeField(_("decision due"), null=True, blank=True)
    proposed_amount = models.DecimalField(_("proposed amount (€)"), null=True, blank=True, **MONEY)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values), name="application_status_is_known"
            ),
            models.CheckConstraint(
                condition=Q(amount_requested__isnull=True)
                | (Q(amount_requested__gt=0) & Q(amount_requested__lte=F("max_amount"))),
                name="application_amount_within_call_max",
            ),
            models.CheckConstraint(
                condition=Q(proposed_amount__isnull=True) | Q(proposed_amount__gte=0),
                name="application_proposal_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.DRAFT)
                | Q(submitted_at__isnull=False, snapshot__isnull=False)
                | Q(status=ApplicationStatus.WITHDRAWN),
                name="application_submitted_has_snapshot",
            ),
            models.UniqueConstraint(
                fields=["organization", "call"],
                condition=~Q(status=ApplicationStatus.WITHDRAWN),
                name="one_application_per_call",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="application_call_status")]

    def __str__(self) -> str:
        return f"{self.org_name or self.organization} – {self.call}"

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def total_costs(self) -> Decimal:
        return sum(
            (b.amount for b in self.budget_lines.all() if b.kind == BudgetKind.COST), Decimal(0)
        )

    @property
    def total_income(self) -> Decimal:
        return sum(
            (b.amount for b in self.budget_lines.all() if b.kind == BudgetKind.INCOME), Decimal(0)
        )


class BudgetKind(models.TextChoices):
    INCOME = "income", _("Other income")
    COST = "cost", _("Cost")


class BudgetLine(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines"
    )
    kind = models.CharField(_("type"), max_length=10, choices=BudgetKind.choices)
    description = models.CharField(_("description"), max_length=200)
    amount = models.DecimalField(_("amount (€)"), **MONEY)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="budget_line_amount_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=BudgetKind.values), name="budget_line_kind_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description} {self.amount} €"


class AdditionsRequest(models.Model):
    """An officer asks the applicant for more information; the applicant answers."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="additions_requests"
    )
    message = models.TextField(_("what is needed"))
    due_date = models.DateField(_("answer by"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=now)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("request for additions")
        verbose_name_plural = _("requests for additions")

    def __str__(self) -> str:
        return f"{self.application}: {self.message[:40]}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name never reuses the uploaded name (it could carry a path or a person's name).
    return f"grants/{instance.application_id}/{now():%Y%m%d%H%M%S%f}.{instance.extension}"


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    additions_request = models.ForeignKey(
        AdditionsRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=50)
    extension = models.CharField(max_length=5)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AttachmentKind.values), name="attachment_kind_is_known"
            ),
            models.CheckConstraint(
                condition=Q(size__lte=10 * 1024 * 1024), name="attachment_at_most_10_mb"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name


class EventKind(models.TextChoices):
    CREATED = "created", _("Draft started")
    SUBMITTED = "submitted", _("Submitted")
    ADDITIONS_REQUESTED = "additions_requested", _("Additions requested")
    ADDITIONS_ANSWERED = "additions_answered", _("Additions answered")
    SCORED = "scored", _("Scored")
    CONFLICT_DECLARED = "conflict_declared", _("Conflict of interest declared")
    PROPOSED = "proposed", _("Amount proposed")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    INSTALMENT_PAID = "instalment_paid", _("Instalment paid")
    REPORT_SUBMITTED = "report_submitted", _("Usage report submitted")
    REPORT_ACCEPTED = "report_accepted", _("Usage report accepted")


class ApplicationEvent(models.Model):
    """The timestamped trail of every step of an application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="event_kind_is_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class Review(models.Model):
    """An officer's score (0–5) of one application against one of its call's criteria."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    criterion = models.ForeignKey(CallCriterion, on_delete=models.PROTECT, related_name="reviews")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    scored_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["criterion__order", "pk"]
        verbose_name = _("review score")
        verbose_name_plural = _("review scores")
        constraints = [
            models.CheckConstraint(condition=Q(score__lte=5), name="review_score_0_to_5"),
            models.UniqueConstraint(
                fields=["application", "criterion", "officer"], name="one_score_per_criterion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class ConflictOfInterest(models.Model):
    """An officer is disqualified (esteellinen) from one application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_conflicts"
    )
    note = models.CharField(_("grounds"), max_length=300, blank=True)
    declared_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "officer"], name="one_conflict_per_officer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.officer} ✕ {self.application}"
