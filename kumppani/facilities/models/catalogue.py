"""Units, facilities, their physical parts and photos (M9, M9b, M9c)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import Role
from kumppani.core.models import District
from kumppani.core.time import now
from kumppani.facilities.models.vocabulary import (
    AccessibilityFeature,
    Equipment,
    FacilityType,
    UnitType,
)
from kumppani.facilities.querysets import FacilityQuerySet, UnitQuerySet

PART_NOT_OF_FACILITY = _("That part does not belong to this facility.")


class Unit(models.Model):
    """The city unit that owns facilities: a school, library, youth centre, sports centre…

    Facility managers are scoped to units (`managers`); the responsible staff member (M9c) is
    the named person the public can reach.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=220, unique=True)
    external_id = models.CharField(
        _("external identifier"), max_length=100, blank=True, help_text=_("Used by the import.")
    )
    unit_type = models.CharField(
        _("type"), max_length=30, choices=UnitType.choices, default=UnitType.OTHER
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facility_units",
    )
    # M9c: every unit has a named, reachable responsible staff member.
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.PROTECT,
        related_name="responsible_units",
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facility managers"),
        blank=True,
        related_name="managed_units",
    )
    approval_deadline_days = models.PositiveSmallIntegerField(
        _("decision deadline (working days)"),
        default=3,
        help_text=_("How many working days the unit has to decide on a booking request."),
    )
    created_at = models.DateTimeField(default=now)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"], condition=~Q(external_id=""), name="unique_unit_external_id"
            ),
            models.CheckConstraint(
                condition=Q(unit_type__in=UnitType.values), name="unit_type_is_known"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_managed_by(self, user) -> bool:
        if not user.is_authenticated:
            return False
        if user.has_role(Role.ADMINISTRATOR):
            return True
        return user.has_role(Role.FACILITY_MANAGER) and self.managers.filter(pk=user.pk).exists()


class Facility(models.Model):
    """A bookable space. Every facility has at least one physical part (see FacilityPart)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="facilities"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=220, unique=True)
    external_id = models.CharField(
        _("external identifier"), max_length=100, blank=True, help_text=_("Used by the import.")
    )
    facility_type = models.CharField(_("type"), max_length=30, choices=FacilityType.choices)
    description = models.TextField(_("description"), blank=True)
    terms_of_use = models.TextField(_("terms of use"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilities",
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    capacity = models.PositiveIntegerField(_("capacity (people)"))
    area_m2 = models.DecimalField(
        _("area (m²)"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    equipment = models.ManyToManyField(
        Equipment, verbose_name=_("equipment"), blank=True, related_name="facilities"
    )
    accessibility = models.ManyToManyField(
        AccessibilityFeature,
        verbose_name=_("accessibility"),
        blank=True,
        related_name="facilities",
    )
    # M12: verified non-profit organizations use the facility free of charge.
    free_for_nonprofits = models.BooleanField(_("free for verified non-profits"), default=False)
    published = models.BooleanField(_("published"), default=False)
    # M9c: defaults to the unit's responsible person (set by the create service and the import).
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.PROTECT,
        related_name="responsible_facilities",
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)
    # A new random value on every change to what booking checks read (the facility, its unit,
    # parts, rules, hours and prices; see kumppani.facilities.versioning): the key under which
    # a facility's setup is cached. Random, so a stale copy saved back can't revive an old key.
    config_version = models.PositiveBigIntegerField(default=0, editable=False)

    objects = FacilityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="unique_facility_external_id",
            ),
            models.CheckConstraint(
                condition=Q(facility_type__in=FacilityType.values), name="facility_type_is_known"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="facility_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="facility_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="facility_coordinates_together",
            ),
            models.CheckConstraint(
                condition=Q(area_m2__isnull=True) | Q(area_m2__gt=0), name="facility_area_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["published", "facility_type"], name="facility_pub_type"),
            models.Index(fields=["published", "district"], name="facility_pub_district"),
            models.Index(fields=["published", "capacity"], name="facility_pub_capacity"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("facilities:detail", kwargs={"slug": self.slug})

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def physical_parts(self) -> list[FacilityPart]:
        """The atomic parts a booking of the whole facility occupies (uses a prefetch if any)."""
        return list(self.parts.all())

    @property
    def is_divisible(self) -> bool:
        """A divisible facility (a gym with halves A and B) has two or more parts."""
        return len(self.physical_parts()) >= 2

    def parts_for_target(self, part: FacilityPart | int | None = None) -> list[FacilityPart]:
        """The parts a booking occupies: all of them for the whole, or the one part booked.

        Occupancy rows are made per part, so a whole and any of its parts always conflict.
        """
        parts = self.physical_parts()
        if part is None:
            return parts
        part_id = part if isinstance(part, int) else part.pk
        chosen = [candidate for candidate in parts if candidate.pk == part_id]
        if not chosen:
            raise ValidationError(PART_NOT_OF_FACILITY, code="part_not_of_facility")
        return chosen


class FacilityPart(models.Model):
    """A physical, atomic part of a facility: gym half A, room 2, or the undivided whole."""

    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="parts"
    )
    code = models.SlugField(
        _("code"), max_length=30, help_text=_("Short identifier within the facility, e.g. A.")
    )
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(_("capacity (people)"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["facility", "order", "code"]
        verbose_name = _("facility part")
        verbose_name_plural = _("facility parts")
        constraints = [
            models.UniqueConstraint(fields=["facility", "code"], name="unique_part_code"),
        ]

    def __str__(self) -> str:
        return f"{self.facility}: {self.name}"


def _photo_path(instance: FacilityPhoto, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"facilities/photos/{instance.facility_id}/{now():%Y%m%d%H%M%S%f}.{extension}"


class FacilityPhoto(models.Model):
    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("image"), upload_to=_photo_path)
    # Required: a photo without a description is not accessible (WCAG 1.1.1).
    alt_text = models.CharField(_("description (alt text)"), max_length=250)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["facility", "order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="photo_has_alt_text"),
        ]

    def __str__(self) -> str:
        return self.alt_text


def part_ids(parts: Iterable[FacilityPart]) -> set[int]:
    return {part.pk for part in parts}
