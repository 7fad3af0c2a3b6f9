"""Acting for an organization: invitations, join requests, roles and the last admin."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.core import mail
from django.urls import reverse

from kumppani.accounts.tests.factories import UserFactory
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now
from kumppani.organizations import services
from kumppani.organizations.models import Invitation, JoinRequest, Membership, MembershipRole


def _invite(client, admin, organization, email, role="member", capture=None):
    client.force_login(admin)
    with capture(execute=True):
        return client.post(
            reverse("organizations:invite", args=[organization.slug]),
            {"email": email, "role": role},
        )


def test_invitation_is_mailed_and_accepted_once_by_the_invited_person(
    client, organization, org_admin, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="new@example.org", preferred_language="sv")
    response = _invite(
        client,
        org_admin,
        organization,
        "New@Example.org",
        capture=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new@example.org"
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=14)
    (message,) = mail.outbox
    assert message.to == ["new@example.org"]
    assert f"/sv/organizations/invitations/{invitation.token}/" in message.body

    url = reverse("organizations:invitation", args=[invitation.token])
    client.force_login(invitee)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert Membership.objects.get(user=invitee, organization=organization).role == "member"

    reused = client.post(url)
    assert reused.status_code == 403
    assert str(services.INVITATION_USED) in reused.content.decode()


def test_invitation_refuses_another_person(
    client, organization, org_admin, resident, django_capture_on_commit_callbacks
):
    _invite(
        client,
        org_admin,
        organization,
        "someone@example.org",
        capture=django_capture_on_commit_callbacks,
    )
    invitation = Invitation.objects.get()
    client.force_login(resident)
    response = client.post(reverse("organizations:invitation", args=[invitation.token]))
    assert response.status_code == 403
    assert str(services.INVITATION_WRONG_PERSON) in response.content.decode()
    assert not Membership.objects.filter(user=resident).exists()
    assert Invitation.objects.get().accepted_at is None


def test_expired_invitation_cannot_be_accepted(client, organization, org_admin):
    invitee = UserFactory(email="late@example.org")
    invitation = services.invite_member(
        organization=organization, invited_by=org_admin, email=invitee.email
    )
    with time_machine.travel(now() + dt.timedelta(days=15), tick=False):
        client.force_login(invitee)
        response = client.post(reverse("organizations:invitation", args=[invitation.token]))
    assert response.status_code == 403
    assert str(services.INVITATION_EXPIRED) in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()


def test_unknown_invitation_token_is_not_found(client, resident):
    client.force_login(resident)
    assert client.get(reverse("organizations:invitation", args=["nope"])).status_code == 404


def test_inviting_an_existing_member_is_refused(client, organization, org_admin, org_member):
    client.force_login(org_admin)
    response = client.post(
        reverse("organizations:invite", args=[organization.slug]),
        {"email": org_member.email, "role": "member"},
        follow=True,
    )
    assert str(services.ALREADY_MEMBER) in response.content.decode()
    assert not Invitation.objects.exists()


def test_admin_invitation_gives_admin_role(client, organization, org_admin):
    invitee = UserFactory(email="co-admin@example.org")
    invitation = services.invite_member(
        organization=organization, invited_by=org_admin, email=invitee.email, role="admin"
    )
    services.accept_invitation(invitation=invitation, user=invitee)
    assert Membership.objects.get(user=invitee).is_admin


def test_join_request_flow(
    client, organization, org_admin, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    url = reverse("organizations:join", args=[organization.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"message": "Olen jäsen."})
    join_request = JoinRequest.objects.get()
    assert join_request.status == DecisionStatus.PENDING
    assert [m.to for m in mail.outbox] == [[org_admin.email]]

    again = client.post(url, {"message": ""}, follow=True)
    assert str(services.JOIN_REQUEST_PENDING) in again.content.decode()
    assert JoinRequest.objects.count() == 1

    client.force_login(org_admin)
    members_page = client.get(reverse("organizations:members", args=[organization.slug]))
    assert resident.email in members_page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organizations:decide_join_request", args=[organization.slug, join_request.pk]),
            {"decision": "approve", "reason": ""},
        )
    join_request.refresh_from_db()
    assert join_request.status == DecisionStatus.APPROVED
    assert join_request.decided_by == org_admin
    assert Membership.objects.get(user=resident, organization=organization).role == "member"
    assert mail.outbox[-1].to == [resident.email]

    # Deciding twice is not possible: the request is no longer pending.
    response = client.post(
        reverse("organizations:decide_join_request", args=[organization.slug, join_request.pk]),
        {"decision": "reject"},
    )
    assert response.status_code == 404


def test_rejected_join_request_creates_no_membership(client, organization, org_admin, resident):
    join_request = services.request_to_join(organization=organization, user=resident)
    client.force_login(org_admin)
    client.post(
        reverse("organizations:decide_join_request", args=[organization.slug, join_request.pk]),
        {"decision": "reject", "reason": "Emme tunne sinua."},
    )
    join_request.refresh_from_db()
    assert join_request.status == DecisionStatus.REJECTED
    assert join_request.reason == "Emme tunne sinua."
    assert not Membership.objects.filter(user=resident).exists()


def test_member_cannot_request_to_join_again(client, organization, org_member):
    client.force_login(org_member)
    response = client.post(reverse("organizations:join", args=[organization.slug]), follow=True)
    assert str(services.ALREADY_MEMBER) in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_last_admin_is_protected(client, organization, org_admin, org_member):
    admin_membership = Membership.objects.get(user=org_admin)
    client.force_login(org_admin)
    members = reverse("organizations:members", args=[organization.slug])

    for response in (
        client.post(
            reverse("organizations:change_role", args=[organization.slug, admin_membership.pk]),
            {"role": "member"},
            follow=True,
        ),
        client.post(
            reverse("organizations:remove_member", args=[organization.slug, admin_membership.pk]),
            follow=True,
        ),
        client.post(reverse("organizations:leave", args=[organization.slug]), follow=True),
    ):
        assert str(services.LAST_ADMIN) in response.content.decode()
    admin_membership.refresh_from_db()
    assert admin_membership.role == MembershipRole.ADMIN

    member_membership = Membership.objects.get(user=org_member)
    client.post(
        reverse("organizations:change_role", args=[organization.slug, member_membership.pk]),
        {"role": "admin"},
    )
    assert Membership.objects.get(user=org_member).is_admin
    client.post(
        reverse("organizations:change_role", args=[organization.slug, admin_membership.pk]),
        {"role": "member"},
    )
    assert not Membership.objects.get(user=org_admin).is_admin
    assert client.get(members).status_code == 200  # still a member, no longer an admin


def test_admin_removes_a_member_and_members_may_leave(client, organization, org_admin, org_member):
    other = UserFactory()
    Membership.objects.create(organization=organization, user=other)
    client.force_login(org_admin)
    membership = Membership.objects.get(user=org_member)
    client.post(reverse("organizations:remove_member", args=[organization.slug, membership.pk]))
    assert not Membership.objects.filter(user=org_member).exists()

    client.force_login(other)
    response = client.post(reverse("organizations:leave", args=[organization.slug]))
    assert response["Location"] == reverse("organizations:mine")
    assert not Membership.objects.filter(user=other).exists()


def test_mine_lists_roles_status_and_invitations(client, organization, org_admin):
    pending = services.register_organization(
        user=org_admin, profile={"name_fi": "Uusi ry", "org_type": "informal"}
    )
    services.invite_member(organization=pending, invited_by=org_admin, email="x@example.org")
    someone = UserFactory(email="x@example.org")
    client.force_login(org_admin)
    text = client.get(reverse("organizations:mine")).content.decode()
    assert organization.name_fi in text and "Uusi ry" in text
    client.force_login(someone)
    text = client.get(reverse("organizations:mine")).content.decode()
    assert "Uusi ry" in text
