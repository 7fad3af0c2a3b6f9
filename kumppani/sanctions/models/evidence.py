"""Evidence: tips from the next users of a space, and photos kept in private storage."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import local, now
from kumppani.sanctions.models.cases import Incident, photo_path
from kumppani.sanctions.models.policy import MisuseKind
from kumppani.sanctions.querysets import TipQuerySet
from kumppani.sanctions.storage import private_storage

MAX_PHOTO_BYTES = 5 * 1024 * 1024


class Tip(models.Model):
    """The next user of a space tells staff what they found; staff may make it an incident."""

    facility = models.ForeignKey(
        "facilities.Facility",
        verbose_name=_("facility"),
        on_delete=models.CASCADE,
        related_name="misuse_tips",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("kind of misuse"), max_length=20, choices=MisuseKind.choices)
    description = models.TextField(_("what you found"), max_length=5000)
    noticed_at = models.DateTimeField(_("when you noticed it"))
    created_at = models.DateTimeField(default=now)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.SET_NULL, null=True, blank=True, related_name="tips"
    )

    objects = TipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tip about misuse")
        verbose_name_plural = _("tips about misuse")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=MisuseKind.values), name="tip_kind_known"),
        ]

    def __str__(self) -> str:
        return f"{self.facility}: {self.get_kind_display()} {local(self.noticed_at):%Y-%m-%d}"


class EvidencePhoto(models.Model):
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, null=True, blank=True, related_name="photos"
    )
    tip = models.ForeignKey(
        Tip, on_delete=models.CASCADE, null=True, blank=True, related_name="photos"
    )
    file = models.FileField(_("photo"), upload_to=photo_path, storage=private_storage)
    content_type = models.CharField(max_length=20)
    extension = models.CharField(max_length=5)
    size = models.PositiveIntegerField()
    description = models.CharField(_("what the photo shows"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence photo")
        verbose_name_plural = _("evidence photos")
        constraints = [
            models.CheckConstraint(
                condition=Q(incident__isnull=False) | Q(tip__isnull=False),
                name="photo_belongs_to_case_or_tip",
            ),
            models.CheckConstraint(
                condition=Q(size__lte=MAX_PHOTO_BYTES), name="photo_at_most_5_mb"
            ),
            models.CheckConstraint(
                condition=Q(content_type__in=["image/jpeg", "image/png", "image/webp"]),
                name="photo_type_allowed",
            ),
        ]

    def __str__(self) -> str:
        return self.description or f"{self.pk}.{self.extension}"
