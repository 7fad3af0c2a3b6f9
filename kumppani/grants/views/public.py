"""The public grants page (M15): criteria, every decision, totals, downloads."""

from __future__ import annotations

from django.db.models import Prefetch, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kumppani.accounts.models import Role
from kumppani.core.pagination import paginate, query_without_page
from kumppani.grants.forms import PublicFilterForm
from kumppani.grants.models import Call, CallStatus, Criterion, Programme
from kumppani.grants.public import filter_choices, filter_decisions, public_decisions, totals
from kumppani.organizations.models import Organization


def index(request: HttpRequest) -> HttpResponse:
    form = PublicFilterForm(request.GET or None, **filter_choices())
    decisions = public_decisions()
    if form.is_bound:
        form.is_valid()  # filter by every valid field; an invalid one is shown, not applied
        decisions = filter_decisions(decisions, **form.cleaned_data)
    page = paginate(request, decisions, per_page=25)
    programmes = Programme.objects.filter(is_active=True).prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk"))
    )
    context = {
        "form": form,
        "page": page,
        "query": query_without_page(request),
        "totals": totals(decisions),
        "sums": decisions.aggregate(
            granted=Sum("amount_granted"), requested=Sum("amount_requested")
        ),
        "programmes": programmes,
        "open_calls": Call.objects.open_now().select_related("programme"),
        "is_officer": request.user.is_authenticated and request.user.has_role(Role.GRANT_OFFICER),
    }
    return render(request, "grants/index.html", context)


def calls(request: HttpRequest) -> HttpResponse:
    rows = Call.objects.select_related("programme").order_by("-closes_at")
    return render(request, "grants/calls.html", {"page": paginate(request, rows)})


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("programme"), pk=pk)
    context = {
        "call": call,
        "criteria": call.criteria.all(),
        "questions": call.questions.all(),
        "is_open": call.status == CallStatus.OPEN,
    }
    return render(request, "grants/call_detail.html", context)


def organization_grants(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization.objects.public(), slug=slug)
    decisions = public_decisions().filter(application__organization=organization)
    context = {
        "organization": organization,
        "page": paginate(request, decisions, per_page=50),
        "totals": totals(decisions),
        "sums": decisions.aggregate(granted=Sum("amount_granted")),
    }
    return render(request, "grants/organization.html", context)
