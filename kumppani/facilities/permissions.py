"""Access to protected catalogue objects. Views never fetch these on their own.

Facility managers edit only the units they manage (`Unit.managers`); administrators edit all.
A need belongs to its author and their organization's members; facility staff see every need.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kumppani.accounts.models import Role
from kumppani.facilities.models import Facility, FacilityPhoto, Need, Season, Unit


def require_catalogue_staff(user) -> None:
    """Administrators and facility managers (the latter limited to their units elsewhere)."""
    if not (user.is_authenticated and user.has_role(Role.FACILITY_MANAGER)):
        raise PermissionDenied


def units_for_user(user) -> QuerySet[Unit]:
    return Unit.objects.managed_by(user)


def get_unit_for_user(user, pk: int) -> Unit:
    require_catalogue_staff(user)
    unit = get_object_or_404(Unit, pk=pk)
    if not unit.is_managed_by(user):
        raise PermissionDenied
    return unit


def get_facility_for_user(user, pk: int, *, for_update: bool = False) -> Facility:
    """A facility the user may edit: 404 if there is none, 403 if its unit is not theirs."""
    require_catalogue_staff(user)
    queryset = Facility.objects.select_related("unit", "district", "responsible")
    if for_update:
        queryset = queryset.select_for_update()
    facility = get_object_or_404(queryset, pk=pk)
    if not facility.unit.is_managed_by(user):
        raise PermissionDenied
    return facility


def get_season_for_user(user, facility_pk: int, pk: int) -> Season:
    facility = get_facility_for_user(user, facility_pk)
    return get_object_or_404(Season.objects.select_related("facility"), pk=pk, facility=facility)


def get_photo_for_user(user, facility_pk: int, pk: int) -> FacilityPhoto:
    facility = get_facility_for_user(user, facility_pk)
    return get_object_or_404(FacilityPhoto, pk=pk, facility=facility)


def get_published_facility(slug: str) -> Facility:
    return get_object_or_404(
        Facility.objects.published().select_related("unit", "district", "responsible"), slug=slug
    )


def get_need_for_user(user, pk: int, *, for_edit: bool = False) -> Need:
    """The author, their organization's members and facility staff see it; others get 404.

    Only the author and facility staff may change it (`for_edit`); members only read.
    """
    if not user.is_authenticated:
        raise PermissionDenied
    need = get_object_or_404(
        Need.objects.visible_to(user).select_related("organization", "user"), pk=pk
    )
    if for_edit and not can_edit_need(user, need):
        raise PermissionDenied
    return need


def can_edit_need(user, need: Need) -> bool:
    return user.has_role(Role.FACILITY_MANAGER) or (
        need.user_id is not None and need.user_id == user.pk
    )


def require_need_staff(user) -> None:
    require_catalogue_staff(user)
