"""The private calendar feed (secret address, revocable) and personal API tokens."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from kumppani.bookings import ics
from kumppani.bookings.models import Booking, FeedToken
from kumppani.core.time import now

FEED_DAYS_BACK = 90


@login_required
def feeds(request: HttpRequest) -> HttpResponse:
    token = FeedToken.objects.filter(user=request.user).first()
    url = (
        request.build_absolute_uri(reverse("bookings:personal_feed", args=[token.token]))
        if token
        else None
    )
    return render(request, "bookings/feeds.html", {"token": token, "feed_url": url})


@login_required
@require_POST
def feed_regenerate(request: HttpRequest) -> HttpResponse:
    """A new secret address; the old one stops working at once."""
    FeedToken.objects.filter(user=request.user).delete()
    FeedToken.objects.create(user=request.user)
    messages.success(
        request, _("Your calendar has a new address. The old address no longer works.")
    )
    return redirect("bookings:feeds")


@login_required
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    FeedToken.objects.filter(user=request.user).delete()
    messages.success(request, _("The calendar address was switched off."))
    return redirect("bookings:feeds")


def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The person's bookings for calendar apps; the secret in the address is the key."""
    owner = FeedToken.objects.filter(token=token).select_related("user").first()
    if owner is None or not owner.user.is_active:
        raise Http404
    bookings = (
        Booking.objects.filter(booker=owner.user)
        .active()
        .filter(end__gte=now() - dt.timedelta(days=FEED_DAYS_BACK))
        .select_related("facility", "part")
        .order_by("start")
    )
    body = ics.personal_feed(bookings, name=_("My bookings"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def api_token(request: HttpRequest) -> HttpResponse:
    """Create, regenerate or revoke the personal API token (`Authorization: Token …`).

    The key is shown once, right after it was made; afterwards only its beginning.
    """
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        Token.objects.filter(user=request.user).delete()
        if action in ("create", "regenerate"):
            new_key = Token.objects.create(user=request.user).key
            messages.success(request, _("Your new API token is shown below. Copy it now."))
        else:
            messages.success(request, _("The API token was revoked."))
    token = Token.objects.filter(user=request.user).first()
    return render(request, "bookings/api_token.html", {"token": token, "new_key": new_key})
