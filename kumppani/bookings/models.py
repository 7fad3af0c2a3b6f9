"""Bookings, recurring series and the occupancy rows that make double booking impossible.

A booking occupies one row per physical facility part (the whole facility → every part), with
its buffers included. On PostgreSQL an exclusion constraint refuses two active rows of the same
part whose half-open periods overlap; SQLite serializes writers (IMMEDIATE transactions) and the
service runs the same overlap query inside the transaction (M9b).
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.bookings.querysets import BookingQuerySet, OccupancyQuerySet
from kumppani.core.decisions import Decision, DecisionStatus
from kumppani.core.time import local, now
from kumppani.facilities.constraints import PostgresExclusionConstraint
from kumppani.facilities.models import CustomerGroup, Facility, FacilityPart

ACTIVE_STATUSES = (DecisionStatus.PENDING, DecisionStatus.APPROVED)


class TstzRange(Func):
    """tstzrange(lower, upper, bounds): the period of an occupancy row."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class BookingKind(models.TextChoices):
    BOOKING = "booking", _("Booking")
    BLOCK = "block", _("Blocked by the city")


class DenialReason(models.TextChoices):
    """The translated list a manager picks from when denying (M8); free text may add detail."""

    NOT_SUITABLE = "not_suitable", _("The facility is not suitable for this use")
    PRIORITY = "priority", _("The time is reserved for the city's own or priority use")
    RULES = "rules", _("The booking does not follow the terms of use")
    INCOMPLETE = "incomplete", _("The booking lacks necessary information")
    SANCTION = "sanction", _("The booker may not book at the moment")
    OTHER = "other", _("Other reason")


class SeriesInterval(models.IntegerChoices):
    WEEKLY = 1, _("Every week")
    BIWEEKLY = 2, _("Every two weeks")


