"""A registry of staff tools, shown on the handling-queue page to the roles that use them.

Each app registers its tools in AppConfig.ready(), so `core` links to them without importing them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class StaffTool:
    label: str | Promise
    url_name: str
    roles: tuple[str, ...]
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_tools: list[StaffTool] = []


def register_staff_tool(
    *, label: str | Promise, url_name: str, roles: tuple[str, ...], order: int = 100
) -> None:
    _tools.append(StaffTool(label=label, url_name=url_name, roles=roles, order=order))


def tools_for(user) -> list[StaffTool]:
    """The tools this person's roles open (an administrator has every role)."""
    return sorted(
        (tool for tool in _tools if any(user.has_role(role) for role in tool.roles)),
        key=lambda tool: (tool.order, str(tool.label)),
    )
