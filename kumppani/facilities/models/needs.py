"""Needs mapping (M9a): what stakeholders need, to be matched with facilities."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.core.models import District
from kumppani.core.time import now
from kumppani.facilities.models.catalogue import Facility
from kumppani.facilities.models.vocabulary import (
    AccessibilityFeature,
    Equipment,
    FacilityType,
    Weekday,
)
from kumppani.facilities.querysets import NeedQuerySet


class NeedFrequency(models.TextChoices):
    ONE_OFF = "one_off", _("Once")
    WEEKLY = "weekly", _("Every week")
    SEASONAL = "seasonal", _("For a season")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MATCHED = "matched", _("Matched with a facility")
    UNMET = "unmet", _("Unmet: no suitable facility")


class Need(models.Model):
    """A stakeholder's need for space. Anonymised (not deleted) when its author is erased."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facility_needs",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facility_needs",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activity = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("more about the need"), blank=True, max_length=4000)
    facility_type = models.CharField(
        _("kind of space"), max_length=30, choices=FacilityType.choices, blank=True
    )
    group_size = models.PositiveIntegerField(
        _("group size (people)"), validators=[MinValueValidator(1), MaxValueValidator(100000)]
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=NeedFrequency.choices, default=NeedFrequency.WEEKLY
    )
    # Weekday numbers, Monday = 0; empty means any day.
    weekdays = models.JSONField(_("preferred weekdays"), default=list, blank=True)
    time_from = models.TimeField(_("earliest start"))
    time_to = models.TimeField(_("latest end"))
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(15), MaxValueValidator(24 * 60)]
    )
    districts = models.ManyToManyField(
        District, verbose_name=_("districts"), blank=True, related_name="facility_needs"
    )
    equipment = models.ManyToManyField(
        Equipment, verbose_name=_("required equipment"), blank=True, related_name="needs"
    )
    accessibility = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("required accessibility"),
        blank=True,
        related_name="needs",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    matched_facility = models.ForeignKey(
        Facility,
        verbose_name=_("matched facility"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matched_needs",
    )
    suitable_count = models.PositiveIntegerField(_("suitable facilities found"), default=0)
    created_at = models.DateTimeField(_("recorded at"), default=now)
    updated_at = models.DateTimeField(_("updated at"), default=now)

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("facility need")
        verbose_name_plural = _("facility needs")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=NeedStatus.values), name="need_status_known"
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=NeedFrequency.values), name="need_frequency_known"
            ),
            models.CheckConstraint(
                condition=Q(time_from__lt=F("time_to")), name="need_time_window_in_order"
            ),
            models.CheckConstraint(condition=Q(group_size__gte=1), name="need_group_size"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="need_status_created")]

    def __str__(self) -> str:
        return self.activity

    def get_absolute_url(self) -> str:
        return reverse("facilities:need_detail", kwargs={"pk": self.pk})

    def weekday_labels(self) -> list[str]:
        return [str(Weekday(day).label) for day in sorted(self.weekdays)]