class BookingSeries(models.Model):
    """A recurring booking: one weekday, one local time, every week or two, until a date.

    Each occurrence is its own Booking (so that one date can be skipped, cancelled, changed or
    decided on its own); the series ties them together for deciding or changing them as one.
    """

    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="+"
    )
    part = models.ForeignKey(
        FacilityPart,
        verbose_name=_("part"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking_series",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking_series",
    )
    interval_weeks = models.PositiveSmallIntegerField(
        _("repeats"), choices=SeriesInterval.choices, default=SeriesInterval.WEEKLY
    )
    first_date = models.DateField(_("first date"))
    until_date = models.DateField(_("last date"))
    start_time = models.TimeField(_("starts (local time)"))
    end_time = models.TimeField(_("ends (local time)"))
    purpose = models.CharField(_("purpose"), max_length=200)
    created_at = models.DateTimeField(_("created at"), default=now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("recurring booking")
        verbose_name_plural = _("recurring bookings")
        constraints = [
            models.CheckConstraint(
                condition=Q(until_date__gte=F("first_date")), name="series_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="series_times_in_order"
            ),
            models.CheckConstraint(
                condition=Q(interval_weeks__in=SeriesInterval.values), name="series_interval_known"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.facility} {self.get_interval_weeks_display()} "
            f"{self.start_time:%H:%M}–{self.end_time:%H:%M} {self.first_date}–{self.until_date}"
        )

    def get_absolute_url(self) -> str:
        return reverse("bookings:series_detail", kwargs={"pk": self.pk})


class Booking(Decision):
    """A reservation of a facility (or one of its parts) for a time, or a staff block.

    Inherits the decision vocabulary (M7, M8): status, decided_by, decided_at, reason shown to
    the booker, due_at. A cancellation keeps the decision record and adds its own fields.
    """

    kind = models.CharField(
        _("kind"), max_length=10, choices=BookingKind.choices, default=BookingKind.BOOKING
    )
    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="bookings"
    )
    # Empty = the whole facility (all its parts).
    part = models.ForeignKey(
        FacilityPart,
        verbose_name=_("part"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bookings",
    )
    series = models.ForeignKey(
        BookingSeries,
        verbose_name=_("recurring booking"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bookings",
    )
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
    )
    # Staff booking on someone's behalf, or blocking time.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    purpose = models.CharField(_("purpose"), max_length=200)
    people = models.PositiveIntegerField(
        _("number of people"), default=1, validators=[MaxValueValidator(100000)]
    )
    # M9c: the named person responsible for the proper use of the facility.
    responsible_name = models.CharField(_("responsible person"), max_length=150, blank=True)
    responsible_phone = models.CharField(
        _("phone of the responsible person"), max_length=40, blank=True
    )
    responsible_email = models.EmailField(_("e-mail of the responsible person"), blank=True)
    responsible_of_age = models.BooleanField(_("the responsible person is of age"), default=False)
    # The terms of use (and, later, the sanctions policy) the booker accepted (M9d).
    terms_version = models.CharField(_("terms accepted (version)"), max_length=80, blank=True)
    terms_accepted_at = models.DateTimeField(_("terms accepted at"), null=True, blank=True)
    # M12: the price charged, and the undiscounted price kept for statistics.
    customer_group = models.CharField(
        _("customer group"), max_length=20, choices=CustomerGroup.choices, blank=True
    )
    price = models.DecimalField(
        _("price charged (€, VAT incl.)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    full_price = models.DecimalField(
        _("full price (€, VAT incl.)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    denial_code = models.CharField(
        _("reason for denial"), max_length=20, choices=DenialReason.choices, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    # iCalendar SEQUENCE: grows with every change sent to calendars.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("created at"), default=now)
    updated_at = models.DateTimeField(_("updated at"), default=now)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DecisionStatus.values), name="booking_status_known"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=BookingKind.values), name="booking_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(customer_group="") | Q(customer_group__in=CustomerGroup.values),
                name="booking_customer_group_known",
            ),
            models.CheckConstraint(
                condition=Q(price__gte=0) & Q(full_price__gte=0) & Q(price__lte=F("full_price")),
                name="booking_price_within_full_price",
            ),
            # M9c: every booking names an adult responsible person (blocks are the city's own).
            models.CheckConstraint(
                condition=Q(kind=BookingKind.BLOCK)
                | (
                    ~Q(responsible_name="")
                    & ~Q(responsible_phone="")
                    & ~Q(responsible_email="")
                    & Q(responsible_of_age=True)
                ),
                name="booking_has_responsible_person",
            ),
            models.CheckConstraint(
                condition=Q(status=DecisionStatus.PENDING)
                | Q(status=DecisionStatus.CANCELLED)
                | Q(decided_at__isnull=False),
                name="booking_decision_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=DecisionStatus.CANCELLED) | Q(cancelled_at__isnull=False),
                name="booking_cancellation_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["booker", "start"], name="booking_booker_start"),
            models.Index(fields=["organization", "start"], name="booking_org_start"),
            models.Index(fields=["facility", "start"], name="booking_facility_start"),
            models.Index(
                fields=["status", "created_at"],
                name="booking_pending_created",
                condition=Q(status=DecisionStatus.PENDING),
            ),
        ]

    def __str__(self) -> str:
        when = local(self.start)
        return f"{self.facility} {when:%Y-%m-%d %H:%M}–{local(self.end):%H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("bookings:detail", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_block(self) -> bool:
        return self.kind == BookingKind.BLOCK

    @property
    def duration(self):
        return self.end - self.start

    @property
    def target_name(self) -> str:
        return str(self.part.name) if self.part_id else str(_("Whole facility"))

    def denial_text(self) -> str:
        """What the booker is told: the reason from the list, then the manager's words."""
        parts = [str(DenialReason(self.denial_code).label)] if self.denial_code else []
        if self.reason:
            parts.append(self.reason)
        return " ".join(parts)


class Occupancy(models.Model):
    """One physical part taken by one booking for [start − buffer before, end + buffer after)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="occupancies")
    part = models.ForeignKey(FacilityPart, on_delete=models.PROTECT, related_name="occupancies")
    start = models.DateTimeField()
    end = models.DateTimeField()
    active = models.BooleanField(default=True)

    objects = OccupancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("occupancy")
        verbose_name_plural = _("occupancies")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="occupancy_ends_after_start"
            ),
            # The database itself refuses a double booking (PostgreSQL; see module docstring).
            PostgresExclusionConstraint(
                name="occupancy_no_overlap",
                expressions=[
                    (F("part"), RangeOperators.EQUAL),
                    (TstzRange("start", "end", Value("[)")), RangeOperators.OVERLAPS),
                ],
                condition=Q(active=True),
            ),
        ]
        indexes = [
            models.Index(fields=["part", "start"], name="occupancy_part_start"),
        ]

    def __str__(self) -> str:
        return f"{self.part} {local(self.start):%Y-%m-%d %H:%M}–{local(self.end):%H:%M}"


def _new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a person's private calendar-feed address; regenerating revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booking_feed_token"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_feed_token)
    created_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")

    def __str__(self) -> str:
        return f"{self.user}: {self.token[:6]}…"
