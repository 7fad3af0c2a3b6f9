"""Shared vocabulary of the catalogue: kinds of things, customer groups, master data lists."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitType(models.TextChoices):
    SCHOOL = "school", _("School")
    LIBRARY = "library", _("Library")
    YOUTH_CENTRE = "youth_centre", _("Youth centre")
    SPORTS_CENTRE = "sports_centre", _("Sports centre")
    CULTURAL_CENTRE = "cultural_centre", _("Cultural centre")
    COMMUNITY_CENTRE = "community_centre", _("Community centre")
    DAYCARE = "daycare", _("Daycare centre")
    PARK = "park", _("Park or outdoor area")
    OTHER = "other", _("Other unit")


class FacilityType(models.TextChoices):
    MEETING_ROOM = "meeting_room", _("Meeting room")
    HALL = "hall", _("Hall")
    GYM = "gym", _("Gym")
    SPORTS_FIELD = "sports_field", _("Sports field")
    AUDITORIUM = "auditorium", _("Auditorium")
    CLASSROOM = "classroom", _("Classroom")
    TEACHING_KITCHEN = "teaching_kitchen", _("Teaching kitchen")
    WORKSHOP = "workshop", _("Workshop")
    STUDIO = "studio", _("Studio")
    YOUTH_SPACE = "youth_space", _("Youth space")
    OUTDOOR_AREA = "outdoor_area", _("Outdoor area")
    OTHER = "other", _("Other space")


class CustomerGroup(models.TextChoices):
    PRIVATE = "private", _("Private person")
    NONPROFIT = "nonprofit", _("Verified non-profit organization")
    COMPANY = "company", _("Company")
    PUBLIC_BODY = "public_body", _("Other public body")


class PriceBasis(models.TextChoices):
    PER_HOUR = "per_hour", _("per hour")
    PER_BOOKING = "per_booking", _("per booking")


class WhoMayBook(models.TextChoices):
    ANYONE = "anyone", _("Anyone")
    VERIFIED_ORGANIZATIONS = "verified_organizations", _("Verified organizations only")
    STAFF_ONLY = "staff_only", _("City staff only")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Equipment(models.Model):
    """Something a facility has: projector, stage, kitchen, sound system, …"""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("identifier"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")

    def __str__(self) -> str:
        return self.name


class AccessibilityFeature(models.Model):
    """Step-free access, accessible toilet, induction loop, lift, parking, …"""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("identifier"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")

    def __str__(self) -> str:
        return self.name
