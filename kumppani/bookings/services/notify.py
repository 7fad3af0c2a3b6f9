"""E-mails about bookings, with an .ics attachment, to the booker and the responsible person.

Both are written in the booker's language (the responsible person is reached through the booker
and has no account of their own). Run on commit; a series gets one e-mail listing its dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from kumppani.bookings import ics
from kumppani.bookings.models import Booking
from kumppani.core.decisions import DecisionStatus

SUBJECTS = {
    "confirmed": gettext_noop("Booking confirmed: %(facility)s"),
    "received": gettext_noop("Booking request received: %(facility)s"),
    "approved": gettext_noop("Booking approved: %(facility)s"),
    "denied": gettext_noop("Booking denied: %(facility)s"),
    "cancelled": gettext_noop("Booking cancelled: %(facility)s"),
    "changed": gettext_noop("Booking changed: %(facility)s"),
}


def _groups(pks: Iterable[int]) -> list[list[Booking]]:
    """Bookings to mail together: each series' dates in one message, single bookings alone."""
    bookings = (
        Booking.objects.filter(pk__in=list(pks))
        .select_related("facility", "part", "booker", "organization")
        .order_by("start")
    )
    groups: dict[object, list[Booking]] = defaultdict(list)
    for booking in bookings:
        groups[("series", booking.series_id) if booking.series_id else booking.pk].append(booking)
    return list(groups.values())


def _recipients(booking: Booking) -> list[tuple[str, bool]]:
    """(address, is the responsible person) pairs, without duplicates."""
    result = []
    if booking.booker is not None and booking.booker.is_active:
        result.append((booking.booker.email, False))
    email = booking.responsible_email
    if email and "@" in email and all(email.lower() != a.lower() for a, _r in result):
        result.append((email, True))
    return result


def _send(event: str, bookings: list[Booking]) -> None:
    first = bookings[0]
    language = first.booker.preferred_language if first.booker else settings.LANGUAGE_CODE
    cancel = event in ("denied", "cancelled")
    with translation.override(language):
        attachment = ics.booking_calendar(bookings, cancel=cancel)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + gettext(SUBJECTS[event]) % {
            "facility": first.facility.name
        }
        url = settings.SITE_URL.rstrip("/") + first.get_absolute_url()
        for address, is_responsible in _recipients(first):
            body = render_to_string(
                "bookings/email/booking.txt",
                {
                    "event": event,
                    "bookings": bookings,
                    "booking": first,
                    "url": url,
                    "is_responsible": is_responsible,
                },
            )
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            message.attach(
                "booking.ics",
                attachment,
                f"text/calendar; method={'CANCEL' if cancel else 'PUBLISH'}; charset=utf-8",
            )
            message.send()


def _each(event: str, pks: Iterable[int]) -> None:
    for group in _groups(pks):
        _send(event, group)


def bookings_created(pks: Iterable[int]) -> None:
    for group in _groups(pks):
        pending = group[0].status == DecisionStatus.PENDING
        _send("received" if pending else "confirmed", group)


def bookings_approved(pks: Iterable[int]) -> None:
    _each("approved", pks)


def bookings_denied(pks: Iterable[int]) -> None:
    _each("denied", pks)


def bookings_cancelled(pks: Iterable[int]) -> None:
    _each("cancelled", pks)


def booking_changed(pks: Iterable[int]) -> None:
    _each("changed", pks)


def later(event: str, pks: Iterable[int]) -> None:
    """Queues the e-mails; never for a rolled-back booking.

    With the database task backend the task row is written in the booking's own transaction (an
    outbox: it commits or rolls back with the booking, and costs no commit of its own). Any
    other backend might run or send the task at once, so it is queued after the commit.
    """
    from django.db import transaction

    from kumppani.bookings.tasks import send_booking_mail

    chosen = [int(pk) for pk in pks]
    if not chosen:
        return
    if _queued_in_database():
        send_booking_mail.enqueue(event, chosen)
    else:
        transaction.on_commit(lambda: send_booking_mail.enqueue(event, chosen))


def _queued_in_database() -> bool:
    from django.conf import settings

    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
