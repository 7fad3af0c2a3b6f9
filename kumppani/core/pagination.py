from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, queryset, per_page: int = 20) -> Page:
    """The requested page; a bad or out-of-range page number falls back to the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    """The current query string minus `page`, for building pagination links that keep filters."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
