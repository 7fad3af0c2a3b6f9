"""Named booking scenarios on top of the catalogue factories."""

from __future__ import annotations

import datetime as dt

from kumppani.bookings import services
from kumppani.bookings.models import Booking, BookingKind
from kumppani.core.time import make_local
from kumppani.facilities.models import ReservationRules
from kumppani.facilities.tests.factories import FacilityFactory, with_hours, with_price

RESPONSIBLE = services.Responsible(
    name="Vastuu Henkilö", phone="+358 40 123 4567", email="vastuu@example.org", of_age=True
)
# Frozen "now" of most tests: Tuesday 1 September 2026, 10:00 in Helsinki.
NOW = make_local(dt.date(2026, 9, 1), dt.time(10))
DAY = dt.date(2026, 9, 10)  # a Thursday inside the booking window


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return make_local(day, dt.time(hour, minute))


def bookable_facility(*, rules: dict | None = None, parts=None, price="20.00", **kwargs):
    """A published facility open 8–21 every day, priced for private persons."""
    facility = FacilityFactory(parts=parts, **kwargs)
    with_hours(facility)
    if price is not None:
        with_price(facility, amount=price)
    if rules:
        ReservationRules.objects.create(facility=facility, **rules)
    return facility


def book(facility, booker, start, end, **kwargs) -> Booking:
    kwargs.setdefault("purpose", "Kerhon kokous")
    kwargs.setdefault("people", 10)
    kwargs.setdefault("responsible", RESPONSIBLE)
    kwargs.setdefault("terms_accepted", True)
    kwargs.setdefault("notify", False)
    return services.create_booking(facility=facility, booker=booker, start=start, end=end, **kwargs)


def block(facility, staff, start, end, **kwargs) -> Booking:
    return services.create_booking(
        facility=facility,
        booker=None,
        start=start,
        end=end,
        purpose=kwargs.pop("purpose", "Huolto"),
        acting_staff=staff,
        kind=BookingKind.BLOCK,
        notify=False,
        **kwargs,
    )


def managed_facility(manager, **kwargs):
    facility = bookable_facility(**kwargs)
    facility.unit.managers.add(manager)
    return facility


def shown(text, **params) -> str:
    """A (lazy) message as a page in the default language shows it: translated, escaped."""
    from django.utils.html import escape
    from django.utils.translation import override

    with override("fi"):
        return escape(str(text) % params if params else str(text))
