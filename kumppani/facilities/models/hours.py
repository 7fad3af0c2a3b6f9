"""Opening hours: a default weekly schedule, dated seasons and exceptions, in Helsinki time."""

from __future__ import annotations

from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.db.models import F, Q, Value
from django.utils.translation import gettext_lazy as _

from kumppani.facilities.constraints import (
    DateRange,
    PostgresExclusionConstraint,
    TimeOnFixedDay,
    TsRange,
)
from kumppani.facilities.models.catalogue import Facility
from kumppani.facilities.models.vocabulary import Weekday


class Season(models.Model):
    """A weekly schedule. The season without dates is the default; dated seasons override it."""

    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="seasons"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["facility", F("valid_from").asc(nulls_first=True)]
        verbose_name = _("season")
        verbose_name_plural = _("seasons")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True, valid_to__isnull=True)
                | Q(
                    valid_from__isnull=False, valid_to__isnull=False, valid_from__lte=F("valid_to")
                ),
                name="season_dates_valid",
            ),
            models.UniqueConstraint(
                fields=["facility"],
                condition=Q(valid_from__isnull=True),
                name="one_default_season_per_facility",
            ),
            PostgresExclusionConstraint(
                name="dated_seasons_do_not_overlap",
                expressions=[
                    (F("facility"), RangeOperators.EQUAL),
                    (DateRange("valid_from", "valid_to", Value("[]")), RangeOperators.OVERLAPS),
                ],
                condition=Q(valid_from__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        if self.valid_from is None:
            return f"{self.facility}: {_('regular hours')}"
        return f"{self.facility}: {self.name or _('season')} {self.valid_from}–{self.valid_to}"

    @property
    def is_default(self) -> bool:
        return self.valid_from is None

    def covers(self, day) -> bool:
        return self.valid_from is not None and self.valid_from <= day <= self.valid_to


class WeeklyHours(models.Model):
    """One opening interval on one weekday of a season (local wall-clock time)."""

    season = models.ForeignKey(
        Season, verbose_name=_("season"), on_delete=models.CASCADE, related_name="hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["season", "weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(condition=Q(weekday__lte=6), name="weekly_hours_weekday"),
            models.CheckConstraint(
                condition=Q(opens__lt=F("closes")), name="weekly_hours_open_before_close"
            ),
            PostgresExclusionConstraint(
                name="weekly_hours_do_not_overlap",
                expressions=[
                    (F("season"), RangeOperators.EQUAL),
                    (F("weekday"), RangeOperators.EQUAL),
                    (
                        TsRange(TimeOnFixedDay("opens"), TimeOnFixedDay("closes"), Value("[)")),
                        RangeOperators.OVERLAPS,
                    ),
                ],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class HoursException(models.Model):
    """A day that differs from the schedule: a holiday closure, a renovation, special hours."""

    facility = models.ForeignKey(
        Facility,
        verbose_name=_("facility"),
        on_delete=models.CASCADE,
        related_name="hours_exceptions",
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["facility", "date"]
        verbose_name = _("exception to opening hours")
        verbose_name_plural = _("exceptions to opening hours")
        constraints = [
            models.UniqueConstraint(fields=["facility", "date"], name="one_exception_per_day"),
            models.CheckConstraint(
                condition=Q(closed=True, opens__isnull=True, closes__isnull=True)
                | Q(closed=False, opens__isnull=False, closes__isnull=False, opens__lt=F("closes")),
                name="exception_closed_or_hours",
            ),
        ]

    def __str__(self) -> str:
        if self.closed:
            return f"{self.facility} {self.date}: {_('closed')}"
        return f"{self.facility} {self.date}: {self.opens:%H:%M}–{self.closes:%H:%M}"
