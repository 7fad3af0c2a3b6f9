"""Reading import files: CSV (UTF-8, with or without BOM; comma, semicolon or tab) and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_ROWS = 100_000


@dataclass
class RowError:
    sheet: str
    line: int
    message: str


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def _decode(data: bytes, sheet: str, errors: list[RowError]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.append(
            RowError(
                sheet,
                line,
                _(
                    "The file is not UTF-8 encoded (first bad character on this line). "
                    "Save it as “CSV UTF-8” and try again."
                ),
            )
        )
        return None


def read_csv(data: bytes, sheet: str, errors: list[RowError]) -> Sheet | None:
    text = _decode(data, sheet, errors)
    if text is None:
        return None
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        errors.append(RowError(sheet, 1, _("The file is empty.")))
        return None
    except csv.Error as exc:
        errors.append(RowError(sheet, 1, _("The file cannot be read as CSV: %s") % exc))
        return None
    result = Sheet(sheet, header)
    try:
        for values in reader:
            if len(result.rows) >= MAX_ROWS:
                errors.append(RowError(sheet, reader.line_num, _("Too many rows.")))
                return None
            if not any(value.strip() for value in values):
                continue
            result.rows.append((reader.line_num, _row(header, values)))
    except csv.Error as exc:
        errors.append(
            RowError(sheet, reader.line_num, _("The file cannot be read as CSV: %s") % exc)
        )
        return None
    return result


def _row(header: list[str], values: list) -> dict[str, str]:
    row = {name: (values[i] if i < len(values) else "") for i, name in enumerate(header)}
    if len(values) > len(header) and any(str(v).strip() for v in values[len(header) :]):
        row["__extra__"] = "yes"
    return {key: str(value).strip() for key, value in row.items()}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(data: bytes, errors: list[RowError]) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        errors.append(RowError("", 1, _("The file is not a valid Excel (.xlsx) workbook.")))
        return []
    sheets = []
    for worksheet in workbook.worksheets:
        rows = worksheet.iter_rows(values_only=True)
        try:
            header = [_cell(value).strip().lower() for value in next(rows)]
        except StopIteration:
            continue
        while header and not header[-1]:
            header.pop()
        sheet = Sheet(worksheet.title.strip().lower(), header)
        for line, values in enumerate(rows, start=2):
            cells = [_cell(value) for value in values]
            if not any(cell.strip() for cell in cells):
                continue
            if len(sheet.rows) >= MAX_ROWS:
                errors.append(RowError(sheet.name, line, _("Too many rows.")))
                break
            sheet.rows.append((line, _row(header, cells)))
        sheets.append(sheet)
    workbook.close()
    return sheets


def read_upload(
    name: str, data: bytes, sheet_name: str | None, errors: list[RowError]
) -> list[Sheet]:
    """The sheets of one uploaded file. A CSV holds one sheet: the one chosen or its file name."""
    if name.lower().endswith(".xlsx") or data[:2] == b"PK":
        return read_xlsx(data, errors)
    sheet = sheet_name or name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    result = read_csv(data, sheet, errors)
    return [result] if result else []
