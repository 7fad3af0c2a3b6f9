"""The booker moves one booking, or one date of a recurring booking, to a new time."""

import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kumppani.bookings import services, validators
from kumppani.bookings.models import Booking, Occupancy
from kumppani.bookings.services import SeriesSpec
from kumppani.bookings.services.moving import MOVE_DEADLINE_PASSED, NOT_MOVABLE
from kumppani.bookings.tests.factories import (
    DAY,
    NOW,
    RESPONSIBLE,
    at,
    book,
    managed_facility,
    shown,
)
from kumppani.bookings.views.mine import MOVED, MOVED_PENDING
from kumppani.core.decisions import DecisionStatus, queue_for

MAIL_PENDING = (
    "The new time waits for the approval of the facility's staff. "
    "You will get an e-mail when they have decided."
)
ONLY_THIS_DATE = _(
    "Only this date moves; the other dates of the recurring booking stay as they are."
)
APPROVAL_AGAIN = _(
    "The facility's staff must approve the new time; until then the booking waits for approval."
)


def move_url(booking) -> str:
    return reverse("bookings:move", args=[booking.pk])


def times(day=DAY, start="14:00", end="16:00") -> dict:
    return {"date": day.isoformat(), "start_time": start, "end_time": end}


def active_rows(booking) -> list[tuple[dt.datetime, dt.datetime]]:
    return sorted(booking.occupancies.filter(active=True).values_list("start", "end"))


def ics_times(message) -> list[tuple[dt.datetime, dt.datetime]]:
    name, content, _mimetype = message.attachments[0]
    assert name == "booking.ics"
    calendar = icalendar.Calendar.from_ical(content)
    return [(event.decoded("dtstart"), event.decoded("dtend")) for event in calendar.walk("VEVENT")]


def ics_statuses(message) -> list[str]:
    calendar = icalendar.Calendar.from_ical(message.attachments[0][1])
    return [str(event["status"]) for event in calendar.walk("VEVENT")]


def in_template(text) -> str:
    """Template text as a page in the default language shows it ({% translate %} does not escape)."""
    with translation.override("fi"):
        return str(text)


def in_language_of(user, text: str) -> str:
    with translation.override(user.preferred_language):
        return translation.gettext(text)


def test_booker_moves_a_single_booking(
    client, frozen, facility, resident, org_member, django_capture_on_commit_callbacks
):
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    parts = len(active_rows(booking))
    client.force_login(resident)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert f'action="{move_url(booking)}"' in page
    assert 'value="18:00"' in page and 'value="20:00"' in page and f'value="{DAY}"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move_url(booking), times())
    assert response.status_code == 302
    assert response["Location"] == booking.get_absolute_url()
    booking.refresh_from_db()
    assert (booking.start, booking.end) == (at(DAY, 14), at(DAY, 16))
    assert booking.status == DecisionStatus.APPROVED
    assert active_rows(booking) == [(at(DAY, 14), at(DAY, 16))] * parts
    # The old time is free at once.
    book(facility, org_member, at(DAY, 18), at(DAY, 20))
    # One change, one e-mail to each of the booker and the responsible person, new times in .ics.
    assert sorted(m.to[0] for m in mail.outbox) == ["resident@example.org", "vastuu@example.org"]
    for message in mail.outbox:
        assert ics_times(message) == [(at(DAY, 14), at(DAY, 16))]
        assert in_language_of(resident, MAIL_PENDING) not in message.body
    followed = client.get(booking.get_absolute_url()).content.decode()
    assert shown(MOVED) in followed


def test_booker_moves_one_date_of_a_series(
    client, frozen, facility, resident, django_capture_on_commit_callbacks
):
    dates = [DAY + dt.timedelta(weeks=n) for n in range(3)]
    series = services.create_series(
        spec=SeriesSpec(
            facility=facility,
            booker=resident,
            first_date=dates[0],
            until_date=dates[-1],
            start_time=dt.time(18),
            end_time=dt.time(19),
        ),
        dates=dates,
        purpose="Kerho",
        responsible=RESPONSIBLE,
        terms_accepted=True,
        notify=False,
    )
    first, second, third = series.bookings.order_by("start")
    client.force_login(resident)
    listing = client.get(series.get_absolute_url()).content.decode()
    for date in (first, second, third):
        assert f'href="{date.get_absolute_url()}"' in listing
    assert in_template(ONLY_THIS_DATE) in client.get(second.get_absolute_url()).content.decode()

    new_day = dates[1] + dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(move_url(second), times(new_day, "17:00", "18:30"))
    second.refresh_from_db()
    assert (second.start, second.end) == (at(new_day, 17), at(new_day, 18, 30))
    assert second.series_id == series.pk
    for other, day in ((first, dates[0]), (third, dates[2])):
        other.refresh_from_db()
        assert (other.start, other.end) == (at(day, 18), at(day, 19))
        assert active_rows(other)[0] == (at(day, 18), at(day, 19))
    assert len(mail.outbox) == 2
    assert ics_times(mail.outbox[0]) == [(at(new_day, 17), at(new_day, 18, 30))]


def test_move_onto_a_taken_time_changes_nothing(
    client, frozen, facility, resident, org_member, django_capture_on_commit_callbacks
):
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    book(facility, org_member, at(DAY, 14), at(DAY, 16))
    before = active_rows(booking)
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move_url(booking), times(start="15:00", end="17:00"))
    assert response.status_code == 200
    html = response.content.decode()
    assert shown(validators.OVERLAPS) in html
    assert 'value="15:00"' in html and 'value="17:00"' in html  # what was typed is kept
    booking.refresh_from_db()
    assert (booking.start, booking.end, booking.sequence) == (at(DAY, 18), at(DAY, 20), 0)
    assert active_rows(booking) == before
    assert mail.outbox == []


