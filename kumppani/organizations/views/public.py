"""The public directory, organization pages and the cooperation-practices document."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.decisions import DecisionStatus
from kumppani.core.pagination import paginate, query_without_page
from kumppani.organizations import services
from kumppani.organizations.forms import DirectoryFilterForm, JoinRequestForm
from kumppani.organizations.models import LiaisonContact, Organization, PracticesDocument
from kumppani.organizations.permissions import (
    can_join,
    get_organization_for_viewer,
    get_practices_version,
    is_liaison,
    membership_of,
)

PAGE_SIZE = 20


def directory(request: HttpRequest) -> HttpResponse:
    """M4, M13: verified organizations, searchable; M11: the liaison is named here."""
    form = DirectoryFilterForm(request.GET or None)
    organizations = form.filter(Organization.objects.public()).with_profile().by_name()
    page = paginate(request, organizations, per_page=PAGE_SIZE)
    return render(
        request,
        "organizations/directory.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "liaisons": LiaisonContact.objects.all(),
            "filtered": any(v for k, v in request.GET.items() if k != "page"),
        },
    )


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_organization_for_viewer(request.user, slug)
    membership = membership_of(request.user, organization)
    pending_request = (
        request.user.is_authenticated
        and organization.join_requests.filter(
            user=request.user, status=DecisionStatus.PENDING
        ).exists()
    )
    cooperations = list(organization.cooperations.all())
    return render(
        request,
        "organizations/detail.html",
        {
            "organization": organization,
            "membership": membership,
            "offers": [c for c in cooperations if c.direction == "offers"],
            "seeks": [c for c in cooperations if c.direction == "seeks"],
            "can_join": can_join(request.user, organization, membership) and not pending_request,
            "pending_request": pending_request,
            "join_form": JoinRequestForm(),
            "is_liaison": is_liaison(request.user),
        },
    )


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_organization_for_viewer(request.user, slug)
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            services.request_to_join(
                organization=organization,
                user=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your request was sent. The organization's administrators will answer.")
            )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("organizations:detail", slug=organization.slug)


def practices(request: HttpRequest, version: int | None = None) -> HttpResponse:
    """M10: the latest published version, with every earlier version kept readable."""
    versions = list(
        PracticesDocument.objects.filter(published_at__isnull=False).order_by("-version")
    )
    if version is None:
        document = versions[0] if versions else None
    else:
        document = get_practices_version(version)
    return render(
        request,
        "organizations/practices.html",
        {
            "document": document,
            "versions": versions,
            "is_latest": bool(versions) and document == versions[0],
            "can_edit": is_liaison(request.user),
        },
    )
