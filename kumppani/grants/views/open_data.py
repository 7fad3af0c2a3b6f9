"""Downloads linked from the grants page: CSV and 360Giving JSON, streamed in constant memory."""

from __future__ import annotations

from django.http import HttpRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET

from kumppani.grants.open_data import csv_stream, giving_stream


@require_GET
def grants_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="grants.csv"'
    return response


@require_GET
def grants_json(request: HttpRequest) -> StreamingHttpResponse:
    site_url = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(
        giving_stream(site_url=site_url), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="grants.json"'
    return response
