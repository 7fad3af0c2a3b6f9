"""The audit log of bookings keeps changes of time and price, not what erasure removes."""

from auditlog.models import LogEntry

from kumppani.bookings.services import change_booking
from kumppani.bookings.tests.factories import DAY, RESPONSIBLE, at, book


def test_log_has_changes_without_personal_details(frozen, facility, resident):
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20), purpose="Salainen kerho")
    # The booking row itself records its creation (who, when, which terms).
    assert not LogEntry.objects.get_for_object(booking).exists()
    assert booking.created_at and booking.booker == resident and booking.terms_version
    change_booking(booking=booking, start=at(DAY, 16), end=at(DAY, 18), by=resident)
    entry = LogEntry.objects.get_for_object(booking).get()
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor is None or entry.actor == resident
    assert {"start", "end"} <= set(entry.changes_dict)
    text = str(entry.changes) + entry.object_repr
    for personal in (RESPONSIBLE.email, RESPONSIBLE.phone, RESPONSIBLE.name, "Salainen kerho"):
        assert personal not in text
