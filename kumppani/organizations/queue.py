"""The liaison's items in the staff handling queue (M8): registrations waiting for verification.

Join requests are decided by the organizations' own admins, so they are not staff items.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from kumppani.core.decisions import QueueItem
from kumppani.organizations.models import Organization
from kumppani.organizations.permissions import is_liaison


def pending_verifications(user) -> Iterator[QueueItem]:
    if not is_liaison(user):
        return
    for organization in Organization.objects.pending().order_by("created_at"):
        yield QueueItem(
            kind=_("Organization verification"),
            title=organization.name,
            url=reverse("organizations:verify", kwargs={"slug": organization.slug}),
            created_at=organization.created_at,
            due_at=organization.due_at,
        )
