"""XLSX ranges as municipalities have them: a named sheet, and a range (A1:D12) or an
Excel defined name; the first row of the range holds the column names.

The result has the same shape as a CSV file (`CsvTable`), with the Excel address of
every cell kept, so messages can say "blad `Q1`, cel C7". Workbooks are opened
read-only with cached values (`data_only`): a formula counts with the value Excel
last calculated.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from generator.load.csvfile import CsvRow, CsvTable
from generator.load.files import file_problem
from generator.core.problems import Problems, suggest

MAX_XLSX_BYTES = 50 * 1024 * 1024


def _cell_value(cell) -> object:
    """A cell's value as the table code expects it: text, a number, or None."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat() if not isinstance(value, dt.datetime) else value.date().isoformat()
    if isinstance(value, (int, float)):
        # A cell shown as 79% holds 0.79; the reports write percentages as 79.
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            return round(float(value) * 100, 10)
        return value
    return str(value)


def _header_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx(
    path: Path,
    rel: str,
    sheet: str | None,
    cell_range: str | None,
    problems: Problems,
    named_at: tuple[str, int | None],
) -> CsvTable | None:
    """Read one range of one sheet. Problems with the sheet or range point at `named_at`
    (the YAML file and line that named them); problems in the workbook point at the file."""
    from openpyxl import load_workbook
    from openpyxl.utils.cell import get_column_letter, range_boundaries
    from openpyxl.utils.exceptions import InvalidFileException

    def_file, def_line = named_at
    found = file_problem(path, rel)  # inside the project, a regular file
    if found:
        problems.add(rel, None, *found)
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.add(rel, None, f"bestand kan niet gelezen worden ({exc.strerror or exc})")
        return None
    if size > MAX_XLSX_BYTES:
        problems.add(rel, None, f"bestand is te groot ({size // (1024 * 1024)} MB)")
        return None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        problems.add(
            rel, None, f"bestand kan niet als Excel-werkmap (.xlsx) gelezen worden ({type(exc).__name__})",
            "sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'; het oude .xls-formaat wordt niet gelezen",
        )
        return None
    try:
        names = list(workbook.sheetnames)
        if cell_range and sheet is None and cell_range in workbook.defined_names:
            # An Excel defined name ("Begroting2023") carries its own sheet and range.
            destinations = list(workbook.defined_names[cell_range].destinations)
            if len(destinations) != 1:
                problems.add(def_file, def_line, f"naam `{cell_range}` in {rel} verwijst niet naar één bereik")
                return None
            sheet, cell_range = destinations[0]
            cell_range = cell_range.replace("$", "")
        if sheet is None:
            if len(names) > 1:
                problems.add(
                    def_file, def_line, f"{rel} heeft meerdere bladen; zeg met `blad` welk blad de tabel bevat",
                    "bladen: " + ", ".join(f"`{n}`" for n in names),
                )
                return None
            sheet = names[0]
        if sheet not in names:
            problems.add(
                def_file, def_line, f"blad `{sheet}` bestaat niet in {rel}",
                suggest(sheet, names) or "bladen: " + ", ".join(f"`{n}`" for n in names),
            )
            return None
        ws = workbook[sheet]
        if cell_range:
            try:
                min_col, min_row, max_col, max_row = range_boundaries(cell_range.upper())
            except (ValueError, TypeError):
                problems.add(
                    def_file, def_line, f"`{cell_range}` is geen geldig bereik",
                    "schrijf een bereik als A1:D12, of de naam van een benoemd bereik in de werkmap",
                )
                return None
            if None in (min_col, min_row, max_col, max_row):
                problems.add(def_file, def_line, f"bereik `{cell_range}` moet een begin- en eindcel hebben, bijvoorbeeld A1:D12")
                return None
        else:
            min_col = min_row = 1
            max_col = max_row = None
        rows_iter = ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col)
        table: CsvTable | None = None
        row_number = min_row - 1
        for cells in rows_iter:
            row_number += 1
            values = [_cell_value(c) if hasattr(c, "value") else None for c in cells]
            if all(v is None or v == "" for v in values):
                continue
            if table is None:
                headers = [_header_text(c.value) if hasattr(c, "value") else "" for c in cells]
                columns = [h.lower() for h in headers]
                table = CsvTable(path, rel, columns, header_line=row_number, headers=headers, sheet=sheet)
                continue
            row = CsvRow(row_number, {}, {})
            for i, column in enumerate(table.columns):
                if not column:
                    continue
                row.values[column] = values[i] if i < len(values) else None
                row.cells[column] = f"{get_column_letter(min_col + i)}{row_number}"
            table.rows.append(row)
        if table is None:
            where = f"bereik `{cell_range}` van blad `{sheet}`" if cell_range else f"blad `{sheet}`"
            problems.add(def_file, def_line, f"{where} in {rel} is leeg; verwacht een kopregel met kolomnamen")
            return None
        return table
    finally:
        workbook.close()
