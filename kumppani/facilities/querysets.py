"""Reusable reads of the catalogue: published facilities, search and filters, needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Exists, OuterRef, Q

from kumppani.accounts.models import Role

SEARCH_FIELDS = (
    "name_fi",
    "name_sv",
    "name_en",
    "description_fi",
    "description_sv",
    "description_en",
    "street_address",
    "unit__name_fi",
    "unit__name_sv",
    "unit__name_en",
)


@dataclass
class CatalogueFilter:
    """What the catalogue page, its CSV, the API and the benchmark filter by."""

    q: str = ""
    facility_type: str = ""
    district: int | None = None
    capacity_min: int | None = None
    equipment: list[int] = field(default_factory=list)
    accessibility: list[int] = field(default_factory=list)
    free_for_nonprofits: bool = False
    unit: int | None = None


class UnitQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The units whose facilities `user` may edit: administrators all, managers theirs."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ADMINISTRATOR):
            return self.all()
        if user.has_role(Role.FACILITY_MANAGER):
            return self.filter(managers=user)
        return self.none()


class FacilityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def managed_by(self, user):
        from kumppani.facilities.models import Unit

        return self.filter(unit__in=Unit.objects.managed_by(user))

    def search(self, text: str):
        """Words found in the name, description, address or unit in any of the three languages."""
        result = self
        for word in text.split()[:8]:
            condition = Q()
            for name in SEARCH_FIELDS:
                condition |= Q(**{f"{name}__icontains": word})
            result = result.filter(condition)
        return result

    def with_all_of(self, relation: str, ids: Iterable[int]):
        """Facilities having every one of the given equipment / accessibility ids."""
        result = self
        through = getattr(self.model, relation).through
        for pk in set(ids):
            result = result.filter(
                Exists(
                    through.objects.filter(
                        facility_id=OuterRef("pk"), **{f"{_target(relation)}_id": pk}
                    )
                )
            )
        return result

    def filtered(self, spec: CatalogueFilter):
        result = self
        if spec.q:
            result = result.search(spec.q)
        if spec.facility_type:
            result = result.filter(facility_type=spec.facility_type)
        if spec.district:
            result = result.filter(district_id=spec.district)
        if spec.capacity_min:
            result = result.filter(capacity__gte=spec.capacity_min)
        if spec.unit:
            result = result.filter(unit_id=spec.unit)
        if spec.free_for_nonprofits:
            result = result.filter(free_for_nonprofits=True)
        result = result.with_all_of("equipment", spec.equipment)
        return result.with_all_of("accessibility", spec.accessibility)

    def for_listing(self):
        return self.select_related("unit", "district").prefetch_related("accessibility")


def _target(relation: str) -> str:
    return {"equipment": "equipment", "accessibility": "accessibilityfeature"}[relation]


class NeedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Authors, members of the need's organization, and facility staff."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.FACILITY_MANAGER):
            return self.all()
        return self.filter(
            Q(user=user) | Q(organization__memberships__user=user) | Q(recorded_by=user)
        ).distinct()
