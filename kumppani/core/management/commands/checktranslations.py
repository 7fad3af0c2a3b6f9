"""Fail when a Finnish or Swedish catalogue has untranslated or fuzzy strings."""

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kumppani.core.management.commands.compiletranslations import project_po_files


class Command(BaseCommand):
    help = "Check that the fi and sv translations are complete (no untranslated or fuzzy strings)."

    def handle(self, *args, **options):
        problems = []
        for po_path in project_po_files():
            language = po_path.parent.parent.name
            if language not in {"fi", "sv"}:
                continue
            catalogue = polib.pofile(str(po_path))
            missing = [e.msgid for e in catalogue.untranslated_entries()]
            fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
            relative = po_path.relative_to(settings.BASE_DIR)
            for msgid in missing:
                problems.append(f"{relative}: untranslated: {msgid[:70]!r}")
            for msgid in fuzzy:
                problems.append(f"{relative}: fuzzy: {msgid[:70]!r}")
        if problems:
            raise CommandError("Incomplete translations:\n" + "\n".join(problems))
        self.stdout.write("Translations complete.")
