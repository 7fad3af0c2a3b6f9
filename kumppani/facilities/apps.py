from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilitiesConfig(AppConfig):
    name = "kumppani.facilities"
    label = "facilities"
    verbose_name = _("Facilities")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.core.gdpr import register_eraser, register_exporter
        from kumppani.facilities import gdpr, models

        for model in (
            models.Unit,
            models.Facility,
            models.FacilityPart,
            models.FacilityPhoto,
            models.Season,
            models.WeeklyHours,
            models.HoursException,
            models.ReservationRules,
            models.Price,
        ):
            auditlog.register(model)
        auditlog.register(models.Unit.managers.through)
        register_exporter("facility_needs", gdpr.export_needs)
        register_eraser(gdpr.erase_needs)
