"""The demo cases load at their stages, and loading again changes nothing."""

import io

from kumppani.accounts.tests.factories import UserFactory
from kumppani.bookings.tests.factories import bookable_facility
from kumppani.organizations.models import MembershipRole
from kumppani.organizations.tests.factories import MembershipFactory, OrganizationFactory
from kumppani.sanctions import demo
from kumppani.sanctions.enforcement import booking_check
from kumppani.sanctions.models import Incident, SanctionPolicy


def test_demo_cases_at_each_stage(db, django_capture_on_commit_callbacks):
    manager = UserFactory.staff(email=demo.MANAGER)
    facility = bookable_facility()
    facility.unit.managers.add(manager)
    UserFactory(email=demo.RESIDENT)
    org_admin = UserFactory(email=demo.ORG_ADMIN)
    club = OrganizationFactory(verified=True, slug=demo.BANNED_ORGANIZATION)
    MembershipFactory(organization=club, user=org_admin, role=MembershipRole.ADMIN)

    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert SanctionPolicy.objects.in_force().steps.count() == 4
    assert sorted(Incident.objects.values_list("stage", flat=True)) == [
        "decided",
        "hearing",
        "reconsideration",
        "reported",
    ]
    assert booking_check(org_admin, club, facility, facility.created_at)
    assert booking_check(org_admin, None, facility, facility.created_at) is None
