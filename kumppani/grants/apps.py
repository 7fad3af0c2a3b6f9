from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "kumppani.grants"
    label = "grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.core.decisions import register_queue_source
        from kumppani.core.gdpr import register_eraser, register_exporter
        from kumppani.grants import gdpr, models
        from kumppani.grants.queue import grants_queue

        register_queue_source(grants_queue)
        register_exporter("grants", gdpr.export)
        register_eraser(gdpr.erase)
        for model in (
            models.Programme,
            models.Criterion,
            models.Call,
            models.Application,
            models.GrantDecision,
            models.Instalment,
            models.UsageReport,
            models.ConflictOfInterest,
            models.GrantApplicantRight,
        ):
            auditlog.register(model)

        from kumppani.accounts.models import Role
        from kumppani.core.staff_tools import register_staff_tool

        register_staff_tool(
            label=_("Grant handling"),
            url_name="grants:officer_index",
            roles=(Role.GRANT_OFFICER,),
            order=40,
        )
