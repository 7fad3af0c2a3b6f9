"""Factories with named scenarios for the catalogue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from kumppani.accounts.models import Role
from kumppani.accounts.tests.factories import UserFactory
from kumppani.core.models import District
from kumppani.facilities import services
from kumppani.facilities.models import (
    CustomerGroup,
    Facility,
    FacilityType,
    Price,
    PriceBasis,
    Season,
    Unit,
    UnitType,
    WeeklyHours,
)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kaupunginosa {n}")
    name_fi = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"kaupunginosa-{n}")


def staff_member(**kwargs):
    return UserFactory.staff(role=Role.FACILITY_MANAGER, **kwargs)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Koulu {n}")
    name_fi = factory.SelfAttribute("name")
    name_sv = factory.Sequence(lambda n: f"Skola {n}")
    name_en = factory.Sequence(lambda n: f"School {n}")
    slug = factory.Sequence(lambda n: f"koulu-{n}")
    unit_type = UnitType.SCHOOL
    responsible = factory.LazyFunction(staff_member)

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if create and extracted:
            self.managers.set(extracted)


class FacilityFactory(factory.django.DjangoModelFactory):
    """A published, undivided meeting room; `parts=["A", "B"]` makes it divisible."""

    class Meta:
        model = Facility
        skip_postgeneration_save = True

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"Kokoushuone {n}")
    name_fi = factory.SelfAttribute("name")
    name_sv = factory.Sequence(lambda n: f"Mötesrum {n}")
    name_en = factory.Sequence(lambda n: f"Meeting room {n}")
    slug = factory.Sequence(lambda n: f"kokoushuone-{n}")
    facility_type = FacilityType.MEETING_ROOM
    capacity = 20
    published = True
    responsible = factory.LazyAttribute(lambda o: o.unit.responsible)

    @factory.post_generation
    def parts(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted:
            services.save_parts(
                facility=self,
                parts=[
                    services.PartData(
                        code=code.lower(), name_fi=f"Osa {code}", name_en=f"Part {code}"
                    )
                    for code in extracted
                ],
            )
        else:
            services.create_whole_part(facility=self)


def with_hours(facility, days=range(7), opens=dt.time(8), closes=dt.time(21)) -> Season:
    season = Season.objects.create(facility=facility)
    WeeklyHours.objects.bulk_create(
        WeeklyHours(season=season, weekday=day, opens=opens, closes=closes) for day in days
    )
    services.touch(facility)  # bulk_create sends no signals
    return season


def with_price(facility, group=CustomerGroup.PRIVATE, amount="20.00", **kwargs) -> Price:
    kwargs.setdefault("valid_from", dt.date(2026, 1, 1))
    kwargs.setdefault("basis", PriceBasis.PER_HOUR)
    kwargs.setdefault("vat_percent", Decimal("25.5"))
    return Price.objects.create(
        facility=facility, customer_group=group, amount_eur=Decimal(amount), **kwargs
    )
