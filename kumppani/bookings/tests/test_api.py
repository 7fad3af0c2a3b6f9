"""The bookings API: availability, search, booking with the form's rules, tokens."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kumppani.bookings import validators
from kumppani.bookings.models import Booking
from kumppani.bookings.tests.factories import DAY, at, book, bookable_facility
from kumppani.facilities.models import AccessibilityFeature
from kumppani.facilities.tests.factories import DistrictFactory


@pytest.fixture
def api():
    return APIClient()


def payload(facility, **overrides):
    data = {
        "facility": facility.pk,
        "start": at(DAY, 18).isoformat(),
        "end": at(DAY, 20).isoformat(),
        "purpose": "Kokous",
        "people": 5,
        "responsible_name": "Vastuu Henkilö",
        "responsible_phone": "040 1",
        "responsible_email": "vastuu@example.org",
        "responsible_of_age": True,
        "accept_terms": True,
    }
    data.update(overrides)
    return data


def test_availability(api, frozen, facility, resident):
    book(facility, resident, at(DAY, 18), at(DAY, 20))
    url = f"/api/v1/facilities/{facility.pk}/availability/"
    response = api.get(url, {"start": DAY.isoformat(), "end": DAY.isoformat()})
    assert response.status_code == 200
    slots = response.json()["slots"]
    assert [(s["start"][11:16], s["end"][11:16]) for s in slots] == [
        ("08:00", "18:00"),
        ("20:00", "21:00"),
    ]
    bad = api.get(url, {"start": "yesterday", "end": DAY.isoformat()})
    assert bad.status_code == 400 and "start" in bad.json()
    backwards = api.get(url, {"start": DAY.isoformat(), "end": "2026-09-01"})
    assert backwards.status_code == 400
    too_long = api.get(url, {"start": "2026-09-01", "end": "2027-09-01"})
    assert too_long.status_code == 400


def test_search(api, frozen, resident):
    district = DistrictFactory()
    feature = AccessibilityFeature.objects.create(name="Esteetön", slug="step-free")
    free = bookable_facility(capacity=30, district=district)
    free.accessibility.add(feature)
    taken = bookable_facility(capacity=30, district=district)
    taken.accessibility.add(feature)
    book(taken, resident, at(DAY, 19), at(DAY, 20))
    small = bookable_facility(capacity=10, district=district)
    small.accessibility.add(feature)
    response = api.get(
        "/api/v1/availability/search/",
        {
            "date": DAY.isoformat(),
            "from": "18:00",
            "to": "20:00",
            "capacity": 25,
            "district": district.pk,
            "accessibility": feature.pk,
        },
    )
    assert response.status_code == 200
    assert [f["id"] for f in response.json()] == [free.pk]
    assert api.get("/api/v1/availability/search/", {"date": "x"}).status_code == 400


def test_book_with_token_and_list_own(api, frozen, facility, resident, org_member):
    token = Token.objects.create(user=resident)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.post("/api/v1/bookings/", payload(facility), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "approved"
    book(facility, org_member, at(DAY, 10), at(DAY, 11))
    listed = api.get("/api/v1/bookings/").json()
    assert [b["id"] for b in listed["results"]] == [response.json()["id"]]


def test_api_parity_of_messages(api, frozen, facility, resident):
    api.force_authenticate(resident)
    far = DAY + dt.timedelta(days=200)
    response = api.post(
        "/api/v1/bookings/",
        payload(facility, start=at(far, 18).isoformat(), end=at(far, 19).isoformat()),
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["codes"] == ["outside_window"]
    assert body["non_field_errors"] == [str(validators.OUTSIDE_WINDOW) % {"days": 180}]
    book(facility, resident, at(DAY, 18), at(DAY, 19))
    taken = api.post("/api/v1/bookings/", payload(facility), format="json")
    assert taken.json()["codes"] == ["overlaps"]
    no_terms = api.post(
        "/api/v1/bookings/",
        payload(
            facility, accept_terms=False, start=at(DAY, 10).isoformat(), end=at(DAY, 11).isoformat()
        ),
        format="json",
    )
    assert no_terms.json()["codes"] == ["terms_required"]


def test_session_needs_csrf_and_anonymous_refused(frozen, facility, resident):
    anonymous = APIClient()
    assert anonymous.post("/api/v1/bookings/", payload(facility), format="json").status_code in (
        401,
        403,
    )
    assert anonymous.get("/api/v1/bookings/").status_code in (401, 403)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(resident)
    response = client.post("/api/v1/bookings/", payload(facility), format="json")
    assert response.status_code == 403
    assert not Booking.objects.exists()


def test_token_page(client, resident):
    client.force_login(resident)
    url = reverse("bookings:api_token")
    created = client.post(url, {"action": "create"})
    key = Token.objects.get(user=resident).key
    assert key in created.content.decode()
    assert key not in client.get(url).content.decode()
    client.post(url, {"action": "regenerate"})
    assert Token.objects.get(user=resident).key != key
    client.post(url, {"action": "revoke"})
    assert not Token.objects.filter(user=resident).exists()


def test_schema_lists_booking_paths(client):
    schema = client.get("/api/schema/").content.decode()
    assert (
        "/api/v1/facilities/{id}/availability/" in schema
        or "/api/v1/facilities/{pk}/availability/" in schema
    )
    assert "/api/v1/bookings/" in schema
    assert "/api/v1/availability/search/" in schema
