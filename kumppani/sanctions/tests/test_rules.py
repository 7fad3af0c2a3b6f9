"""Dense rules through the services: bans ending on their date, the ladder, organizations,
deadlines of the hearing and of reconsideration, loss of free use, the recorded policy."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kumppani.bookings.tests.factories import DAY, at, book
from kumppani.bookings.validators import NOT_ELIGIBLE_CODE
from kumppani.facilities.models import CustomerGroup
from kumppani.facilities.tests.factories import with_price
from kumppani.sanctions import rules, services
from kumppani.sanctions.enforcement import booking_check
from kumppani.sanctions.models import Hearing, SanctionTarget
from kumppani.sanctions.services.decisions import (
    DEPARTURE_REASON_REQUIRED,
    HEARING_RUNNING,
    RECONSIDERATION_LATE,
)
from kumppani.sanctions.tests.conftest import step, used_booking
from kumppani.sanctions.tests.helpers import answered, decided, heard, reported


def codes(excinfo) -> list[str]:
    return [e.code for e in excinfo.value.error_list]


def test_ban_ends_by_itself_after_its_last_day(
    frozen, policy, facility, facility_manager, resident
):
    booking = used_booking(frozen, facility, resident)
    incident = decided(booking, facility_manager, resident, step(policy, 3))
    decision = incident.decision
    assert (decision.starts_on, decision.ends_on) == (dt.date(2026, 9, 11), dt.date(2026, 12, 10))
    frozen.move_to(at(dt.date(2026, 12, 5), 12))
    with pytest.raises(ValidationError) as refused:
        book(facility, resident, at(dt.date(2026, 12, 20), 18), at(dt.date(2026, 12, 20), 20))
    assert codes(refused) == [NOT_ELIGIBLE_CODE]
    # On its last day the ban still holds; from the next midnight (Helsinki) it is over.
    frozen.move_to(at(dt.date(2026, 12, 10), 23))
    assert booking_check(resident, None, facility, at(dt.date(2026, 12, 20), 18))
    frozen.move_to(at(dt.date(2026, 12, 11), 0, 1))
    assert booking_check(resident, None, facility, at(dt.date(2026, 12, 20), 18)) is None
    book(facility, resident, at(dt.date(2026, 12, 20), 18), at(dt.date(2026, 12, 20), 20))


def test_ban_decided_ahead_covers_its_own_days(
    frozen, policy, facility, facility_manager, resident
):
    booking = used_booking(frozen, facility, resident)
    start = DAY + dt.timedelta(days=30)
    decided(booking, facility_manager, resident, step(policy, 3), starts_on=start)
    assert booking_check(resident, None, facility, at(DAY + dt.timedelta(days=5), 18)) is None
    assert booking_check(resident, None, facility, at(start + dt.timedelta(days=2), 18))


def test_ladder_suggests_the_next_step_for_repeated_misuse(
    frozen, policy, facility, facility_manager, resident
):
    bookings = [
        book(
            facility,
            resident,
            at(DAY + dt.timedelta(days=n), 18),
            at(DAY + dt.timedelta(days=n), 20),
        )
        for n in range(4)
    ]
    frozen.move_to(at(DAY + dt.timedelta(days=5), 9))
    first = reported(bookings[0], facility_manager)
    assert rules.suggested_step(first, policy) == step(policy, 1)
    decided(bookings[0], facility_manager, resident, step(policy, 1))
    second = reported(bookings[1], facility_manager)
    assert rules.suggested_step(second, policy) == step(policy, 2)
    decided(bookings[2], facility_manager, resident, step(policy, 2))
    assert rules.suggested_step(second, policy) == step(policy, 3)

    # Departing from the suggestion needs written reasons.
    services.open_hearing(incident=second, opened_by=facility_manager, claim="Siivoamatta.")
    services.answer_hearing(incident=second, author=resident, text="", waives=True)
    with pytest.raises(ValidationError) as missing:
        services.decide_incident(
            incident=second,
            decided_by=facility_manager,
            terms=services.Terms(step=step(policy, 1)),
            reason="Lievä.",
        )
    assert missing.value.message_dict["departure_reason"] == [str(DEPARTURE_REASON_REQUIRED)]
    decision = services.decide_incident(
        incident=second,
        decided_by=facility_manager,
        terms=services.Terms(step=step(policy, 1)),
        reason="Lievä.",
        departure_reason="Ensimmäinen kerta tässä tilassa.",
    )
    assert decision.suggested_step == step(policy, 3) and decision.step == step(policy, 1)

    # Sanctions older than 12 months no longer count.
    frozen.move_to(at(DAY + dt.timedelta(days=400), 9))
    later = reported(bookings[3], facility_manager)
    assert rules.earlier_sanctions(later).count() == 0
    assert rules.suggested_step(later, policy) == step(policy, 1)


def test_organization_ban_and_members_private_bookings(
    frozen, policy, facility, facility_manager, org_member, organization, other_organization
):
    booking = used_booking(frozen, facility, org_member, organization=organization)
    incident = decided(
        booking,
        facility_manager,
        org_member,
        step(policy, 3),
        target=SanctionTarget.ORGANIZATION,
    )
    later = at(DAY + dt.timedelta(days=20), 18)
    assert booking_check(org_member, organization, facility, later)
    assert booking_check(None, organization, facility, later)
    # The member's private bookings are not covered unless the decision says so.
    assert booking_check(org_member, None, facility, later) is None
    assert booking_check(org_member, other_organization, facility, later) is None

    decision = incident.decision
    decision.covers_members = True
    decision.save(update_fields=["covers_members"])
    assert booking_check(org_member, None, facility, later)


def test_members_clause_decided_through_the_service(
    frozen, policy, facility, facility_manager, org_member, organization
):
    booking = used_booking(frozen, facility, org_member, organization=organization)
    decided(
        booking,
        facility_manager,
        org_member,
        step(policy, 3),
        target=SanctionTarget.ORGANIZATION,
        covers_members=True,
    )
    with pytest.raises(ValidationError) as refused:
        book(
            facility,
            org_member,
            at(DAY + dt.timedelta(days=20), 18),
            at(DAY + dt.timedelta(days=20), 20),
        )
    assert codes(refused) == [NOT_ELIGIBLE_CODE]


def test_decision_waits_for_the_hearing(frozen, policy, facility, facility_manager, resident):
    booking = used_booking(frozen, facility, resident)
    incident = heard(booking, facility_manager)
    terms = services.Terms(step=step(policy, 1))
    with pytest.raises(ValidationError) as early:
        services.decide_incident(
            incident=incident, decided_by=facility_manager, terms=terms, reason="Syy"
        )
    assert early.value.code == "hearing_running"
    assert str(HEARING_RUNNING).split("%")[0] in early.value.message
    # Closing with no action burdens no one and needs no wait.
    frozen.move_to(Hearing.objects.get(incident=incident).deadline + dt.timedelta(seconds=1))
    decision = services.decide_incident(
        incident=incident, decided_by=facility_manager, terms=terms, reason="Ei vastausta."
    )
    assert decision.step == step(policy, 1)


def test_answer_or_waiver_allows_an_earlier_decision(
    frozen, policy, facility, facility_manager, resident
):
    booking = used_booking(frozen, facility, resident)
    incident = answered(booking, facility_manager, resident)
    decision = services.decide_incident(
        incident=incident,
        decided_by=facility_manager,
        terms=services.Terms(step=step(policy, 1)),
        reason="Vastaus huomioitu.",
    )
    assert decision.is_sanction


def test_no_action_closes_without_hearing(frozen, policy, facility, facility_manager, resident):
    booking = used_booking(frozen, facility, resident)
    incident = reported(booking, facility_manager)
    decision = services.decide_incident(
        incident=incident,
        decided_by=facility_manager,
        terms=services.Terms(step=None),
        reason="Ei näyttöä.",
    )
    incident.refresh_from_db()
    assert decision.outcome == "no_action" and decision.reconsideration_deadline is None
    assert incident.stage == "closed" and incident.retain_until == dt.date(2029, 9, 11)


def test_reconsideration_deadline(frozen, policy, facility, facility_manager, resident):
    booking = used_booking(frozen, facility, resident)
    incident = decided(booking, facility_manager, resident, step(policy, 1))
    decision = incident.decision
    # Sent 11.9. (Friday); deemed received 14.9.; 14 days → 28.9. (Monday).
    assert decision.reconsideration_deadline == dt.date(2026, 9, 28)
    frozen.move_to(at(dt.date(2026, 9, 29), 8))
    with translation.override("fi"):
        with pytest.raises(ValidationError) as late:
            services.request_reconsideration(
                decision=decision, requested_by=resident, grounds="Väärin."
            )
        assert late.value.message == str(RECONSIDERATION_LATE) % {"date": "28.9.2026"}
    frozen.move_to(at(dt.date(2026, 9, 28), 23, 30))
    request = services.request_reconsideration(
        decision=decision, requested_by=resident, grounds="Väärin."
    )
    assert request.original_decider == facility_manager


def test_changed_on_reconsideration(
    frozen, policy, facility, facility_manager, second_manager, resident
):
    booking = used_booking(frozen, facility, resident)
    incident = decided(booking, facility_manager, resident, step(policy, 3))
    request = services.request_reconsideration(
        decision=incident.decision, requested_by=resident, grounds="Liian ankara."
    )
    services.decide_reconsideration(
        reconsideration=request,
        decided_by=second_manager,
        outcome="changed",
        reason="Varoitus riittää.",
        terms=services.Terms(step=step(policy, 1)),
    )
    decision = incident.decision
    decision.refresh_from_db()
    assert decision.outcome == "warning" and decision.ends_on is None
    request.refresh_from_db()
    assert request.previous_terms["outcome"] == "ban"
    assert booking_check(resident, None, facility, at(DAY + dt.timedelta(days=20), 18)) is None


def test_loss_of_free_use_prices_new_bookings(
    frozen, policy, facility, facility_manager, org_member, organization
):
    organization.is_nonprofit = True
    organization.save()
    with_price(facility, group=CustomerGroup.NONPROFIT, amount="0.00")
    booking = used_booking(frozen, facility, org_member, organization=organization)
    assert booking.price == Decimal("0.00")
    decided(
        booking,
        facility_manager,
        org_member,
        step(policy, 2),
        target=SanctionTarget.ORGANIZATION,
    )
    day = DAY + dt.timedelta(days=20)
    paid = book(facility, org_member, at(day, 18), at(day, 20), organization=organization)
    assert paid.customer_group == CustomerGroup.PRIVATE and paid.price == Decimal("50.20")
    frozen.move_to(at(dt.date(2027, 3, 11), 9))
    free = book(
        facility,
        org_member,
        at(dt.date(2027, 3, 20), 18),
        at(dt.date(2027, 3, 20), 20),
        organization=organization,
    )
    assert free.price == Decimal("0.00")


def test_booking_records_policy_version(frozen, facility, resident, facility_manager):
    from kumppani.sanctions.tests.conftest import make_policy

    assert (
        "sanctions-policy" not in book(facility, resident, at(DAY, 10), at(DAY, 11)).terms_version
    )
    make_policy(1)
    make_policy(2)
    assert book(facility, resident, at(DAY, 12), at(DAY, 13)).terms_version.endswith(
        "sanctions-policy:2"
    )


def test_future_bookings_listed_for_the_manager(
    client, frozen, policy, facility, facility_manager, resident
):
    from django.urls import reverse

    from kumppani.sanctions.enforcement import future_bookings

    first = book(facility, resident, at(DAY, 18), at(DAY, 20))
    later = DAY + dt.timedelta(days=10)
    upcoming = book(facility, resident, at(later, 18), at(later, 20))
    frozen.move_to(at(DAY + dt.timedelta(days=1), 9))
    incident = decided(first, facility_manager, resident, step(policy, 3))
    assert list(future_bookings(incident.decision)) == [upcoming]
    client.force_login(facility_manager)
    page = client.get(incident.get_absolute_url()).content.decode()
    assert reverse("bookings:manage_detail", args=[upcoming.pk]) in page
