"""iCalendar (RFC 5545) for e-mail attachments, personal feeds and public busy-time feeds."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from kumppani.bookings.models import Booking
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now

PRODID = "-//Kumppani//Bookings//FI"
STATUS = {
    DecisionStatus.PENDING: "TENTATIVE",
    DecisionStatus.APPROVED: "CONFIRMED",
    DecisionStatus.REJECTED: "CANCELLED",
    DecisionStatus.CANCELLED: "CANCELLED",
}


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "kumppani.local"


def uid(booking: Booking) -> str:
    return f"booking-{booking.pk}@{_domain()}"


def _calendar(name: str, method: str | None = None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def _location(booking: Booking) -> str:
    facility = booking.facility
    place = ", ".join(p for p in (facility.street_address, facility.postal_code) if p)
    return f"{facility.name}, {place}" if place else str(facility.name)


def _event(booking: Booking, stamp, *, private: bool) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid(booking))
    event.add("dtstamp", stamp)
    event.add("dtstart", booking.start)
    event.add("dtend", booking.end)
    event.add("sequence", booking.sequence)
    if private:
        event.add("summary", f"{booking.facility.name}: {booking.purpose}")
        event.add("location", _location(booking))
        event.add("status", STATUS[booking.status])
        space, responsible = _("Booked space"), _("Responsible person")
        lines = [f"{space}: {booking.target_name}"]
        if booking.responsible_name:
            lines.append(f"{responsible}: {booking.responsible_name}")
        event.add("description", "\n".join(lines))
        event.add("url", settings.SITE_URL.rstrip("/") + booking.get_absolute_url())
    else:
        # Public busy time: no purpose, no names (ARCHITECTURE: personal data).
        event.add("summary", _("Booked"))
        event.add("transp", "OPAQUE")
    return event


def booking_calendar(bookings: Iterable[Booking], *, cancel: bool = False) -> bytes:
    """The attachment of a booking e-mail: REQUEST for new/changed, CANCEL for withdrawn."""
    stamp = now()
    calendar = _calendar(_("Bookings"), method="CANCEL" if cancel else "PUBLISH")
    for booking in bookings:
        calendar.add_component(_event(booking, stamp, private=True))
    return calendar.to_ical()


def personal_feed(bookings: Iterable[Booking], name: str) -> bytes:
    stamp = now()
    calendar = _calendar(name)
    for booking in bookings:
        calendar.add_component(_event(booking, stamp, private=True))
    return calendar.to_ical()


def busy_feed(bookings: Iterable[Booking], name: str) -> bytes:
    stamp = now()
    calendar = _calendar(name)
    for booking in bookings:
        calendar.add_component(_event(booking, stamp, private=False))
    return calendar.to_ical()
