"""Import and export of the whole catalogue (docs/facilities-import.md).

`check_files()` is the dry run: it reports every bad row with its line and reason and writes
nothing. `import_files()` runs the same checks and, only if all pass, writes everything in one
transaction, updating by external id so that importing the same file twice changes nothing.
"""

from __future__ import annotations

from kumppani.facilities.imports.apply import apply_plan
from kumppani.facilities.imports.reading import RowError, read_upload
from kumppani.facilities.imports.validation import Plan, build_plan


def check_files(files: list[tuple[str, bytes, str | None]], *, user=None) -> Plan:
    """files: (file name, content, sheet name for a CSV or None). `user` None = full rights."""
    errors: list[RowError] = []
    sheets = []
    for name, data, sheet in files:
        sheets += read_upload(name, data, sheet, errors)
    return build_plan(sheets, user, errors)


def import_files(files: list[tuple[str, bytes, str | None]], *, user=None) -> Plan:
    plan = check_files(files, user=user)
    if plan.ok:
        apply_plan(plan)
    return plan


__all__ = ["Plan", "RowError", "check_files", "import_files"]
