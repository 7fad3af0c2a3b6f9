from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "kumppani.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.core.decisions import register_queue_source
        from kumppani.core.gdpr import register_eraser, register_exporter
        from kumppani.organizations import models, queue, services

        auditlog.register(models.Organization)
        auditlog.register(models.Membership)
        auditlog.register(models.JoinRequest)
        auditlog.register(models.Invitation, exclude_fields=["token"])
        auditlog.register(models.Cooperation)
        auditlog.register(models.LiaisonContact)
        auditlog.register(models.PracticesDocument)

        register_queue_source(queue.pending_verifications)
        register_exporter("organizations", services.export_person)
        register_eraser(services.erase_person)

        from kumppani.accounts.models import Role
        from kumppani.core.staff_tools import register_staff_tool

        register_staff_tool(
            label=_("Organizations waiting for verification"),
            url_name="organizations:verification",
            roles=(Role.LIAISON,),
            order=10,
        )
        register_staff_tool(
            label=_("Organization liaisons on the directory"),
            url_name="organizations:liaisons",
            roles=(Role.LIAISON,),
            order=11,
        )
        register_staff_tool(
            label=_("New version of the cooperation practices"),
            url_name="organizations:practices_new",
            roles=(Role.LIAISON,),
            order=12,
        )
