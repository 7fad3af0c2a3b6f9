from django.shortcuts import get_object_or_404

from kumppani.accounts.models import Role, RoleAssignment
from kumppani.core.permissions import require_role


def get_role_assignment_for_user(user, pk: int) -> RoleAssignment:
    """Only administrators manage roles."""
    require_role(user, Role.ADMINISTRATOR)
    return get_object_or_404(RoleAssignment.objects.select_related("user"), pk=pk)
