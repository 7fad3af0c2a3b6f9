"""The liaison's work: verification (M13), cooperation practices (M10), liaison contacts (M11)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kumppani.core.decisions import DecisionStatus
from kumppani.core.pagination import paginate
from kumppani.core.time import now
from kumppani.organizations import services
from kumppani.organizations.forms import LiaisonContactFormSet, PracticesForm, VerificationForm
from kumppani.organizations.models import LiaisonContact, Organization, PracticesDocument
from kumppani.organizations.permissions import get_organization_for_liaison, require_liaison


@login_required
def verification_queue(request: HttpRequest) -> HttpResponse:
    """Pending registrations, the oldest first, with their due dates."""
    require_liaison(request.user)
    pending = Organization.objects.pending().order_by("created_at", "pk")
    decided = (
        Organization.objects.exclude(status=DecisionStatus.PENDING)
        .filter(decided_at__isnull=False)
        .select_related("decided_by")
        .order_by("-decided_at")[:20]
    )
    return render(
        request,
        "organizations/verification_queue.html",
        {"page": paginate(request, pending, per_page=50), "decided": decided, "now": now()},
    )


@login_required
def verify(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_organization_for_liaison(request.user, slug)
    form = VerificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == DecisionStatus.APPROVED:
                services.verify_organization(
                    organization=organization, decided_by=request.user, reason=data["reason"]
                )
                messages.success(request, _("The organization was verified."))
            else:
                services.reject_organization(
                    organization=organization, decided_by=request.user, reason=data["reason"]
                )
                messages.success(request, _("The organization was rejected."))
        except ValidationError as error:
            form.add_error("reason", error.messages)
        else:
            return redirect("organizations:verification")
    return render(
        request,
        "organizations/verify.html",
        {
            "organization": organization,
            "form": form,
            "cooperations": organization.cooperations.all(),
            "admins": organization.memberships.filter(role="admin").count(),
        },
    )


@login_required
def practices_new(request: HttpRequest) -> HttpResponse:
    """M10: staff publish a new version; earlier versions stay readable and unchanged."""
    require_liaison(request.user)
    latest = PracticesDocument.objects.filter(published_at__isnull=False).first()
    initial = {}
    if latest:
        for lang in ("fi", "sv", "en"):
            initial[f"title_{lang}"] = getattr(latest, f"title_{lang}") or ""
            initial[f"body_{lang}"] = getattr(latest, f"body_{lang}") or ""
    form = PracticesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = services.publish_practices_version(
            created_by=request.user,
            title={lang: data[f"title_{lang}"] for lang in ("fi", "sv", "en")},
            body={lang: data[f"body_{lang}"] for lang in ("fi", "sv", "en")},
            change_summary={lang: data[f"change_summary_{lang}"] for lang in ("fi", "sv", "en")},
        )
        messages.success(
            request,
            _("Version %(version)s was published.") % {"version": document.version},
        )
        return redirect("organizations:practices")
    return render(request, "organizations/practices_form.html", {"form": form, "latest": latest})


@login_required
def liaison_contacts(request: HttpRequest) -> HttpResponse:
    """M11: who the organization liaisons are, as shown on the directory."""
    require_liaison(request.user)
    formset = LiaisonContactFormSet(request.POST or None, queryset=LiaisonContact.objects.all())
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, _("The liaison contacts were saved."))
        return redirect("organizations:liaisons")
    return render(request, "organizations/liaison_contacts.html", {"formset": formset})
