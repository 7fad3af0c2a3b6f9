from __future__ import annotations

from django.db import models
from django.db.models import Q

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now, today


class CallQuerySet(models.QuerySet):
    def open_now(self):
        moment = now()
        return self.filter(opens_at__lte=moment, closes_at__gt=moment, decided_at__isnull=True)

    def upcoming(self):
        return self.filter(opens_at__gt=now())

    def for_officer(self, user):
        """Calls of the programmes this officer handles; administrators see every call."""
        from kumppani.accounts.models import Role

        if not (user.is_authenticated and user.has_role(Role.GRANT_OFFICER)):
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self
        return self.filter(programme__officers=user)


class ApplicationQuerySet(models.QuerySet):
    def submitted(self):
        """Everything that left the draft stage and was not withdrawn."""
        return self.exclude(status__in=["draft", "withdrawn"])

    def waiting(self):
        return self.filter(status__in=["submitted", "under_review"])

    def for_officer(self, user):
        from kumppani.accounts.models import Role

        if not (user.is_authenticated and user.has_role(Role.GRANT_OFFICER)):
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self
        return self.filter(call__programme__officers=user)

    def for_applicant(self, user):
        """Applications of organizations where the user is admin or holds the right to apply."""
        return self.filter(organization__in=applicant_organizations(user))


def applicant_organizations(user):
    """Organizations for which `user` may apply: its admins, and members given the right."""
    from kumppani.organizations.models import MembershipRole, Organization

    if not user.is_authenticated:
        return Organization.objects.none()
    admin_of = Q(memberships__user=user, memberships__role=MembershipRole.ADMIN)
    right_holder = Q(memberships__user=user, grant_applicant_rights__user=user)
    return Organization.objects.filter(
        pk__in=Organization.objects.filter(admin_of | right_holder).values("pk")
    )


class GrantDecisionQuerySet(models.QuerySet):
    def public(self):
        """Decisions shown on the grants page and in open data: only organizations, never persons."""
        return self.filter(decided_at__isnull=False).select_related(
            "application__organization", "application__call__programme"
        )

    def granted(self):
        return self.filter(status=DecisionStatus.APPROVED)

    def unreported(self):
        """Granted, the usage report is overdue and not accepted (blocks new applications)."""
        return (
            self.granted()
            .filter(report_due_on__lt=today())
            .exclude(report__accepted_at__isnull=False)
        )
