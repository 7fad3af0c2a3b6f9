"""E-mails to the organization, each in the recipient's own language (run on commit)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kumppani.organizations.models import MembershipRole


def _send(users, template: str, subject: str, context: dict) -> None:
    for user in users:
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            body = render_to_string(template, {**context, "recipient": user})
            send_mail(
                settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + gettext(subject),
                body,
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )


def _org_admins(application):
    from kumppani.accounts.models import User

    return User.objects.filter(
        is_active=True,
        memberships__organization=application.organization,
        memberships__role=MembershipRole.ADMIN,
    ).distinct()


def _link(name: str, pk: int) -> str:
    with translation.override(None):
        path = reverse(name, args=[pk])
    return settings.SITE_URL.rstrip("/") + path


def notify_submitted(application_pk: int, user_pk: int) -> None:
    from kumppani.accounts.models import User
    from kumppani.grants.models import Application

    application = Application.objects.select_related("call").get(pk=application_pk)
    _send(
        User.objects.filter(pk=user_pk),
        "grants/email/submitted.txt",
        "Your grant application was received",
        {"application": application, "url": _link("grants:application", application.pk)},
    )


def notify_additions_requested(request_pk: int) -> None:
    from kumppani.accounts.models import User
    from kumppani.grants.models import AdditionsRequest

    request = AdditionsRequest.objects.select_related("application__call").get(pk=request_pk)
    application = request.application
    recipients = _org_admins(application) | User.objects.filter(pk=application.created_by_id)
    _send(
        recipients.distinct(),
        "grants/email/additions.txt",
        "Additions requested to your grant application",
        {
            "application": application,
            "request": request,
            "url": _link("grants:application", application.pk),
        },
    )


def notify_decided(decision_pk: int) -> None:
    from kumppani.grants.models import GrantDecision

    decision = GrantDecision.objects.select_related(
        "application__call", "application__organization"
    ).get(pk=decision_pk)
    _send(
        _org_admins(decision.application),
        "grants/email/decided.txt",
        "A decision on your grant application",
        {
            "decision": decision,
            "application": decision.application,
            "url": _link("grants:decision_document", decision.pk),
        },
    )
