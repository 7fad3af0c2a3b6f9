"""Every write of the organization registry: keyword-only, atomic, mail sent on commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import User
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import add_working_days, now
from kumppani.organizations.forms import ASSOCIATION_NUMBER_TAKEN, BUSINESS_ID_TAKEN
from kumppani.organizations.models import (
    Cooperation,
    CooperationDirection,
    Invitation,
    JoinRequest,
    Membership,
    MembershipRole,
    Organization,
    PracticesDocument,
)

VERIFICATION_WORKING_DAYS = 5
JOIN_REQUEST_WORKING_DAYS = 10
INVITATION_VALID_DAYS = 14
RESERVED_SLUGS = {
    "register",
    "mine",
    "verification",
    "cooperation-practices",
    "invitations",
    "liaisons",
}

LAST_ADMIN = _("An organization must keep at least one administrator. Appoint another first.")
ALREADY_MEMBER = _("This person already acts for the organization.")
INVITATION_USED = _("This invitation has already been used.")
INVITATION_EXPIRED = _("This invitation has expired. Ask the organization for a new one.")
INVITATION_WRONG_PERSON = _(
    "This invitation was sent to another e-mail address. Sign in with that address."
)
JOIN_REQUEST_PENDING = _("You have already asked to join; the administrators will answer.")
JOIN_REQUEST_DECIDED = _("This request has already been answered.")
REASON_REQUIRED = _("Give the reasons for the rejection; they are shown to the organization.")
DUPLICATE_IDENTIFIER = _("An organization with this identifier is already registered.")

Profile = dict[str, Any]


# --- mail ------------------------------------------------------------------------------------


def _absolute(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send_later(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    """Render in the recipient's language and send once the transaction has committed."""

    def send() -> None:
        with translation.override(language):
            full = {"city_name": settings.CITY_NAME, **context}
            subject = render_to_string(f"organizations/email/{template}_subject.txt", full)
            body = render_to_string(f"organizations/email/{template}.txt", full)
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])

    transaction.on_commit(send)


def _language_of(user) -> str:
    return getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE


def _admins_of(organization: Organization):
    return [
        m.user
        for m in organization.memberships.filter(role=MembershipRole.ADMIN).select_related("user")
    ]


# --- the profile -----------------------------------------------------------------------------


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(name) or "organization")[:200]
    slug, n = base, 1
    while slug in RESERVED_SLUGS or (
        Organization.objects.filter(slug=slug).exclude(pk=exclude_pk).exists()
    ):
        n += 1
        slug = f"{base}-{n}"
    return slug


def _set_relations(
    organization: Organization,
    *,
    themes: Iterable,
    districts: Iterable,
    languages: Iterable,
    target_groups: Iterable,
    offers: Iterable[str],
    seeks: Iterable[str],
) -> None:
    organization.themes.set(themes)
    organization.districts.set(districts)
    organization.languages.set(languages)
    organization.target_groups.set(target_groups)
    organization.cooperations.all().delete()
    Cooperation.objects.bulk_create(
        [
            Cooperation(organization=organization, direction=direction, kind=kind)
            for direction, kinds in (
                (CooperationDirection.OFFERS, offers),
                (CooperationDirection.SEEKS, seeks),
            )
            for kind in sorted(set(kinds))
        ]
    )


def _save(organization: Organization) -> None:
    """Save, turning a lost race on a unique identifier into a friendly error."""
    organization.full_clean(
        exclude=["slug", "logo", "created_by", "decided_by"], validate_unique=False
    )
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError as exc:
        message = str(exc)
        if "business_id" in message:
            raise ValidationError({"business_id": BUSINESS_ID_TAKEN}) from exc
        if "association_number" in message:
            raise ValidationError({"association_number": ASSOCIATION_NUMBER_TAKEN}) from exc
        raise ValidationError(DUPLICATE_IDENTIFIER) from exc


@transaction.atomic
def register_organization(
    *,
    user,
    profile: Profile,
    themes: Iterable = (),
    districts: Iterable = (),
    languages: Iterable = (),
    target_groups: Iterable = (),
    offers: Iterable[str] = (),
    seeks: Iterable[str] = (),
) -> Organization:
    """M13: a person registers an organization, becomes its admin, and the liaison verifies it."""
    organization = Organization(**profile)
    name = profile.get("name_fi") or profile.get("name_sv") or profile.get("name_en") or ""
    organization.slug = _unique_slug(name)
    organization.status = DecisionStatus.PENDING
    organization.created_by = user
    organization.created_at = now()
    organization.due_at = add_working_days(organization.created_at, VERIFICATION_WORKING_DAYS)
    _save(organization)
    _set_relations(
        organization,
        themes=themes,
        districts=districts,
        languages=languages,
        target_groups=target_groups,
        offers=offers,
        seeks=seeks,
    )
    Membership.objects.create(organization=organization, user=user, role=MembershipRole.ADMIN)
    return organization


