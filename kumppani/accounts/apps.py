from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kumppani.accounts"
    label = "accounts"
    verbose_name = _("People and roles")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from kumppani.accounts import gdpr  # noqa: F401  registers the account's own export
        from kumppani.accounts.models import RoleAssignment, User

        auditlog.register(User, include_fields=["email", "is_active", "is_staff", "is_superuser"])
        auditlog.register(RoleAssignment)

        from kumppani.accounts.models import Role
        from kumppani.core.staff_tools import register_staff_tool

        register_staff_tool(
            label=_("Staff roles"), url_name="accounts:roles", roles=(Role.ADMINISTRATOR,), order=90
        )
