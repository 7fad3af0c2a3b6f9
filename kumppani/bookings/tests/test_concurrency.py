"""Never twice: parallel booking requests for the same time against a live server.

On PostgreSQL the exclusion constraint over occupancy rows decides every race; the losers get
the clear "taken" (or, if they arrive after the winner committed, "already booked") message.
"""

import datetime as dt
import threading
import time

import pytest
import requests
from django.conf import settings
from django.db import connection
from rest_framework.authtoken.models import Token

from kumppani.accounts.tests.factories import UserFactory
from kumppani.bookings import validators
from kumppani.bookings.models import Booking, BookingSeries
from kumppani.bookings.tests.factories import bookable_facility
from kumppani.core.time import make_local, today

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="the overlap race is decided by PostgreSQL's exclusion constraint; "
        "SQLite serializes writers instead (run with DATABASE_URL=postgres://...)",
    ),
]

CLIENTS = 24


def _day() -> dt.date:
    return today() + dt.timedelta(days=7)


def _payload(facility, start, end, part=None) -> dict:
    return {
        "facility": facility.pk,
        "part": part,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "purpose": "Kilpailu",
        "people": 5,
        "responsible_name": "Vastuu Henkilö",
        "responsible_phone": "040 1",
        "responsible_email": "vastuu@example.org",
        "responsible_of_age": True,
        "accept_terms": True,
    }


def _tokens(count: int) -> list[str]:
    return [
        Token.objects.create(user=UserFactory(email=f"racer{n}@example.org")).key
        for n in range(count)
    ]


def _post(session: requests.Session, url: str, **kwargs) -> requests.Response:
    """POST, retrying a refused connection: the test server's listen queue is short (five),
    so some of the simultaneous connects are reset before any request is read."""
    for attempt in range(10):
        try:
            return session.post(url, timeout=60, **kwargs)
        except requests.ConnectionError:
            if attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _fire(url: str, jobs: list[tuple[str, dict]]) -> list[requests.Response]:
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index: int, token: str, body: dict) -> None:
        session = requests.Session()
        barrier.wait()
        results[index] = _post(session, url, json=body, headers={"Authorization": f"Token {token}"})

    threads = [
        threading.Thread(target=run, args=(i, token, body)) for i, (token, body) in enumerate(jobs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _no_overlap_in_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM bookings_occupancy a JOIN bookings_occupancy b
              ON a.part_id = b.part_id AND a.id < b.id
             AND a.active AND b.active
             AND tstzrange(a.start, a."end", '[)') && tstzrange(b.start, b."end", '[)')
            """
        )
        assert cursor.fetchone()[0] == 0


def _assert_one_winner(responses) -> None:
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(201) == 1, statuses
    clear = {str(validators.TAKEN), str(validators.OVERLAPS)}
    for response in responses:
        assert response.status_code in (201, 400), response.text[:300]
        if response.status_code == 400:
            body = response.json()
            assert set(body["codes"]) <= {"taken", "overlaps"}, body
            assert set(body["non_field_errors"]) <= clear, body


def test_parallel_requests_for_one_slot(live_server, transactional_db):
    facility = bookable_facility(price=None)
    start = make_local(_day(), dt.time(18))
    jobs = [(t, _payload(facility, start, start + dt.timedelta(hours=2))) for t in _tokens(CLIENTS)]
    responses = _fire(f"{live_server.url}/api/v1/bookings/", jobs)
    _assert_one_winner(responses)
    assert Booking.objects.active().count() == 1
    _no_overlap_in_database()


def test_parallel_whole_against_part(live_server, transactional_db):
    facility = bookable_facility(parts=["A", "B"], price=None)
    part_a = facility.parts.get(code="a")
    start = make_local(_day(), dt.time(18))
    end = start + dt.timedelta(hours=2)
    jobs = [
        (token, _payload(facility, start, end, part=part_a.pk if n % 2 else None))
        for n, token in enumerate(_tokens(CLIENTS))
    ]
    responses = _fire(f"{live_server.url}/api/v1/bookings/", jobs)
    _assert_one_winner(responses)
    _no_overlap_in_database()


def test_series_against_single_bookings(live_server, transactional_db):
    """A season booked through the form races 20 single bookings of one of its dates."""
    facility = bookable_facility(price=None)
    first = _day()
    dates = [first + dt.timedelta(weeks=n) for n in range(4)]
    clash = make_local(dates[2], dt.time(18))
    series_booker = UserFactory(email="season@example.org")
    from django.test import Client

    web = Client()
    web.force_login(series_booker)
    session = requests.Session()
    session.cookies.set(
        settings.SESSION_COOKIE_NAME, web.cookies[settings.SESSION_COOKIE_NAME].value
    )
    form_url = f"{live_server.url}/fi/bookings/facilities/{facility.slug}/recurring/"
    session.get(form_url, timeout=60)
    csrf = session.cookies["csrftoken"]
    series_form = {
        "csrfmiddlewaretoken": csrf,
        "first_date": first.isoformat(),
        "until_date": dates[-1].isoformat(),
        "interval_weeks": "1",
        "start_time": "18:00",
        "end_time": "20:00",
        "purpose": "Kausi",
        "people": "5",
        "responsible_name": "Vastuu",
        "responsible_phone": "040",
        "responsible_email": "v@example.org",
        "responsible_of_age": "on",
        "accept_terms": "on",
        "step": "confirm",
        "dates": [d.isoformat() for d in dates],
    }
    tokens = _tokens(20)
    barrier = threading.Barrier(len(tokens) + 1)
    single_results: list = [None] * len(tokens)
    season_result: list = []

    def season() -> None:
        barrier.wait()
        season_result.append(
            _post(
                session,
                form_url,
                data=series_form,
                headers={"Referer": form_url},
                allow_redirects=False,
            )
        )

    def single(index: int, token: str) -> None:
        body = _payload(facility, clash, clash + dt.timedelta(hours=2))
        barrier.wait()
        single_results[index] = _post(
            requests.Session(),
            f"{live_server.url}/api/v1/bookings/",
            json=body,
            headers={"Authorization": f"Token {token}"},
        )

    threads = [threading.Thread(target=season)] + [
        threading.Thread(target=single, args=(i, t)) for i, t in enumerate(tokens)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    _no_overlap_in_database()
    winners = [r for r in single_results if r.status_code == 201]
    series = BookingSeries.objects.first()
    if series is not None:  # the season won: every date booked, every single refused
        assert season_result[0].status_code == 302
        assert series.bookings.active().count() == 4
        assert winners == []
    else:  # one single won: the season booked nothing at all, and says why
        assert season_result[0].status_code == 200
        assert "error-summary" in season_result[0].text
        assert len(winners) == 1
        assert not Booking.objects.filter(booker=series_booker).exists()
    assert Booking.objects.active().filter(start=clash).count() == 1
