"""Every protected grants object is fetched through these getters: they return it or raise.

- Applicants: admins of the organization and members the admin gave the right to apply.
  Another organization's application is a 404 (its existence is not revealed).
- Officers: the grant_officer role *and* named on the programme; administrators see all.
  A conflicted officer may look but not review, propose or decide.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from kumppani.accounts.models import Role
from kumppani.core.permissions import require_role
from kumppani.grants.models import (
    AdditionsRequest,
    Application,
    Attachment,
    Call,
    ConflictOfInterest,
    GrantDecision,
    Instalment,
    Programme,
)
from kumppani.grants.querysets import applicant_organizations
from kumppani.organizations.models import Membership, MembershipRole, Organization

CONFLICTED = "conflicted"


def can_apply_for(user, organization: Organization) -> bool:
    return applicant_organizations(user).filter(pk=organization.pk).exists()


def get_application_for_applicant(user, pk: int, *, for_update: bool = False) -> Application:
    queryset = Application.objects.for_applicant(user).select_related(
        "call__programme", "organization"
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    return get_object_or_404(queryset, pk=pk)


def get_additions_request_for_applicant(user, pk: int) -> AdditionsRequest:
    return get_object_or_404(
        AdditionsRequest.objects.select_related("application__call"),
        pk=pk,
        application__in=Application.objects.for_applicant(user),
    )


def get_programmes_for_officer(user):
    require_role(user, Role.GRANT_OFFICER)
    if user.has_role(Role.ADMINISTRATOR):
        return Programme.objects.all()
    return Programme.objects.filter(officers=user)


def get_call_for_officer(user, pk: int) -> Call:
    require_role(user, Role.GRANT_OFFICER)
    return get_object_or_404(Call.objects.for_officer(user).select_related("programme"), pk=pk)


def get_application_for_officer(user, pk: int) -> Application:
    require_role(user, Role.GRANT_OFFICER)
    return get_object_or_404(
        Application.objects.for_officer(user).select_related("call__programme", "organization"),
        pk=pk,
    )


def is_conflicted(user, application: Application) -> bool:
    return ConflictOfInterest.objects.filter(application=application, officer=user).exists()


def check_can_handle(user, application: Application) -> None:
    """Review, proposals, additions and decisions: the programme's officer, not conflicted."""
    if not Application.objects.for_officer(user).filter(pk=application.pk).exists():
        raise PermissionDenied
    if is_conflicted(user, application):
        raise PermissionDenied(CONFLICTED)


def get_application_for_handling(user, pk: int) -> Application:
    application = get_application_for_officer(user, pk)
    check_can_handle(user, application)
    return application


def get_decision_for_viewer(user, pk: int) -> GrantDecision:
    """The decision document: the applicant organization and the programme's officers."""
    if not user.is_authenticated:
        raise Http404
    visible = Q(application__in=Application.objects.for_applicant(user))
    if user.has_role(Role.GRANT_OFFICER):
        visible |= Q(application__in=Application.objects.for_officer(user))
    return get_object_or_404(
        GrantDecision.objects.filter(visible).select_related(
            "application__call__programme", "application__organization", "decided_by"
        ),
        pk=pk,
    )


def get_decision_for_applicant(user, pk: int) -> GrantDecision:
    return get_object_or_404(
        GrantDecision.objects.select_related("application__call"),
        pk=pk,
        application__in=Application.objects.for_applicant(user),
    )


def get_decision_for_officer(user, pk: int) -> GrantDecision:
    require_role(user, Role.GRANT_OFFICER)
    return get_object_or_404(
        GrantDecision.objects.select_related("application__call"),
        pk=pk,
        application__in=Application.objects.for_officer(user),
    )


def get_instalment_for_officer(user, pk: int) -> Instalment:
    require_role(user, Role.GRANT_OFFICER)
    return get_object_or_404(
        Instalment.objects.select_related("decision__application"),
        pk=pk,
        decision__application__in=Application.objects.for_officer(user),
    )


def get_attachment_for_user(user, pk: int) -> Attachment:
    if not user.is_authenticated:
        raise Http404
    visible = Q(application__in=Application.objects.for_applicant(user))
    if user.has_role(Role.GRANT_OFFICER):
        visible |= Q(application__in=Application.objects.for_officer(user))
    return get_object_or_404(Attachment.objects.filter(visible), pk=pk)


def get_organization_for_rights_admin(user, slug: str) -> Organization:
    """Only the organization's admins decide who may apply on its behalf."""
    organization = get_object_or_404(Organization, slug=slug)
    is_admin = Membership.objects.filter(
        organization=organization, user=user, role=MembershipRole.ADMIN
    ).exists()
    if not is_admin:
        raise Http404
    return organization
