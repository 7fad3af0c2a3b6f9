"""Reservation rules (unit defaults, facility overrides) and dated prices (M12)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.postgres.fields import RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.utils.translation import gettext_lazy as _

from kumppani.facilities.constraints import DateRange, PostgresExclusionConstraint
from kumppani.facilities.models.catalogue import Facility, Unit
from kumppani.facilities.models.vocabulary import CustomerGroup, PriceBasis, WhoMayBook

RULE_FIELDS = (
    "min_duration_minutes",
    "max_duration_minutes",
    "start_interval_minutes",
    "book_ahead_days",
    "min_notice_hours",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "cancellation_deadline_hours",
    "max_active_bookings",
    "requires_approval",
    "who_may_book",
)


class ReservationRules(models.Model):
    """Booking rules of a unit (defaults) or of one facility (overrides).

    On a facility's row an empty field inherits the unit's value; `effective_rules()` in
    `kumppani.facilities.rules` merges them.
    """

    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="rules"
    )
    facility = models.OneToOneField(
        Facility, on_delete=models.CASCADE, null=True, blank=True, related_name="rules"
    )
    min_duration_minutes = models.PositiveIntegerField(
        _("minimum duration (minutes)"), null=True, blank=True, validators=[MinValueValidator(5)]
    )
    max_duration_minutes = models.PositiveIntegerField(
        _("maximum duration (minutes)"), null=True, blank=True, validators=[MinValueValidator(5)]
    )
    start_interval_minutes = models.PositiveIntegerField(
        _("start times every (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(24 * 60)],
    )
    book_ahead_days = models.PositiveIntegerField(
        _("bookable how far ahead (days)"), null=True, blank=True
    )
    min_notice_hours = models.PositiveIntegerField(
        _("book at least this long before (hours)"), null=True, blank=True
    )
    buffer_before_minutes = models.PositiveIntegerField(
        _("buffer before (minutes)"), null=True, blank=True
    )
    buffer_after_minutes = models.PositiveIntegerField(
        _("buffer after (minutes)"), null=True, blank=True
    )
    cancellation_deadline_hours = models.PositiveIntegerField(
        _("free cancellation until (hours before)"), null=True, blank=True
    )
    max_active_bookings = models.PositiveIntegerField(
        _("maximum active bookings per booker"), null=True, blank=True
    )
    requires_approval = models.BooleanField(_("bookings need approval"), null=True, blank=True)
    who_may_book = models.CharField(
        _("who may book"), max_length=30, choices=WhoMayBook.choices, blank=True
    )

    class Meta:
        verbose_name = _("reservation rules")
        verbose_name_plural = _("reservation rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, facility__isnull=True)
                | Q(unit__isnull=True, facility__isnull=False),
                name="rules_for_unit_or_facility",
            ),
            models.CheckConstraint(
                condition=Q(min_duration_minutes__isnull=True)
                | Q(max_duration_minutes__isnull=True)
                | Q(min_duration_minutes__lte=F("max_duration_minutes")),
                name="rules_min_not_above_max",
            ),
            models.CheckConstraint(
                condition=Q(who_may_book="") | Q(who_may_book__in=WhoMayBook.values),
                name="rules_who_may_book_known",
            ),
        ]

    def __str__(self) -> str:
        owner = self.unit if self.unit_id else self.facility
        return f"{_('Reservation rules')}: {owner}"


class Price(models.Model):
    """The price of a facility for one customer group over a date range.

    Dated so that a change starts a new row and never rewrites the past; two prices of the same
    facility and group never overlap (an exclusion constraint on PostgreSQL, the service on
    SQLite). `amount_eur` excludes VAT.
    """

    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="prices"
    )
    customer_group = models.CharField(
        _("customer group"), max_length=20, choices=CustomerGroup.choices
    )
    basis = models.CharField(
        _("charged"), max_length=20, choices=PriceBasis.choices, default=PriceBasis.PER_HOUR
    )
    amount_eur = models.DecimalField(
        _("price without VAT (€)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    vat_percent = models.DecimalField(
        _("VAT %"),
        max_digits=4,
        decimal_places=1,
        default=Decimal("25.5"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["facility", "customer_group", "valid_from"]
        verbose_name = _("price")
        verbose_name_plural = _("prices")
        constraints = [
            models.CheckConstraint(condition=Q(amount_eur__gte=0), name="price_not_negative"),
            models.CheckConstraint(
                condition=Q(vat_percent__gte=0, vat_percent__lte=100), name="price_vat_range"
            ),
            models.CheckConstraint(
                condition=Q(customer_group__in=CustomerGroup.values), name="price_group_known"
            ),
            models.CheckConstraint(
                condition=Q(basis__in=PriceBasis.values), name="price_basis_known"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="price_dates_in_order",
            ),
            PostgresExclusionConstraint(
                name="prices_do_not_overlap",
                expressions=[
                    (F("facility"), RangeOperators.EQUAL),
                    (F("customer_group"), RangeOperators.EQUAL),
                    (DateRange("valid_from", "valid_to", Value("[]")), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_(
                    "Another price of this facility for this group is valid at the same time."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.facility} {self.get_customer_group_display()} {self.amount_eur} €"

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
