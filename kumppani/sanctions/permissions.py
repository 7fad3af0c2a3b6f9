"""Access to misuse cases. Views never fetch these on their own.

A case is seen by its parties (the booker, the organization's admins, the named responsible
person) and by the managers of the facility's unit (administrators: all). Everyone else gets 404:
even the existence of a case is private.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kumppani.accounts.models import Role
from kumppani.sanctions.models import EvidencePhoto, Incident, SanctionPolicy, Tip
from kumppani.sanctions.querysets import party_condition

CASE_RELATED = (
    "facility__unit",
    "booking",
    "party_user",
    "party_organization",
    "reported_by",
    "hearing",
    "decision__step",
    "decision__suggested_step",
    "decision__policy",
    "decision__decided_by",
    "decision__reconsideration__decided_by",
)


def require_sanctions_staff(user) -> None:
    if not (user.is_authenticated and user.has_role(Role.FACILITY_MANAGER)):
        raise PermissionDenied


def require_policy_editor(user) -> None:
    """Facility managers and administrators draft versions."""
    require_sanctions_staff(user)


def require_policy_publisher(user) -> None:
    """Publishing puts a version in force city-wide: administrators only."""
    if not (user.is_authenticated and user.has_role(Role.ADMINISTRATOR)):
        raise PermissionDenied


def is_staff_of(user, incident: Incident) -> bool:
    return incident.facility.unit.is_managed_by(user)


def is_party(user, incident: Incident) -> bool:
    if not user.is_authenticated:
        return False
    return Incident.objects.filter(party_condition(user), pk=incident.pk).exists()


def get_case_for_user(user, pk: int) -> Incident:
    """Parties and the unit's staff; everyone else 404."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Incident.objects.visible_to(user).select_related(*CASE_RELATED), pk=pk)


def get_case_for_staff(user, pk: int) -> Incident:
    """A case of the manager's unit; a party asking for a staff page gets 403, others 404."""
    incident = get_case_for_user(user, pk)
    if not is_staff_of(user, incident):
        raise PermissionDenied
    return incident


def get_case_for_party(user, pk: int) -> Incident:
    incident = get_case_for_user(user, pk)
    if not is_party(user, incident):
        raise PermissionDenied
    return incident


def get_photo_for_user(user, case_pk: int, pk: int) -> EvidencePhoto:
    incident = get_case_for_user(user, case_pk)
    return get_object_or_404(EvidencePhoto, pk=pk, incident=incident)


def get_tip_for_staff(user, pk: int) -> Tip:
    require_sanctions_staff(user)
    return get_object_or_404(
        Tip.objects.managed_by(user).select_related("facility__unit", "reporter"), pk=pk
    )


def get_tip_photo_for_staff(user, tip_pk: int, pk: int) -> EvidencePhoto:
    tip = get_tip_for_staff(user, tip_pk)
    return get_object_or_404(EvidencePhoto, pk=pk, tip=tip)


def get_draft_for_user(user, pk: int) -> SanctionPolicy:
    require_policy_editor(user)
    return get_object_or_404(SanctionPolicy.objects.drafts(), pk=pk)


def get_published_policy(version: int) -> SanctionPolicy:
    return get_object_or_404(SanctionPolicy.objects.published(), version=version)
