import factory
from stdnum.fi import ytunnus

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now
from kumppani.organizations.models import (
    Membership,
    MembershipRole,
    Organization,
    OrganizationType,
)


def make_business_id(n: int) -> str:
    """A valid Y-tunnus (correct check digit) for sequence number n."""
    while True:
        body = f"{3000000 + n * 7:07d}"
        for digit in "0123456789":
            if ytunnus.is_valid(f"{body}-{digit}"):
                return f"{body}-{digit}"
        n += 1  # bodies whose remainder is 1 have no valid check digit


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Yhdistys {n} ry")
    name_fi = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"yhdistys-{n}")
    org_type = OrganizationType.REGISTERED_ASSOCIATION
    is_nonprofit = True
    business_id = factory.Sequence(make_business_id)
    association_number = factory.Sequence(lambda n: f"{200000 + n}")
    description = "Paikallinen yhdistys."
    public_email = factory.Sequence(lambda n: f"info{n}@yhdistys.example.org")

    class Params:
        verified = factory.Trait(
            status=DecisionStatus.APPROVED, decided_at=factory.LazyFunction(now)
        )
        rejected = factory.Trait(
            status=DecisionStatus.REJECTED,
            decided_at=factory.LazyFunction(now),
            reason="Not eligible",
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory("kumppani.accounts.tests.factories.UserFactory")
    role = MembershipRole.MEMBER
