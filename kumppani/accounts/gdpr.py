from kumppani.core.gdpr import register_exporter


def export_account(user) -> dict:
    return {
        "email": user.email,
        "name": user.full_name,
        "phone": user.phone,
        "preferred_language": user.preferred_language,
        "joined": user.date_joined.isoformat(),
        "roles": list(user.role_assignments.values_list("role", flat=True)),
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
    }


register_exporter("account", export_account)
