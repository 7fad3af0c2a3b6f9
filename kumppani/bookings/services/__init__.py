"""Every write to bookings: keyword-only, typed, atomic; e-mails on commit."""

from kumppani.bookings.services.booking import (
    Responsible,
    change_booking,
    create_booking,
    quote,
)
from kumppani.bookings.services.decisions import (
    approve_booking,
    approve_bookings,
    booker_may_cancel,
    cancel_booking,
    cancel_bookings,
    deny_booking,
    deny_bookings,
)
from kumppani.bookings.services.moving import booker_may_move, move_booking
from kumppani.bookings.services.series import (
    SeriesSpec,
    change_series_time,
    create_series,
    preview_series,
)

__all__ = [
    "Responsible",
    "SeriesSpec",
    "approve_booking",
    "approve_bookings",
    "booker_may_cancel",
    "booker_may_move",
    "cancel_booking",
    "cancel_bookings",
    "change_booking",
    "change_series_time",
    "create_booking",
    "create_series",
    "deny_booking",
    "deny_bookings",
    "move_booking",
    "preview_series",
    "quote",
]
