from django.core.exceptions import PermissionDenied


def require_staff(user) -> None:
    """Any city staff role; raises 403 otherwise."""
    if not (user.is_authenticated and user.is_city_staff):
        raise PermissionDenied


def require_role(user, role: str) -> None:
    if not (user.is_authenticated and user.has_role(role)):
        raise PermissionDenied