def test_bad_times_get_a_message_not_a_500(client, frozen, facility, resident):
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(resident)
    backwards = client.post(move_url(booking), times(start="16:00", end="14:00"))
    assert backwards.status_code == 200
    assert shown(validators.ENDS_BEFORE_START) in backwards.content.decode()
    garbage = client.post(move_url(booking), {"date": "31.2.", "start_time": "x", "end_time": ""})
    assert garbage.status_code == 200
    assert 'class="error-summary"' in garbage.content.decode()
    closed = client.post(move_url(booking), times(start="21:00", end="22:00"))
    assert shown(validators.CLOSED) in closed.content.decode()
    booking.refresh_from_db()
    assert (booking.start, booking.end) == (at(DAY, 18), at(DAY, 20))


def test_move_after_the_cancellation_deadline_is_refused(client, frozen, facility, resident):
    booking = book(facility, resident, at(DAY, 10), at(DAY, 11))
    frozen.move_to(at(DAY, 9) - dt.timedelta(hours=1))
    client.force_login(resident)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert move_url(booking) not in page
    response = client.post(move_url(booking), times(DAY + dt.timedelta(days=3)), follow=True)
    assert shown(MOVE_DEADLINE_PASSED) in response.content.decode()
    booking.refresh_from_db()
    assert (booking.start, booking.status) == (at(DAY, 10), DecisionStatus.APPROVED)


def test_cancelled_booking_cannot_be_moved(client, frozen, facility, resident):
    booking = book(facility, resident, at(DAY, 10), at(DAY, 11))
    services.cancel_booking(booking=booking, by=resident, as_staff=False)
    client.force_login(resident)
    assert move_url(booking) not in client.get(booking.get_absolute_url()).content.decode()
    response = client.post(move_url(booking), times(), follow=True)
    assert shown(NOT_MOVABLE) in response.content.decode()
    booking.refresh_from_db()
    assert booking.start == at(DAY, 10)
    assert not Occupancy.objects.filter(booking=booking, active=True).exists()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", 302),
        ("org_member", 404),
        ("org_admin", 404),
        ("other_manager", 404),
        ("grant_officer", 404),
        ("facility_manager", 403),  # sees the booking; moves it on the handling page
        ("administrator", 403),
    ],
)
def test_only_those_who_act_for_the_booking_may_move_it(
    client, request, frozen, facility, resident, persona, expected
):
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.post(move_url(booking), times())
    assert response.status_code == expected
    if persona == "anonymous":
        assert "login" in response["Location"]
    booking.refresh_from_db()
    assert booking.start == at(DAY, 18)
    if persona == "facility_manager":
        page = client.get(booking.get_absolute_url()).content.decode()
        assert move_url(booking) not in page


def test_get_is_not_allowed(client, frozen, facility, resident):
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(resident)
    assert client.get(move_url(booking)).status_code == 405


def test_org_member_moves_the_organizations_booking(
    client, frozen, facility, org_member, org_admin, organization
):
    booking = book(facility, org_member, at(DAY, 18), at(DAY, 20), organization=organization)
    client.force_login(org_admin)
    response = client.post(move_url(booking), times())
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.start, booking.end) == (at(DAY, 14), at(DAY, 16))
    assert booking.booker == org_member and booking.organization == organization


def test_move_in_an_approval_facility_waits_for_approval_again(
    client, frozen, facility_manager, resident, django_capture_on_commit_callbacks
):
    facility = managed_facility(facility_manager, rules={"requires_approval": True})
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    services.approve_booking(booking=booking, by=facility_manager)
    assert queue_for(facility_manager) == []
    client.force_login(resident)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert in_template(APPROVAL_AGAIN) in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(move_url(booking), times())
    booking.refresh_from_db()
    assert booking.start == at(DAY, 14)
    assert booking.status == DecisionStatus.PENDING
    assert booking.decided_at is None and booking.decided_by is None
    assert booking.due_at is not None and booking.due_at > NOW
    assert [item.url for item in queue_for(facility_manager)] == [
        reverse("bookings:manage_detail", args=[booking.pk])
    ]
    # The pending booking still holds its new time.
    assert active_rows(booking)[0] == (at(DAY, 14), at(DAY, 16))
    assert shown(MOVED_PENDING) in client.get(booking.get_absolute_url()).content.decode()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert in_language_of(resident, MAIL_PENDING) in message.body
        assert ics_statuses(message) == ["TENTATIVE"]

    # The manager's decision closes the loop.
    services.approve_booking(booking=booking, by=facility_manager)
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.APPROVED


def test_pending_booking_moved_stays_pending(client, frozen, facility_manager, resident):
    facility = managed_facility(facility_manager, rules={"requires_approval": True})
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(resident)
    client.post(move_url(booking), times())
    booking.refresh_from_db()
    assert (booking.start, booking.status) == (at(DAY, 14), DecisionStatus.PENDING)


def test_managers_change_still_works_and_keeps_the_approval(
    client, frozen, facility_manager, resident, django_capture_on_commit_callbacks
):
    facility = managed_facility(facility_manager, rules={"requires_approval": True})
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    services.approve_booking(booking=booking, by=facility_manager)
    # Past the booker's deadline: staff can still move it.
    frozen.move_to(at(DAY, 9))
    client.force_login(facility_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("bookings:change", args=[booking.pk]), times(start="17:00", end="19:00")
        )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.start, booking.status) == (at(DAY, 17), DecisionStatus.APPROVED)
    assert booking.decided_by == facility_manager
    assert len(mail.outbox) == 2
    assert Booking.objects.pending().count() == 0
