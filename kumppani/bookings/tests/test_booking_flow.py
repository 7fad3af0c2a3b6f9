"""A resident books through the form (with a confirm step showing the price) and cancels."""

import datetime as dt

from django.core import mail
from django.urls import reverse

from kumppani.bookings import validators
from kumppani.bookings.models import Booking, Occupancy
from kumppani.bookings.services.decisions import CANCEL_DEADLINE_PASSED
from kumppani.bookings.tests.factories import DAY, at, book, bookable_facility, shown
from kumppani.core.decisions import DecisionStatus


def as_text(content) -> str:
    return content.decode() if isinstance(content, bytes) else content


def form_data(**overrides):
    data = {
        "date": DAY.isoformat(),
        "start_time": "18:00",
        "end_time": "20:00",
        "purpose": "Lautapeli-ilta",
        "people": "8",
        "responsible_name": "Riikka Asukas",
        "responsible_phone": "040 123 4567",
        "responsible_email": "vastuu@example.org",
        "responsible_of_age": "on",
        "accept_terms": "on",
    }
    data.update(overrides)
    return data


def test_resident_books_and_cancels(
    client, frozen, facility, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    url = reverse("bookings:book", args=[facility.slug])
    page = client.get(url, {"start": f"{DAY.isoformat()}T18:00"})
    assert page.status_code == 200
    assert 'value="18:00"' in page.content.decode()

    preview = client.post(url, form_data(step="preview"))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "50,20 €" in html  # 2 h × 20 € + VAT (Finnish format), shown before confirming
    assert not Booking.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, form_data(step="confirm"))
    booking = Booking.objects.get()
    assert done.status_code == 302
    assert done["Location"] == booking.get_absolute_url()
    assert booking.status == DecisionStatus.APPROVED
    assert booking.booker == resident
    assert booking.responsible_email == "vastuu@example.org"
    assert booking.terms_version.startswith("terms:")
    assert str(booking.price) == "50.20"
    # Booker and responsible person get a confirmation with a calendar file.
    assert sorted(m.to[0] for m in mail.outbox) == ["resident@example.org", "vastuu@example.org"]
    for message in mail.outbox:
        name, content, mimetype = message.attachments[0]
        assert name == "booking.ics"
        assert mimetype.startswith("text/calendar")
        assert "BEGIN:VEVENT" in as_text(content)

    detail = client.get(booking.get_absolute_url())
    assert "Lautapeli-ilta" in detail.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bookings:cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.CANCELLED
    assert not Occupancy.objects.filter(active=True).exists()
    assert len(mail.outbox) == 2
    assert "METHOD:CANCEL" in as_text(mail.outbox[0].attachments[0][1])


def test_form_shows_rule_messages_and_keeps_input(client, frozen, facility, resident):
    client.force_login(resident)
    url = reverse("bookings:book", args=[facility.slug])
    far = (DAY + dt.timedelta(days=200)).isoformat()
    response = client.post(url, form_data(step="preview", date=far, purpose="Pitkä ilta"))
    html = response.content.decode()
    assert shown(validators.OUTSIDE_WINDOW, days=180) in html
    assert 'value="Pitkä ilta"' in html
    response = client.post(url, form_data(step="preview", start_time="12:00", end_time="17:00"))
    assert shown(validators.TOO_LONG, minutes=240) in response.content.decode()
    assert not Booking.objects.exists()


def test_over_the_limit_message(client, frozen, resident):
    facility = bookable_facility(rules={"max_active_bookings": 1})
    book(facility, resident, at(DAY, 10), at(DAY, 11))
    client.force_login(resident)
    response = client.post(
        reverse("bookings:book", args=[facility.slug]), form_data(step="confirm")
    )
    assert shown(validators.MAX_ACTIVE, count=1) in response.content.decode()
    assert Booking.objects.count() == 1


def test_cancel_after_deadline_refused(client, resident, facility, frozen):
    booking = book(facility, resident, at(DAY, 10), at(DAY, 11))
    frozen.move_to(at(DAY, 9) - dt.timedelta(hours=1))
    client.force_login(resident)
    response = client.post(reverse("bookings:cancel", args=[booking.pk]), follow=True)
    assert shown(CANCEL_DEADLINE_PASSED) in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == DecisionStatus.APPROVED


def test_lost_race_message_not_500(client, frozen, facility, resident, org_member):
    """Someone else booked between the preview and the confirmation."""
    client.force_login(resident)
    url = reverse("bookings:book", args=[facility.slug])
    client.post(url, form_data(step="preview"))
    book(facility, org_member, at(DAY, 19), at(DAY, 21))
    response = client.post(url, form_data(step="confirm"))
    assert response.status_code == 200
    assert shown(validators.OVERLAPS) in response.content.decode()
