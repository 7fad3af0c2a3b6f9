"""Every view × every persona: who gets the page, who is sent to sign in, who is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kumppani.accounts.tests.factories import UserFactory
from kumppani.core.decisions import DecisionStatus
from kumppani.core.models import PersonalDataAccess
from kumppani.organizations import services
from kumppani.organizations.models import Membership
from kumppani.organizations.tests.factories import PracticesDocumentFactory

PERSONAS = [
    "anonymous",
    "resident",
    "org_member",
    "org_admin",
    "liaison",
    "grant_officer",
    "other_org_admin",
    "administrator",
]


def _codes(anonymous, resident, member, admin, liaison, grant, other, administrator):
    return dict(
        zip(
            PERSONAS,
            (anonymous, resident, member, admin, liaison, grant, other, administrator),
            strict=True,
        )
    )


PUBLIC = _codes(*[200] * 8)
SIGNED_IN = _codes(302, *[200] * 7)
LIAISON_ONLY = _codes(302, 403, 403, 403, 200, 403, 403, 200)
ADMIN_POST = _codes(302, 403, 403, 302, 403, 403, 403, 403)

# name: (method, url builder, expected codes)
MATRIX = {
    "directory": ("get", lambda s: reverse("organizations:directory"), PUBLIC),
    "detail": ("get", lambda s: reverse("organizations:detail", args=[s["org"].slug]), PUBLIC),
    "detail_unverified": (
        "get",
        lambda s: reverse("organizations:detail", args=[s["pending"].slug]),
        _codes(404, 404, 200, 200, 200, 404, 404, 200),
    ),
    "register": ("get", lambda s: reverse("organizations:register"), SIGNED_IN),
    "edit": (
        "get",
        lambda s: reverse("organizations:edit", args=[s["org"].slug]),
        _codes(302, 403, 403, 200, 403, 403, 403, 403),
    ),
    "edit_unverified": (
        "get",
        lambda s: reverse("organizations:edit", args=[s["pending"].slug]),
        _codes(302, 404, 403, 200, 403, 404, 404, 403),
    ),
    "members": (
        "get",
        lambda s: reverse("organizations:members", args=[s["org"].slug]),
        _codes(302, 403, 200, 200, 200, 403, 403, 200),
    ),
    "invite": ("post", lambda s: reverse("organizations:invite", args=[s["org"].slug]), ADMIN_POST),
    "join": (
        "post",
        lambda s: reverse("organizations:join", args=[s["org"].slug]),
        _codes(302, *[302] * 7),
    ),
    "join_unverified": (
        "post",
        lambda s: reverse("organizations:join", args=[s["pending"].slug]),
        _codes(302, 404, 302, 302, 302, 404, 404, 302),
    ),
    "decide_join_request": (
        "post",
        lambda s: reverse(
            "organizations:decide_join_request", args=[s["org"].slug, s["join_request"].pk]
        ),
        ADMIN_POST,
    ),
    "change_role": (
        "post",
        lambda s: reverse("organizations:change_role", args=[s["org"].slug, s["membership"].pk]),
        ADMIN_POST,
    ),
    "remove_member": (
        "post",
        lambda s: reverse("organizations:remove_member", args=[s["org"].slug, s["membership"].pk]),
        ADMIN_POST,
    ),
    "leave": (
        "post",
        lambda s: reverse("organizations:leave", args=[s["org"].slug]),
        _codes(302, 403, 302, 302, 403, 403, 403, 403),
    ),
    "invitation": (
        "get",
        lambda s: reverse("organizations:invitation", args=[s["invitation"].token]),
        _codes(302, *[403] * 7),
    ),
    "mine": ("get", lambda s: reverse("organizations:mine"), SIGNED_IN),
    "verification": ("get", lambda s: reverse("organizations:verification"), LIAISON_ONLY),
    "verify": (
        "get",
        lambda s: reverse("organizations:verify", args=[s["pending"].slug]),
        LIAISON_ONLY,
    ),
    "verify_post": (
        "post",
        lambda s: reverse("organizations:verify", args=[s["pending"].slug]),
        _codes(302, 403, 403, 403, 302, 403, 403, 302),
    ),
    "practices": ("get", lambda s: reverse("organizations:practices"), PUBLIC),
    "practices_version": (
        "get",
        lambda s: reverse("organizations:practices_version", args=[1]),
        PUBLIC,
    ),
    "practices_new": ("get", lambda s: reverse("organizations:practices_new"), LIAISON_ONLY),
    "liaisons": ("get", lambda s: reverse("organizations:liaisons"), LIAISON_ONLY),
}

POST_DATA = {
    "invite": {"email": "new@example.org", "role": "member"},
    "decide_join_request": {"decision": "approve"},
    "change_role": {"role": "member"},
    "verify_post": {"decision": "approved"},
}


@pytest.fixture
def scene(organization, org_member, org_admin):
    pending = services.register_organization(
        user=org_admin, profile={"name_fi": "Odottava ry", "org_type": "informal"}
    )
    Membership.objects.create(organization=pending, user=org_member)
    applicant = UserFactory()
    PracticesDocumentFactory(version=1)
    return {
        "org": organization,
        "pending": pending,
        "membership": Membership.objects.get(organization=organization, user=org_member),
        "join_request": services.request_to_join(organization=organization, user=applicant),
        "invitation": services.invite_member(
            organization=organization, invited_by=org_admin, email="invitee@example.org"
        ),
    }


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("view", list(MATRIX))
def test_persona_matrix(client, request, scene, view, persona):
    method, build_url, expected = MATRIX[view]
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    url = build_url(scene)
    response = getattr(client, method)(url, POST_DATA.get(view, {}))
    assert response.status_code == expected[persona], (view, persona)
    if response.status_code == 302 and persona == "anonymous":
        assert "/accounts/login/" in response["Location"]


def test_staff_view_of_member_list_is_logged(client, organization, org_member, liaison, org_admin):
    client.force_login(org_admin)
    client.get(reverse("organizations:members", args=[organization.slug]))
    assert not PersonalDataAccess.objects.exists()  # an admin is not staff looking in

    client.force_login(liaison)
    response = client.get(reverse("organizations:members", args=[organization.slug]))
    assert org_member.email in response.content.decode()
    access = PersonalDataAccess.objects.get()
    assert access.viewer == liaison
    assert access.object_repr == str(organization)


def test_members_see_names_but_not_emails(client, organization, org_member, org_admin):
    client.force_login(org_member)
    text = client.get(reverse("organizations:members", args=[organization.slug])).content.decode()
    assert org_admin.full_name in text
    assert org_admin.email not in text


def test_verification_queue_orders_pending_oldest_first_and_marks_overdue(
    client, liaison, org_admin
):
    import datetime as dt

    import time_machine

    from kumppani.core.time import now

    with time_machine.travel(now() - dt.timedelta(days=20), tick=False):
        old = services.register_organization(
            user=org_admin, profile={"name_fi": "Vanha ry", "org_type": "informal"}
        )
    new = services.register_organization(
        user=org_admin, profile={"name_fi": "Uusi ry", "org_type": "informal"}
    )
    client.force_login(liaison)
    response = client.get(reverse("organizations:verification"))
    assert list(response.context["page"].object_list) == [old, new]
    text = response.content.decode()
    assert text.index("Vanha ry") < text.index("Uusi ry")
    assert 'class="overdue"' in text
    assert old.status == DecisionStatus.PENDING
