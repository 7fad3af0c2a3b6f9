"""Access to bookings. Views never fetch these on their own.

A booking is seen by its booker, by members of the organization it was made for, and by the
managers of the facility's unit. Everyone else gets 404 (its existence is private).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kumppani.accounts.models import Role
from kumppani.bookings.availability import facilities_for_availability
from kumppani.bookings.models import Booking, BookingSeries
from kumppani.facilities.models import Facility
from kumppani.organizations.models import Membership, Organization


def require_booking_staff(user) -> None:
    if not (user.is_authenticated and user.has_role(Role.FACILITY_MANAGER)):
        raise PermissionDenied


def acts_for(user, booking) -> bool:
    """The booker, or a member of the organization the booking was made for."""
    if not user.is_authenticated:
        return False
    if booking.booker_id == user.pk:
        return True
    return bool(
        booking.organization_id
        and Membership.objects.filter(organization_id=booking.organization_id, user=user).exists()
    )


def get_booking_for_user(user, pk: int) -> Booking:
    """The booker's, their organization's, or (for managers) their unit's booking; else 404."""
    return get_object_or_404(
        Booking.objects.visible_to(user).select_related(
            "facility__unit", "part", "organization", "series", "booker", "decided_by"
        ),
        pk=pk,
    )


def get_managed_booking_for_user(user, pk: int, *, for_update: bool = False) -> Booking:
    """A booking of the manager's unit: 403 for non-managers and other units' managers."""
    require_booking_staff(user)
    queryset = Booking.objects.select_related(
        "facility__unit", "part", "organization", "series", "booker", "created_by", "decided_by"
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    booking = get_object_or_404(queryset, pk=pk)
    if not booking.facility.unit.is_managed_by(user):
        raise PermissionDenied
    return booking


def get_series_for_user(user, pk: int) -> BookingSeries:
    series = get_object_or_404(BookingSeries.objects.select_related("facility__unit"), pk=pk)
    if series.booker_id == user.pk or series.facility.unit.is_managed_by(user):
        return series
    if (
        series.organization_id
        and user.is_authenticated
        and Membership.objects.filter(organization_id=series.organization_id, user=user).exists()
    ):
        return series
    raise Http404


def get_bookable_facility(slug: str) -> Facility:
    return get_object_or_404(
        facilities_for_availability().filter(published=True).select_related("district"),
        slug=slug,
    )


def get_managed_facility(user, pk: int) -> Facility:
    require_booking_staff(user)
    facility = get_object_or_404(Facility.objects.select_related("unit"), pk=pk)
    if not facility.unit.is_managed_by(user):
        raise PermissionDenied
    return facility


def get_organization_for_booker(user, pk: int) -> Organization:
    """An organization the person is a member of (to list or make its bookings)."""
    if not user.is_authenticated:
        raise PermissionDenied
    return get_object_or_404(Organization.objects.for_member(user), pk=pk)
