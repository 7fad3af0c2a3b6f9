"""The published sanctions policy (M9d): versions, misuse kinds and the ladder of consequences.

A version is drafted by staff and, once published, never changes: every booking records the
version in force when it was made, and every decision the ladder step it applied.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.sanctions.querysets import PolicyQuerySet


class MisuseKind(models.TextChoices):
    NO_SHOW = "no_show", _("No-show")
    DAMAGE = "damage", _("Damage")
    UNCLEAN = "unclean", _("Left unclean")
    UNLOCKED = "unlocked", _("Left unlocked")
    OVER_TIME = "over_time", _("Over time")
    TOO_MANY_PEOPLE = "too_many_people", _("More people than allowed")
    SUBLETTING = "subletting", _("Sub-letting")
    DISTURBANCE = "disturbance", _("Disturbance")
    SAFETY = "safety", _("Safety breach")
    FALSE_INFORMATION = "false_information", _("False information")


MISUSE_KIND_DESCRIPTIONS = {
    MisuseKind.NO_SHOW: _("The space was booked but not used, and the booking was not cancelled."),
    MisuseKind.DAMAGE: _("The space, its furniture or equipment was damaged."),
    MisuseKind.UNCLEAN: _("The space was not left in the condition it was received in."),
    MisuseKind.UNLOCKED: _("Doors or windows were left unlocked or the alarm was not set."),
    MisuseKind.OVER_TIME: _("The space was used beyond the booked time."),
    MisuseKind.TOO_MANY_PEOPLE: _("More people were present than the booking or space allows."),
    MisuseKind.SUBLETTING: _("The space was handed on or rented to someone else."),
    MisuseKind.DISTURBANCE: _("The use disturbed neighbours or other users."),
    MisuseKind.SAFETY: _("Safety rules were broken, e.g. exits blocked or open fire used."),
    MisuseKind.FALSE_INFORMATION: _(
        "The booking was made with false information, e.g. about its purpose or the booker."
    ),
}


class Consequence(models.TextChoices):
    WARNING = "warning", _("Warning")
    FEE = "fee", _("Fee for cleaning or damage")
    LOSS_OF_FREE_USE = "loss_of_free_use", _("Loss of free-of-charge use")
    BAN = "ban", _("Booking ban")
    LONGER_BAN = "longer_ban", _("Longer booking ban on repetition within 12 months")


# Consequences that run for a number of months from the decision.
TIMED_CONSEQUENCES = (Consequence.LOSS_OF_FREE_USE, Consequence.BAN, Consequence.LONGER_BAN)
BAN_CONSEQUENCES = (Consequence.BAN, Consequence.LONGER_BAN)


def policy_label(version: int) -> str:
    """What a booking records as the accepted version of the policy."""
    return f"sanctions-policy:{version}"


class SanctionPolicy(models.Model):
    """One version of the policy. A draft until published; the newest published one is in force."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"))
    change_summary = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("sanctions policy")
        verbose_name_plural = _("sanctions policies")
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="policy_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("sanctions:policy_version", kwargs={"version": self.version})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def label(self) -> str:
        return policy_label(self.version)


class LadderStep(models.Model):
    """One rung of the ladder: the n-th sanctioned misuse within 12 months gets this."""

    policy = models.ForeignKey(SanctionPolicy, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("step"))
    consequence = models.CharField(_("consequence"), max_length=20, choices=Consequence.choices)
    months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        null=True,
        blank=True,
        help_text=_("For a ban or loss of free use: how many months it lasts."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["policy", "order"]
        verbose_name = _("step of consequences")
        verbose_name_plural = _("steps of consequences")
        constraints = [
            models.UniqueConstraint(fields=["policy", "order"], name="unique_ladder_step_order"),
            models.CheckConstraint(
                condition=Q(consequence__in=Consequence.values), name="ladder_consequence_known"
            ),
            models.CheckConstraint(condition=Q(order__gte=1), name="ladder_order_positive"),
            models.CheckConstraint(
                condition=~Q(consequence__in=TIMED_CONSEQUENCES) | Q(months__gte=1, months__lte=60),
                name="ladder_timed_step_has_months",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.summary}"

    @property
    def is_timed(self) -> bool:
        return self.consequence in TIMED_CONSEQUENCES

    @property
    def summary(self) -> str:
        label = str(Consequence(self.consequence).label)
        if self.is_timed and self.months:
            return _("%(consequence)s, %(months)s months") % {
                "consequence": label,
                "months": self.months,
            }
        return label
