"""Personal data export and erasure, the audit trail of verifications, and the handling queue."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kumppani.accounts.services import delete_account
from kumppani.core.decisions import queue_for
from kumppani.core.gdpr import export_for
from kumppani.organizations import services
from kumppani.organizations.models import JoinRequest, Membership, Organization


def test_export_contains_memberships_and_join_requests(org_admin, organization, other_organization):
    services.request_to_join(organization=other_organization, user=org_admin, message="Hei!")
    data = export_for(org_admin)["organizations"]
    assert data["memberships"] == [
        {
            "organization": str(organization),
            "role": "admin",
            "since": Membership.objects.get(user=org_admin).created_at.isoformat(),
        }
    ]
    assert data["join_requests"][0]["message"] == "Hei!"
    assert data["join_requests"][0]["organization"] == str(other_organization)


def test_erasure_removes_memberships_and_requests_but_keeps_the_organization(
    org_admin, organization, other_organization
):
    services.request_to_join(organization=other_organization, user=org_admin)
    services.invite_member(organization=other_organization, invited_by=None, email=org_admin.email)
    delete_account(user=org_admin)
    assert Organization.objects.filter(pk=organization.pk).exists()
    assert not Membership.objects.filter(organization=organization).exists()
    assert not JoinRequest.objects.exists()
    assert not other_organization.invitations.exists()


def test_verification_is_audited(client, liaison, org_admin):
    organization = services.register_organization(
        user=org_admin, profile={"name_fi": "Auditoitava ry", "org_type": "informal"}
    )
    client.force_login(liaison)
    client.post(reverse("organizations:verify", args=[organization.slug]), {"decision": "approved"})
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organization),
        object_pk=str(organization.pk),
    )
    change = entries.filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert change.actor == liaison
    assert change.changes_dict["status"] == ["pending", "approved"]
    assert "decided_by" in change.changes_dict


def test_queue_has_pending_verifications_for_liaisons_only(liaison, grant_officer, org_admin):
    organization = services.register_organization(
        user=org_admin, profile={"name_fi": "Jonossa ry", "org_type": "informal"}
    )
    services.request_to_join(organization=organization, user=grant_officer)
    prefix = reverse("organizations:directory")
    items = [item for item in queue_for(liaison) if item.url.startswith(prefix)]
    assert [item.title for item in items] == ["Jonossa ry"]
    assert items[0].url == reverse("organizations:verify", args=[organization.slug])
    assert items[0].due_at == organization.due_at
    assert not [item for item in queue_for(grant_officer) if item.url.startswith(prefix)]
