"""The public catalogue, facility pages, CSV and the API."""

import datetime as dt
import json
import re

import pytest

from kumppani.facilities.models import AccessibilityFeature, Equipment, Facility
from kumppani.facilities.tests.factories import FacilityFactory, UnitFactory, with_hours, with_price

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(district, facility_manager):
    unit = UnitFactory(
        responsible=facility_manager, name_fi="Kallion kirjasto", name_sv="Berghälls bibliotek"
    )
    step_free = AccessibilityFeature.objects.get(slug="step-free-access")
    projector = Equipment.objects.get(slug="projector")
    hall = FacilityFactory(
        unit=unit,
        name_fi="Juhlasali",
        name_sv="Festsalen",
        name_en="Festival hall",
        facility_type="hall",
        capacity=120,
        district=district,
        free_for_nonprofits=True,
        latitude="60.184100",
        longitude="24.949700",
    )
    hall.accessibility.add(step_free)
    hall.equipment.add(projector)
    room = FacilityFactory(
        unit=unit, name_fi="Pieni neuvotteluhuone", name_sv="Lilla mötesrummet", capacity=8
    )
    hidden = FacilityFactory(unit=unit, name_fi="Salainen varasto", published=False)
    return {
        "hall": hall,
        "room": room,
        "hidden": hidden,
        "step_free": step_free,
        "projector": projector,
    }


def _names(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.text)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_catalogue_lists_published_facilities_in_each_language(client, catalogue, lang):
    response = client.get(f"/{lang}/facilities/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.text
    names = _names(response)
    assert len(names) == 2
    assert "Salainen varasto" not in response.text


def test_search_finds_swedish_and_english_words(client, catalogue):
    assert _names(client.get("/sv/facilities/", {"q": "festsal"})) == ["Festsalen"]
    assert _names(client.get("/en/facilities/", {"q": "festival"})) == ["Festival hall"]
    assert _names(client.get("/fi/facilities/", {"q": "mötesrum"})) == ["Pieni neuvotteluhuone"]
    assert _names(client.get("/fi/facilities/", {"q": "berghälls"})) != []


def test_filters(client, catalogue, district):
    hall, step_free, projector = catalogue["hall"], catalogue["step_free"], catalogue["projector"]
    assert _names(client.get("/fi/facilities/", {"capacity_min": 100})) == ["Juhlasali"]
    assert _names(client.get("/fi/facilities/", {"facility_type": "hall"})) == ["Juhlasali"]
    assert _names(client.get("/fi/facilities/", {"district": district.pk})) == ["Juhlasali"]
    assert _names(client.get("/fi/facilities/", {"accessibility": step_free.pk})) == ["Juhlasali"]
    assert _names(client.get("/fi/facilities/", {"equipment": projector.pk})) == ["Juhlasali"]
    assert _names(client.get("/fi/facilities/", {"free_for_nonprofits": "on"})) == ["Juhlasali"]
    assert _names(client.get("/fi/facilities/", {"unit": hall.unit_id})) != []
    response = client.get("/fi/facilities/", {"capacity_min": "many"})
    assert response.status_code == 200 and 'value="many"' in response.text


def test_catalogue_query_count_is_bounded(client, catalogue, django_assert_max_num_queries):
    unit = catalogue["hall"].unit
    for n in range(25):
        facility = FacilityFactory(unit=unit, name_fi=f"Tila {n}")
        facility.accessibility.add(catalogue["step_free"])
    with django_assert_max_num_queries(12):
        response = client.get("/fi/facilities/")
    assert response.status_code == 200 and len(_names(response)) == 20


def test_map_markers_are_data_with_a_nonce(client, catalogue):
    response = client.get("/fi/facilities/")
    match = re.search(
        r'<script id="facility-markers" type="application/json" nonce="[^"]+">(.*?)</script>',
        response.text,
    )
    markers = json.loads(match.group(1))
    assert markers == [
        {
            "name": "Juhlasali",
            "url": "/fi/facilities/" + catalogue["hall"].slug + "/",
            "lat": 60.1841,
            "lon": 24.9497,
        }
    ]
    assert 'id="facility-map"' in response.text


def test_facility_page_shows_hours_rules_prices_contact_and_json_ld(
    client, catalogue, time_machine
):
    time_machine.move_to(dt.datetime(2026, 3, 4, 10, tzinfo=dt.UTC))
    hall = catalogue["hall"]
    with_hours(hall, days=range(5), opens=dt.time(9), closes=dt.time(21))
    with_price(hall, amount="40.00")
    with_price(hall, group="nonprofit", amount="10.00")
    response = client.get(f"/en/facilities/{hall.slug}/")
    assert response.status_code == 200
    text = response.text
    assert "09:00–21:00" in text
    assert "50.20 €" in text  # 40 € + 25.5 % VAT for an hour
    assert hall.responsible.email in text
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', text, re.S
        ).group(1)
    )
    assert data["@type"] == "Place" and data["maximumAttendeeCapacity"] == 120
    assert data["geo"]["latitude"] == 60.1841
    assert data["openingHoursSpecification"][0]["opens"] == "09:00"


