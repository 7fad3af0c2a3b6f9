"""Reusable reads of bookings and occupancy."""

from __future__ import annotations

import datetime as dt

from django.db import connection, models
from django.db.models import Q

from kumppani.accounts.models import Role
from kumppani.core.decisions import DecisionStatus

ACTIVE = (DecisionStatus.PENDING, DecisionStatus.APPROVED)


class BookingQuerySet(models.QuerySet):
    def active(self):
        """Pending or approved: holding the time."""
        return self.filter(status__in=ACTIVE)

    def pending(self):
        return self.filter(status=DecisionStatus.PENDING)

    def upcoming(self, moment: dt.datetime):
        return self.filter(end__gt=moment)

    def past(self, moment: dt.datetime):
        return self.filter(end__lte=moment)

    def overlapping(self, start: dt.datetime, end: dt.datetime):
        return self.filter(start__lt=end, end__gt=start)

    def of_person(self, user):
        return self.filter(booker=user) if user.is_authenticated else self.none()

    def for_organization(self, organization):
        return self.filter(organization=organization)

    def visible_to(self, user):
        """The booker's own, their organizations' bookings, and managers' units."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self.all()
        condition = Q(booker=user) | Q(organization__memberships__user=user)
        if user.has_role(Role.FACILITY_MANAGER):
            condition |= Q(facility__unit__managers=user)
        return self.filter(condition).distinct()

    def managed_by(self, user):
        """Bookings of the units a facility manager manages (administrators: all)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self.all()
        if user.has_role(Role.FACILITY_MANAGER):
            return self.filter(facility__unit__managers=user)
        return self.none()

    def for_listing(self):
        return self.select_related("facility", "facility__unit", "part", "organization", "series")


class OccupancyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def overlapping(self, start: dt.datetime, end: dt.datetime):
        """Rows whose half-open period meets [start, end).

        On PostgreSQL the condition is written as the range the exclusion constraint indexes
        (GiST over part and tstzrange), so the index answers it even with millions of rows.
        """
        if connection.vendor == "postgresql":
            from kumppani.bookings.models import TstzRange

            return self.alias(period=TstzRange("start", "end", models.Value("[)"))).filter(
                period__overlap=(start, end)
            )
        return self.filter(start__lt=end, end__gt=start)
