"""Writes on the applicant's side: drafts, submission, attachments, additions, reports (M7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.grants.eligibility import ineligibilities
from kumppani.grants.models import (
    AdditionsRequest,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Attachment,
    BudgetKind,
    BudgetLine,
    Call,
    CallStatus,
    EventKind,
    GrantApplicantRight,
    GrantDecision,
    UsageReport,
)
from kumppani.grants.services.notify import notify_submitted
from kumppani.organizations.models import Membership, Organization

HANDLING_DAYS = 30

CALL_NOT_OPEN = _("This call is not open for applications.")
DEADLINE_PASSED = _(
    "The call closed before your application was submitted. Your draft is kept, but it can no "
    "longer be submitted."
)
NOT_A_DRAFT = _("Only a draft can be changed.")
AMOUNT_MISSING = _("Enter the amount you apply for.")
AMOUNT_OVER_MAX = _("The amount requested exceeds the call's maximum of %(max)s €.")
PURPOSE_MISSING = _("Describe the purpose of the grant.")
PLAN_MISSING = _("Write the activity plan.")
CONTACT_MISSING = _("Give a contact e-mail address for the organization.")
IBAN_MISSING = _("Give the organization's bank account (IBAN).")
ANSWER_MISSING = _("Answer the question: %(question)s")
ATTACHMENT_MISSING = _("Attach the required document: %(kind)s")
NO_COSTS = _("List at least one cost in the budget.")
BUDGET_UNBALANCED = _(
    "The budget does not add up: total costs %(costs)s € minus other income %(income)s € must "
    "equal the amount requested, %(requested)s €."
)
ALREADY_APPLIED = _("Your organization already has an application in this call.")
CANNOT_WITHDRAW = _("A decided or withdrawn application cannot be withdrawn.")
NO_OPEN_REQUEST = _("This request has already been answered.")
NOT_A_MEMBER = _("The person must be a member of the organization.")
REPORT_NOT_DUE = _("A usage report is only needed for a granted decision.")
REPORT_ACCEPTED = _("The usage report has already been accepted.")


def record_event(application: Application, kind: str, actor, note: str = "") -> None:
    ApplicationEvent.objects.create(
        application=application, kind=kind, actor=actor, note=note[:300]
    )


def check_eligible(organization: Organization) -> None:
    problems = ineligibilities(organization)
    if problems:
        raise ValidationError([ValidationError(p.message, code=p.code) for p in problems])


@transaction.atomic
def start_application(*, call: Call, organization: Organization, user) -> Application:
    """Open a draft for the organization, its details prefilled from the registry."""
    if call.status != CallStatus.OPEN:
        raise ValidationError(CALL_NOT_OPEN, code="call_not_open")
    check_eligible(organization)
    existing = (
        Application.objects.filter(call=call, organization=organization)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .first()
    )
    if existing is not None:
        return existing
    application = Application(
        call=call,
        organization=organization,
        created_by=user,
        max_amount=call.max_amount,
        org_name=organization.name,
        org_business_id=organization.business_id,
        contact_email=organization.public_email,
        contact_phone=organization.public_phone,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:
        raise ValidationError(ALREADY_APPLIED, code="already_applied") from exc
    record_event(application, EventKind.CREATED, user)
    return application


DRAFT_FIELDS = (
    "amount_requested",
    "purpose",
    "activity_plan",
    "org_name",
    "org_business_id",
    "contact_email",
    "contact_phone",
    "iban",
)


@transaction.atomic
def save_draft(
    *,
    application: Application,
    user,
    data: dict,
    answers: dict | None = None,
    budget_lines: list[dict] | None = None,
) -> Application:
    """Save what the applicant has typed so far; only the given fields change."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(NOT_A_DRAFT, code="not_a_draft")
    for field in DRAFT_FIELDS:
        if field in data:
            setattr(application, field, data[field])
    if answers is not None:
        application.answers = {**application.answers, **answers}
    application.updated_at = now()
    application.save()
    if budget_lines is not None:
        application.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(application=application, **line) for line in budget_lines
        )
    return application


