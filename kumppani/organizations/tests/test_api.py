"""GET /api/v1/organizations/: verified organizations only, no private person's data."""

from __future__ import annotations

import json

import pytest

from kumppani.organizations.models import Cooperation
from kumppani.organizations.tests.factories import MembershipFactory, OrganizationFactory
from kumppani.organizations.tests.helpers import master_data

LIST = "/api/v1/organizations/"


@pytest.fixture
def orgs(db):
    refs = master_data()
    club = OrganizationFactory(
        verified=True,
        name_fi="Kallion Pallo ry",
        name_sv="Berghälls Boll rf",
        name_en="Kallio Ball Club",
        description_sv="Fotboll för unga.",
    )
    club.themes.add(refs["theme"])
    club.districts.add(refs["district"])
    club.languages.add(refs["swedish"])
    Cooperation.objects.create(organization=club, direction="offers", kind="venues")
    Cooperation.objects.create(organization=club, direction="seeks", kind="volunteers")
    MembershipFactory(
        organization=club,
        role="admin",
        user__full_name="Pekka Yksityinen",
        user__email="pekka@example.org",
    )
    company = OrganizationFactory(verified=True, name_fi="Teatteri Oy", org_type="company")
    company.themes.add(refs["culture"])
    hidden = OrganizationFactory(name_fi="Odottava ry")
    rejected = OrganizationFactory(rejected=True, name_fi="Hylätty ry")
    return {"club": club, "company": company, "hidden": hidden, "rejected": rejected}


def test_list_shows_verified_organizations_with_their_profile(client, orgs):
    response = client.get(LIST)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    club = next(item for item in data["results"] if item["id"] == orgs["club"].pk)
    assert club["name_sv"] == "Berghälls Boll rf"
    assert club["name_en"] == "Kallio Ball Club"
    assert club["type"] == "association"
    assert club["business_id"] == orgs["club"].business_id
    assert club["themes"] == [
        {"slug": "sports", "name_fi": "Liikunta", "name_sv": "Idrott", "name_en": "Sports"}
    ]
    assert club["districts"][0]["slug"] == "kallio"
    assert club["offers"] == ["venues"]
    assert club["seeks"] == ["volunteers"]
    assert club["public_email"] == orgs["club"].public_email


def test_no_private_person_data(client, orgs):
    text = json.dumps(client.get(LIST).json()) + json.dumps(
        client.get(f"{LIST}{orgs['club'].pk}/").json()
    )
    assert "Pekka" not in text
    assert "pekka@example.org" not in text
    assert "created_by" not in text and "decided_by" not in text


def test_detail_and_unverified_hidden(client, orgs):
    assert client.get(f"{LIST}{orgs['club'].pk}/").json()["slug"] == orgs["club"].slug
    assert client.get(f"{LIST}{orgs['hidden'].pk}/").status_code == 404
    assert client.get(f"{LIST}{orgs['rejected'].pk}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("type=company", ["company"]),
        ("theme=sports", ["club"]),
        ("district=kallio", ["club"]),
        ("language=sv", ["club"]),
        ("offers=venues", ["club"]),
        ("seeks=volunteers", ["club"]),
        ("seeks=venues", []),
        ("q=fotboll", ["club"]),
        ("q=teatteri", ["company"]),
    ],
)
def test_filters(client, orgs, params, expected):
    data = client.get(f"{LIST}?{params}").json()
    assert sorted(item["id"] for item in data["results"]) == sorted(
        orgs[name].pk for name in expected
    )


def test_unknown_filter_value_is_a_clear_400(client, orgs):
    response = client.get(f"{LIST}?type=castle")
    assert response.status_code == 400
    assert "type" in response.json()


def test_pagination(client, db):
    for n in range(5):
        OrganizationFactory(verified=True, name_fi=f"Seura {n}")
    data = client.get(f"{LIST}?page_size=2&page=2").json()
    assert data["count"] == 5 and len(data["results"]) == 2 and data["next"]


def test_schema_lists_the_endpoints_and_filters(client, db):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/organizations/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "type", "theme", "district", "language", "offers", "seeks", "page"} <= names
    assert "/api/v1/organizations/{id}/" in schema["paths"]
