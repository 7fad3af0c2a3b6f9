from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "kumppani.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.organizations import models

        auditlog.register(models.Organization)
        auditlog.register(models.Membership)
        auditlog.register(models.JoinRequest)
        auditlog.register(models.Invitation, exclude_fields=["token"])
