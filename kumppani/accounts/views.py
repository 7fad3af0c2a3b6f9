import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST

from kumppani.accounts import services
from kumppani.accounts.forms import DeleteAccountForm, GrantRoleForm, ProfileForm
from kumppani.accounts.models import Role, User
from kumppani.accounts.permissions import get_role_assignment_for_user
from kumppani.core.audit import log_personal_data_view
from kumppani.core.gdpr import export_for
from kumppani.core.pagination import paginate, query_without_page
from kumppani.core.permissions import require_role
from kumppani.core.time import now


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details were saved."))
        return redirect("accounts:profile")
    context = {"form": form, "is_administrator": request.user.has_role(Role.ADMINISTRATOR)}
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def export_data(request: HttpRequest) -> HttpResponse:
    data = {"exported_at": now().isoformat(), **export_for(request.user)}
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="kumppani-my-data.json"'
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            # An app may refuse, e.g. while the person is a unit's named responsible person.
            services.delete_account(user=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            logout(request)
            messages.success(request, _("Your account was deleted."))
            return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch (keeps the page), remembered for a signed-in person."""
    # Django translates `next` by resolving it in the active language; the page's own
    # language (from its prefix) must be active for that, not the cookie's.
    next_url = request.POST.get("next", "")
    with translation.override(translation.get_language_from_path(next_url)):
        response = i18n.set_language(request)
    language = request.POST.get("language")
    user = request.user
    if (
        user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and user.preferred_language != language
    ):
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return response


@login_required
def roles(request: HttpRequest) -> HttpResponse:
    """Administrators see who holds staff roles, grant and revoke them."""
    require_role(request.user, Role.ADMINISTRATOR)
    form = GrantRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_role(
                user=form.person, role=form.cleaned_data["role"], granted_by=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The role was granted."))
            return redirect("accounts:roles")
    people = (
        User.objects.filter(role_assignments__isnull=False)
        .distinct()
        .prefetch_related("role_assignments")
        .order_by("full_name", "email")
    )
    page = paginate(request, people)
    log_personal_data_view(request, what="staff roles", obj=f"page {page.number}")
    context = {"form": form, "page": page, "query": query_without_page(request)}
    return render(request, "accounts/roles.html", context)


@login_required
@require_POST
def revoke_role(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_role_assignment_for_user(request.user, pk)
    try:
        services.revoke_role(assignment=assignment, revoked_by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The role was removed."))
    return redirect("accounts:roles")
