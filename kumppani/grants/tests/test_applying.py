"""Applying: deadlines, budget rule, attachments, eligibility, who may apply (M7, M14)."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from kumppani.core.time import HELSINKI
from kumppani.grants import services
from kumppani.grants.eligibility import ineligibilities
from kumppani.grants.models import Application, ApplicationStatus, BudgetKind, GrantApplicantRight
from kumppani.grants.tests.factories import (
    PDF_BYTES,
    ApplicationFactory,
    CallFactory,
    make_decision,
    overdue_date,
    png_bytes,
)
from kumppani.grants.tests.test_cycle import draft_post
from kumppani.organizations.tests.factories import OrganizationFactory

CLOSES = dt.datetime(2031, 3, 31, 16, 0, tzinfo=HELSINKI)
OPENS = dt.datetime(2031, 3, 1, 9, 0, tzinfo=HELSINKI)


@pytest.fixture
def timed_call(programme):
    with time_machine.travel(OPENS - dt.timedelta(days=1), tick=False):
        return CallFactory(programme=programme, opens_at=OPENS, closes_at=CLOSES)


def submit_url(application):
    return f"/en/grants/applications/{application.pk}/edit/"


def test_submission_one_second_before_closing_succeeds(client, timed_call, org_admin, organization):
    application = ApplicationFactory(call=timed_call, organization=organization)
    with time_machine.travel(CLOSES - dt.timedelta(seconds=1), tick=False):
        client.force_login(org_admin)
        response = client.post(submit_url(application), draft_post(application, action="submit"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_submission_one_second_after_closing_fails_and_keeps_the_draft(
    client, timed_call, org_admin, organization
):
    application = ApplicationFactory(call=timed_call, organization=organization)
    with time_machine.travel(CLOSES + dt.timedelta(seconds=1), tick=False):
        client.force_login(org_admin)
        response = client.post(
            submit_url(application), draft_post(application, action="submit", purpose="Uusi")
        )
    assert response.status_code == 400
    assert "The call closed before your application was submitted" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.purpose == "Uusi"  # what was typed is kept
    assert application.snapshot is None


def test_deadline_is_checked_inside_the_submit_service(timed_call, organization, org_admin):
    """Even a form rendered while the call was open cannot submit after it closed."""
    application = ApplicationFactory(call=timed_call, organization=organization)
    with time_machine.travel(CLOSES, tick=False), pytest.raises(ValidationError) as error:
        services.submit_application(application=application, user=org_admin)
    assert error.value.error_list[0].code == "deadline_passed"


def test_call_opens_at_its_opening_moment(client, timed_call, org_admin, organization):
    with time_machine.travel(OPENS - dt.timedelta(seconds=1), tick=False):
        client.force_login(org_admin)
        assert timed_call.status == "upcoming"
        client.post(f"/en/grants/calls/{timed_call.pk}/apply/", {"organization": organization.pk})
        assert not Application.objects.exists()
    with time_machine.travel(OPENS, tick=False):
        assert timed_call.status == "open"
        response = client.post(
            f"/en/grants/calls/{timed_call.pk}/apply/", {"organization": organization.pk}
        )
        assert response.status_code == 302
    assert Application.objects.get().status == ApplicationStatus.DRAFT


def test_budget_that_does_not_add_up_cannot_be_submitted(client, call, org_admin, organization):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    data = draft_post(application, action="submit", **{"budget-0-amount": "4000"})
    response = client.post(submit_url(application), data)
    assert response.status_code == 400
    assert "The budget does not add up" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.total_costs == Decimal("4000")  # the draft was still saved


def test_budget_rule_is_costs_minus_income(call, organization, org_admin):
    application = ApplicationFactory(
        call=call,
        organization=organization,
        amount_requested=Decimal("3000"),
        budget=[(BudgetKind.COST, "Vuokra", Decimal("3000"))],
    )
    assert services.submission_problems(application) == []
    application.budget_lines.create(kind=BudgetKind.INCOME, description="Maksut", amount=100)
    codes = [p.code for p in services.submission_problems(application)]
    assert codes == ["budget_unbalanced"]


def test_amount_over_call_maximum_is_refused_by_form_and_database(
    client, call, org_admin, organization
):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    response = client.post(
        submit_url(application), draft_post(application, amount_requested="5000.01")
    )
    assert response.status_code == 400
    assert "exceeds the call" in response.text
    application.refresh_from_db()
    assert application.amount_requested == Decimal("3000")
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(amount_requested=Decimal("5000.01"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(amount_requested=Decimal("0"))


def test_incomplete_draft_lists_every_problem(client, call, org_admin, organization):
    application = ApplicationFactory(call=call, organization=organization, purpose="", iban="")
    client.force_login(org_admin)
    data = draft_post(application, action="submit", purpose="", iban="")
    data[application.call.questions.get().field_name] = ""
    response = client.post(submit_url(application), data)
    assert response.status_code == 400
    assert 'id="error-summary"' in response.text
    for text in ("Describe the purpose", "bank account", "Answer the question"):
        assert text in response.text


def test_autosave_with_htmx_saves_each_change(client, call, org_admin, organization):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    response = client.post(
        f"/en/grants/applications/{application.pk}/autosave/",
        draft_post(application, purpose="Tallentuu itsestään"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Draft saved" in response.text
    application.refresh_from_db()
    assert application.purpose == "Tallentuu itsestään"


def test_autosave_without_javascript_redirects_back(client, call, org_admin, organization):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    response = client.post(
        f"/en/grants/applications/{application.pk}/autosave/", draft_post(application)
    )
    assert response.status_code == 302


def test_draft_survives_a_new_session(client, call, org_admin, organization):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    client.post(submit_url(application), draft_post(application, purpose="Kesken jäänyt"))
    client.logout()
    client.force_login(org_admin)
    assert "Kesken jäänyt" in client.get(submit_url(application)).text


# --- Attachments: type by content, size, damaged content -----------------------------------


def upload(client, application, name, content, kind="budget"):
    return client.post(
        f"/en/grants/applications/{application.pk}/attachments/",
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("budjetti.pdf", PDF_BYTES, True),
        ("kuva.png", png_bytes(), True),
        ("renamed.pdf", b"MZ\x90\x00 an executable, not a PDF" * 10, False),
        ("script.pdf", b"<script>alert(1)</script>", False),
        ("truncated.png", png_bytes()[:30], False),
        ("no-end.pdf", PDF_BYTES.replace(b"%%EOF", b""), False),
        ("pdf-named.txt", PDF_BYTES, True),  # judged by content, not by name
        ("empty.pdf", b"", False),
    ],
)
def test_attachment_type_is_checked_from_content(
    client, call, org_admin, organization, name, content, ok
):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    response = upload(client, application, name, content)
    assert (response.status_code == 302) is ok
    assert application.attachments.count() == (1 if ok else 0)
    if ok:
        assert application.attachments.get().content_type in {"application/pdf", "image/png"}


def test_attachment_over_10_mb_is_refused(client, call, org_admin, organization):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    big = PDF_BYTES[:-6] + b"0" * (10 * 1024 * 1024) + b"%%EOF\n"
    response = upload(client, application, "big.pdf", big)
    assert response.status_code == 400
    assert "larger than 10 MB" in response.text
    assert not application.attachments.exists()


def test_attachment_download_only_for_its_organization_and_officers(
    client, call, org_admin, other_org_admin, organization, grant_officer, other_officer
):
    application = ApplicationFactory(call=call, organization=organization)
    client.force_login(org_admin)
    upload(client, application, "b.pdf", PDF_BYTES)
    attachment = application.attachments.get()
    url = f"/en/grants/attachments/{attachment.pk}/"
    assert client.get(url).status_code == 200
    client.force_login(grant_officer)
    assert client.get(url).status_code == 200
    for outsider in (other_org_admin, other_officer):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


# --- Eligibility: small named checks with stable codes ---------------------------------------


def test_eligibility_codes(call):
    unverified = OrganizationFactory()
    company = OrganizationFactory(verified=True, is_nonprofit=False)
    elsewhere = OrganizationFactory(verified=True, operates_in_city=False)
    assert [p.code for p in ineligibilities(unverified)] == ["not_verified_nonprofit"]
    assert [p.code for p in ineligibilities(company)] == ["not_verified_nonprofit"]
    assert [p.code for p in ineligibilities(elsewhere)] == ["not_in_city"]


def test_unreported_grant_blocks_new_applications(client, programme, call, org_admin, organization):
    earlier_call = CallFactory(programme=programme, closed=True)
    earlier = ApplicationFactory(call=earlier_call, organization=organization, submitted=True)
    decision = make_decision(earlier, Decimal("1000"), report_due_on=overdue_date())
    client.force_login(org_admin)
    response = client.post(f"/en/grants/calls/{call.pk}/apply/", {"organization": organization.pk})
    assert response.status_code == 400
    assert "usage report is overdue" in response.text
    assert not Application.objects.filter(call=call).exists()

    # A submitted report that is not yet accepted still blocks; acceptance lifts the block.
    services.submit_report(decision=decision, user=org_admin, text="Käytetty.", amount_used=1000)
    assert [p.code for p in ineligibilities(organization)] == ["unreported_grant"]
    decision.report.accepted_at = decision.decided_at
    decision.report.save()
    assert ineligibilities(organization) == []
    response = client.post(f"/en/grants/calls/{call.pk}/apply/", {"organization": organization.pk})
    assert response.status_code == 302


def test_report_not_yet_due_does_not_block(programme, organization):
    earlier = ApplicationFactory(
        call=CallFactory(programme=programme, closed=True),
        organization=organization,
        submitted=True,
    )
    make_decision(earlier, Decimal("1000"), report_due_on=overdue_date() + dt.timedelta(days=30))
    assert ineligibilities(organization) == []


def test_rejected_decision_needs_no_report(programme, organization):
    earlier = ApplicationFactory(
        call=CallFactory(programme=programme, closed=True),
        organization=organization,
        submitted=True,
    )
    make_decision(earlier, Decimal("0"))
    assert ineligibilities(organization) == []


# --- Who may apply ----------------------------------------------------------------------------


def test_member_needs_the_admins_right(client, call, org_member, org_admin, organization):
    client.force_login(org_member)
    response = client.post(f"/en/grants/calls/{call.pk}/apply/", {"organization": organization.pk})
    assert response.status_code == 400
    assert not Application.objects.exists()

    client.force_login(org_admin)
    response = client.post(
        f"/en/grants/organizations/{organization.slug}/applicants/", {"user": org_member.pk}
    )
    assert response.status_code == 302
    assert GrantApplicantRight.objects.filter(user=org_member, organization=organization).exists()

    client.force_login(org_member)
    response = client.post(f"/en/grants/calls/{call.pk}/apply/", {"organization": organization.pk})
    assert response.status_code == 302

    client.force_login(org_admin)
    client.post(
        f"/en/grants/organizations/{organization.slug}/applicants/", {"revoke": org_member.pk}
    )
    client.force_login(org_member)
    application = Application.objects.get()
    assert client.get(submit_url(application)).status_code == 404


def test_only_admins_manage_the_right(client, organization, org_member, other_org_admin, resident):
    url = f"/en/grants/organizations/{organization.slug}/applicants/"
    for user in (org_member, other_org_admin, resident):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_one_application_per_organization_and_call(call, organization, org_admin):
    first = services.start_application(call=call, organization=organization, user=org_admin)
    again = services.start_application(call=call, organization=organization, user=org_admin)
    assert first == again
    services.withdraw_application(application=first, user=org_admin)
    fresh = services.start_application(call=call, organization=organization, user=org_admin)
    assert fresh != first
