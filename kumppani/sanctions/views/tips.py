"""The next user of a space tells staff what they found."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kumppani.bookings.permissions import get_bookable_facility
from kumppani.core.forms import add_service_errors
from kumppani.sanctions import services
from kumppani.sanctions.forms import TipForm


@login_required
def new_tip(request: HttpRequest, slug: str) -> HttpResponse:
    facility = get_bookable_facility(slug)
    form = TipForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("photo")
        try:
            services.submit_tip(
                facility=facility,
                reporter=request.user,
                kind=data["kind"],
                description=data["description"],
                noticed_at=data["noticed_at"],
                photo=upload or None,
                checked=getattr(upload, "checked", None),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. The staff of the space were told."))
            return redirect(facility.get_absolute_url())
    return render(request, "sanctions/tip_form.html", {"facility": facility, "form": form})
