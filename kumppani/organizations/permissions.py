"""Who may see or change what. Views fetch protected objects only through these getters."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kumppani.accounts.models import Role
from kumppani.core.decisions import DecisionStatus
from kumppani.core.permissions import require_role
from kumppani.organizations.models import (
    Invitation,
    JoinRequest,
    Membership,
    Organization,
    PracticesDocument,
)


def is_liaison(user) -> bool:
    """Organization liaisons (and administrators, who hold every role)."""
    return bool(user.is_authenticated and user.has_role(Role.LIAISON))


def membership_of(user, organization: Organization) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organization=organization, user=user).first()


def get_organization_for_viewer(user, slug: str) -> Organization:
    """Verified organizations are public; members and liaisons also see the unverified."""
    organization = get_object_or_404(Organization, slug=slug)
    if organization.is_verified or is_liaison(user) or membership_of(user, organization):
        return organization
    raise Http404


def get_organization_for_member(user, slug: str) -> tuple[Organization, Membership]:
    organization = get_organization_for_viewer(user, slug)
    membership = membership_of(user, organization)
    if membership is None:
        raise PermissionDenied
    return organization, membership


def get_organization_for_admin(user, slug: str) -> Organization:
    organization, membership = get_organization_for_member(user, slug)
    if not membership.is_admin:
        raise PermissionDenied
    return organization


def get_organization_for_member_list(user, slug: str) -> tuple[Organization, Membership | None]:
    """Members see who else acts for the organization; liaisons see it too (and are logged)."""
    organization = get_organization_for_viewer(user, slug)
    membership = membership_of(user, organization)
    if membership is None and not is_liaison(user):
        raise PermissionDenied
    return organization, membership


def get_organization_for_liaison(user, slug: str) -> Organization:
    require_role(user, Role.LIAISON)
    return get_object_or_404(Organization, slug=slug)


def get_membership_for_admin(user, slug: str, pk: int) -> Membership:
    organization = get_organization_for_admin(user, slug)
    return get_object_or_404(
        Membership.objects.select_related("user", "organization"),
        pk=pk,
        organization=organization,
    )


def get_join_request_for_admin(user, slug: str, pk: int) -> JoinRequest:
    organization = get_organization_for_admin(user, slug)
    return get_object_or_404(
        JoinRequest.objects.select_related("user", "organization"),
        pk=pk,
        organization=organization,
        status=DecisionStatus.PENDING,
    )


def get_invitation_for_user(user, token: str) -> Invitation:
    """The link is a secret; an unknown token is simply not found."""
    return get_object_or_404(Invitation.objects.select_related("organization"), token=token)


def get_practices_version(version: int) -> PracticesDocument:
    return get_object_or_404(PracticesDocument, version=version, published_at__isnull=False)


def require_liaison(user) -> None:
    require_role(user, Role.LIAISON)


def can_join(user, organization: Organization, membership: Membership | None) -> bool:
    return bool(user.is_authenticated and membership is None and organization.is_verified)
