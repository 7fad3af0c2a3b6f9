"""Drafting and publishing versions of the sanctions policy (M9d)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.sanctions.models import LadderStep, SanctionPolicy

ALREADY_PUBLISHED = _("A published version cannot be changed; draft a new version instead.")
NO_STEPS = _("Give at least one step of consequences before publishing.")
STEP_ORDER_GAPS = _("Number the steps 1, 2, 3… without gaps.")
LANGS = ("fi", "sv", "en")
TRANSLATED = ("title", "introduction", "change_summary")


def draft_policy(*, created_by) -> SanctionPolicy:
    """A new draft, copied from the version in force (or empty) so that staff edit the changes."""
    with transaction.atomic():
        existing = SanctionPolicy.objects.select_for_update().drafts().first()
        if existing is not None:
            # One draft at a time, so that the newest published version is always in force.
            return existing
        base = SanctionPolicy.objects.in_force()
        last = SanctionPolicy.objects.aggregate(v=Max("version"))["v"] or 0
        policy = SanctionPolicy(version=last + 1, created_by=created_by, created_at=now())
        for field in TRANSLATED:
            for lang in LANGS:
                name = f"{field}_{lang}"
                value = getattr(base, name, "") if base and field != "change_summary" else ""
                setattr(policy, name, value or "")
        if not policy.title_fi:
            policy.title_fi = "Väärinkäytösten seuraamukset"
        if not policy.introduction_fi:
            policy.introduction_fi = "-"
        policy.save()
        if base:
            LadderStep.objects.bulk_create(
                LadderStep(
                    policy=policy,
                    order=step.order,
                    consequence=step.consequence,
                    months=step.months,
                    **{
                        f"description_{lang}": getattr(step, f"description_{lang}")
                        for lang in LANGS
                    },
                )
                for step in base.steps.all()
            )
    return policy


def save_policy(*, policy: SanctionPolicy, texts: dict, steps: list[dict]) -> SanctionPolicy:
    """Replaces the draft's texts and ladder rows in one transaction."""
    with transaction.atomic():
        policy = SanctionPolicy.objects.select_for_update().get(pk=policy.pk)
        if policy.is_published:
            raise ValidationError(ALREADY_PUBLISHED, code="published")
        orders = sorted(step["order"] for step in steps)
        if orders != list(range(1, len(orders) + 1)):
            raise ValidationError(STEP_ORDER_GAPS, code="step_order")
        for name, value in texts.items():
            setattr(policy, name, value)
        policy.full_clean()
        policy.save()
        policy.steps.all().delete()
        rows = [LadderStep(policy=policy, **step) for step in steps]
        for row in rows:
            row.full_clean(exclude=["policy"])
        LadderStep.objects.bulk_create(rows)
    return policy


def publish_policy(*, policy: SanctionPolicy, published_by) -> SanctionPolicy:
    """From now on this version is in force: new bookings record it (bookings' terms label)."""
    with transaction.atomic():
        policy = SanctionPolicy.objects.select_for_update().get(pk=policy.pk)
        if policy.is_published:
            raise ValidationError(ALREADY_PUBLISHED, code="published")
        if not policy.steps.exists():
            raise ValidationError(NO_STEPS, code="no_steps")
        policy.published_at = now()
        policy.published_by = published_by
        policy.save(update_fields=["published_at", "published_by"])
    return policy


def delete_draft(*, policy: SanctionPolicy) -> None:
    with transaction.atomic():
        policy = SanctionPolicy.objects.select_for_update().get(pk=policy.pk)
        if policy.is_published:
            raise ValidationError(ALREADY_PUBLISHED, code="published")
        policy.delete()
