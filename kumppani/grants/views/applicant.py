"""The organization's side: apply, keep a draft, submit, answer, report (M7)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.accounts.models import User
from kumppani.core.time import local, now
from kumppani.grants import permissions, services
from kumppani.grants.eligibility import ineligibilities
from kumppani.grants.forms import (
    BUDGET_RULE,
    AdditionsAnswerForm,
    ApplicantRightForm,
    ApplicationForm,
    AttachmentForm,
    BudgetLineFormSet,
    ReportForm,
    budget_initial,
)
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    GrantApplicantRight,
)
from kumppani.grants.querysets import applicant_organizations
from kumppani.grants.views.common import run_service
from kumppani.organizations.models import MembershipRole, Organization

# Errors from submission that belong next to one field rather than in the summary only.
FIELD_OF_CODE = {
    "amount_missing": "amount_requested",
    "amount_over_max": "amount_requested",
    "purpose_missing": "purpose",
    "plan_missing": "activity_plan",
    "contact_missing": "contact_email",
    "iban_missing": "iban",
}


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    organizations = list(applicant_organizations(request.user))
    context = {
        "applications": Application.objects.for_applicant(request.user)
        .select_related("call", "organization", "decision")
        .order_by("-created_at"),
        "organizations": organizations,
        "admin_of": Organization.objects.filter(
            memberships__user=request.user, memberships__role=MembershipRole.ADMIN
        ),
        "open_calls": Call.objects.open_now().select_related("programme"),
    }
    return render(request, "grants/mine.html", context)


@login_required
def apply(request: HttpRequest, call_pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("programme"), pk=call_pk)
    organizations = list(applicant_organizations(request.user))
    choices = [(org, ineligibilities(org)) for org in organizations]
    error = None
    if request.method == "POST" and call.status == CallStatus.OPEN:
        organization = next(
            (o for o in organizations if str(o.pk) == request.POST.get("organization")), None
        )
        if organization is None:
            error = _("Choose the organization you apply for.")
        else:
            try:
                application = services.start_application(
                    call=call, organization=organization, user=request.user
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                return redirect("grants:edit", application.pk)
    context = {"call": call, "organizations": organizations, "choices": choices, "error": error}
    return render(request, "grants/apply.html", context, status=400 if error else 200)


def _edit_forms(request: HttpRequest | None, application: Application):
    data = request.POST if request is not None and request.method == "POST" else None
    form = ApplicationForm(data, instance=application, call=application.call)
    budget = BudgetLineFormSet(data, initial=budget_initial(application), prefix="budget")
    return form, budget


def _save(request: HttpRequest, application: Application, form, budget) -> bool:
    """Save every valid field; the budget lines only when all of them are valid."""
    form_valid = form.is_valid()
    budget_valid = budget.is_valid()
    lines = [f.line for f in budget.forms if f.line] if budget_valid else None
    try:
        services.save_draft(
            application=application,
            user=request.user,
            data=form.draft_data(),
            answers=form.answers(),
            budget_lines=lines,
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return form_valid and budget_valid


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_applicant(request.user, pk)
    if application.status != ApplicationStatus.DRAFT:
        return redirect("grants:application", pk)
    form, budget = _edit_forms(request, application)
    if request.method == "POST":
        saved = _save(request, application, form, budget)
        if saved and request.POST.get("action") == "submit":
            try:
                services.submit_application(application=application, user=request.user)
            except ValidationError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, _("Your application was submitted."))
                return redirect("grants:application", pk)
        elif saved:
            messages.success(request, _("Draft saved."))
            return redirect("grants:edit", pk)
    application.refresh_from_db()
    return render(
        request,
        "grants/edit.html",
        _edit_context(application, form, budget),
        status=400 if form.errors or budget.total_error_count() else 200,
    )


def _errors_to_form(form, exc: ValidationError) -> None:
    for error in exc.error_list:
        message = error.message % error.params if error.params else error.message
        field = (error.params or {}).get("field") or FIELD_OF_CODE.get(error.code)
        form.add_error(field, ValidationError(message, code=error.code))


def _edit_context(application: Application, form, budget) -> dict:
    return {
        "application": application,
        "call": application.call,
        "form": form,
        "budget": budget,
        "budget_rule": BUDGET_RULE,
        "attachment_form": AttachmentForm(),
        "attachments": application.attachments.filter(additions_request__isnull=True),
        "eligibility": ineligibilities(application.organization),
    }


@login_required
@require_POST
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: saves the draft on every change; without JavaScript the Save button does this."""
    application = permissions.get_application_for_applicant(request.user, pk)
    if application.status != ApplicationStatus.DRAFT:
        return HttpResponse(_("This application is no longer a draft."), status=409)
    form, budget = _edit_forms(request, application)
    _save(request, application, form, budget)
    if not request.htmx:
        return redirect("grants:edit", pk)
    return render(
        request,
        "grants/includes/autosave.html",
        {"form": form, "budget": budget, "at": local(now())},
    )


