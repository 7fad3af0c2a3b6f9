from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from auditlog.models import LogEntry

from kumppani.accounts.models import RoleAssignment, User
from kumppani.core.gdpr import register_eraser, register_exporter


def export_account(user: User) -> dict:
    return {
        "email": user.email,
        "name": user.full_name,
        "phone": user.phone,
        "preferred_language": user.preferred_language,
        "joined": user.date_joined.isoformat(),
        "last_sign_in": user.last_login.isoformat() if user.last_login else None,
        "roles": [
            {"role": assignment.role, "granted_at": assignment.granted_at.isoformat()}
            for assignment in user.role_assignments.order_by("granted_at")
        ],
        "email_addresses": list(
            user.emailaddress_set.order_by("email").values("email", "verified", "primary")
        ),
        "sign_in_services": [
            {"provider": account.provider, "identifier": account.uid}
            for account in SocialAccount.objects.filter(user=user)
        ],
        # Which second factors are in use, never the secrets themselves.
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
    }


ERASED = "(erased person)"


def anonymise_audit_trail(user: User) -> None:
    """Keep the audit trail of the account and its roles (who changed what, when) without
    the person's name or e-mail address."""
    role_ids = list(user.role_assignments.values_list("pk", flat=True))
    entries = [
        *LogEntry.objects.get_for_object(user),
        *LogEntry.objects.get_for_objects(RoleAssignment.objects.filter(pk__in=role_ids)),
    ]
    for entry in entries:
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        entry.changes = {
            field: ["***", "***"] if field in {"email", "user"} else values
            for field, values in changes.items()
        }
        entry.object_repr = ERASED
        entry.changes_text = ""
        entry.serialized_data = None
        entry.save(update_fields=["changes", "changes_text", "serialized_data", "object_repr"])


register_exporter("account", export_account)
register_eraser(anonymise_audit_trail)