@transaction.atomic
def update_organization(
    *,
    organization: Organization,
    profile: Profile,
    themes: Iterable = (),
    districts: Iterable = (),
    languages: Iterable = (),
    target_groups: Iterable = (),
    offers: Iterable[str] = (),
    seeks: Iterable[str] = (),
) -> Organization:
    """An admin keeps the profile up to date. A rejected organization goes back to the queue."""
    for field, value in profile.items():
        setattr(organization, field, value)
    if organization.status == DecisionStatus.REJECTED:
        organization.status = DecisionStatus.PENDING
        organization.due_at = add_working_days(now(), VERIFICATION_WORKING_DAYS)
    _save(organization)
    _set_relations(
        organization,
        themes=themes,
        districts=districts,
        languages=languages,
        target_groups=target_groups,
        offers=offers,
        seeks=seeks,
    )
    return organization


# --- verification (the liaison) --------------------------------------------------------------


def _decide(*, organization: Organization, decided_by, status: str, reason: str) -> Organization:
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.status = status
    organization.reason = reason
    organization.decided_by = decided_by
    organization.decided_at = now()
    organization.save()
    template = "verified" if status == DecisionStatus.APPROVED else "rejected"
    for admin in _admins_of(organization):
        language = _language_of(admin)
        _send_later(
            to=admin.email,
            language=language,
            template=template,
            context={
                "organization": organization,
                "reason": reason,
                "url": _absolute("organizations:detail", language, slug=organization.slug),
                "edit_url": _absolute("organizations:edit", language, slug=organization.slug),
            },
        )
    return organization


@transaction.atomic
def verify_organization(
    *, organization: Organization, decided_by, reason: str = ""
) -> Organization:
    """M13: the liaison verifies; the organization becomes public."""
    return _decide(
        organization=organization,
        decided_by=decided_by,
        status=DecisionStatus.APPROVED,
        reason=reason.strip(),
    )


@transaction.atomic
def reject_organization(*, organization: Organization, decided_by, reason: str) -> Organization:
    """The liaison rejects with reasons that the organization's admins see."""
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    return _decide(
        organization=organization,
        decided_by=decided_by,
        status=DecisionStatus.REJECTED,
        reason=reason.strip(),
    )


# --- members ---------------------------------------------------------------------------------


def _lock_admins(organization: Organization) -> list[Membership]:
    """Lock the admin rows so that two admins cannot demote each other at the same moment."""
    return list(
        Membership.objects.select_for_update().filter(
            organization=organization, role=MembershipRole.ADMIN
        )
    )


def _guard_last_admin(membership: Membership) -> None:
    admins = _lock_admins(membership.organization)
    if membership.role == MembershipRole.ADMIN and len(admins) <= 1:
        raise ValidationError(LAST_ADMIN, code="last_admin")


@transaction.atomic
def invite_member(
    *, organization: Organization, invited_by, email: str, role: str = MembershipRole.MEMBER
) -> Invitation:
    """An admin invites a person by e-mail. A new invitation replaces an open one."""
    email = email.strip().lower()
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(ALREADY_MEMBER, code="member")
    organization.invitations.filter(email=email, accepted_at__isnull=True).delete()
    created = now()
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        invited_by=invited_by,
        created_at=created,
        expires_at=created + dt.timedelta(days=INVITATION_VALID_DAYS),
    )
    invitee = User.objects.filter(email__iexact=email).first()
    language = _language_of(invitee) if invitee else translation.get_language() or "fi"
    _send_later(
        to=email,
        language=language,
        template="invitation",
        context={
            "organization": organization,
            "invitation": invitation,
            "inviter": invited_by,
            "url": _absolute("organizations:invitation", language, token=invitation.token),
        },
    )
    return invitation


