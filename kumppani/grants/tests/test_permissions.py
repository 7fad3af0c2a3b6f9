"""The persona matrix on every view: an organization never sees another's applications;
officers see only their programmes; the public sees decisions, never persons."""

from decimal import Decimal

import pytest

from kumppani.grants.tests.factories import ApplicationFactory, CallFactory, make_decision

PERSONAS = [
    "anonymous",
    "resident",
    "org_member",
    "org_admin",
    "other_org_admin",
    "grant_officer",
    "other_officer",
    "facility_manager",
    "administrator",
]


@pytest.fixture
def world(call, programme, organization, grant_officer, other_officer, other_programme):
    draft = ApplicationFactory(call=call, organization=organization)
    earlier = CallFactory(programme=programme, closed=True)
    decided = ApplicationFactory(call=earlier, organization=organization, submitted=True)
    decision = make_decision(decided, Decimal("1000"))
    return {"call": call, "draft": draft, "decision": decision, "organization": organization}


@pytest.fixture
def as_persona(client, request):
    def login(name):
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return login


def expected(table, persona):
    return table.get(persona, table.get("*"))


PUBLIC = {"*": 200}
SIGNED_IN = {"anonymous": 302, "*": 200}
APPLICANT_ONLY = {"anonymous": 302, "org_admin": 200, "*": 404}
OFFICERS = {
    "anonymous": 302,
    "grant_officer": 200,
    "other_officer": 200,
    "administrator": 200,
    "*": 403,
}
PROGRAMME_OFFICER = {
    "anonymous": 302,
    "grant_officer": 200,
    "administrator": 200,
    "other_officer": 404,
    "*": 403,
}
DECISION_DOCUMENT = {
    "anonymous": 302,
    "org_admin": 200,
    "grant_officer": 200,
    "administrator": 200,
    "*": 404,
}


def urls(world):
    draft, decision, call = world["draft"], world["decision"], world["call"]
    org = world["organization"]
    return [
        ("/en/grants/", PUBLIC),
        ("/en/grants/calls/", PUBLIC),
        (f"/en/grants/calls/{call.pk}/", PUBLIC),
        (f"/en/grants/organizations/{org.slug}/", PUBLIC),
        ("/en/grants/applications/", SIGNED_IN),
        (f"/en/grants/calls/{call.pk}/apply/", SIGNED_IN),
        (f"/en/grants/applications/{draft.pk}/", APPLICANT_ONLY),
        (f"/en/grants/applications/{draft.pk}/edit/", APPLICANT_ONLY),
        (f"/en/grants/organizations/{org.slug}/applicants/", APPLICANT_ONLY),
        (f"/en/grants/decisions/{decision.pk}/", DECISION_DOCUMENT),
        ("/en/grants/handling/", OFFICERS),
        ("/en/grants/handling/calls/new/", OFFICERS),
        (f"/en/grants/handling/calls/{call.pk}/", PROGRAMME_OFFICER),
        (f"/en/grants/handling/applications/{decision.application_id}/", PROGRAMME_OFFICER),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_for_every_persona(world, as_persona, persona):
    decision = world["decision"]
    # Make the decided application the organization's own for the document check.
    application = decision.application
    application.organization = world["organization"]
    application.save()
    client = as_persona(persona)
    for url, table in urls(world):
        if url.startswith("/en/grants/handling/applications/") and persona == "anonymous":
            pass
        response = client.get(url)
        assert response.status_code == expected(table, persona), (persona, url)


ACTION_RULES = {
    "anonymous": 302,
    "grant_officer": 400,  # allowed, but the empty form is refused
    "administrator": 400,
    "other_officer": 404,
    "*": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_officer_actions_for_every_persona(
    call, organization, as_persona, persona, other_programme
):
    application = ApplicationFactory(call=call, organization=organization, submitted=True)
    client = as_persona(persona)
    base = f"/en/grants/handling/applications/{application.pk}"
    for action in ("additions", "propose", "decide"):
        response = client.post(f"{base}/{action}/", {})
        assert response.status_code == expected(ACTION_RULES, persona), (persona, action)
    application.refresh_from_db()
    assert application.status == "submitted"


APPLICANT_ACTIONS = {"anonymous": 302, "org_admin": 302, "*": 404}


@pytest.mark.parametrize("persona", PERSONAS)
def test_applicant_actions_for_every_persona(
    call, organization, as_persona, persona, other_programme
):
    application = ApplicationFactory(call=call, organization=organization)
    client = as_persona(persona)
    response = client.post(
        f"/en/grants/applications/{application.pk}/edit/", {"action": "save", "purpose": "Muutos"}
    )
    status = expected(APPLICANT_ACTIONS, persona)
    assert response.status_code in ((status,) if status != 302 else (302, 400))
    application.refresh_from_db()
    assert (application.purpose == "Muutos") is (persona == "org_admin")


def test_applicant_lists_only_their_organizations_applications(
    client, call, organization, org_admin, other_org_admin, other_organization
):
    mine = ApplicationFactory(call=call, organization=organization, purpose="Oma hanke")
    theirs = ApplicationFactory(call=call, organization=other_organization, purpose="Toisen hanke")
    client.force_login(org_admin)
    page = client.get("/en/grants/applications/").text
    assert mine.call.title in page and f"/applications/{mine.pk}/" in page
    assert f"/applications/{theirs.pk}/" not in page
    assert client.get(f"/en/grants/applications/{theirs.pk}/").status_code == 404
    client.force_login(other_org_admin)
    assert client.get(f"/en/grants/applications/{mine.pk}/edit/").status_code == 404


def test_officer_lists_only_their_programmes(
    client, call, other_programme, grant_officer, other_officer
):
    theirs = CallFactory(
        programme=other_programme, title="Toisen ohjelman haku", title_fi="Toisen ohjelman haku"
    )
    client.force_login(grant_officer)
    page = client.get("/en/grants/handling/").text
    assert call.title in page and theirs.title not in page
