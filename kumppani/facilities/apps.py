from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilitiesConfig(AppConfig):
    name = "kumppani.facilities"
    label = "facilities"
    verbose_name = _("Facilities")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.core.gdpr import register_eraser, register_exporter
        from kumppani.facilities import gdpr, models, versioning

        versioning.connect()

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

        from kumppani.accounts.models import Role
        from kumppani.core.staff_tools import register_staff_tool

        register_staff_tool(
            label=_("Manage facilities"),
            url_name="facilities:manage",
            roles=(Role.FACILITY_MANAGER,),
            order=20,
        )
        register_staff_tool(
            label=_("Import and export the catalogue"),
            url_name="facilities:import",
            roles=(Role.FACILITY_MANAGER,),
            order=21,
        )
        register_staff_tool(
            label=_("Facility needs"),
            url_name="facilities:needs",
            roles=(Role.FACILITY_MANAGER,),
            order=22,
        )
        register_staff_tool(
            label=_("Unmet demand for facilities"),
            url_name="facilities:needs_report",
            roles=(Role.FACILITY_MANAGER,),
            order=23,
        )
