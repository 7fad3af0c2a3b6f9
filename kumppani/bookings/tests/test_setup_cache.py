"""A facility's booking setup is cached under its config_version: fast and never stale."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from kumppani.bookings import availability, validators
from kumppani.bookings.tests.factories import DAY, at
from kumppani.bookings.tests.test_api import payload
from kumppani.facilities import services as facility_services
from kumppani.facilities.models import Facility
from kumppani.facilities.rules import effective_rules


def test_cached_setup_costs_one_query(frozen, facility):
    first = availability.bookable_facility(facility.pk)
    assert first == facility
    with CaptureQueriesContext(connection) as queries:
        again = availability.bookable_facility(facility.pk)
        data = availability.load(again, DAY - dt.timedelta(days=1), DAY)
        assert effective_rules(again) and again.unit.name and list(again.prices.all())
    # The version, then the occupancy rows; unit, rules, parts, hours and prices are cached.
    assert len(queries) == 2
    assert availability.is_within_opening(data, at(DAY, 18), at(DAY, 20))


def test_unpublished_or_missing(frozen, facility):
    Facility.objects.filter(pk=facility.pk).update(published=False)
    assert availability.bookable_facility(facility.pk) is None
    assert availability.bookable_facility(10**9) is None


def test_a_closure_is_seen_at_once(frozen, facility, resident):
    api = APIClient()
    api.force_authenticate(resident)
    early = api.post(
        "/api/v1/bookings/",
        payload(facility, start=at(DAY, 10).isoformat(), end=at(DAY, 11).isoformat()),
        format="json",
    )
    assert early.status_code == 201  # the setup is now cached
    facility_services.add_exception(facility=facility, first_day=DAY)
    closed = api.post("/api/v1/bookings/", payload(facility), format="json")
    assert closed.status_code == 400
    assert str(validators.CLOSED) in closed.json()["non_field_errors"]


def test_booking_through_the_api_reads_little(frozen, facility, resident):
    api = APIClient()
    api.force_authenticate(resident)
    availability.bookable_facility(facility.pk)
    with CaptureQueriesContext(connection) as queries:
        response = api.post("/api/v1/bookings/", payload(facility), format="json")
    assert response.status_code == 201
    # version, booker lock, hours are cached; occupancy, active bookings, bans, policy,
    # booking, occupancy rows, e-mail task; transaction statements aside.
    statements = [
        q["sql"] for q in queries if not q["sql"].startswith(("BEGIN", "SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) <= 9, statements
    assert not any("facilities_season" in sql or "facilities_price" in sql for sql in statements)


@pytest.mark.parametrize("value", ["abc", True, 2**70, -1, 0])
def test_bad_facility_ids_get_a_clear_message(frozen, resident, value):
    api = APIClient()
    api.force_authenticate(resident)
    body = {**payload(Facility(pk=1)), "facility": value}
    response = api.post("/api/v1/bookings/", body, format="json")
    assert response.status_code == 400
    assert "facility" in response.json()
