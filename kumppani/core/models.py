from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now


class PersonalDataAccess(models.Model):
    """A staff member looked at someone's personal data (ARCHITECTURE: staff views are logged)."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    viewed_at = models.DateTimeField(default=now, db_index=True)
    what = models.CharField(max_length=200)
    object_repr = models.CharField(max_length=200)
    path = models.CharField(max_length=500)

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")

    def __str__(self) -> str:
        return f"{self.viewer} viewed {self.what} {self.object_repr} at {self.viewed_at:%Y-%m-%d %H:%M}"


class District(models.Model):
    """A city district (master data shared by organizations, facilities, grants, participation)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("identifier"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A field of activity: sports, culture, youth, social welfare, environment, …"""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("identifier"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name
