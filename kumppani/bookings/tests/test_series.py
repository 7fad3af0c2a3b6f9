"""Recurring bookings: a season for an organization, a preview with taken dates, DST."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kumppani.bookings import services
from kumppani.bookings.models import Booking, BookingSeries
from kumppani.bookings.services import SeriesSpec
from kumppani.bookings.tests.factories import RESPONSIBLE, at, book, bookable_facility
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import local

SEASON_START = dt.date(2026, 9, 7)  # a Monday
SEASON_END = dt.date(2026, 11, 30)


def series_data(organization, **overrides):
    data = {
        "first_date": SEASON_START.isoformat(),
        "until_date": SEASON_END.isoformat(),
        "interval_weeks": "1",
        "start_time": "18:00",
        "end_time": "20:00",
        "organization": str(organization.pk),
        "purpose": "Junioreiden harjoitukset",
        "people": "15",
        "responsible_name": "Vastuu Valmentaja",
        "responsible_phone": "040 765 4321",
        "responsible_email": "valmentaja@example.org",
        "responsible_of_age": "on",
        "accept_terms": "on",
    }
    data.update(overrides)
    return data


def test_member_books_free_season_skipping_taken_date(
    client, frozen, org_member, organization, resident
):
    facility = bookable_facility(free_for_nonprofits=True, price="20.00")
    taken_day = dt.date(2026, 9, 21)
    book(facility, resident, at(taken_day, 19), at(taken_day, 20))
    client.force_login(org_member)
    url = reverse("bookings:book_series", args=[facility.slug])
    preview = client.post(url, series_data(organization, step="preview"))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert html.count('name="dates"') == 12  # 13 Mondays, one taken
    assert 'value="2026-09-21"' not in html

    free_dates = [
        (SEASON_START + dt.timedelta(weeks=n)).isoformat()
        for n in range(13)
        if SEASON_START + dt.timedelta(weeks=n) != taken_day
    ]
    done = client.post(url, {**series_data(organization, step="confirm"), "dates": free_dates})
    series = BookingSeries.objects.get()
    assert done.status_code == 302
    assert done["Location"] == series.get_absolute_url()
    bookings = list(series.bookings.order_by("start"))
    assert len(bookings) == 12
    assert all(b.price == 0 and b.full_price > 0 for b in bookings)  # M12, full price kept
    assert all(b.organization == organization for b in bookings)
    assert all(b.status == DecisionStatus.APPROVED for b in bookings)
    # The series counts once towards the booker's limit.
    from kumppani.bookings.validators import active_booking_count

    assert active_booking_count(org_member, facility, local(bookings[0].start)) == 1


def test_confirming_a_taken_date_books_nothing(client, frozen, org_member, organization, resident):
    facility = bookable_facility()
    client.force_login(org_member)
    url = reverse("bookings:book_series", args=[facility.slug])
    book(facility, resident, at(SEASON_START, 18), at(SEASON_START, 19))
    response = client.post(
        url,
        {
            **series_data(organization, step="confirm", until_date="2026-09-14"),
            "dates": ["2026-09-07", "2026-09-14"],
        },
    )
    assert response.status_code == 200
    assert not BookingSeries.objects.exists()
    assert Booking.objects.count() == 1


def _spec(facility, booker, first, until, **kwargs):
    return SeriesSpec(
        facility=facility,
        booker=booker,
        first_date=first,
        until_date=until,
        start_time=dt.time(18),
        end_time=dt.time(19),
        **kwargs,
    )


@pytest.mark.parametrize(
    ("first", "until", "moment"),
    [
        (dt.date(2026, 10, 18), dt.date(2026, 11, 1), dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC)),
        (dt.date(2027, 3, 21), dt.date(2027, 4, 4), dt.datetime(2027, 3, 1, 12, tzinfo=dt.UTC)),
    ],
)
def test_weekly_series_keeps_local_time_across_dst(frozen, resident, first, until, moment):
    frozen.move_to(moment)
    facility = bookable_facility()
    series = services.create_series(
        spec=_spec(facility, resident, first, until),
        dates=[first + dt.timedelta(weeks=n) for n in range(3)],
        purpose="Kuoroharjoitus",
        responsible=RESPONSIBLE,
        terms_accepted=True,
        notify=False,
    )
    bookings = list(series.bookings.order_by("start"))
    assert [local(b.start).strftime("%H:%M") for b in bookings] == ["18:00"] * 3
    utc_hours = [b.start.astimezone(dt.UTC).hour for b in bookings]
    assert utc_hours[0] != utc_hours[2]  # the UTC moment moved by an hour


def test_change_whole_series_and_one_date(frozen, facility_manager, org_member, organization):
    facility = bookable_facility()
    facility.unit.managers.add(facility_manager)
    series = services.create_series(
        spec=_spec(
            facility, org_member, SEASON_START, dt.date(2026, 9, 28), organization=organization
        ),
        dates=[SEASON_START + dt.timedelta(weeks=n) for n in range(4)],
        purpose="Harjoitus",
        responsible=RESPONSIBLE,
        terms_accepted=True,
        notify=False,
    )
    services.change_series_time(
        series=series, start_time=dt.time(18, 30), end_time=dt.time(19, 30), by=org_member
    )
    assert {local(b.start).strftime("%H:%M") for b in series.bookings.all()} == {"18:30"}
    one = series.bookings.order_by("start").first()
    services.change_booking(
        booking=one, start=at(SEASON_START, 20), end=at(SEASON_START, 21), by=facility_manager
    )
    one.refresh_from_db()
    assert local(one.start).hour == 20
    with pytest.raises(ValidationError):
        services.change_series_time(
            series=series, start_time=dt.time(20), end_time=dt.time(22), by=org_member
        )


def test_series_cancel_as_whole_and_per_date(client, frozen, org_member, organization):
    facility = bookable_facility()
    series = services.create_series(
        spec=_spec(
            facility, org_member, SEASON_START, dt.date(2026, 9, 28), organization=organization
        ),
        dates=[SEASON_START + dt.timedelta(weeks=n) for n in range(4)],
        purpose="Harjoitus",
        responsible=RESPONSIBLE,
        terms_accepted=True,
        notify=False,
    )
    client.force_login(org_member)
    first = series.bookings.order_by("start").first()
    client.post(reverse("bookings:cancel", args=[first.pk]))
    first.refresh_from_db()
    assert first.status == DecisionStatus.CANCELLED
    client.post(reverse("bookings:series_cancel", args=[series.pk]))
    assert set(series.bookings.values_list("status", flat=True)) == {DecisionStatus.CANCELLED}
