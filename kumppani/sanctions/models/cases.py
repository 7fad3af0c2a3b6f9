"""A misuse case: the incident, its hearing (HL 34 §), the decision (HL 45 §) and its
reconsideration (oikaisuvaatimus, HL 49 a §), plus tips from the next users of a space.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.decisions import Decision, DecisionStatus
from kumppani.core.time import local, now, today
from kumppani.sanctions.models.policy import (
    BAN_CONSEQUENCES,
    TIMED_CONSEQUENCES,
    Consequence,
    LadderStep,
    MisuseKind,
    SanctionPolicy,
)
from kumppani.sanctions.querysets import DecisionQuerySet, IncidentQuerySet

NO_ACTION = "no_action"


class IncidentStage(models.TextChoices):
    REPORTED = "reported", _("Reported")
    HEARING = "hearing", _("Hearing open")
    DECIDED = "decided", _("Decided")
    RECONSIDERATION = "reconsideration", _("Reconsideration requested")
    CLOSED = "closed", _("Closed")


class SanctionTarget(models.TextChoices):
    PERSON = "person", _("The booker as a person")
    ORGANIZATION = "organization", _("The organization")


class Outcome(models.TextChoices):
    NO_ACTION = NO_ACTION, _("No action")
    WARNING = Consequence.WARNING.value, Consequence.WARNING.label
    FEE = Consequence.FEE.value, Consequence.FEE.label
    LOSS_OF_FREE_USE = Consequence.LOSS_OF_FREE_USE.value, Consequence.LOSS_OF_FREE_USE.label
    BAN = Consequence.BAN.value, Consequence.BAN.label
    LONGER_BAN = Consequence.LONGER_BAN.value, Consequence.LONGER_BAN.label


class ReconsiderationOutcome(models.TextChoices):
    UPHELD = "upheld", _("Decision upheld")
    CHANGED = "changed", _("Decision changed")
    ANNULLED = "annulled", _("Decision annulled")


class Incident(models.Model):
    """Misuse recorded against a booking. Its parties are the booker (and the organization the
    booking was for) and the responsible person named on the booking (M9c)."""

    facility = models.ForeignKey(
        "facilities.Facility",
        verbose_name=_("facility"),
        on_delete=models.PROTECT,
        related_name="misuse_incidents",
    )
    booking = models.ForeignKey(
        "bookings.Booking",
        verbose_name=_("booking"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="misuse_incidents",
    )
    party_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="misuse_incidents",
    )
    party_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="misuse_incidents",
    )
    responsible_name = models.CharField(_("responsible person"), max_length=150, blank=True)
    responsible_email = models.EmailField(_("e-mail of the responsible person"), blank=True)
    responsible_phone = models.CharField(
        _("phone of the responsible person"), max_length=40, blank=True
    )
    kind = models.CharField(_("kind of misuse"), max_length=20, choices=MisuseKind.choices)
    description = models.TextField(_("what happened"), max_length=5000)
    occurred_at = models.DateTimeField(_("when it happened"))
    evidence_notes = models.TextField(_("evidence notes"), blank=True, max_length=5000)
    damage_cost = models.DecimalField(
        _("cost of damage (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=IncidentStage.choices, default=IncidentStage.REPORTED
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reported at"), default=now)
    # M8: when the next step is due (a hearing, a decision).
    due_at = models.DateTimeField(_("next step due"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Retention: the case is deleted after this date (3 years after the sanction ends).
    retain_until = models.DateField(_("kept until"), null=True, blank=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("misuse case")
        verbose_name_plural = _("misuse cases")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MisuseKind.values), name="incident_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(stage__in=IncidentStage.values), name="incident_stage_known"
            ),
            models.CheckConstraint(
                condition=Q(damage_cost__isnull=True) | Q(damage_cost__gte=0),
                name="incident_damage_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(stage=IncidentStage.CLOSED) | Q(closed_at__isnull=False),
                name="incident_closed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["stage", "due_at"], name="incident_stage_due"),
            models.Index(fields=["retain_until"], name="incident_retain_until"),
        ]

    def __str__(self) -> str:
        return _("Case %(number)s: %(kind)s, %(facility)s") % {
            "number": self.number,
            "kind": self.get_kind_display(),
            "facility": self.facility,
        }

    def get_absolute_url(self) -> str:
        return reverse("sanctions:case", kwargs={"pk": self.pk})

    @property
    def number(self) -> str:
        return f"{local(self.created_at):%Y}-{self.pk}"

    @property
    def party_label(self) -> str:
        names = [n for n in (str(self.party_user or ""), str(self.party_organization or "")) if n]
        return " / ".join(names) or self.responsible_name


class Hearing(models.Model):
    """HL 34 §: the parties are told what is claimed and may answer before the decision."""

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, related_name="hearing")
    claim = models.TextField(_("what is claimed"), max_length=5000)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened at"), default=now)
    deadline = models.DateTimeField(_("answer by"))

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=F("opened_at")), name="hearing_deadline_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return _("Hearing of %(incident)s") % {"incident": self.incident}

    @property
    def has_passed(self) -> bool:
        return now() >= self.deadline


class HearingAnswer(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("answer"), max_length=10000, blank=True)
    waives = models.BooleanField(
        _("I do not wish to say more; the decision may be made now"), default=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("answer to a hearing")
        verbose_name_plural = _("answers to hearings")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text="") | Q(waives=True), name="answer_has_text_or_waives"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hearing}: {self.submitted_at:%Y-%m-%d}"


class SanctionDecision(Decision):
    """HL 45 §: the outcome, the rule applied and the reasons; with reconsideration instructions.

    Status: approved = sanction imposed, rejected = no action, cancelled = annulled.
    """

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, related_name="decision")
    policy = models.ForeignKey(
        SanctionPolicy, verbose_name=_("policy applied"), on_delete=models.PROTECT, related_name="+"
    )
    step = models.ForeignKey(
        LadderStep,
        verbose_name=_("rule applied"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    suggested_step = models.ForeignKey(
        LadderStep,
        verbose_name=_("suggested step"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    departure_reason = models.TextField(_("why the suggested step was not followed"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    target = models.CharField(
        _("sanction applies to"),
        max_length=20,
        choices=SanctionTarget.choices,
        default=SanctionTarget.PERSON,
    )
    # Who is sanctioned, copied from the case so that enforcement reads one table.
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="misuse_sanctions",
    )
    target_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="misuse_sanctions",
    )
    covers_members = models.BooleanField(
        _("the ban also covers the members' private bookings"), default=False
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    fee = models.DecimalField(
        _("fee (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    notified_at = models.DateTimeField(_("sent to the party at"), null=True, blank=True)
    reconsideration_deadline = models.DateField(
        _("reconsideration may be requested until"), null=True, blank=True
    )
    annulled_at = models.DateTimeField(_("annulled at"), null=True, blank=True)
    created_at = models.DateTimeField(default=now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sanction decision")
        verbose_name_plural = _("sanction decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DecisionStatus.values), name="sanction_status_known"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="sanction_outcome_known"
            ),
            models.CheckConstraint(
                condition=Q(target__in=SanctionTarget.values), name="sanction_target_known"
            ),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=False) & ~Q(reason=""),
                name="sanction_decided_with_reasons",
            ),
            models.CheckConstraint(
                condition=~Q(outcome__in=TIMED_CONSEQUENCES)
                | Q(starts_on__isnull=False, ends_on__isnull=False, ends_on__gte=F("starts_on")),
                name="sanction_timed_has_dates",
            ),
            models.CheckConstraint(
                condition=Q(fee__isnull=True) | Q(fee__gte=0), name="sanction_fee_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(outcome=NO_ACTION) | Q(step__isnull=True),
                name="sanction_no_action_has_no_step",
            ),
            models.CheckConstraint(
                condition=~Q(target=SanctionTarget.ORGANIZATION)
                | Q(target_organization__isnull=False)
                | Q(status=DecisionStatus.CANCELLED),
                name="sanction_org_target_has_org",
            ),
            models.CheckConstraint(
                condition=~Q(status=DecisionStatus.CANCELLED) | Q(annulled_at__isnull=False),
                name="sanction_annulment_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["target_user", "ends_on"], name="sanction_user_ends"),
            models.Index(fields=["target_organization", "ends_on"], name="sanction_org_ends"),
        ]

    def __str__(self) -> str:
        return f"{self.incident}: {self.get_outcome_display()}"

    @property
    def is_ban(self) -> bool:
        return self.outcome in BAN_CONSEQUENCES

    @property
    def is_sanction(self) -> bool:
        return self.outcome != NO_ACTION

    @property
    def is_annulled(self) -> bool:
        return self.annulled_at is not None

    def in_force_on(self, day: dt.date) -> bool:
        """A timed sanction runs from its first to its last day, then ends by itself."""
        return (
            self.status == DecisionStatus.APPROVED
            and self.starts_on is not None
            and self.ends_on is not None
            and self.starts_on <= day <= self.ends_on
        )

    @property
    def in_force(self) -> bool:
        return self.in_force_on(today())

    @property
    def may_be_reconsidered(self) -> bool:
        return (
            self.is_sanction
            and self.reconsideration_deadline is not None
            and today() <= self.reconsideration_deadline
            and not hasattr(self, "reconsideration")
        )


class Reconsideration(Decision):
    """Oikaisuvaatimus: the party asks for the decision to be reconsidered within 14 days of
    notification; a different official decides (status approved once decided)."""

    decision = models.OneToOneField(
        SanctionDecision, on_delete=models.CASCADE, related_name="reconsideration"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    grounds = models.TextField(_("grounds for the request"), max_length=10000)
    requested_at = models.DateTimeField(_("requested at"), default=now)
    # The official who made the original decision, who may not decide this request.
    original_decider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReconsiderationOutcome.choices, blank=True
    )
    previous_terms = models.JSONField(_("terms before the change"), default=dict, blank=True)

    class Meta:
        verbose_name = _("request for reconsideration")
        verbose_name_plural = _("requests for reconsideration")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DecisionStatus.values), name="reconsideration_status_known"
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=ReconsiderationOutcome.values),
                name="reconsideration_outcome_known",
            ),
            models.CheckConstraint(
                condition=Q(status=DecisionStatus.PENDING)
                | (Q(decided_at__isnull=False) & ~Q(outcome="") & ~Q(reason="")),
                name="reconsideration_decided_fully",
            ),
            # A different official decides (HL 49 e §: the request is a new consideration).
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True)
                | Q(original_decider__isnull=True)
                | ~Q(decided_by=F("original_decider")),
                name="reconsideration_by_another_official",
            ),
        ]

    def __str__(self) -> str:
        return _("Reconsideration of %(decision)s") % {"decision": self.decision}


def photo_path(instance, filename: str) -> str:
    # For EvidencePhoto (evidence.py; kept here because the migration names this path).
    # The stored name never reuses the uploaded one (it could carry a path or a person's name).
    return f"sanctions/{now():%Y/%m}/{now():%d%H%M%S%f}.{instance.extension}"
