"""Public grant data (M15): the grants page, the API, CSV and the 360Giving package."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.http import StreamingHttpResponse

from kumppani.core.models import District, Theme
from kumppani.core.time import HELSINKI
from kumppani.grants.open_data import CSV_COLUMNS
from kumppani.grants.tests.factories import (
    ApplicationFactory,
    CallFactory,
    ProgrammeFactory,
    make_decision,
)
from kumppani.organizations.tests.factories import OrganizationFactory

SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared/data/360giving"


@pytest.fixture
def published(db, org_admin, organization):
    """Decisions over two years and two programmes; one organization without a Business ID."""
    theme = Theme.objects.create(name="Nuoriso", slug="youth")
    district = District.objects.create(name="Keskusta", slug="centre")
    organization.themes.add(theme)
    organization.districts.add(district)
    operating = ProgrammeFactory(
        slug="operating", name="Toiminta-avustus", name_fi="Toiminta-avustus"
    )
    project = ProgrammeFactory(slug="project", name="Projektiavustus", name_fi="Projektiavustus")
    no_id = OrganizationFactory(
        verified=True, business_id="", name="Pihapiiri", name_fi="Pihapiiri"
    )
    rows = [
        (operating, organization, "2000", 2029),
        (operating, no_id, "1500", 2029),
        (project, organization, "0", 2030),
        (project, no_id, "2500", 2030),
    ]
    decisions = []
    for programme, org, amount, year in rows:
        call = CallFactory(programme=programme, closed=True)
        application = ApplicationFactory(
            call=call, organization=org, submitted=True, purpose=f"Tarkoitus {year}"
        )
        at = dt.datetime(year, 5, 1, 12, tzinfo=HELSINKI)
        decisions.append(
            make_decision(
                application, Decimal(amount), report_due_on=dt.date(year + 1, 1, 31), at=at
            )
        )
    return {"decisions": decisions, "org": organization, "no_id": no_id}


def streamed(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def test_grants_page_shows_decisions_totals_and_criteria(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get("/en/grants/")
    text = response.text
    assert response.status_code == 200
    assert "Pihapiiri" in text and "Tarkoitus 2030" in text
    assert "Totals per year and programme" in text
    assert "Vaikuttavuus" in text  # programme criteria
    assert "/open-data/grants.json" in text and "CC BY 4.0" in text
    totals = response.context["totals"]
    by_key = {(row["year"], row["programme"].slug): row for row in totals}
    assert by_key[(2029, "operating")]["granted"] == Decimal("3500")
    assert by_key[(2030, "project")]["granted"] == Decimal("2500")
    assert by_key[(2030, "project")]["count"] == 2 and by_key[(2030, "project")]["awarded"] == 1
    assert f"/en/grants/organizations/{published['org'].slug}/" in text


def test_grants_page_query_count_does_not_grow(client, published, django_assert_max_num_queries):
    for _ in range(30):
        make_decision(ApplicationFactory(submitted=True), Decimal(100))
    with django_assert_max_num_queries(12):
        assert client.get("/en/grants/").status_code == 200


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("year=2029", 2),
        ("programme=project", 2),
        ("theme=youth", 2),
        ("district=centre", 2),
        ("q=Pihapiiri", 2),
        ("year=2030&programme=project&theme=youth", 1),
        ("year=1999", 0),
    ],
)
def test_grants_page_filters(client, published, query, count):
    response = client.get(f"/en/grants/?{query}")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == count


def test_bad_filter_values_do_not_break_the_page(client, published):
    response = client.get("/en/grants/?year=abc&programme=nope&page=999")
    assert response.status_code == 200


def test_organization_grants_page(client, published):
    response = client.get(f"/fi/grants/organizations/{published['org'].slug}/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2
    assert client.get("/fi/grants/organizations/no-such/").status_code == 404


def test_applicant_person_never_appears_in_public_data(client, published, org_admin):
    for url in (
        "/en/grants/",
        "/api/v1/grants/",
        "/open-data/grants.json",
        "/open-data/grants.csv",
    ):
        response = client.get(url)
        text = streamed(response) if response.streaming else response.text
        assert org_admin.full_name not in text and org_admin.email not in text


def test_api_lists_public_decisions_with_filters(client, published):
    data = client.get("/api/v1/grants/").json()
    assert data["count"] == 4
    first = data["results"][0]
    assert set(first) >= {
        "id",
        "organization",
        "programme",
        "call",
        "purpose",
        "amount_requested",
        "amount_granted",
        "decision_date",
        "currency",
    }
    assert first["id"].startswith("360G-kumppani-")
    assert client.get("/api/v1/grants/?year=2029").json()["count"] == 2
    assert client.get("/api/v1/grants/?programme=project").json()["count"] == 2
    assert (
        client.get(f"/api/v1/grants/?organization={published['no_id'].slug}").json()["count"] == 2
    )
    assert client.get("/api/v1/grants/?theme=youth").json()["count"] == 2
    assert client.get("/api/v1/grants/?district=centre&year=2030").json()["count"] == 1
    assert client.get("/api/v1/grants/?granted=true").json()["count"] == 3
    assert client.get("/api/v1/grants/?page_size=1").json()["next"]


def test_api_is_in_the_openapi_schema(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/grants/" in schema
    assert "programme" in schema


def test_csv_columns_and_rows(client, published):
    response = client.get("/open-data/grants.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(streamed(response).lstrip("\ufeff"))))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 5
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["currency"] == "EUR"
    assert record["recipient_org_id"] == f"FI-PRO-{published['org'].business_id}"
    assert record["decision_date"] == "2029-05-01"
    no_id = [dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[3] == "Pihapiiri"][0]
    assert no_id["recipient_org_id"].startswith("360G-kumppani-")


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    pytest.importorskip("rfc3339_validator")
    if not SCHEMA_DIR.is_dir():
        pytest.skip(f"360Giving schema directory {SCHEMA_DIR} is missing (shared/ not laid out)")
    from referencing.jsonschema import DRAFT202012

    package = json.loads((SCHEMA_DIR / "360-giving-package-schema.json").read_text())
    grant = json.loads((SCHEMA_DIR / "360-giving-schema.json").read_text())
    resource = referencing.Resource.from_contents(grant, default_specification=DRAFT202012)
    registry = referencing.Registry().with_resources(
        [
            (grant["$id"], resource),
            (package["properties"]["grants"]["items"]["$ref"], resource),
        ]
    )
    return jsonschema.Draft202012Validator(
        package, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_360giving_package_validates(client, published):
    validator = _validator()
    response = client.get("/open-data/grants.json")
    package = json.loads(streamed(response))
    errors = sorted(validator.iter_errors(package), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert package["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert len(package["grants"]) == 3  # only awarded grants
    grant = package["grants"][0]
    assert grant["currency"] == "EUR"
    assert grant["id"].startswith("360G-kumppani-")
    ids = {g["recipientOrganization"][0]["id"] for g in package["grants"]}
    assert f"FI-PRO-{published['org'].business_id}" in ids
    assert any(i.startswith("360G-kumppani-") and "-org-" in i for i in ids)


def test_360giving_validator_catches_a_broken_grant(client, published):
    """The check can fail: a grant without a currency does not validate."""
    validator = _validator()
    package = json.loads(streamed(client.get("/open-data/grants.json")))
    del package["grants"][0]["currency"]
    assert list(validator.iter_errors(package))
