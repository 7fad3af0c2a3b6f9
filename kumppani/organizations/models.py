from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kumppani.core.decisions import Decision, DecisionStatus
from kumppani.core.models import District, Theme
from kumppani.core.time import now
from kumppani.organizations.querysets import OrganizationQuerySet


class OrganizationType(models.TextChoices):
    REGISTERED_ASSOCIATION = "association", _("Registered association")
    FOUNDATION = "foundation", _("Foundation")
    COMPANY = "company", _("Company")
    COOPERATIVE = "cooperative", _("Cooperative")
    INFORMAL_GROUP = "informal", _("Informal group")
    PUBLIC_BODY = "public", _("Public body")
    OTHER = "other", _("Other")


class CooperationKind(models.TextChoices):
    """What an organization offers to or seeks from others (M4: finding partners)."""

    VOLUNTEERS = "volunteers", _("Volunteers")
    VENUES = "venues", _("Venues")
    PARTNERS = "partners", _("Partners")
    EXPERTISE = "expertise", _("Expertise")
    FUNDING = "funding", _("Funding")
    EQUIPMENT = "equipment", _("Equipment")


class TargetGroup(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("identifier"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language an organization works in (ISO 639-1 code)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name


class Organization(Decision):
    """A stakeholder: association, foundation, company, informal group, public body…

    The inherited decision fields record the liaison's verification: `status` approved means
    verified. Only verified organizations are public, and only verified non-profits may get
    free facilities (M12) and grants (M14).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=220, unique=True)
    org_type = models.CharField(_("type"), max_length=20, choices=OrganizationType.choices)
    is_nonprofit = models.BooleanField(
        _("non-profit"), default=False, help_text=_("The organization does not distribute profit.")
    )
    business_id = models.CharField(_("Business ID (Y-tunnus)"), max_length=9, blank=True)
    association_number = models.CharField(
        _("association register number"), max_length=12, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("fields of activity"), blank=True)
    districts = models.ManyToManyField(District, verbose_name=_("districts"), blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), blank=True)
    target_groups = models.ManyToManyField(TargetGroup, verbose_name=_("target groups"), blank=True)
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organizations/logos/", blank=True)
    logo_alt = models.CharField(_("logo description (alt text)"), max_length=200, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    offers_text = models.TextField(_("what we offer, in detail"), blank=True)
    seeks_text = models.TextField(_("what we seek, in detail"), blank=True)
    operates_in_city = models.BooleanField(_("operates in the city"), default=True)
    created_at = models.DateTimeField(_("registered at"), default=now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.UniqueConstraint(
                fields=["business_id"], condition=~Q(business_id=""), name="unique_business_id"
            ),
            models.UniqueConstraint(
                fields=["association_number"],
                condition=~Q(association_number=""),
                name="unique_association_number",
            ),
            models.CheckConstraint(
                condition=Q(org_type__in=OrganizationType.values), name="org_type_is_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DecisionStatus.values), name="org_status_is_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=DecisionStatus.APPROVED) | Q(decided_at__isnull=False),
                name="org_verified_has_decision_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "name"], name="org_status_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.status == DecisionStatus.APPROVED

    @property
    def is_verified_nonprofit(self) -> bool:
        """M12, M14: eligible for free facilities and grants."""
        return self.is_verified and self.is_nonprofit

    def _cooperation_labels(self, direction: str) -> list[str]:
        # Reads `cooperations.all()` so that a prefetch serves every row of a list.
        return [c.get_kind_display() for c in self.cooperations.all() if c.direction == direction]

    @property
    def offered(self) -> list[str]:
        return self._cooperation_labels("offers")

    @property
    def sought(self) -> list[str]:
        return self._cooperation_labels("seeks")


class CooperationDirection(models.TextChoices):
    OFFERS = "offers", _("Offers")
    SEEKS = "seeks", _("Seeks")


class Cooperation(models.Model):
    """One thing an organization offers or seeks, e.g. (seeks, volunteers)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="cooperations"
    )
    direction = models.CharField(max_length=6, choices=CooperationDirection.choices)
    kind = models.CharField(max_length=12, choices=CooperationKind.choices)

    class Meta:
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "direction", "kind"], name="unique_cooperation"
            ),
            models.CheckConstraint(
                condition=Q(direction__in=CooperationDirection.values)
                & Q(kind__in=CooperationKind.values),
                name="cooperation_is_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_direction_display()} {self.get_kind_display()}"


class MembershipRole(models.TextChoices):
    # Context: an organization's own administrator, not the city's staff role of the same name.
    MEMBER = "member", pgettext_lazy("organization role", "Member")
    ADMIN = "admin", pgettext_lazy("organization role", "Administrator")


class Membership(models.Model):
    """A person acts for an organization as a member or its admin."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    created_at = models.DateTimeField(_("joined"), default=now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="unique_membership"),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values), name="membership_role_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organization} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == MembershipRole.ADMIN


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An admin invites someone by e-mail; the link works once, for the invited address."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=Q(accepted_at__isnull=True),
                name="one_open_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"


class JoinRequest(Decision):
    """A person asks to join an organization; its admins approve or reject."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(_("message to the organization"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=Q(status=DecisionStatus.PENDING),
                name="one_pending_join_request",
            ),
            models.CheckConstraint(
                condition=Q(status__in=DecisionStatus.values), name="join_status_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization}"


class LiaisonContact(models.Model):
    """M11: the city's named organization liaison, shown on the directory."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("organization liaison")
        verbose_name_plural = _("organization liaisons")

    def __str__(self) -> str:
        return self.name


class PracticesDocument(models.Model):
    """M10: one version of the cooperation-practices document. Published versions never change."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    change_summary = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("cooperation-practices document")
        verbose_name_plural = _("cooperation-practices documents")

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"
