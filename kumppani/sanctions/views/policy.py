"""The published sanctions policy and its staff editor (M9d)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.accounts.models import Role
from kumppani.sanctions import permissions, services
from kumppani.sanctions.forms import LadderFormSet, PolicyForm, steps_initial
from kumppani.sanctions.models import SanctionPolicy
from kumppani.sanctions.models.policy import MISUSE_KIND_DESCRIPTIONS, MisuseKind


def _policy_page(request: HttpRequest, policy: SanctionPolicy | None) -> HttpResponse:
    in_force = SanctionPolicy.objects.in_force()
    return render(
        request,
        "sanctions/policy.html",
        {
            "policy": policy,
            "in_force": in_force,
            "steps": policy.steps.all() if policy else [],
            "kinds": [(k.label, MISUSE_KIND_DESCRIPTIONS[k]) for k in MisuseKind],
            "versions": SanctionPolicy.objects.published(),
            "can_edit": request.user.is_authenticated
            and request.user.has_role(Role.FACILITY_MANAGER),
        },
    )


def policy(request: HttpRequest) -> HttpResponse:
    """The version in force: linked from every facility's terms and the booking form."""
    return _policy_page(request, SanctionPolicy.objects.in_force())


def policy_version(request: HttpRequest, version: int) -> HttpResponse:
    return _policy_page(request, permissions.get_published_policy(version))


@login_required
def policy_drafts(request: HttpRequest) -> HttpResponse:
    permissions.require_policy_editor(request.user)
    return render(
        request,
        "sanctions/manage/policy_list.html",
        {
            "drafts": SanctionPolicy.objects.drafts(),
            "published": SanctionPolicy.objects.published(),
            "in_force": SanctionPolicy.objects.in_force(),
        },
    )


@login_required
@require_POST
def policy_new(request: HttpRequest) -> HttpResponse:
    permissions.require_policy_editor(request.user)
    draft = services.draft_policy(created_by=request.user)
    return redirect("sanctions:policy_edit", pk=draft.pk)


@login_required
def policy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    draft = permissions.get_draft_for_user(request.user, pk)
    form = PolicyForm(request.POST or None, instance=draft)
    formset = LadderFormSet(request.POST or None, initial=steps_initial(draft), prefix="steps")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        steps = [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
            for f in formset.forms
            if f.cleaned_data.get("order") and not f.cleaned_data.get("DELETE")
        ]
        texts = {name: form.cleaned_data[name] for name in PolicyForm.Meta.fields}
        try:
            services.save_policy(policy=draft, texts=texts, steps=steps)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("sanctions:policy_edit", pk=draft.pk)
    return render(
        request,
        "sanctions/manage/policy_form.html",
        {
            "draft": draft,
            "form": form,
            "formset": formset,
            "can_publish": request.user.has_role(Role.ADMINISTRATOR),
        },
    )


@login_required
@require_POST
def policy_publish(request: HttpRequest, pk: int) -> HttpResponse:
    draft = permissions.get_draft_for_user(request.user, pk)
    permissions.require_policy_publisher(request.user)
    try:
        services.publish_policy(policy=draft, published_by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("sanctions:policy_edit", pk=draft.pk)
    messages.success(request, _("The version was published and is now in force."))
    return redirect("sanctions:policy")


@login_required
@require_POST
def policy_delete(request: HttpRequest, pk: int) -> HttpResponse:
    draft = permissions.get_draft_for_user(request.user, pk)
    services.delete_draft(policy=draft)
    messages.success(request, _("The draft was deleted."))
    return redirect("sanctions:policy_drafts")
