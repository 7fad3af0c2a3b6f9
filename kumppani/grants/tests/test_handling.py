"""Review and decisions: conflicts of interest, the budget cap, the officer's scope (M8)."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from kumppani.core.decisions import queue_for
from kumppani.core.time import now, today
from kumppani.grants import services
from kumppani.grants.models import ApplicationStatus, Call, CallStatus, GrantDecision
from kumppani.grants.tests.factories import ApplicationFactory, CallFactory, make_decision
from kumppani.organizations.tests.factories import OrganizationFactory


@pytest.fixture
def submitted(call, organization):
    return ApplicationFactory(call=call, organization=organization, submitted=True)


def decide(application, officer, amount, **kwargs):
    return services.decide_application(
        application=application,
        officer=officer,
        amount_granted=Decimal(amount),
        reason="Perustelut.",
        report_due_on=today() + dt.timedelta(days=365),
        **kwargs,
    )


def test_conflicted_officer_cannot_review_propose_or_decide(client, submitted, grant_officer):
    client.force_login(grant_officer)
    base = f"/en/grants/handling/applications/{submitted.pk}"
    assert client.post(f"{base}/conflict/", {"note": "Hallituksen jäsen"}).status_code == 302
    page = client.get(f"{base}/")
    assert page.status_code == 200
    assert "declared a conflict of interest" in page.text
    assert f'action="{base}/decide/"' not in page.text
    criterion = submitted.call.criteria.first()
    assert client.post(f"{base}/score/", {f"score_{criterion.pk}": "5"}).status_code == 403
    assert client.post(f"{base}/propose/", {"amount": "100"}).status_code == 403
    response = client.post(
        f"{base}/decide/", {"amount_granted": "100", "reason": "x", "report_due_on": "2999-01-01"}
    )
    assert response.status_code == 403
    assert (
        client.post(f"{base}/additions/", {"message": "x", "due_date": "2999-01-01"}).status_code
        == 403
    )
    assert not GrantDecision.objects.exists()
    # The service refuses too, whatever calls it.
    with pytest.raises(PermissionDenied):
        decide(submitted, grant_officer, "100")
    # The conflicted application leaves the officer's queue.
    assert not [item for item in queue_for(grant_officer) if str(submitted.pk) in item.url]


def test_another_officer_of_the_programme_decides_after_a_conflict(
    submitted, grant_officer, programme, other_officer
):
    services.declare_conflict(application=submitted, officer=grant_officer)
    programme.officers.add(other_officer)
    decision = decide(submitted, other_officer, "1000")
    assert decision.decided_by == other_officer


def test_total_granted_never_exceeds_the_budget(programme, grant_officer):
    call = CallFactory(programme=programme, budget=Decimal("5000"), max_amount=Decimal("5000"))
    first = ApplicationFactory(call=call, submitted=True)
    second = ApplicationFactory(call=call, submitted=True)
    decide(first, grant_officer, "3000")
    with pytest.raises(ValidationError) as error:
        decide(second, grant_officer, "2500")
    assert error.value.error_list[0].code == "over_budget"
    second.refresh_from_db()
    assert second.status == ApplicationStatus.SUBMITTED
    decide(second, grant_officer, "2000")
    assert services.remaining_budget(call) == 0


def test_proposals_count_against_the_remaining_budget(client, programme, grant_officer):
    call = CallFactory(programme=programme, budget=Decimal("5000"), max_amount=Decimal("5000"))
    first = ApplicationFactory(call=call, submitted=True)
    second = ApplicationFactory(call=call, submitted=True)
    services.propose_amount(application=first, officer=grant_officer, amount=Decimal("3000"))
    assert services.remaining_budget(call) == Decimal("2000")
    client.force_login(grant_officer)
    response = client.post(
        f"/en/grants/handling/applications/{second.pk}/propose/", {"amount": "2500"}
    )
    assert response.status_code == 400
    assert "budget would be exceeded" in response.text
    assert "2,000.00" in response.text or "2000" in response.text  # remaining always visible


def test_decision_cannot_exceed_the_request(submitted, grant_officer):
    with pytest.raises(ValidationError):
        decide(submitted, grant_officer, "3000.01")


def test_rejection_is_a_zero_decision_with_notice(
    submitted, grant_officer, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide_application(
            application=submitted,
            officer=grant_officer,
            amount_granted=Decimal(0),
            reason="Ei rahaa.",
        )
    assert decision.status == "rejected" and not decision.is_granted
    assert decision.report_due_on is None
    assert [m.to for m in mail.outbox] == [[org_admin.email]]


def test_call_becomes_decided_when_every_application_is(programme, grant_officer):
    call = CallFactory(programme=programme, closed=True)
    first = ApplicationFactory(call=call, submitted=True)
    second = ApplicationFactory(call=call, submitted=True)
    ApplicationFactory(call=call)  # a draft never submitted does not hold the call open
    decide(first, grant_officer, "1000")
    call.refresh_from_db()
    assert call.status == CallStatus.CLOSED
    decide(second, grant_officer, "0")
    call.refresh_from_db()
    assert call.status == CallStatus.DECIDED and call.decided_at is not None


def test_call_freezes_its_criteria(programme, grant_officer):
    call = services.create_call(
        programme=programme,
        user=grant_officer,
        titles={"fi": "Haku", "sv": "Ansökan", "en": "Call"},
        descriptions={"fi": "Kuvaus", "sv": "", "en": ""},
        opens_at=now(),
        closes_at=now() + dt.timedelta(days=10),
        max_amount=Decimal(1000),
        budget=Decimal(5000),
        required_attachments=["budget"],
        questions=[{"text_fi": "Kysymys", "text_sv": "", "text_en": "", "required": True}],
    )
    names = list(call.criteria.values_list("name_fi", flat=True))
    programme.criteria.update(name_fi="Muutettu")
    programme.criteria.create(name="Uusi", name_fi="Uusi", weight=2)
    assert list(Call.objects.get(pk=call.pk).criteria.values_list("name_fi", flat=True)) == names


def test_officer_creates_a_call_in_helsinki_time(client, programme, grant_officer, other_programme):
    client.force_login(grant_officer)
    data = {
        "programme": programme.pk,
        "title_fi": "Kevään haku",
        "description_fi": "Kuvaus",
        "opens_at": "2031-03-01T09:00",
        "closes_at": "2031-03-31T16:00",
        "max_amount": "1000",
        "budget": "10000",
        "required_attachments": ["budget"],
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-0-text_fi": "Ketkä osallistuvat?",
        "questions-0-required": "on",
    }
    response = client.post("/en/grants/handling/calls/new/", data)
    assert response.status_code == 302
    call = Call.objects.get()
    assert call.closes_at == dt.datetime(2031, 3, 31, 13, 0, tzinfo=dt.UTC)  # 16:00 EEST
    assert call.questions.get().required
    assert call.criteria.count() == programme.criteria.count()
    # Not in another officer's programme.
    response = client.post(
        "/en/grants/handling/calls/new/", data | {"programme": other_programme.pk}
    )
    assert response.status_code == 400


def test_bad_call_dates_are_refused(client, programme, grant_officer):
    client.force_login(grant_officer)
    data = {
        "programme": programme.pk,
        "title_fi": "X",
        "description_fi": "X",
        "opens_at": "2031-03-02T09:00",
        "closes_at": "2031-03-01T09:00",
        "max_amount": "1000",
        "budget": "500",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
    }
    response = client.post("/en/grants/handling/calls/new/", data)
    assert response.status_code == 400
    assert not Call.objects.exists()


def test_handling_queue_lists_waiting_applications_and_overdue_reports(
    client, programme, submitted, grant_officer, other_officer
):
    earlier = ApplicationFactory(
        call=CallFactory(programme=programme, closed=True),
        organization=OrganizationFactory(verified=True),
        submitted=True,
    )
    make_decision(earlier, Decimal(500), report_due_on=today() - dt.timedelta(days=3))
    items = queue_for(grant_officer)
    assert len(items) == 2
    assert {item.url.split("/grants/")[1] for item in items} == {
        f"handling/applications/{submitted.pk}/",
        f"handling/applications/{earlier.pk}/",
    }
    assert queue_for(other_officer) == []
    client.force_login(grant_officer)
    assert submitted.org_name in client.get("/en/handling/").text


def test_instalments_cannot_exceed_the_grant(submitted, grant_officer):
    decision = decide(submitted, grant_officer, "2000")
    services.add_instalment(
        decision=decision, officer=grant_officer, amount=Decimal(1500), due_on=today()
    )
    with pytest.raises(ValidationError):
        services.add_instalment(
            decision=decision, officer=grant_officer, amount=Decimal(501), due_on=today()
        )


def test_calls_decided_before_closing_are_marked_once_closed(programme, grant_officer):
    from django.core.management import call_command

    call = CallFactory(programme=programme)
    application = ApplicationFactory(call=call, submitted=True)
    decide(application, grant_officer, "1000")
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN
    Call.objects.filter(pk=call.pk).update(closes_at=now() - dt.timedelta(minutes=1))
    call_command("close_grant_calls", stdout=io.StringIO())
    call.refresh_from_db()
    assert call.status == CallStatus.DECIDED
