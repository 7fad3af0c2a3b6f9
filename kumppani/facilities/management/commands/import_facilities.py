"""Import units, facilities, parts, hours, exceptions, rules and prices from CSV or XLSX files.

A CSV file's sheet is its name (units.csv, facilities.csv, …) unless --sheet is given.
See docs/facilities-import.md for the columns.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kumppani.facilities.imports import check_files, import_files
from kumppani.facilities.imports.columns import SHEET_ORDER


class Command(BaseCommand):
    help = "Import the facility catalogue from CSV or XLSX files (dry run with --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="CSV or XLSX files")
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        parser.add_argument("--sheet", choices=SHEET_ORDER, help="What a single CSV file holds.")

    def handle(self, *args, paths, dry_run, sheet, **options):
        files = []
        for name in paths:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            files.append((path.name, path.read_bytes(), sheet))
        plan = (check_files if dry_run else import_files)(files)
        for error in plan.errors:
            self.stderr.write(f"{error.sheet or '-'}:{error.line}: {error.message}")
        for name, new, updated in plan.summary():
            self.stdout.write(f"{name}: {new} new, {updated} updated")
        if not plan.ok:
            raise CommandError(f"{len(plan.errors)} errors; nothing was imported.")
        self.stdout.write("Checked; nothing written (dry run)." if dry_run else "Imported.")
