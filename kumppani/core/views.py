from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kumppani.core.decisions import queue_for
from kumppani.core.permissions import require_staff
from kumppani.core.staff_tools import tools_for


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@login_required
def handling_queue(request: HttpRequest) -> HttpResponse:
    """M8: everything waiting for this official's decision, due first."""
    require_staff(request.user)
    return render(
        request,
        "core/handling.html",
        {"items": queue_for(request.user), "tools": tools_for(request.user)},
    )


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
