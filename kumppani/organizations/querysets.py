from django.db import models

from kumppani.core.decisions import DecisionStatus


class OrganizationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=DecisionStatus.APPROVED)

    def public(self):
        """What the public directory and open data show."""
        return self.verified()

    def verified_nonprofits(self):
        return self.verified().filter(is_nonprofit=True)

    def for_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)
