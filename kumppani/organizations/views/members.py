"""Registering and editing an organization, and the people who act for it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.audit import log_personal_data_view
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now
from kumppani.organizations import services
from kumppani.organizations.forms import (
    InvitationForm,
    JoinDecisionForm,
    OrganizationForm,
    RoleForm,
)
from kumppani.organizations.models import Invitation, JoinRequest
from kumppani.organizations.permissions import (
    get_invitation_for_user,
    get_join_request_for_admin,
    get_membership_for_admin,
    get_organization_for_admin,
    get_organization_for_member,
    get_organization_for_member_list,
)


def _relations(form: OrganizationForm) -> dict:
    data = form.cleaned_data
    keys = ("themes", "districts", "languages", "target_groups", "offers", "seeks")
    return {key: data.get(key) or [] for key in keys}


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """M13: anyone signed in registers an organization and becomes its admin."""
    form = OrganizationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.register_organization(
                user=request.user, profile=form.profile(), **_relations(form)
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("The organization was registered. It appears in the directory once verified."),
            )
            return redirect("organizations:detail", slug=organization.slug)
    return render(request, "organizations/form.html", {"form": form, "organization": None})


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_organization_for_admin(request.user, slug)
    form = OrganizationForm(request.POST or None, request.FILES or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organization(
                organization=organization, profile=form.profile(), **_relations(form)
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("organizations:detail", slug=organization.slug)
    return render(request, "organizations/form.html", {"form": form, "organization": organization})


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organization, membership = get_organization_for_member_list(request.user, slug)
    is_admin = bool(membership and membership.is_admin)
    if membership is None:
        # Staff see people's e-mail addresses here; the view is logged.
        log_personal_data_view(request, what="organization member list", obj=organization)
    context = {
        "organization": organization,
        "membership": membership,
        "is_admin": is_admin,
        "show_emails": is_admin or membership is None,
        "members": organization.memberships.select_related("user").order_by(
            "-role", "user__full_name", "user__email"
        ),
    }
    if is_admin:
        context |= {
            "invitation_form": InvitationForm(),
            "join_requests": organization.join_requests.filter(
                status=DecisionStatus.PENDING
            ).select_related("user"),
            "invitations": organization.invitations.filter(accepted_at__isnull=True),
            "decision_form": JoinDecisionForm(),
            "role_choices": RoleForm.base_fields["role"].choices,
            "now": now(),
        }
    return render(request, "organizations/members.html", context)


@login_required
@require_POST
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_organization_for_admin(request.user, slug)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invite_member(
                organization=organization,
                invited_by=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The invitation was sent."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("organizations:members", slug=organization.slug)


@login_required
@require_POST
def decide_join_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    join_request = get_join_request_for_admin(request.user, slug, pk)
    form = JoinDecisionForm(request.POST)
    if form.is_valid():
        services.decide_join_request(
            join_request=join_request,
            decided_by=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("The request was answered."))
    else:
        messages.error(request, _("Choose whether to approve or reject the request."))
    return redirect("organizations:members", slug=slug)


@login_required
@require_POST
def change_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership_for_admin(request.user, slug, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role."))
        return redirect("organizations:members", slug=slug)
    try:
        services.change_member_role(membership=membership, role=form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role was changed."))
    return redirect("organizations:members", slug=slug)


@login_required
@require_POST
def remove_member(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership_for_admin(request.user, slug, pk)
    try:
        services.remove_member(membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The person no longer acts for the organization."))
    return redirect("organizations:members", slug=slug)


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    organization, _membership = get_organization_for_member(request.user, slug)
    try:
        services.leave_organization(organization=organization, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("organizations:detail", slug=slug)
    messages.success(request, _("You no longer act for the organization."))
    return redirect("organizations:mine")


@login_required
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_invitation_for_user(request.user, token)
    error = None
    try:
        services.check_invitation(invitation=invitation, user=request.user)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.method == "POST" and error is None:
        try:
            services.accept_invitation(invitation=invitation, user=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("You now act for the organization."))
            return redirect("organizations:detail", slug=invitation.organization.slug)
    status = 403 if error else 200
    return render(
        request,
        "organizations/invitation.html",
        {"invitation": invitation, "error": error},
        status=status,
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The organizations I act for, with my role, and what is waiting for me."""
    user = request.user
    return render(
        request,
        "organizations/mine.html",
        {
            "memberships": user.memberships.select_related("organization").order_by(
                "organization__name"
            ),
            "invitations": Invitation.objects.filter(
                Q(email__iexact=user.email), accepted_at__isnull=True, expires_at__gt=now()
            ).select_related("organization"),
            "join_requests": JoinRequest.objects.filter(
                user=user, status=DecisionStatus.PENDING
            ).select_related("organization"),
        },
    )
