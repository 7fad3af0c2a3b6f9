"""The administrators' staff-roles page: who may see it, granting, revoking, the audit trail."""

import pytest
from auditlog.models import LogEntry

from kumppani.accounts.forms import NO_SUCH_PERSON
from kumppani.accounts.models import Role, RoleAssignment
from kumppani.accounts.services import CANNOT_REVOKE_OWN_ADMINISTRATOR, ROLE_ALREADY_HELD

URL = "/fi/profile/roles/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 302),
        ("resident", 403),
        ("org_member", 403),
        ("org_admin", 403),
        ("liaison", 403),
        ("facility_manager", 403),
        ("moderator", 403),
        ("administrator", 200),
    ],
)
def test_roles_page_persona_matrix(client, request, persona, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == status
    if persona is None:
        assert response["Location"].startswith("/fi/accounts/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["resident", "org_admin", "grant_officer"])
def test_only_administrators_grant_or_revoke(client, request, persona, liaison):
    client.force_login(request.getfixturevalue(persona))
    assignment = liaison.role_assignments.get()
    assert client.post(URL, {"email": liaison.email, "role": "moderator"}).status_code == 403
    assert client.post(f"{URL}{assignment.pk}/revoke/").status_code == 403
    assert liaison.role_assignments.count() == 1


@pytest.mark.django_db
def test_page_lists_people_with_roles(
    client, administrator, liaison, resident, django_assert_max_num_queries
):
    client.force_login(administrator)
    with django_assert_max_num_queries(12):
        html = client.get(URL).content.decode()
    assert liaison.email in html
    assert resident.email not in html


@pytest.mark.django_db
def test_administrator_grants_a_role_by_email(client, administrator, resident):
    client.force_login(administrator)
    response = client.post(URL, {"email": resident.email.upper(), "role": Role.MODERATOR})
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=resident)
    assert assignment.role == Role.MODERATOR
    assert assignment.granted_by == administrator
    entry = LogEntry.objects.get_for_object(assignment).get()
    assert entry.actor == administrator
    assert entry.action == LogEntry.Action.CREATE


@pytest.mark.django_db
def test_granting_to_an_unknown_address_keeps_the_input(client, administrator):
    client.force_login(administrator)
    response = client.post(URL, {"email": "nobody@example.org", "role": Role.LIAISON})
    assert response.status_code == 200
    assert str(NO_SUCH_PERSON) in response.content.decode()
    assert 'value="nobody@example.org"' in response.content.decode()
    assert not RoleAssignment.objects.filter(user__email="nobody@example.org").exists()


@pytest.mark.django_db
def test_granting_a_role_twice_is_refused(client, administrator, liaison):
    client.force_login(administrator)
    response = client.post(URL, {"email": liaison.email, "role": Role.LIAISON})
    assert response.status_code == 200
    assert str(ROLE_ALREADY_HELD) in response.content.decode()
    assert liaison.role_assignments.count() == 1


@pytest.mark.django_db
def test_unknown_role_is_refused(client, administrator, resident):
    client.force_login(administrator)
    response = client.post(URL, {"email": resident.email, "role": "emperor"})
    assert response.status_code == 200
    assert not RoleAssignment.objects.filter(user=resident).exists()


@pytest.mark.django_db
def test_administrator_revokes_a_role(client, administrator, liaison):
    client.force_login(administrator)
    assignment = liaison.role_assignments.get()
    response = client.post(f"{URL}{assignment.pk}/revoke/")
    assert response.status_code == 302
    assert not liaison.role_assignments.exists()
    entry = LogEntry.objects.filter(action=LogEntry.Action.DELETE).get()
    assert entry.actor == administrator


@pytest.mark.django_db
def test_administrator_cannot_revoke_their_own_administrator_role(client, administrator):
    client.force_login(administrator)
    own = administrator.role_assignments.get(role=Role.ADMINISTRATOR)
    response = client.post(f"{URL}{own.pk}/revoke/", follow=True)
    assert str(CANNOT_REVOKE_OWN_ADMINISTRATOR) in response.content.decode()
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


@pytest.mark.django_db
def test_revoking_is_a_post_only(client, administrator, liaison):
    client.force_login(administrator)
    assignment = liaison.role_assignments.get()
    assert client.get(f"{URL}{assignment.pk}/revoke/").status_code == 405


@pytest.mark.django_db
def test_viewing_the_roles_list_is_logged(client, administrator):
    from kumppani.core.models import PersonalDataAccess

    client.force_login(administrator)
    client.get(URL)
    assert PersonalDataAccess.objects.get().viewer == administrator


@pytest.mark.django_db
def test_admin_site_lists_and_searches_people(client, liaison, resident):
    from kumppani.accounts.tests.factories import UserFactory

    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    listing = client.get("/fi/admin/accounts/user/", {"q": "resident@"})
    assert listing.status_code == 200
    assert resident.email in listing.content.decode()
    assert liaison.email not in listing.content.decode()
    change = client.get(f"/fi/admin/accounts/user/{liaison.pk}/change/")
    assert change.status_code == 200
    assert "role_assignments-0-role" in change.content.decode()
    assert client.get("/fi/admin/accounts/user/add/").status_code == 200
