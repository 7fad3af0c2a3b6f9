"""The whole procedure through the pages people use: report → hearing → answer → decision →
enforcement (the booking form and the API refuse) → reconsideration → annulment."""

import datetime as dt

from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from kumppani.bookings.models import Booking
from kumppani.bookings.tests.factories import DAY, at, shown
from kumppani.core.decisions import DecisionStatus
from kumppani.core.models import PersonalDataAccess
from kumppani.sanctions.enforcement import PERSON_BANNED
from kumppani.sanctions.models import (
    Incident,
    IncidentStage,
    ReconsiderationOutcome,
    SanctionDecision,
)
from kumppani.sanctions.services.decisions import HEARING_FIRST, SAME_OFFICIAL
from kumppani.sanctions.tests.conftest import step, used_booking

LATER = DAY + dt.timedelta(days=20)


def booking_form(day, **overrides):
    data = {
        "date": day.isoformat(),
        "start_time": "18:00",
        "end_time": "20:00",
        "purpose": "Lautapeli-ilta",
        "people": "8",
        "responsible_name": "Riikka Asukas",
        "responsible_phone": "040 123 4567",
        "responsible_email": "vastuu@example.org",
        "responsible_of_age": "on",
        "accept_terms": "on",
        "step": "confirm",
    }
    data.update(overrides)
    return data


def api_payload(facility, day):
    return {
        "facility": facility.pk,
        "start": at(day, 18).isoformat(),
        "end": at(day, 20).isoformat(),
        "purpose": "Kokous",
        "people": 5,
        "responsible_name": "Vastuu Henkilö",
        "responsible_phone": "040 1",
        "responsible_email": "vastuu@example.org",
        "responsible_of_age": True,
        "accept_terms": True,
    }


def test_report_hear_decide_enforce_reconsider_annul(
    client,
    frozen,
    policy,
    facility,
    facility_manager,
    second_manager,
    resident,
    django_capture_on_commit_callbacks,
):
    booking = used_booking(frozen, facility, resident)
    assert booking.terms_version.endswith("sanctions-policy:1")

    # Staff record the misuse against the booking.
    client.force_login(facility_manager)
    response = client.post(
        reverse("sanctions:report", args=[booking.pk]),
        {
            "kind": "damage",
            "occurred_at_0": DAY.isoformat(),
            "occurred_at_1": "20:00",
            "description": "Tuoli rikki.",
            "damage_cost": "80.00",
        },
    )
    incident = Incident.objects.get()
    assert response.status_code == 302 and response["Location"] == incident.get_absolute_url()
    assert incident.party_user == resident and incident.responsible_email == "vastuu@example.org"
    assert incident.stage == IncidentStage.REPORTED

    # A sanction needs a hearing first.
    early = client.post(
        reverse("sanctions:decide", args=[incident.pk]),
        {"step": str(step(policy, 1).pk), "target": "person", "reason": "Syy"},
    )
    assert shown(HEARING_FIRST) in early.content.decode()
    assert not SanctionDecision.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("sanctions:open_hearing", args=[incident.pk]),
            {"claim": "Tuoli rikottiin vuorollanne.", "days": "14"},
        )
    incident.refresh_from_db()
    assert incident.stage == IncidentStage.HEARING
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == ["resident@example.org", "vastuu@example.org"]
    assert "Tuoli rikottiin vuorollanne." in mail.outbox[0].body

    # The party reads the case and answers in the service.
    client.force_login(resident)
    page = client.get(incident.get_absolute_url())
    assert page.status_code == 200 and "Tuoli rikottiin vuorollanne." in page.content.decode()
    client.post(reverse("sanctions:answer", args=[incident.pk]), {"text": "Tuoli oli jo rikki."})

    # Staff see the answer and decide: the ladder's third step, a ban, departing with a reason.
    client.force_login(facility_manager)
    assert "Tuoli oli jo rikki." in client.get(incident.get_absolute_url()).content.decode()
    assert PersonalDataAccess.objects.filter(viewer=facility_manager).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("sanctions:decide", args=[incident.pk]),
            {
                "step": str(step(policy, 3).pk),
                "target": "person",
                "fee": "80.00",
                "reason": "Tuoli rikottiin; vastaus ei muuta arviota.",
                "departure_reason": "Vahinko oli tahallinen.",
            },
        )
    assert response.status_code == 302
    decision = SanctionDecision.objects.get()
    assert decision.decided_by == facility_manager and decision.status == DecisionStatus.APPROVED
    assert decision.starts_on == DAY + dt.timedelta(days=1)
    assert decision.ends_on == dt.date(2026, 12, 10)
    assert "OIKAISUVAATIMUSOHJE" in mail.outbox[0].body  # instructions in the party language

    # Enforcement: the booking form and the API refuse, with the end date and the decision.
    client.force_login(resident)
    refused = client.post(reverse("bookings:book", args=[facility.slug]), booking_form(LATER))
    text = refused.content.decode()
    assert shown(PERSON_BANNED, date="10.12.2026", number=incident.number) in text
    api = APIClient()
    api.force_authenticate(resident)
    api_refused = api.post("/api/v1/bookings/", api_payload(facility, LATER), format="json")
    assert api_refused.status_code == 400
    assert "not_eligible" in api_refused.json()["codes"]
    assert Booking.objects.count() == 1

    # Reconsideration: the party asks; the deciding manager may not decide on it.
    client.post(
        reverse("sanctions:reconsideration", args=[incident.pk]),
        {"grounds": "Tuoli oli rikki jo ennen vuoroamme."},
    )
    incident.refresh_from_db()
    assert incident.stage == IncidentStage.RECONSIDERATION
    client.force_login(facility_manager)
    same = client.post(
        reverse("sanctions:decide_reconsideration", args=[incident.pk]),
        {"outcome": "annulled", "reason": "Kumotaan."},
    )
    assert shown(SAME_OFFICIAL) in same.content.decode()

    client.force_login(second_manager)
    client.post(
        reverse("sanctions:decide_reconsideration", args=[incident.pk]),
        {"outcome": "annulled", "reason": "Vahinko oli syntynyt jo aiemmin."},
    )
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.CANCELLED and decision.annulled_at is not None
    assert decision.reconsideration.outcome == ReconsiderationOutcome.ANNULLED
    assert decision.reconsideration.decided_by == second_manager

    # Annulled at once: booking is allowed again, through the form and the API.
    client.force_login(resident)
    allowed = client.post(reverse("bookings:book", args=[facility.slug]), booking_form(LATER))
    assert allowed.status_code == 302
    api_allowed = api.post(
        "/api/v1/bookings/", api_payload(facility, LATER + dt.timedelta(days=1)), format="json"
    )
    assert api_allowed.status_code == 201, api_allowed.json()
