"""The handling queue (M8), e-mails in the party's language, and GDPR export and erasure."""

import datetime as dt

from django.core import mail
from django.urls import reverse
from django.utils import translation

from kumppani.core.decisions import queue_for
from kumppani.core.gdpr import erase_for, export_for
from kumppani.sanctions import services
from kumppani.sanctions.models import Hearing, Incident, SanctionDecision
from kumppani.sanctions.tests.conftest import step, used_booking
from kumppani.sanctions.tests.helpers import answered, decided, heard, reported


def kinds(user) -> list[str]:
    with translation.override("en"):
        return [item.kind for item in queue_for(user) if "/misuse/" in item.url]


def test_queue_follows_the_stages(
    client, frozen, policy, facility, facility_manager, second_manager, other_manager, resident
):
    booking = used_booking(frozen, facility, resident)
    incident = reported(booking, facility_manager)
    assert kinds(facility_manager) == ["Misuse case awaiting a hearing"]
    assert kinds(other_manager) == []
    services.open_hearing(incident=incident, opened_by=facility_manager, claim="x")
    assert kinds(facility_manager) == []
    services.answer_hearing(incident=incident, author=resident, text="Vastaus")
    assert kinds(facility_manager) == ["Misuse case awaiting a decision"]
    item = next(i for i in queue_for(facility_manager) if i.url.endswith(f"/cases/{incident.pk}/"))
    deadline = Hearing.objects.get(incident=incident).deadline
    assert item.due_at == deadline + dt.timedelta(days=14)
    services.decide_incident(
        incident=incident,
        decided_by=facility_manager,
        terms=services.Terms(step=step(policy, 1)),
        reason="Varoitus.",
    )
    services.request_reconsideration(
        decision=SanctionDecision.objects.get(), requested_by=resident, grounds="Ei."
    )
    assert kinds(facility_manager) == []
    assert kinds(second_manager) == ["Request for reconsideration"]
    client.force_login(second_manager)
    assert client.get(reverse("core:handling")).status_code == 200


def test_hearing_deadline_passed_enters_the_queue(
    frozen, policy, facility, facility_manager, resident
):
    booking = used_booking(frozen, facility, resident)
    incident = heard(booking, facility_manager)
    frozen.move_to(incident.hearing.deadline + dt.timedelta(minutes=1))
    assert kinds(facility_manager) == ["Misuse case awaiting a decision"]


def test_mail_in_the_party_language(
    frozen, policy, facility, facility_manager, resident, django_capture_on_commit_callbacks
):
    resident.preferred_language = "en"
    resident.save()
    booking = used_booking(frozen, facility, resident)
    with django_capture_on_commit_callbacks(execute=True):
        heard(booking, facility_manager)
    to_resident = next(m for m in mail.outbox if m.to == [resident.email])
    assert "/en/misuse/cases/" in to_resident.body and "you may answer" in to_resident.subject


def test_export_and_erasure(frozen, policy, facility, facility_manager, resident):
    booking = used_booking(frozen, facility, resident)
    incident = decided(booking, facility_manager, resident, step(policy, 1))
    exported = export_for(resident)["misuse_cases"]
    assert exported["cases"][0]["number"] == incident.number
    assert exported["cases"][0]["decision"]["outcome"] == "warning"
    assert exported["cases"][0]["your_answers"] == ["Emme tienneet."]

    erase_for(resident)
    incident = Incident.objects.get()
    assert incident.party_user is None and incident.responsible_email == ""
    assert incident.responsible_name == "(deleted)"
    assert incident.decision.reason  # the decision itself is kept
    assert answered  # scenario helpers are the shared vocabulary of these tests
