"""E-mails to the parties and staff, each in the recipient's language, sent after commit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kumppani.organizations.models import MembershipRole


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str


def absolute(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def parties_of(incident) -> list[Recipient]:
    """The booker, the organization's admins and the responsible person; each address once."""
    people = []
    if incident.party_user_id and incident.party_user.is_active:
        people.append(incident.party_user)
    if incident.party_organization_id:
        people.extend(
            m.user
            for m in incident.party_organization.memberships.filter(
                role=MembershipRole.ADMIN, user__is_active=True
            ).select_related("user")
        )
    recipients: dict[str, Recipient] = {}
    for person in people:
        key = person.email.lower()
        recipients.setdefault(key, Recipient(person.email, person.preferred_language))
    fallback = people[0].preferred_language if people else settings.LANGUAGE_CODE
    if incident.responsible_email and "@" in incident.responsible_email:
        recipients.setdefault(
            incident.responsible_email.lower(), Recipient(incident.responsible_email, fallback)
        )
    return list(recipients.values())


def send_later(recipients: list[Recipient], template: str, context: dict[str, Any]) -> None:
    def send() -> None:
        for recipient in recipients:
            with translation.override(recipient.language):
                full = {
                    "city_name": settings.CITY_NAME,
                    "case_url": absolute(
                        "sanctions:case", recipient.language, pk=context["incident"].pk
                    ),
                    "policy_url": absolute("sanctions:policy", recipient.language),
                    **context,
                }
                subject = render_to_string(f"sanctions/email/{template}_subject.txt", full)
                body = render_to_string(f"sanctions/email/{template}.txt", full)
            send_mail(
                " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [recipient.email]
            )

    transaction.on_commit(send)


def hearing_opened(incident) -> None:
    send_later(parties_of(incident), "hearing", {"incident": incident, "hearing": incident.hearing})


def decided(incident) -> None:
    send_later(
        parties_of(incident), "decision", {"incident": incident, "decision": incident.decision}
    )


def reconsideration_decided(incident) -> None:
    decision = incident.decision
    send_later(
        parties_of(incident),
        "reconsideration",
        {
            "incident": incident,
            "decision": decision,
            "reconsideration": decision.reconsideration,
        },
    )


def staff_of(facility) -> list[Recipient]:
    people = {facility.responsible_id: facility.responsible}
    people.update({m.pk: m for m in facility.unit.managers.filter(is_active=True)})
    return [Recipient(p.email, p.preferred_language) for p in people.values() if p is not None]


def tip_received(tip) -> None:
    recipients = staff_of(tip.facility)

    def send() -> None:
        for recipient in recipients:
            with translation.override(recipient.language):
                context = {
                    "city_name": settings.CITY_NAME,
                    "tip": tip,
                    "tip_url": absolute("sanctions:tip", recipient.language, pk=tip.pk),
                }
                subject = render_to_string("sanctions/email/tip_subject.txt", context)
                body = render_to_string("sanctions/email/tip.txt", context)
            send_mail(
                " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [recipient.email]
            )

    transaction.on_commit(send)