def submission_problems(application: Application) -> list[ValidationError]:
    """Everything that keeps a draft from being submitted, each with a stable code."""
    problems: list[ValidationError] = []
    requested = application.amount_requested
    if requested is None:
        problems.append(ValidationError(AMOUNT_MISSING, code="amount_missing"))
    elif requested > application.call.max_amount:
        problems.append(
            ValidationError(
                AMOUNT_OVER_MAX, code="amount_over_max", params={"max": application.call.max_amount}
            )
        )
    if not application.purpose.strip():
        problems.append(ValidationError(PURPOSE_MISSING, code="purpose_missing"))
    if not application.activity_plan.strip():
        problems.append(ValidationError(PLAN_MISSING, code="plan_missing"))
    if not application.contact_email:
        problems.append(ValidationError(CONTACT_MISSING, code="contact_missing"))
    if not application.iban:
        problems.append(ValidationError(IBAN_MISSING, code="iban_missing"))
    for question in application.call.questions.all():
        if question.required and not str(application.answers.get(str(question.pk), "")).strip():
            problems.append(
                ValidationError(
                    ANSWER_MISSING,
                    code="answer_missing",
                    params={"question": question.text, "field": question.field_name},
                )
            )
    kinds = set(
        application.attachments.filter(additions_request__isnull=True).values_list(
            "kind", flat=True
        )
    )
    for kind in application.call.required_attachments:
        if kind not in kinds:
            from kumppani.grants.models import AttachmentKind

            problems.append(
                ValidationError(
                    ATTACHMENT_MISSING,
                    code="attachment_missing",
                    params={"kind": AttachmentKind(kind).label},
                )
            )
    problems.extend(budget_problems(application, requested))
    return problems


def budget_problems(application: Application, requested: Decimal | None) -> list[ValidationError]:
    lines = list(application.budget_lines.all())
    costs = sum((b.amount for b in lines if b.kind == BudgetKind.COST), Decimal(0))
    income = sum((b.amount for b in lines if b.kind == BudgetKind.INCOME), Decimal(0))
    if not costs:
        return [ValidationError(NO_COSTS, code="no_costs")]
    if requested is not None and costs - income != requested:
        return [
            ValidationError(
                BUDGET_UNBALANCED,
                code="budget_unbalanced",
                params={"costs": costs, "income": income, "requested": requested},
            )
        ]
    return []


def snapshot_of(application: Application) -> dict:
    """A frozen copy of what was submitted; later edits to the call or registry never change it."""
    return {
        "organization": {
            "name": application.org_name,
            "business_id": application.org_business_id,
            "contact_email": application.contact_email,
            "contact_phone": application.contact_phone,
            "iban": application.iban,
        },
        "call": {"id": application.call_id, "title": application.call.title},
        "amount_requested": str(application.amount_requested),
        "purpose": application.purpose,
        "activity_plan": application.activity_plan,
        "answers": [
            {"question": q.text, "answer": application.answers.get(str(q.pk), "")}
            for q in application.call.questions.all()
        ],
        "budget": [
            {"kind": b.kind, "description": b.description, "amount": str(b.amount)}
            for b in application.budget_lines.all()
        ],
        "attachments": [
            {"kind": a.kind, "name": a.original_name, "size": a.size}
            for a in application.attachments.all()
        ],
    }


