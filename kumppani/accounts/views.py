import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.accounts import services
from kumppani.accounts.forms import DeleteAccountForm, ProfileForm
from kumppani.core.gdpr import export_for
from kumppani.core.time import now


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details were saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


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
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.success(request, _("Your account was deleted."))
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})
