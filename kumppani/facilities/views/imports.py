"""Staff import (upload → dry-run report → confirm) and export of the catalogue."""

from __future__ import annotations

import io
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.facilities import permissions
from kumppani.facilities.forms import ImportForm
from kumppani.facilities.imports import check_files, import_files
from kumppani.facilities.imports.columns import SHEET_ORDER
from kumppani.facilities.imports.export import write_csv, xlsx_bytes
from kumppani.facilities.models import Facility

SESSION_KEY = "facility_import"
IMPORT_EXPIRED = _("The checked file is no longer available. Upload it again.")


def _stored(request: HttpRequest):
    pending = request.session.get(SESSION_KEY)
    if not pending or not default_storage.exists(pending["path"]):
        return None
    with default_storage.open(pending["path"], "rb") as handle:
        return pending, [(pending["name"], handle.read(), pending["sheet"])]


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Step 1: the file is checked (nothing written) and kept for the confirmation."""
    permissions.require_catalogue_staff(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = None
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        data = upload_file.read()
        sheet = form.cleaned_data["sheet"] or None
        plan = check_files([(upload_file.name, data, sheet)], user=request.user)
        if plan.ok:
            # Stored in the shared media storage, not in process memory: any app server may
            # receive the confirmation.
            path = default_storage.save(f"facility-imports/{uuid.uuid4().hex}", ContentFile(data))
            request.session[SESSION_KEY] = {"path": path, "name": upload_file.name, "sheet": sheet}
    return render(request, "facilities/manage/import.html", {"form": form, "plan": plan})


@require_POST
@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    """Step 2: the same checks again, then everything in one transaction."""
    permissions.require_catalogue_staff(request.user)
    stored = _stored(request)
    if stored is None:
        messages.error(request, IMPORT_EXPIRED)
        return redirect("facilities:import")
    pending, files = stored
    plan = import_files(files, user=request.user)
    default_storage.delete(pending["path"])
    del request.session[SESSION_KEY]
    if not plan.ok:
        return render(
            request, "facilities/manage/import.html", {"form": ImportForm(), "plan": plan}
        )
    messages.success(request, _("The import is done."))
    return redirect("facilities:manage")


@login_required
def export_csv(request: HttpRequest, sheet: str) -> HttpResponse:
    permissions.require_catalogue_staff(request.user)
    if sheet not in SHEET_ORDER:
        return HttpResponse(status=404)
    units = permissions.units_for_user(request.user)
    out = io.StringIO()
    write_csv(sheet, out, units=units, facilities=Facility.objects.filter(unit__in=units))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{sheet}.csv"'
    return response


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    permissions.require_catalogue_staff(request.user)
    units = permissions.units_for_user(request.user)
    response = HttpResponse(
        xlsx_bytes(units=units, facilities=Facility.objects.filter(unit__in=units)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="facilities.xlsx"'
    return response
