"""A registry through which each app contributes to a person's data export and erasure.

Higher apps register functions here; `accounts` calls them without importing those apps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], dict[str, Any]]
Eraser = Callable[[Any], None]

_exporters: dict[str, Exporter] = {}
_erasers: list[Eraser] = []


def register_exporter(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


def register_eraser(eraser: Eraser) -> None:
    """An eraser anonymises or deletes what an app holds about the user, before the user row goes."""
    _erasers.append(eraser)


def unregister_exporter(section: str) -> None:
    _exporters.pop(section, None)


def unregister_eraser(eraser: Eraser) -> None:
    if eraser in _erasers:
        _erasers.remove(eraser)


def export_for(user) -> dict[str, Any]:
    return {section: exporter(user) for section, exporter in sorted(_exporters.items())}


def erase_for(user) -> None:
    for eraser in _erasers:
        eraser(user)
