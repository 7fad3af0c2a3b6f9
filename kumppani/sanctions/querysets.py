"""Reusable reads of policies, cases and sanctions."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from kumppani.accounts.models import Role
from kumppani.core.decisions import DecisionStatus
from kumppani.organizations.models import MembershipRole


class PolicyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def drafts(self):
        return self.filter(published_at__isnull=True)

    def newest_published(self):
        return self.published().order_by("-version")

    def in_force(self):
        """The newest published version (None when nothing is published yet)."""
        return self.newest_published().first()

    def in_force_version(self) -> int | None:
        """The number of the version in force, read as one value (checked on every booking)."""
        return self.newest_published().values_list("version", flat=True).first()


def party_condition(user, prefix: str = "") -> Q:
    """The booker, the admins of the organization, and the named responsible person."""
    return (
        Q(**{f"{prefix}party_user": user})
        | Q(
            **{
                f"{prefix}party_organization__memberships__user": user,
                f"{prefix}party_organization__memberships__role": MembershipRole.ADMIN,
            }
        )
        | Q(**{f"{prefix}responsible_email__iexact": user.email})
    )


class IncidentQuerySet(models.QuerySet):
    def managed_by(self, user):
        """Cases of the units a facility manager manages (administrators: all)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self.all()
        if user.has_role(Role.FACILITY_MANAGER):
            return self.filter(facility__unit__managers=user)
        return self.none()

    def of_party(self, user):
        if not user.is_authenticated:
            return self.none()
        ids = self.filter(party_condition(user)).values("pk")
        return self.filter(pk__in=ids)

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self.all()
        ids = self.filter(party_condition(user)).values("pk")
        condition = Q(pk__in=ids)
        if user.has_role(Role.FACILITY_MANAGER):
            condition |= Q(facility__unit__managers=user)
        return self.filter(condition).distinct()

    def expired(self, day: dt.date):
        return self.filter(retain_until__isnull=False, retain_until__lt=day)


class TipQuerySet(models.QuerySet):
    def open(self):
        return self.filter(handled_at__isnull=True)

    def managed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self.all()
        if user.has_role(Role.FACILITY_MANAGER):
            return self.filter(facility__unit__managers=user)
        return self.none()


class DecisionQuerySet(models.QuerySet):
    def imposed(self):
        """Sanctions that stand (not annulled, not no action)."""
        return self.filter(status=DecisionStatus.APPROVED)

    def in_force_on(self, day: dt.date):
        return self.imposed().filter(starts_on__lte=day, ends_on__gte=day)

    def bans(self):
        from kumppani.sanctions.models.policy import BAN_CONSEQUENCES

        return self.filter(outcome__in=BAN_CONSEQUENCES)
