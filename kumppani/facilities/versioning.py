"""`Facility.config_version`: a new value whenever anything a booking check reads changes.

Booking checks read a facility with its unit, rules, parts, seasons, weekly hours, exceptions
and prices. `kumppani.bookings.availability` caches that setup under the facility's current
`config_version`, read fresh from the database on each use, so a change is seen at once by
every process; nothing has to be deleted from the cache.

Saves and deletes through the ORM are caught here by signals; code that writes with
`bulk_create()` or `QuerySet.update()` calls `kumppani.facilities.services.touch()`.
"""

from __future__ import annotations

import secrets

from django.db.models.signals import post_delete, post_save, pre_save

from kumppani.facilities.models import (
    Facility,
    FacilityPart,
    HoursException,
    Price,
    ReservationRules,
    Season,
    Unit,
    WeeklyHours,
)


def new_version() -> int:
    return secrets.randbits(62)


def bump(**filters) -> None:
    """A new version for the facilities matching `filters`."""
    Facility.objects.filter(**filters).update(config_version=new_version())


def _facility_saving(sender, instance: Facility, **kwargs) -> None:
    instance.config_version = new_version()


def _unit_changed(sender, instance: Unit, **kwargs) -> None:
    bump(unit_id=instance.pk)


def _facility_child_changed(sender, instance, **kwargs) -> None:
    bump(pk=instance.facility_id)


def _hours_changed(sender, instance: WeeklyHours, **kwargs) -> None:
    bump(seasons__pk=instance.season_id)


def _rules_changed(sender, instance: ReservationRules, **kwargs) -> None:
    if instance.facility_id:
        bump(pk=instance.facility_id)
    if instance.unit_id:
        bump(unit_id=instance.unit_id)


def connect() -> None:
    pre_save.connect(_facility_saving, sender=Facility, dispatch_uid="facility-version")
    receivers = [
        (Unit, _unit_changed),
        (FacilityPart, _facility_child_changed),
        (Season, _facility_child_changed),
        (HoursException, _facility_child_changed),
        (Price, _facility_child_changed),
        (WeeklyHours, _hours_changed),
        (ReservationRules, _rules_changed),
    ]
    for model, receiver in receivers:
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"facility-version-{model.__name__}"
            )
