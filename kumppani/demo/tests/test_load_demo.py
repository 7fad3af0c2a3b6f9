import sys
import types
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from stdnum.fi import associationid, ytunnus

from kumppani.accounts.models import Role, RoleAssignment, User
from kumppani.core.decisions import DecisionStatus
from kumppani.core.models import District, Theme
from kumppani.demo.data.organizations import ORGANIZATIONS
from kumppani.demo.data.people import PEOPLE
from kumppani.demo.loader import DEMO_PASSWORD
from kumppani.organizations.models import (
    Cooperation,
    JoinRequest,
    Language,
    LiaisonContact,
    Membership,
    MembershipRole,
    Organization,
    OrganizationType,
    PracticesDocument,
    TargetGroup,
)

COUNTED = [
    District,
    Theme,
    TargetGroup,
    Language,
    Organization,
    Cooperation,
    Membership,
    JoinRequest,
    User,
    EmailAddress,
    RoleAssignment,
    LiaisonContact,
    PracticesDocument,
]


def load() -> str:
    out = StringIO()
    call_command("load_demo", force=True, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    load()
    first = counts()
    load()
    assert counts() == first
    assert first["Organization"] == len(ORGANIZATIONS) >= 30
    assert 8 <= first["District"] <= 10
    assert first["Theme"] == 10


@pytest.mark.django_db
def test_every_demo_identifier_is_valid():
    load()
    for organization in Organization.objects.all():
        if organization.business_id:
            assert ytunnus.is_valid(organization.business_id), organization
        if organization.association_number:
            assert associationid.is_valid(organization.association_number), organization
    with_ids = Organization.objects.exclude(business_id="", association_number="")
    assert with_ids.count() >= 25


@pytest.mark.django_db
def test_the_demo_city_has_every_kind_of_organization():
    load()
    assert set(Organization.objects.values_list("org_type", flat=True)) == set(
        OrganizationType.values
    )
    statuses = list(Organization.objects.values_list("status", flat=True))
    assert statuses.count(DecisionStatus.REJECTED) == 1
    assert statuses.count(DecisionStatus.PENDING) >= 2
    assert statuses.count(DecisionStatus.APPROVED) > len(statuses) / 2
    rejected = Organization.objects.get(status=DecisionStatus.REJECTED)
    assert rejected.reason and rejected.decided_by.email == "liaison@example.org"
    assert not Organization.objects.filter(
        status=DecisionStatus.APPROVED, decided_at__isnull=True
    ).exists()
    kaiku = Organization.objects.get(slug="kulttuuriyhdistys-kaiku")
    assert kaiku.name_sv == "Kulturföreningen Kaiku rf"
    assert kaiku.description_en.startswith("Kaiku brings")
    assert kaiku.themes.exists() and kaiku.districts.exists()
    assert kaiku.cooperations.filter(direction="seeks", kind="venues").exists()


@pytest.mark.django_db
def test_demo_people_have_their_roles_and_memberships():
    load()
    orgadmin = User.objects.get(email="orgadmin@example.org")
    roles = dict(Membership.objects.filter(user=orgadmin).values_list("organization__slug", "role"))
    assert list(roles.values()).count(MembershipRole.ADMIN) == 2
    assert list(roles.values()).count(MembershipRole.MEMBER) == 1
    assert User.objects.get(email="liaison@example.org").has_role(Role.LIAISON)
    assert User.objects.get(email="facilities@example.org").has_role(Role.FACILITY_MANAGER)
    assert not User.objects.get(email="facilities@example.org").has_role(Role.GRANT_OFFICER)
    assert not User.objects.get(email="resident@example.org").is_city_staff
    admin = User.objects.get(email="admin@example.org")
    assert admin.is_superuser and admin.is_staff and admin.has_role(Role.ADMINISTRATOR)
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(PEOPLE)
    assert LiaisonContact.objects.get().user.email == "liaison@example.org"
    document = PracticesDocument.objects.get(version=1)
    assert document.published_at is not None
    assert len(document.body_fi) > 2000 and len(document.body_sv) > 2000
    assert "liaison" in document.body_en


@pytest.mark.django_db
@pytest.mark.parametrize("person", PEOPLE, ids=lambda person: person.email)
def test_demo_people_sign_in_through_the_form(client, person):
    load()
    response = client.post(
        "/fi/accounts/login/", {"login": person.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(User.objects.get(email=person.email).pk)


@pytest.mark.django_db
def test_a_changed_demo_password_is_restored():
    load()
    resident = User.objects.get(email="resident@example.org")
    resident.set_password("something-else-entirely")
    resident.save()
    load()
    resident.refresh_from_db()
    assert resident.check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_the_sign_ins_are_printed():
    output = load()
    for person in PEOPLE:
        assert person.email in output
    assert DEMO_PASSWORD in output


@pytest.mark.django_db
def test_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_later_apps_add_their_demo_data_through_the_pipeline(monkeypatch):
    calls = []
    module = types.ModuleType("kumppani.channels.demo")
    module.load = lambda stdout: calls.append(Organization.objects.count())
    monkeypatch.setitem(sys.modules, "kumppani.channels.demo", module)
    load()
    assert calls == [len(ORGANIZATIONS)]
