"""A person's bookings in their data export; erasure anonymises what statistics keep."""

from __future__ import annotations

from kumppani.bookings.models import Booking, BookingSeries, FeedToken

DELETED = "(deleted)"


def export(user) -> dict:
    bookings = Booking.objects.filter(booker=user).select_related(
        "facility", "part", "organization"
    )
    return {
        "bookings": [
            {
                "facility": booking.facility.name,
                "part": booking.target_name,
                "organization": booking.organization.name if booking.organization else None,
                "start": booking.start.isoformat(),
                "end": booking.end.isoformat(),
                "purpose": booking.purpose,
                "people": booking.people,
                "status": booking.status,
                "responsible_name": booking.responsible_name,
                "responsible_phone": booking.responsible_phone,
                "responsible_email": booking.responsible_email,
                "terms_version": booking.terms_version,
                "price_eur": str(booking.price),
                "reason": booking.denial_text() or booking.cancellation_reason,
                "created_at": booking.created_at.isoformat(),
            }
            for booking in bookings
        ],
        "calendar_feed": FeedToken.objects.filter(user=user).exists(),
    }


def erase(user) -> None:
    """Bookings stay for statistics without the person: no booker, no responsible person."""
    Booking.objects.filter(booker=user).update(
        booker=None,
        responsible_name=DELETED,
        responsible_phone=DELETED,
        responsible_email=DELETED,
        purpose=DELETED,
    )
    BookingSeries.objects.filter(booker=user).update(booker=None, purpose=DELETED)
    FeedToken.objects.filter(user=user).delete()