@login_required
@require_POST
def upload_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_applicant(request.user, pk)
    if application.status != ApplicationStatus.DRAFT:
        return redirect("grants:application", pk)
    attachment_form = AttachmentForm(request.POST, request.FILES)
    if attachment_form.is_valid():
        done = run_service(
            attachment_form,
            services.add_attachment,
            application=application,
            user=request.user,
            upload=attachment_form.cleaned_data["file"],
            kind=attachment_form.cleaned_data["kind"],
            content_type=attachment_form.content_type,
            extension=attachment_form.extension,
        )
        if done:
            messages.success(request, _("Attachment added."))
            return redirect("grants:edit", pk)
    form, budget = _edit_forms(None, application)
    context = _edit_context(application, form, budget) | {"attachment_form": attachment_form}
    return render(request, "grants/edit.html", context, status=400)


@login_required
@require_POST
def delete_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = permissions.get_attachment_for_user(request.user, pk)
    application = permissions.get_application_for_applicant(request.user, attachment.application_id)
    try:
        services.delete_attachment(attachment=attachment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("grants:edit", application.pk)


@login_required
def download_attachment(request: HttpRequest, pk: int) -> FileResponse:
    attachment = permissions.get_attachment_for_user(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=f"{attachment.get_kind_display()}-{attachment.pk}.{attachment.extension}",
        content_type=attachment.content_type,
    )


def _detail_context(application: Application) -> dict:
    decision = getattr(application, "decision", None)
    return {
        "application": application,
        "events": application.events.all(),
        "additions": application.additions_requests.prefetch_related("attachments"),
        "answer_form": AdditionsAnswerForm(),
        "decision": decision,
        "instalments": decision.instalments.all() if decision else [],
        "report": getattr(decision, "report", None) if decision else None,
        "report_form": ReportForm(),
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_applicant(request.user, pk)
    return render(request, "grants/detail.html", _detail_context(application))


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_application_for_applicant(request.user, pk)
    try:
        services.withdraw_application(application=application, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The application was withdrawn."))
    return redirect("grants:application", pk)


@login_required
@require_POST
def answer_additions(request: HttpRequest, pk: int) -> HttpResponse:
    additions = permissions.get_additions_request_for_applicant(request.user, pk)
    form = AdditionsAnswerForm(request.POST, request.FILES)
    if form.is_valid():
        done = run_service(
            form,
            services.answer_additions,
            request=additions,
            user=request.user,
            answer=form.cleaned_data["answer"],
            uploads=form.uploads(),
        )
        if done:
            messages.success(request, _("Your answer was sent."))
            return redirect("grants:application", additions.application_id)
    return _detail_with(request, additions.application_id, answer_form=form)


def _detail_with(request: HttpRequest, pk: int, **forms) -> HttpResponse:
    application = permissions.get_application_for_applicant(request.user, pk)
    context = _detail_context(application) | forms
    return render(request, "grants/detail.html", context, status=400)


@login_required
@require_POST
def submit_report(request: HttpRequest, pk: int) -> HttpResponse:
    decision = permissions.get_decision_for_applicant(request.user, pk)
    form = ReportForm(request.POST)
    if form.is_valid():
        done = run_service(
            form, services.submit_report, decision=decision, user=request.user, **form.cleaned_data
        )
        if done:
            messages.success(request, _("The usage report was sent."))
            return redirect("grants:application", decision.application_id)
    return _detail_with(request, decision.application_id, report_form=form)


@login_required
def decision_document(request: HttpRequest, pk: int) -> HttpResponse:
    decision = permissions.get_decision_for_viewer(request.user, pk)
    context = {
        "decision": decision,
        "application": decision.application,
        "decided_on": date_format(local(decision.decided_at).date(), "DATE_FORMAT"),
    }
    return render(request, "grants/decision_document.html", context)


@login_required
def applicant_rights(request: HttpRequest, slug: str) -> HttpResponse:
    organization = permissions.get_organization_for_rights_admin(request.user, slug)
    members = organization.memberships.filter(role=MembershipRole.MEMBER).select_related("user")
    candidates = User.objects.filter(pk__in=members.values("user"))
    form = ApplicantRightForm(request.POST or None, members=candidates)
    if request.method == "POST":
        if "revoke" in request.POST:
            services.revoke_applicant_right(
                organization=organization,
                user=get_object_or_404(candidates, pk=request.POST.get("revoke")),
            )
            messages.success(request, _("The right to apply was removed."))
            return redirect("grants:rights", slug)
        if form.is_valid() and run_service(
            form,
            services.grant_applicant_right,
            organization=organization,
            user=form.cleaned_data["user"],
            granted_by=request.user,
        ):
            messages.success(request, _("The member may now apply for grants."))
            return redirect("grants:rights", slug)
    rights = GrantApplicantRight.objects.filter(organization=organization).select_related("user")
    context = {"organization": organization, "form": form, "rights": rights}
    return render(request, "grants/rights.html", context, status=400 if form.errors else 200)
