"""Background work of bookings: the e-mails, off the request (Django Tasks)."""

from django_tasks import task

EVENTS = (
    "bookings_created",
    "bookings_approved",
    "bookings_denied",
    "bookings_cancelled",
    "booking_changed",
)


@task()
def send_booking_mail(event: str, pks: list[int]) -> None:
    """Tells the booker and the responsible person (with a calendar file)."""
    from kumppani.bookings.services import notify

    if event not in EVENTS:
        raise ValueError(event)
    getattr(notify, event)(pks)
