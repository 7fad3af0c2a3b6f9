from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SanctionsConfig(AppConfig):
    name = "kumppani.sanctions"
    label = "sanctions"
    verbose_name = _("Misuse and sanctions")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.bookings.checks import (
            register_booking_check,
            register_price_group_adjuster,
            register_terms_version_provider,
        )
        from kumppani.core.decisions import register_queue_source
        from kumppani.core.gdpr import register_eraser, register_exporter
        from kumppani.sanctions import enforcement, gdpr, models
        from kumppani.sanctions.queue import sanctions_queue

        register_booking_check(enforcement.booking_check)
        register_price_group_adjuster(enforcement.price_group_adjuster)
        register_terms_version_provider(enforcement.terms_version_provider)
        register_queue_source(sanctions_queue)
        register_exporter("misuse_cases", gdpr.export)
        register_eraser(gdpr.erase)
        for model in (
            models.SanctionPolicy,
            models.LadderStep,
            models.Incident,
            models.Hearing,
            models.SanctionDecision,
            models.Reconsideration,
        ):
            auditlog.register(model)

        from kumppani.accounts.models import Role
        from kumppani.core.staff_tools import register_staff_tool

        register_staff_tool(
            label=_("Misuse cases"),
            url_name="sanctions:cases",
            roles=(Role.FACILITY_MANAGER,),
            order=35,
        )
        register_staff_tool(
            label=_("Sanctions policy drafts"),
            url_name="sanctions:policy_drafts",
            roles=(Role.FACILITY_MANAGER,),
            order=36,
        )
