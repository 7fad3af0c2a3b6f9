"""The next user of a space tells staff; staff turn the tip into a case against a booking."""

from django.core import mail
from django.urls import reverse

from kumppani.bookings.tests.factories import DAY
from kumppani.sanctions.models import Incident, Tip
from kumppani.sanctions.tests.conftest import used_booking
from kumppani.sanctions.tests.test_permissions import image_bytes, upload


def test_tip_becomes_a_case(
    client,
    frozen,
    policy,
    facility,
    facility_manager,
    resident,
    org_member,
    django_capture_on_commit_callbacks,
):
    booking = used_booking(frozen, facility, resident)
    client.force_login(org_member)
    url = reverse("sanctions:new_tip", args=[facility.slug])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "kind": "unclean",
                "noticed_at_0": DAY.isoformat(),
                "noticed_at_1": "20:15",
                "description": "Roskia ja tahmea lattia.",
                "photo": upload("lattia.png", image_bytes()),
            },
        )
    assert response.status_code == 302
    tip = Tip.objects.get()
    assert tip.reporter == org_member and tip.photos.count() == 1
    assert facility_manager.email in [m.to[0] for m in mail.outbox]

    client.force_login(facility_manager)
    page = client.get(reverse("sanctions:tip", args=[tip.pk])).content.decode()
    report_url = reverse("sanctions:report", args=[booking.pk])
    assert f"{report_url}?tip={tip.pk}" in page
    form = client.get(f"{report_url}?tip={tip.pk}").content.decode()
    assert "Roskia ja tahmea lattia." in form
    client.post(
        report_url,
        {
            "tip": tip.pk,
            "kind": "unclean",
            "occurred_at_0": DAY.isoformat(),
            "occurred_at_1": "20:00",
            "description": "Roskia ja tahmea lattia.",
        },
    )
    incident = Incident.objects.get()
    tip.refresh_from_db()
    assert tip.incident == incident and tip.handled_at is not None
    assert incident.photos.count() == 1 and incident.party_user == resident


def test_tip_needs_sign_in_and_future_time_is_refused(client, frozen, facility, resident):
    url = reverse("sanctions:new_tip", args=[facility.slug])
    assert client.get(url).status_code == 302
    client.force_login(resident)
    response = client.post(
        url,
        {
            "kind": "unlocked",
            "noticed_at_0": "2030-01-01",
            "noticed_at_1": "10:00",
            "description": "Ovi auki.",
        },
    )
    assert response.status_code == 200 and not Tip.objects.exists()
    assert "Ovi auki." in response.content.decode()


def test_tip_is_staff_only(client, frozen, facility, facility_manager, other_manager, resident):
    tip = Tip.objects.create(
        facility=facility,
        reporter=resident,
        kind="damage",
        description="Ikkuna rikki.",
        noticed_at=facility.created_at,
    )
    client.force_login(resident)
    assert client.get(reverse("sanctions:tip", args=[tip.pk])).status_code == 403
    client.force_login(other_manager)
    assert client.get(reverse("sanctions:tip", args=[tip.pk])).status_code == 404
    client.force_login(facility_manager)
    client.post(reverse("sanctions:tip_dismiss", args=[tip.pk]))
    tip.refresh_from_db()
    assert tip.handled_at is not None and tip.incident is None


def test_tip_form_labels_both_date_and_time_inputs(client, facility, org_member):
    client.force_login(org_member)
    page = client.get(f"/en/misuse/report/{facility.slug}/").content.decode()
    group = page[page.index("<fieldset><legend>When did you notice it?") :]
    group = group[: group.index("</fieldset>")]
    assert 'type="date"' in group and 'aria-label="Date"' in group
    assert 'type="time"' in group and 'aria-label="Time (hh:mm)"' in group
