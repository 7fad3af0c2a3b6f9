"""The whole grant cycle through HTTP: draft → submit → additions → answer → review → decide →
pay → report → published."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from kumppani.grants.models import (
    AdditionsRequest,
    Application,
    ApplicationStatus,
    EventKind,
    GrantDecision,
)
from kumppani.grants.tests.factories import PDF_BYTES, CallFactory, pdf_upload


def draft_post(application, **overrides):
    question = application.call.questions.get()
    data = {
        "amount_requested": "3000",
        "purpose": "Nuorten kesäleiri",
        "activity_plan": "Leiri kesäkuussa.",
        "org_name": application.org_name,
        "org_business_id": application.org_business_id,
        "contact_email": "info@example.org",
        "contact_phone": "",
        "iban": "FI21 1234 5600 0007 85",
        question.field_name: "Alueen nuoria.",
        "budget-TOTAL_FORMS": "3",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "60",
        "budget-0-kind": "cost",
        "budget-0-description": "Leirikeskus",
        "budget-0-amount": "3500",
        "budget-1-kind": "income",
        "budget-1-description": "Osallistumismaksut",
        "budget-1-amount": "500",
        "budget-2-kind": "cost",
        "budget-2-description": "",
        "budget-2-amount": "",
        "action": "save",
    }
    return data | overrides


@pytest.mark.django_db(transaction=False)
def test_whole_cycle(
    client, programme, org_admin, organization, grant_officer, django_capture_on_commit_callbacks
):
    org_admin.preferred_language = "sv"
    org_admin.save()
    call = CallFactory(programme=programme, required_attachments=["budget"])
    client.force_login(org_admin)

    # Start a draft for the organization.
    response = client.post(f"/en/grants/calls/{call.pk}/apply/", {"organization": organization.pk})
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/grants/applications/{application.pk}/edit/"
    assert application.org_name == organization.name  # prefilled from the registry
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "total costs − other income = amount requested" in page.text

    # Save the draft (works without JavaScript).
    response = client.post(
        f"/en/grants/applications/{application.pk}/edit/", draft_post(application)
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.amount_requested == Decimal("3000")
    assert application.budget_lines.count() == 2
    assert application.status == ApplicationStatus.DRAFT

    # Submitting without the required attachment fails and keeps the draft.
    response = client.post(
        f"/en/grants/applications/{application.pk}/edit/", draft_post(application, action="submit")
    )
    assert response.status_code == 400
    assert "Attach the required document" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT

    response = client.post(
        f"/en/grants/applications/{application.pk}/attachments/",
        {"kind": "budget", "file": pdf_upload()},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/grants/applications/{application.pk}/edit/",
            draft_post(application, action="submit"),
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.snapshot["amount_requested"] == "3000.00"
    assert application.due_at is not None
    assert len(mail.outbox) == 1

    # The officer asks for additions; the applicant answers with an attachment.
    client.force_login(grant_officer)
    assert client.get("/en/grants/handling/").status_code == 200
    assert client.get(f"/en/grants/handling/calls/{call.pk}/").status_code == 200
    assert client.get(f"/en/grants/handling/applications/{application.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/grants/handling/applications/{application.pk}/additions/",
            {"message": "Lähettäkää tilinpäätös.", "due_date": "2999-01-01"},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ADDITIONS_REQUESTED
    assert len(mail.outbox) == 2

    client.force_login(org_admin)
    request = AdditionsRequest.objects.get()
    assert (
        "Lähettäkää tilinpäätös." in client.get(f"/en/grants/applications/{application.pk}/").text
    )
    response = client.post(
        f"/en/grants/additions/{request.pk}/answer/",
        {
            "answer": "Liitteenä.",
            "kind": "financial_statement",
            "file": SimpleUploadedFile("t.pdf", PDF_BYTES),
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert request.attachments.count() == 1

    # Review: score each criterion, propose, decide.
    client.force_login(grant_officer)
    criteria = list(call.criteria.all())
    scores = {f"score_{c.pk}": "4" for c in criteria} | {
        f"comment_{c.pk}": "Hyvä" for c in criteria
    }
    assert (
        client.post(f"/en/grants/handling/applications/{application.pk}/score/", scores).status_code
        == 302
    )
    assert application.reviews.count() == len(criteria)
    response = client.post(
        f"/en/grants/handling/applications/{application.pk}/propose/", {"amount": "2500"}
    )
    assert response.status_code == 302
    page = client.get(f"/en/grants/handling/applications/{application.pk}/")
    assert "Remaining budget: 17,500.00" in page.text or "Remaining budget: 17500" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/grants/handling/applications/{application.pk}/decide/",
            {
                "amount_granted": "2500",
                "reason": "Hyvä hanke.",
                "conditions": "",
                "report_due_on": "2999-12-31",
            },
        )
    assert response.status_code == 302
    decision = GrantDecision.objects.get()
    assert decision.decided_by == grant_officer
    assert decision.amount_granted == Decimal("2500")
    assert "14" in decision.appeal_instructions_fi and "14" in decision.appeal_instructions_sv
    notice = mail.outbox[-1]
    assert notice.to == [org_admin.email]
    assert "beslut" in notice.subject.lower() or "beslut" in notice.body.lower()  # in Swedish

    # Payment in one instalment, marked paid.
    response = client.post(
        f"/en/grants/handling/decisions/{decision.pk}/instalments/",
        {"amount": "2500", "due_on": "2999-01-31"},
    )
    assert response.status_code == 302
    instalment = decision.instalments.get()
    assert client.post(f"/en/grants/handling/instalments/{instalment.pk}/paid/").status_code == 302
    instalment.refresh_from_db()
    assert instalment.paid_by == grant_officer and instalment.paid_at is not None

    # The organization reports; the officer accepts.
    client.force_login(org_admin)
    document = client.get(f"/en/grants/decisions/{decision.pk}/")
    assert document.status_code == 200 and "Hyvä hanke." in document.text
    response = client.post(
        f"/en/grants/decisions/{decision.pk}/report/",
        {"text": "Leiri pidettiin.", "amount_used": "2500"},
    )
    assert response.status_code == 302
    client.force_login(grant_officer)
    assert (
        client.post(f"/en/grants/handling/decisions/{decision.pk}/accept-report/").status_code
        == 302
    )
    decision.report.refresh_from_db()
    assert decision.report.accepted_by == grant_officer

    # Every step is on the trail.
    kinds = list(application.events.values_list("kind", flat=True))
    for kind in [
        EventKind.CREATED,
        EventKind.SUBMITTED,
        EventKind.ADDITIONS_REQUESTED,
        EventKind.ADDITIONS_ANSWERED,
        EventKind.SCORED,
        EventKind.PROPOSED,
        EventKind.DECIDED,
        EventKind.INSTALMENT_PAID,
        EventKind.REPORT_SUBMITTED,
        EventKind.REPORT_ACCEPTED,
    ]:
        assert kind in kinds

    # Published: the grants page and the organization's grants list; the person is never named.
    client.logout()
    public = client.get("/en/grants/")
    assert organization.name in public.text and "Nuorten kesäleiri" in public.text
    assert org_admin.full_name not in public.text and org_admin.email not in public.text
    assert organization.name in client.get(f"/en/grants/organizations/{organization.slug}/").text
