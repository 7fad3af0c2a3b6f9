from django.http import HttpRequest

from kumppani.core.models import PersonalDataAccess


def log_personal_data_view(request: HttpRequest, *, what: str, obj: object) -> None:
    """Record that a staff member was shown personal data about `obj`."""
    PersonalDataAccess.objects.create(
        viewer=request.user if request.user.is_authenticated else None,
        what=what[:200],
        object_repr=str(obj)[:200],
        path=request.get_full_path()[:500],
    )
