from django import template

from kumppani.facilities.models import CustomerGroup

register = template.Library()


@register.filter
def customer_group_label(value: str) -> str:
    return str(CustomerGroup(value).label) if value in CustomerGroup.values else ""


@register.simple_tag
def status_badge_class(status: str) -> str:
    return {"approved": "badge-ok", "pending": "badge-warn"}.get(status, "badge-bad")
