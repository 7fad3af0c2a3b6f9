"""E-mails to the organization, each in the recipient's own language (run on commit)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kumppani.organizations.models import Membership, MembershipRole


def _send(users, template: str, subject, context: dict, link: tuple[str, int]) -> None:
    for user in users:
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            url = settings.SITE_URL.rstrip("/") + reverse(link[0], args=[link[1]])
            body = render_to_string(template, {**context, "recipient": user, "url": url})
            send_mail(
                settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(subject),
                body,
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )


def _org_admins(application, *, also=None):
    from kumppani.accounts.models import User

    admins = Membership.objects.filter(
        organization=application.organization_id, role=MembershipRole.ADMIN
    ).values("user")
    who = Q(pk__in=admins)
    if also is not None:
        who |= Q(pk=also)
    return User.objects.filter(who, is_active=True)


def notify_submitted(application_pk: int, user_pk: int) -> None:
    from kumppani.accounts.models import User
    from kumppani.grants.models import Application

    application = Application.objects.select_related("call").get(pk=application_pk)
    _send(
        User.objects.filter(pk=user_pk),
        "grants/email/submitted.txt",
        _("Your grant application was received"),
        {"application": application},
        ("grants:application", application.pk),
    )


def notify_additions_requested(request_pk: int) -> None:
    from kumppani.grants.models import AdditionsRequest

    request = AdditionsRequest.objects.select_related("application__call").get(pk=request_pk)
    application = request.application
    _send(
        _org_admins(application, also=application.created_by_id),
        "grants/email/additions.txt",
        _("Additions requested to your grant application"),
        {"application": application, "request": request},
        ("grants:application", application.pk),
    )


def notify_decided(decision_pk: int) -> None:
    from kumppani.grants.models import GrantDecision

    decision = GrantDecision.objects.select_related(
        "application__call", "application__organization"
    ).get(pk=decision_pk)
    _send(
        _org_admins(decision.application),
        "grants/email/decided.txt",
        _("A decision on your grant application"),
        {"decision": decision, "application": decision.application},
        ("grants:decision_document", decision.pk),
    )
