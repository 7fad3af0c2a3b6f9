"""Writes about people: roles and GDPR erasure."""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from auditlog.context import disable_auditlog
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import Role, RoleAssignment, User
from kumppani.core.gdpr import erase_for

ROLE_ALREADY_HELD = _("This person already has this role.")
CANNOT_REVOKE_OWN_ADMINISTRATOR = _(
    "You cannot remove your own administrator role. Ask another administrator."
)


@transaction.atomic
def grant_role(*, user: User, role: str, granted_by: User) -> RoleAssignment:
    """Give `user` a staff role; the grant is audited with `granted_by` as the actor."""
    if RoleAssignment.objects.filter(user=user, role=role).exists():
        raise ValidationError(ROLE_ALREADY_HELD, code="role_already_held")
    assignment = RoleAssignment(user=user, role=role, granted_by=granted_by)
    assignment.full_clean()
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:  # a concurrent grant of the same role won the race
        raise ValidationError(ROLE_ALREADY_HELD, code="role_already_held") from exc
    return assignment


@transaction.atomic
def revoke_role(*, assignment: RoleAssignment, revoked_by: User) -> None:
    # An administrator removing their own role could leave the city with no administrator.
    if assignment.user_id == revoked_by.pk and assignment.role == Role.ADMINISTRATOR:
        raise ValidationError(CANNOT_REVOKE_OWN_ADMINISTRATOR, code="own_administrator_role")
    assignment.delete()


@transaction.atomic
def delete_account(*, user: User) -> None:
    """GDPR erasure: apps anonymise what the law requires them to keep, then the person goes.

    Every session of the person ends and their e-mail addresses, authenticators and
    third-party sign-in links go with the user row (cascade).
    """
    erase_for(user)
    session_keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=session_keys).delete()
    # The audit trail must not keep the erased person's e-mail address in a deletion entry.
    with disable_auditlog():
        user.delete()
