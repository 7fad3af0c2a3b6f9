from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

PERSONAL_FIELDS = ["purpose", "responsible_name", "responsible_phone", "responsible_email"]


class BookingsConfig(AppConfig):
    name = "kumppani.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.bookings import gdpr, models
        from kumppani.bookings.queue import bookings_queue
        from kumppani.core.decisions import register_queue_source
        from kumppani.core.gdpr import register_eraser, register_exporter

        register_queue_source(bookings_queue)
        register_exporter("bookings", gdpr.export)
        register_eraser(gdpr.erase)
        # The log records decisions, times and prices, never the personal details that
        # erasure removes from the booking itself (the purpose and the responsible person).
        auditlog.register(
            models.Booking, exclude_fields=[*PERSONAL_FIELDS, "sequence", "updated_at"]
        )
        auditlog.register(models.BookingSeries, exclude_fields=["purpose"])

        from kumppani.accounts.models import Role
        from kumppani.core.staff_tools import register_staff_tool

        register_staff_tool(
            label=_("Booking requests"),
            url_name="bookings:handling",
            roles=(Role.FACILITY_MANAGER,),
            order=19,
        )
