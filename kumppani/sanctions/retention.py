"""Retention: a case is deleted 3 years after its sanction ends (or after closing), with its
evidence files; tips that never became a case go 3 years after they were closed."""

from __future__ import annotations

from django.db import transaction

from kumppani.core.time import today
from kumppani.sanctions import rules
from kumppani.sanctions.models import EvidencePhoto, Incident, Tip


def purge_expired_cases() -> int:
    """Deletes what has passed its retention date; returns how many cases went."""
    day = today()
    cutoff = rules.add_years(day, -rules.RETENTION_YEARS)
    with transaction.atomic():
        expired = Incident.objects.expired(day)
        old_tips = Tip.objects.filter(incident__isnull=True, handled_at__date__lt=cutoff)
        photos = list(
            EvidencePhoto.objects.filter(incident__in=expired).values_list("file", flat=True)
        ) + list(EvidencePhoto.objects.filter(tip__in=old_tips).values_list("file", flat=True))
        count = expired.count()
        expired.delete()
        old_tips.delete()
        transaction.on_commit(lambda: _delete_files(photos))
    return count


def _delete_files(names: list[str]) -> None:
    storage = EvidencePhoto._meta.get_field("file").storage
    for name in names:
        if name:
            storage.delete(name)
