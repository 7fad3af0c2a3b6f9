"""Grants (M7, M8, M14, M15): programmes, calls, applications, review, decisions, payments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kumppani.core.decisions import Decision, DecisionStatus
from kumppani.core.time import now, today
from kumppani.grants.querysets import ApplicationQuerySet, CallQuerySet, GrantDecisionQuerySet
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
