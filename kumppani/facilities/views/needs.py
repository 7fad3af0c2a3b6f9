"""Needs mapping (M9a): record a need, see suitable facilities, staff follow-up and report."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.accounts.models import Role
from kumppani.core.audit import log_personal_data_view
from kumppani.core.pagination import paginate, query_without_page
from kumppani.facilities import permissions, reports, services
from kumppani.facilities.forms import NeedFilterForm, NeedForm, NeedStatusForm
from kumppani.facilities.matching import match_need
from kumppani.facilities.models import Need, NeedStatus
from kumppani.facilities.reports import DIMENSIONS


@login_required
def need_list(request: HttpRequest) -> HttpResponse:
    form = NeedFilterForm(request.GET or None)
    needs = Need.objects.visible_to(request.user).select_related("organization")
    status = form.cleaned_data.get("status") if form.is_valid() else ""
    if status:
        needs = needs.filter(status=status)
    is_staff = request.user.has_role(Role.FACILITY_MANAGER)
    return render(
        request,
        "facilities/needs/list.html",
        {
            "form": form,
            "page": paginate(request, needs),
            "query": query_without_page(request),
            "is_staff": is_staff,
            "counts": reports.status_counts() if is_staff else None,
        },
    )


def _save(request: HttpRequest, form: NeedForm) -> Need:
    need = form.save(commit=False)
    if (
        need.pk is None
        and not request.user.has_role(Role.FACILITY_MANAGER)
        or need.pk is None
        and not need.organization_id
    ):
        need.user = request.user
    services.save_need(
        need=need,
        districts=form.cleaned_data["districts"],
        equipment=form.cleaned_data["equipment"],
        accessibility=form.cleaned_data["accessibility"],
        recorded_by=request.user,
    )
    return need


@login_required
def need_new(request: HttpRequest) -> HttpResponse:
    form = NeedForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        need = _save(request, form)
        messages.success(request, _("Your need was saved. Below are the facilities that suit it."))
        return redirect(need)
    return render(request, "facilities/needs/form.html", {"form": form})


@login_required
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = permissions.get_need_for_user(request.user, pk, for_edit=True)
    form = NeedForm(request.POST or None, instance=need, user=request.user)
    if request.method == "POST" and form.is_valid():
        _save(request, form)
        messages.success(request, _("Saved."))
        return redirect(need)
    return render(request, "facilities/needs/form.html", {"form": form, "need": need})


@login_required
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = permissions.get_need_for_user(request.user, pk)
    result = match_need(need)
    is_staff = request.user.has_role(Role.FACILITY_MANAGER)
    if is_staff and need.user_id and need.user_id != request.user.pk:
        log_personal_data_view(request, what="facility need", obj=need)
    return render(
        request,
        "facilities/needs/detail.html",
        {
            "need": need,
            "matches": result.matches,
            "suitable_count": result.suitable_count,
            "can_edit": permissions.can_edit_need(request.user, need),
            "status_form": NeedStatusForm(
                initial={"status": need.status, "matched_facility": need.matched_facility_id}
            )
            if is_staff
            else None,
        },
    )


@require_POST
@login_required
def need_status(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_need_staff(request.user)
    need = permissions.get_need_for_user(request.user, pk)
    form = NeedStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(need)
    services.set_need_status(
        need=need,
        status=form.cleaned_data["status"],
        matched_facility=form.cleaned_data["matched_facility"],
    )
    messages.success(request, _("Saved."))
    return redirect(need)


@login_required
def report(request: HttpRequest) -> HttpResponse:
    permissions.require_need_staff(request.user)
    data = reports.unmet_demand()
    return render(
        request,
        "facilities/needs/report.html",
        {
            "tables": [(DIMENSIONS[name], rows) for name, rows in data.items()],
            "unmet": Need.objects.filter(status=NeedStatus.UNMET).count(),
        },
    )


@login_required
def report_csv(request: HttpRequest) -> HttpResponse:
    permissions.require_need_staff(request.user)
    out = io.StringIO()
    reports.write_csv(reports.unmet_demand(), out)
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="unmet-demand.csv"'
    return response
