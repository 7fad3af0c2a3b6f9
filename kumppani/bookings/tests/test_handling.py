"""Managers approve, deny (with a reason the booker sees), bulk approve, move and block."""

from django.core import mail
from django.urls import reverse

from kumppani.bookings.models import Booking, BookingKind, DenialReason
from kumppani.bookings.tests.factories import DAY, at, book, managed_facility, shown
from kumppani.core.decisions import DecisionStatus, queue_for
from kumppani.core.models import PersonalDataAccess


def approval_facility(manager):
    return managed_facility(manager, rules={"requires_approval": True})


def test_pending_booking_in_queue_and_approved(
    client, frozen, facility_manager, resident, django_capture_on_commit_callbacks
):
    facility = approval_facility(facility_manager)
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    assert booking.status == DecisionStatus.PENDING
    assert booking.due_at is not None
    items = queue_for(facility_manager)
    assert [item.url for item in items] == [reverse("bookings:manage_detail", args=[booking.pk])]

    client.force_login(facility_manager)
    page = client.get(reverse("bookings:handling"))
    assert facility.name in page.content.decode()
    detail = client.get(reverse("bookings:manage_detail", args=[booking.pk]))
    assert "vastuu@example.org" in detail.content.decode()
    assert PersonalDataAccess.objects.filter(viewer=facility_manager).exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bookings:approve", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.APPROVED
    assert booking.decided_by == facility_manager
    assert booking.decided_at is not None
    assert {m.to[0] for m in mail.outbox} == {"resident@example.org", "vastuu@example.org"}


def test_deny_with_reason_visible_to_booker(client, frozen, facility_manager, resident):
    facility = approval_facility(facility_manager)
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(facility_manager)
    response = client.post(
        reverse("bookings:deny", args=[booking.pk]),
        {"denial_code": DenialReason.PRIORITY, "reason": "Koulun juhla."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.REJECTED
    assert not booking.occupancies.filter(active=True).exists()
    client.force_login(resident)
    html = client.get(booking.get_absolute_url()).content.decode()
    assert "Koulun juhla." in html
    assert shown(DenialReason.PRIORITY.label) in html


def test_deny_needs_a_reason(client, frozen, facility_manager, resident):
    facility = approval_facility(facility_manager)
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(facility_manager)
    response = client.post(reverse("bookings:deny", args=[booking.pk]), {"denial_code": ""})
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.PENDING


def test_bulk_approve(client, frozen, facility_manager, resident, org_member):
    facility = approval_facility(facility_manager)
    first = book(facility, resident, at(DAY, 10), at(DAY, 11))
    second = book(facility, org_member, at(DAY, 12), at(DAY, 13))
    client.force_login(facility_manager)
    client.post(reverse("bookings:bulk_approve"), {"booking": [first.pk, second.pk]})
    assert set(Booking.objects.values_list("status", flat=True)) == {DecisionStatus.APPROVED}


def test_other_units_manager_cannot_decide(
    client, frozen, facility_manager, other_manager, resident
):
    facility = approval_facility(facility_manager)
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(other_manager)
    assert client.post(reverse("bookings:approve", args=[booking.pk])).status_code == 403
    assert (
        client.post(reverse("bookings:bulk_approve"), {"booking": [booking.pk]}).status_code == 302
    )
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.PENDING
    assert queue_for(other_manager) == []


def test_staff_block_and_on_behalf(client, frozen, facility_manager, resident):
    facility = managed_facility(facility_manager)
    client.force_login(facility_manager)
    url = reverse("bookings:staff_book", args=[facility.pk])
    response = client.post(
        url,
        {
            "kind": BookingKind.BLOCK,
            "date": DAY.isoformat(),
            "start_time": "06:00",
            "end_time": "23:00",
            "purpose": "Lattian vahaus",
            "people": "1",
        },
    )
    assert response.status_code == 302
    blocked = Booking.objects.get()
    assert blocked.kind == BookingKind.BLOCK
    assert blocked.created_by == facility_manager
    response = client.post(
        url,
        {
            "kind": BookingKind.BOOKING,
            "booker_email": "resident@example.org",
            "date": (DAY.replace(day=DAY.day + 1)).isoformat(),
            "start_time": "18:00",
            "end_time": "20:00",
            "purpose": "Puhelimessa sovittu",
            "people": "5",
            "responsible_name": "Riikka",
            "responsible_phone": "040",
            "responsible_email": "r@example.org",
            "responsible_of_age": "on",
        },
    )
    assert response.status_code == 302
    on_behalf = Booking.objects.get(kind=BookingKind.BOOKING)
    assert on_behalf.booker == resident
    assert on_behalf.status == DecisionStatus.APPROVED
    assert on_behalf.decided_by == facility_manager


def test_staff_moves_and_cancels_with_reason(
    client, frozen, facility_manager, resident, django_capture_on_commit_callbacks
):
    facility = managed_facility(facility_manager)
    booking = book(facility, resident, at(DAY, 18), at(DAY, 20))
    client.force_login(facility_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("bookings:change", args=[booking.pk]),
            {"date": DAY.isoformat(), "start_time": "17:00", "end_time": "19:00"},
        )
    booking.refresh_from_db()
    assert booking.start == at(DAY, 17)
    assert booking.occupancies.get(active=True).start == at(DAY, 17)
    assert {m.to[0] for m in mail.outbox} == {"resident@example.org", "vastuu@example.org"}
    missing = client.post(reverse("bookings:staff_cancel", args=[booking.pk]), {"reason": ""})
    assert missing.status_code == 200
    client.post(reverse("bookings:staff_cancel", args=[booking.pk]), {"reason": "Vesivahinko."})
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.CANCELLED
    assert booking.cancelled_by == facility_manager
    assert booking.cancellation_reason == "Vesivahinko."


def test_handling_page_links_booking_requests(client, facility_manager, resident):
    client.force_login(facility_manager)
    assert reverse("bookings:handling") in client.get(reverse("core:handling")).content.decode()
    client.force_login(resident)
    assert client.get(reverse("core:handling")).status_code == 403
