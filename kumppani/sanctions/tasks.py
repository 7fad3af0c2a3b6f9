from django_tasks import task

from kumppani.sanctions.retention import purge_expired_cases


@task()
def purge_expired_cases_task() -> int:
    """Daily: delete misuse cases past their retention (same as `manage.py purge_expired_cases`)."""
    return purge_expired_cases()