def check_invitation(*, invitation: Invitation, user) -> None:
    """Raise if `user` may not accept the invitation now."""
    if invitation.accepted_at is not None:
        raise ValidationError(INVITATION_USED, code="used")
    if invitation.expires_at <= now():
        raise ValidationError(INVITATION_EXPIRED, code="expired")
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(INVITATION_WRONG_PERSON, code="wrong_person")


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user) -> Membership:
    """Only the invited address, and only once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check_invitation(invitation=invitation, user=user)
    invitation.accepted_at = now()
    invitation.save(update_fields=["accepted_at"])
    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )
    if not created and invitation.role == MembershipRole.ADMIN and not membership.is_admin:
        membership.role = MembershipRole.ADMIN
        membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def request_to_join(*, organization: Organization, user, message: str = "") -> JoinRequest:
    if organization.memberships.filter(user=user).exists():
        raise ValidationError(ALREADY_MEMBER, code="member")
    if organization.join_requests.filter(user=user, status=DecisionStatus.PENDING).exists():
        raise ValidationError(JOIN_REQUEST_PENDING, code="pending")
    created = now()
    join_request = JoinRequest.objects.create(
        organization=organization,
        user=user,
        message=message.strip(),
        created_at=created,
        due_at=add_working_days(created, JOIN_REQUEST_WORKING_DAYS),
    )
    for admin in _admins_of(organization):
        language = _language_of(admin)
        _send_later(
            to=admin.email,
            language=language,
            template="join_request",
            context={
                "organization": organization,
                "join_request": join_request,
                "url": _absolute("organizations:members", language, slug=organization.slug),
            },
        )
    return join_request


@transaction.atomic
def decide_join_request(
    *, join_request: JoinRequest, decided_by, approve: bool, reason: str = ""
) -> JoinRequest:
    """An organization admin lets the person in, or not."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != DecisionStatus.PENDING:
        raise ValidationError(JOIN_REQUEST_DECIDED, code="decided")
    join_request.status = DecisionStatus.APPROVED if approve else DecisionStatus.REJECTED
    join_request.decided_by = decided_by
    join_request.decided_at = now()
    join_request.reason = reason.strip()
    join_request.save()
    if approve:
        Membership.objects.get_or_create(
            organization=join_request.organization,
            user=join_request.user,
            defaults={"role": MembershipRole.MEMBER},
        )
    language = _language_of(join_request.user)
    _send_later(
        to=join_request.user.email,
        language=language,
        template="join_decided",
        context={
            "organization": join_request.organization,
            "approved": approve,
            "reason": join_request.reason,
            "url": _absolute("organizations:mine", language),
        },
    )
    return join_request


@transaction.atomic
def change_member_role(*, membership: Membership, role: str) -> Membership:
    """Never leaves an organization without an administrator."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if role != MembershipRole.ADMIN:
        _guard_last_admin(membership)
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(*, membership: Membership) -> None:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _guard_last_admin(membership)
    membership.delete()


@transaction.atomic
def leave_organization(*, organization: Organization, user) -> None:
    membership = Membership.objects.select_for_update().get(organization=organization, user=user)
    _guard_last_admin(membership)
    membership.delete()


# --- cooperation practices (M10) -------------------------------------------------------------


@transaction.atomic
def publish_practices_version(
    *,
    created_by,
    title: dict[str, str],
    body: dict[str, str],
    change_summary: dict[str, str],
) -> PracticesDocument:
    """A new published version; earlier versions stay as they were."""
    latest = PracticesDocument.objects.select_for_update().aggregate(v=Max("version"))["v"]
    document = PracticesDocument(version=(latest or 0) + 1, created_by=created_by)
    for lang in ("fi", "sv", "en"):
        setattr(document, f"title_{lang}", title.get(lang, "").strip())
        setattr(document, f"body_{lang}", body.get(lang, "").strip())
        setattr(document, f"change_summary_{lang}", change_summary.get(lang, "").strip())
    document.created_at = now()
    document.published_at = document.created_at
    document.save()
    return document


# --- GDPR ------------------------------------------------------------------------------------


def export_person(user) -> dict[str, Any]:
    return {
        "memberships": [
            {"organization": str(m.organization), "role": m.role, "since": m.created_at.isoformat()}
            for m in user.memberships.select_related("organization")
        ],
        "join_requests": [
            {
                "organization": str(r.organization),
                "message": r.message,
                "status": r.status,
                "reason": r.reason,
                "created_at": r.created_at.isoformat(),
            }
            for r in user.join_requests.select_related("organization")
        ],
        "invitations": [
            {
                "organization": str(i.organization),
                "role": i.role,
                "created_at": i.created_at.isoformat(),
                "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organization"
            )
        ],
    }


@transaction.atomic
def erase_person(user) -> None:
    """Memberships, join requests and invitations go. An organization whose last admin leaves
    this way keeps existing without admins; the liaison can appoint one through the admin site."""
    user.memberships.all().delete()
    user.join_requests.all().delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