def test_verified_nonprofit_member_sees_the_free_price(client, catalogue, org_member, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 4, 10, tzinfo=dt.UTC))
    hall = catalogue["hall"]
    with_price(hall, group="nonprofit", amount="10.00")
    client.force_login(org_member)
    response = client.get(f"/en/facilities/{hall.slug}/")
    assert "Kulmakunnan Kamut ry" in response.text
    assert "free of charge" in response.text and "normally 12.55 €" in response.text


def test_unpublished_facility_page_is_not_found(client, catalogue):
    assert client.get(f"/fi/facilities/{catalogue['hidden'].slug}/").status_code == 404


def test_catalogue_csv_keeps_filters(client, catalogue):
    response = client.get("/fi/facilities/catalogue.csv", {"capacity_min": 100})
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("id,name,type")
    assert len(lines) == 2 and "Juhlasali" in lines[1] and "step-free-access" in lines[1]


def test_api_list_filters_and_detail(client, catalogue, district, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        data = client.get("/api/v1/facilities/").json()
    assert data["count"] == 2
    data = client.get(
        "/api/v1/facilities/",
        {"q": "festsal", "district": "kallio", "accessibility": "step-free-access"},
    ).json()
    assert [item["name"]["sv"] for item in data["results"]] == ["Festsalen"]
    assert client.get("/api/v1/facilities/", {"equipment": "no-such"}).json()["count"] == 0
    hall = catalogue["hall"]
    detail = client.get(f"/api/v1/facilities/{hall.pk}/").json()
    assert detail["responsible"]["email"] == hall.responsible.email
    assert detail["parts"][0]["code"] == "whole" and detail["is_divisible"] is False
    assert client.get(f"/api/v1/facilities/{catalogue['hidden'].pk}/").status_code == 404


def test_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/facilities/" in schema["paths"]
    assert "/api/v1/facilities/{id}/" in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/v1/facilities/"]["get"]["parameters"]}
    assert {
        "q",
        "type",
        "district",
        "capacity_min",
        "equipment",
        "accessibility",
        "free_for_nonprofits",
        "unit",
    } <= names


def test_reserved_words_never_become_a_facility_address(catalogue):
    from kumppani.facilities import services

    made = services.create_facility(
        unit=catalogue["hall"].unit, names={"fi": "Manage"}, facility_type="hall", capacity=5
    )
    assert made.slug != "manage"
    assert Facility.objects.get(pk=made.pk).get_absolute_url().endswith("/manage-tila/")


def test_facility_page_leads_to_booking_and_the_sanctions_policy(client, catalogue, resident):
    hall = catalogue["hall"]
    hall.terms_of_use = "Leave the hall tidy."
    hall.save()
    client.force_login(resident)
    text = client.get(f"/en/facilities/{hall.slug}/").text
    assert f'href="/en/bookings/facilities/{hall.slug}/book/"' in text
    assert f'href="/en/bookings/facilities/{hall.slug}/calendar/"' in text
    assert 'href="/en/misuse/policy/"' in text
    assert f'href="/en/misuse/report/{hall.slug}/"' in text
