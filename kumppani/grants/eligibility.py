"""Who may apply for a grant (M14). Each rule is a small named check with a stable code."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

NOT_VERIFIED_NONPROFIT = _(
    "Only verified non-profit organizations can apply. Ask the city's organization liaison to "
    "verify your organization."
)
NOT_IN_CITY = _("Only organizations that operate in the city can apply.")
UNREPORTED_GRANT = _(
    "Your organization has an earlier grant whose usage report is overdue or not yet accepted. "
    "Submit the report before applying again."
)


@dataclass(frozen=True)
class Ineligibility:
    code: str
    message: str


def check_verified_nonprofit(organization) -> Ineligibility | None:
    if not organization.is_verified_nonprofit:
        return Ineligibility("not_verified_nonprofit", str(NOT_VERIFIED_NONPROFIT))
    return None


def check_operates_in_city(organization) -> Ineligibility | None:
    if not organization.operates_in_city:
        return Ineligibility("not_in_city", str(NOT_IN_CITY))
    return None


def check_no_unreported_grant(organization) -> Ineligibility | None:
    from kumppani.grants.models import GrantDecision

    if GrantDecision.objects.unreported().filter(application__organization=organization).exists():
        return Ineligibility("unreported_grant", str(UNREPORTED_GRANT))
    return None


CHECKS = (check_verified_nonprofit, check_operates_in_city, check_no_unreported_grant)


def ineligibilities(organization) -> list[Ineligibility]:
    """Every rule the organization fails; empty when it may apply."""
    return [problem for check in CHECKS if (problem := check(organization)) is not None]
