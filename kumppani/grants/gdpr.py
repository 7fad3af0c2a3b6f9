"""A person's grants data: what they typed or did. Applications belong to the organization."""

from __future__ import annotations

from kumppani.grants.models import (
    AdditionsRequest,
    Application,
    ApplicationEvent,
    Attachment,
    GrantApplicantRight,
)


def export(user) -> dict:
    return {
        "applications_started": [
            {
                "id": a.pk,
                "organization": a.org_name,
                "call": a.call.title,
                "status": a.status,
                "created_at": a.created_at.isoformat(),
            }
            for a in Application.objects.filter(created_by=user).select_related("call")
        ],
        "rights_to_apply": [
            {"organization": r.organization.name, "granted_at": r.granted_at.isoformat()}
            for r in GrantApplicantRight.objects.filter(user=user).select_related("organization")
        ],
        "steps": [
            {"application": e.application_id, "kind": e.kind, "at": e.at.isoformat()}
            for e in ApplicationEvent.objects.filter(actor=user)
        ],
    }


def erase(user) -> None:
    """Applications and decisions are the organization's and the city's records: they stay,
    with the person unlinked. The person's rights to apply go."""
    GrantApplicantRight.objects.filter(user=user).delete()
    Application.objects.filter(created_by=user).update(created_by=None)
    ApplicationEvent.objects.filter(actor=user).update(actor=None)
    AdditionsRequest.objects.filter(answered_by=user).update(answered_by=None)
    Attachment.objects.filter(uploaded_by=user).update(uploaded_by=None)
