import factory
from stdnum.fi import ytunnus

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now
from kumppani.organizations.models import (
    LiaisonContact,
    Membership,
    MembershipRole,
    Organization,
    OrganizationType,
    PracticesDocument,
)


def make_business_id(n: int) -> str:
    """A valid Y-tunnus (correct check digit) for sequence number n, distinct for every n."""
    for offset in range(7):  # bodies whose remainder is 1 have no valid check digit
        body = f"{3000000 + n * 7 + offset:07d}"
        for digit in "0123456789":
            if ytunnus.is_valid(f"{body}-{digit}"):
                return f"{body}-{digit}"
    raise ValueError(n)


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


class LiaisonContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiaisonContact

    name = "Liisa Yhteyshenkilö"
    title = "Järjestöyhdyshenkilö"
    title_fi = "Järjestöyhdyshenkilö"
    title_sv = "Organisationskontaktperson"
    title_en = "Organization liaison"
    email = "jarjestot@example.org"
    phone = "+358 9 123 4567"


class PracticesDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticesDocument

    version = factory.Sequence(lambda n: n + 1)
    title_fi = factory.Sequence(lambda n: f"Yhteistyön toimintatavat {n + 1}")
    title_sv = factory.Sequence(lambda n: f"Samarbetets verksamhetssätt {n + 1}")
    title_en = factory.Sequence(lambda n: f"Cooperation practices {n + 1}")
    body_fi = "Kaupunki ja järjestöt tekevät yhteistyötä."
    body_sv = "Staden och organisationerna samarbetar."
    body_en = "The city and organizations cooperate."
    published_at = factory.LazyFunction(now)