@transaction.atomic
def submit_application(*, application: Application, user) -> Application:
    """Validate everything and freeze a copy. The deadline is checked here, at this moment."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "organization")
        .get(pk=application.pk)
    )
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(NOT_A_DRAFT, code="not_a_draft")
    moment = now()
    if application.call.status_at(moment) != CallStatus.OPEN:
        code = "deadline_passed" if moment >= application.call.closes_at else "call_not_open"
        raise ValidationError(
            DEADLINE_PASSED if code == "deadline_passed" else CALL_NOT_OPEN, code=code
        )
    check_eligible(application.organization)
    problems = submission_problems(application)
    if problems:
        raise ValidationError(problems)
    application.snapshot = snapshot_of(application)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = moment
    application.updated_at = moment
    application.due_at = application.call.closes_at + dt.timedelta(days=HANDLING_DAYS)
    application.save()
    record_event(application, EventKind.SUBMITTED, user)
    transaction.on_commit(lambda: notify_submitted(application.pk, user.pk))
    return application


@transaction.atomic
def withdraw_application(*, application: Application, user) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status in (ApplicationStatus.DECIDED, ApplicationStatus.WITHDRAWN):
        raise ValidationError(CANNOT_WITHDRAW, code="cannot_withdraw")
    application.status = ApplicationStatus.WITHDRAWN
    application.proposed_amount = None
    application.updated_at = now()
    application.save()
    record_event(application, EventKind.WITHDRAWN, user)
    return application


@transaction.atomic
def add_attachment(
    *,
    application: Application,
    user,
    upload: UploadedFile,
    kind: str,
    content_type: str,
    extension: str,
    additions_request: AdditionsRequest | None = None,
) -> Attachment:
    """The upload's type and size were checked from its content by the form."""
    if additions_request is None and application.status != ApplicationStatus.DRAFT:
        raise ValidationError(NOT_A_DRAFT, code="not_a_draft")
    attachment = Attachment(
        application=application,
        additions_request=additions_request,
        kind=kind,
        original_name=(upload.name or "")[-200:],
        content_type=content_type,
        extension=extension,
        size=upload.size,
        uploaded_by=user,
    )
    attachment.file.save("upload", upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def delete_attachment(*, attachment: Attachment) -> None:
    if attachment.application.status != ApplicationStatus.DRAFT:
        raise ValidationError(NOT_A_DRAFT, code="not_a_draft")
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


@transaction.atomic
def answer_additions(
    *, request: AdditionsRequest, user, answer: str, uploads: list[tuple] = ()
) -> AdditionsRequest:
    request = AdditionsRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered_at is not None:
        raise ValidationError(NO_OPEN_REQUEST, code="already_answered")
    application = Application.objects.select_for_update().get(pk=request.application_id)
    request.answer = answer
    request.answered_by = user
    request.answered_at = now()
    request.save()
    for upload, kind, content_type, extension in uploads:
        add_attachment(
            application=application,
            user=user,
            upload=upload,
            kind=kind,
            content_type=content_type,
            extension=extension,
            additions_request=request,
        )
    if application.status == ApplicationStatus.ADDITIONS_REQUESTED:
        still_open = application.additions_requests.filter(answered_at__isnull=True).exists()
        if not still_open:
            reviewed = application.reviews.exists() or application.proposed_amount is not None
            application.status = (
                ApplicationStatus.UNDER_REVIEW if reviewed else ApplicationStatus.SUBMITTED
            )
            application.updated_at = now()
            application.save()
    record_event(application, EventKind.ADDITIONS_ANSWERED, user)
    return request


@transaction.atomic
def grant_applicant_right(*, organization: Organization, user, granted_by) -> GrantApplicantRight:
    if not Membership.objects.filter(organization=organization, user=user).exists():
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")
    right, _created = GrantApplicantRight.objects.get_or_create(
        organization=organization, user=user, defaults={"granted_by": granted_by}
    )
    return right


@transaction.atomic
def revoke_applicant_right(*, organization: Organization, user) -> None:
    GrantApplicantRight.objects.filter(organization=organization, user=user).delete()


@transaction.atomic
def submit_report(*, decision: GrantDecision, user, text: str, amount_used: Decimal) -> UsageReport:
    if not decision.is_granted:
        raise ValidationError(REPORT_NOT_DUE, code="report_not_due")
    report = UsageReport.objects.select_for_update().filter(decision=decision).first()
    if report is not None and report.accepted_at is not None:
        raise ValidationError(REPORT_ACCEPTED, code="report_accepted")
    report = report or UsageReport(decision=decision)
    report.text = text
    report.amount_used = amount_used
    report.submitted_at = now()
    report.submitted_by = user
    report.save()
    record_event(decision.application, EventKind.REPORT_SUBMITTED, user)
    return report
