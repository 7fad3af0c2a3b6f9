"""Compile every .po file to .mo with polib, so that a machine without GNU gettext works."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def project_po_files() -> list[Path]:
    root = Path(settings.BASE_DIR) / "kumppani"
    return sorted(root.glob("**/locale/*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile the project's translations (.po → .mo) without GNU gettext."

    def handle(self, *args, **options):
        for po_path in project_po_files():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
