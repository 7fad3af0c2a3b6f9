"""Export the catalogue in the import format: one XLSX workbook or a folder of CSV files."""

from pathlib import Path

from django.core.management.base import BaseCommand

from kumppani.facilities.imports.columns import SHEET_ORDER
from kumppani.facilities.imports.export import write_csv, xlsx_bytes


class Command(BaseCommand):
    help = "Export the facility catalogue as XLSX (default) or as CSV files into a folder."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .xlsx file, or the folder for CSV files")
        parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")

    def handle(self, *args, path, format, **options):
        target = Path(path)
        if format == "xlsx":
            target.write_bytes(xlsx_bytes())
            self.stdout.write(f"Wrote {target}")
            return
        target.mkdir(parents=True, exist_ok=True)
        for sheet in SHEET_ORDER:
            with (target / f"{sheet}.csv").open("w", encoding="utf-8-sig", newline="") as out:
                write_csv(sheet, out)
        self.stdout.write(f"Wrote {len(SHEET_ORDER)} CSV files to {target}")
