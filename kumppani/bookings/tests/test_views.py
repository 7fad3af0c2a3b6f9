"""Persona matrix for every bookings page and the booker's move, the calendar, feeds, GDPR and
query counts."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.bookings import gdpr, services
from kumppani.bookings.models import Booking, FeedToken
from kumppani.bookings.services import SeriesSpec
from kumppani.bookings.tests.factories import DAY, RESPONSIBLE, at, book, bookable_facility
from kumppani.core.gdpr import export_for

PERSONAS = [
    "anonymous",
    "resident",
    "org_member",
    "org_admin",
    "facility_manager",
    "other_manager",
    "grant_officer",
    "administrator",
]


@pytest.fixture
def world(frozen, facility, resident, org_member, organization):
    own = book(facility, resident, at(DAY, 10), at(DAY, 11))
    org = book(facility, org_member, at(DAY, 12), at(DAY, 13), organization=organization)
    series = services.create_series(
        spec=SeriesSpec(
            facility=facility,
            booker=resident,
            first_date=DAY,
            until_date=DAY + dt.timedelta(days=7),
            start_time=dt.time(15),
            end_time=dt.time(16),
        ),
        dates=[DAY, DAY + dt.timedelta(days=7)],
        purpose="Kerho",
        responsible=RESPONSIBLE,
        terms_accepted=True,
        notify=False,
    )
    return {"facility": facility, "own": own, "org": org, "series": series}


def login(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


ANY = dict.fromkeys(PERSONAS, 200)
SIGNED_IN = {**ANY, "anonymous": 302}
STAFF = {
    "anonymous": 302,
    "resident": 403,
    "org_member": 403,
    "org_admin": 403,
    "facility_manager": 200,
    "other_manager": 403,
    "grant_officer": 403,
    "administrator": 200,
}
MATRIX = {
    "calendar": (lambda w: reverse("bookings:calendar", args=[w["facility"].slug]), ANY),
    "search": (lambda w: reverse("bookings:search"), ANY),
    "busy_feed": (lambda w: reverse("bookings:busy_feed", args=[w["facility"].slug]), ANY),
    "book": (lambda w: reverse("bookings:book", args=[w["facility"].slug]), SIGNED_IN),
    "book_series": (
        lambda w: reverse("bookings:book_series", args=[w["facility"].slug]),
        SIGNED_IN,
    ),
    "mine": (lambda w: reverse("bookings:mine"), SIGNED_IN),
    "feeds": (lambda w: reverse("bookings:feeds"), SIGNED_IN),
    "api_token": (lambda w: reverse("bookings:api_token"), SIGNED_IN),
    "detail_own": (
        lambda w: reverse("bookings:detail", args=[w["own"].pk]),
        {
            **dict.fromkeys(PERSONAS, 404),
            "anonymous": 302,
            "resident": 200,
            "facility_manager": 200,
            "administrator": 200,
        },
    ),
    "detail_org": (
        lambda w: reverse("bookings:detail", args=[w["org"].pk]),
        {
            **dict.fromkeys(PERSONAS, 404),
            "anonymous": 302,
            "org_member": 200,
            "org_admin": 200,
            "facility_manager": 200,
            "administrator": 200,
        },
    ),
    "series": (
        lambda w: reverse("bookings:series_detail", args=[w["series"].pk]),
        {
            **dict.fromkeys(PERSONAS, 404),
            "anonymous": 302,
            "resident": 200,
            "facility_manager": 200,
            "administrator": 200,
        },
    ),
    "handling": (
        lambda w: reverse("bookings:handling"),
        {**STAFF, "other_manager": 200},
    ),
    "manage_detail": (lambda w: reverse("bookings:manage_detail", args=[w["own"].pk]), STAFF),
    "staff_book": (lambda w: reverse("bookings:staff_book", args=[w["facility"].pk]), STAFF),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("view", list(MATRIX))
def test_persona_matrix(client, request, world, view, persona):
    url_of, expected = MATRIX[view]
    login(client, request, persona)
    response = client.get(url_of(world))
    assert response.status_code == expected[persona], (view, persona)


MOVE_ORG_BOOKING = {
    "anonymous": 302,  # to sign in
    "resident": 404,
    "org_member": 302,  # moved; back to the booking
    "org_admin": 302,  # acts for the organization, too
    "facility_manager": 403,  # sees it, but moves it on the handling page
    "other_manager": 404,
    "grant_officer": 404,
    "administrator": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_move_persona_matrix(client, request, world, persona):
    """The booker's move (POST only) for the organization's booking, as each persona."""
    booking = world["org"]
    login(client, request, persona)
    response = client.post(
        reverse("bookings:move", args=[booking.pk]),
        {"date": DAY.isoformat(), "start_time": "17:00", "end_time": "18:00"},
    )
    assert response.status_code == MOVE_ORG_BOOKING[persona], persona
    booking.refresh_from_db()
    moved = persona in ("org_member", "org_admin")
    assert (booking.start == at(DAY, 17)) is moved
    if moved:
        assert response["Location"] == booking.get_absolute_url()


def test_calendar_week_without_personal_data(client, world):
    facility = world["facility"]
    html = client.get(
        reverse("bookings:calendar", args=[facility.slug]), {"week": DAY.isoformat()}
    ).content.decode()
    assert "<caption" in html and 'scope="row"' in html and 'scope="col"' in html
    assert "cell-taken" in html and "cell-free" in html
    assert "Kerhon kokous" not in html and "Vastuu" not in html
    nxt = client.get(
        reverse("bookings:calendar", args=[facility.slug]),
        {"week": DAY.isoformat()},
        HTTP_HX_REQUEST="true",
    )
    assert "<html" not in nxt.content.decode() and 'id="week"' in nxt.content.decode()


def test_busy_feed_has_no_personal_data(client, world):
    body = client.get(reverse("bookings:busy_feed", args=[world["facility"].slug])).content.decode()
    assert "BEGIN:VEVENT" in body
    assert "Kerho" not in body and "Vastuu" not in body and "resident@" not in body


def test_personal_feed_token_regenerate_and_revoke(client, world, resident):
    client.force_login(resident)
    client.post(reverse("bookings:feed_regenerate"))
    token = FeedToken.objects.get(user=resident).token
    feed_url = reverse("bookings:personal_feed", args=[token])
    client.logout()
    body = client.get(feed_url).content.decode()
    assert body.count("BEGIN:VEVENT") == 3 and "Kerho" in body
    client.force_login(resident)
    client.post(reverse("bookings:feed_regenerate"))
    assert client.get(feed_url).status_code == 404
    client.post(reverse("bookings:feed_revoke"))
    assert not FeedToken.objects.filter(user=resident).exists()


def test_gdpr_export_and_erase(world, resident):
    FeedToken.objects.create(user=resident)
    exported = export_for(resident)["bookings"]
    assert len(exported["bookings"]) == 3
    gdpr.erase(resident)
    kept = Booking.objects.filter(pk=world["own"].pk).get()
    assert kept.booker is None and kept.responsible_name == "(deleted)"
    assert kept.full_price == world["own"].full_price
    assert not FeedToken.objects.filter(user=resident).exists()


def test_query_counts_bounded(
    client, frozen, facility, resident, facility_manager, django_assert_max_num_queries
):
    for hour in range(8, 20):
        book(
            facility, resident, at(DAY, hour), at(DAY, hour + 1), notify=False
        ) if hour % 2 == 0 else None
    other = bookable_facility()
    for day in range(5):
        book(
            other,
            resident,
            at(DAY + dt.timedelta(days=day), 10),
            at(DAY + dt.timedelta(days=day), 11),
        )
    client.force_login(resident)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("bookings:mine")).status_code == 200
    with django_assert_max_num_queries(12):
        client.get(reverse("bookings:calendar", args=[facility.slug]), {"week": DAY.isoformat()})
    client.force_login(facility_manager)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("bookings:handling"), {"status": ""}).status_code == 200
