from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with an e-mail address; acts for organizations through memberships."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the admin site"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_role(self, role: str) -> bool:
        if not self.is_authenticated or not self.is_active:
            return False
        if self.is_superuser:
            return True
        roles = self._role_cache()
        return role in roles or Role.ADMINISTRATOR in roles

    @property
    def is_city_staff(self) -> bool:
        return self.is_active and (self.is_superuser or bool(self._role_cache()))

    def _role_cache(self) -> set[str]:
        if not hasattr(self, "_roles"):
            self._roles = set(self.role_assignments.values_list("role", flat=True))
        return self._roles


class Role(models.TextChoices):
    FACILITY_MANAGER = "facility_manager", _("Facility manager")
    GRANT_OFFICER = "grant_officer", _("Grant officer")
    LIAISON = "liaison", _("Organization liaison")
    MODERATOR = "moderator", _("Moderator")
    ADMINISTRATOR = "administrator", _("Administrator")


class RoleAssignment(models.Model):
    """A staff role held by a person. Scopes (units, programmes) live in the apps that own them."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted at"), default=now)
    granted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="unique_role_per_user"),
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]), name="role_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"
