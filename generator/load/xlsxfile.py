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
# Work limits, checked on the zip's own directory before openpyxl parses anything: an XLSX
# is a zip of XML, and 1.2 MB of zip can declare 510 MB of shared strings. zipfile never
# hands out more than a member's declared size, so the declared sizes bound the work.
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together
MAX_XLSX_PART = 100 * 1024 * 1024  # one sheet
MAX_SHARED_STRINGS = 20 * 1024 * 1024  # xl/sharedStrings.xml
MAX_XLSX_PARTS = 10_000
_XML_PROLOG = 4096  # a DTD can only stand before the root element


def _zip_problem(path: Path) -> tuple[str, str] | None:
    """(message, hint) when the workbook's zip declares more work than a report needs or
    holds a DTD (entity expansion); None when openpyxl may open it. Linear in the zip's
    directory and the first bytes of each XML part."""
    hint = "sla de werkmap opnieuw op in Excel, met alleen de bladen die de rapportage leest"
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_XLSX_PARTS:
                return f"de werkmap bestaat uit {len(infos)} delen; de grens is {MAX_XLSX_PARTS}", hint
            total = sum(info.file_size for info in infos)
            if total > MAX_XLSX_UNCOMPRESSED:
                return f"de werkmap is uitgepakt {total // (1024 * 1024)} MB; de grens is {MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MB", hint
            for info in infos:
                name = info.filename
                if name.lower().endswith("sharedstrings.xml") and info.file_size > MAX_SHARED_STRINGS:
                    return (f"de gedeelde teksten ({name}) zijn uitgepakt {info.file_size // (1024 * 1024)} MB; "
                            f"de grens is {MAX_SHARED_STRINGS // (1024 * 1024)} MB", hint)
                if info.file_size > MAX_XLSX_PART:
                    return f"onderdeel {name} is uitgepakt {info.file_size // (1024 * 1024)} MB; de grens is {MAX_XLSX_PART // (1024 * 1024)} MB", hint
                if name.lower().endswith((".xml", ".rels", ".vml")):
                    with archive.open(info) as part:
                        head = part.read(_XML_PROLOG).upper()
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        return (f"onderdeel {name} bevat een DTD (<!DOCTYPE>); Excel schrijft die nooit en rapportage leest hem niet",
                                "sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        return (f"bestand kan niet als Excel-werkmap (.xlsx) gelezen worden ({type(exc).__name__})",
                "sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'; het oude .xls-formaat wordt niet gelezen")
    except Exception as exc:  # zlib.error and friends: a damaged zip
        return (f"bestand is beschadigd ({type(exc).__name__})", "sla het bestand in Excel opnieuw op")
    return None


def damaged_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl raises while reading a sheet whose XML is damaged (truncated, invalid)."""
    import xml.etree.ElementTree as ElementTree
    import zlib

    errors: list[type[BaseException]] = [ElementTree.ParseError, zipfile.BadZipFile, zlib.error, EOFError]
    try:
        from lxml import etree

        errors.append(etree.XMLSyntaxError)
    except ImportError:
        pass
    return tuple(errors)


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


def open_workbook(path: Path, rel: str, problems: Problems):
    """The workbook, read-only with cached values; None after a problem with the file itself.
    Close it with `.close()`."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

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
    refused = _zip_problem(path)
    if refused:
        problems.add(rel, None, *refused)
        return None
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except damaged_errors() as exc:
        problems.add(rel, None, f"bestand is beschadigd ({type(exc).__name__}: {str(exc)[:80]})",
                     "open het in Excel en sla het opnieuw op als 'Excel-werkmap (*.xlsx)'")
        return None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        problems.add(
            rel, None, f"bestand kan niet als Excel-werkmap (.xlsx) gelezen worden ({type(exc).__name__})",
            "sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'; het oude .xls-formaat wordt niet gelezen",
        )
        return None


def read_xlsx(
    path: Path,
    rel: str,
    sheet: str | None,
    cell_range: str | None,
    problems: Problems,
    named_at: tuple[str, int | None],
) -> CsvTable | None:
    """Read one range of one sheet (opening and closing the workbook); see `read_range`."""
    workbook = open_workbook(path, rel, problems)
    if workbook is None:
        return None
    try:
        return read_range(workbook, path, rel, sheet, cell_range, problems, named_at)
    finally:
        workbook.close()


Bounds = tuple[int, int, int | None, int | None]  # min_col, min_row, max_col, max_row


def read_range(
    workbook,
    path: Path,
    rel: str,
    sheet: str | None,
    cell_range: str | None,
    problems: Problems,
    named_at: tuple[str, int | None],
) -> CsvTable | None:
    """Read one range of one sheet of an open workbook. Problems with the sheet or range
    point at `named_at` (the YAML file and line that named them)."""
    def_file, def_line = named_at
    where = _resolve_range(workbook, rel, sheet, cell_range, problems, named_at)
    if where is None:
        return None
    sheet, cell_range, bounds = where
    try:
        table = _read_rows(workbook[sheet], path, rel, sheet, bounds)
    except damaged_errors() as exc:
        problems.add(rel, None, f"blad `{sheet}` is beschadigd en kan niet gelezen worden ({type(exc).__name__}: {str(exc)[:80]})",
                     "open het bestand in Excel en sla het opnieuw op als 'Excel-werkmap (*.xlsx)'")
        return None
    if table is None:
        where_text = f"bereik `{cell_range}` van blad `{sheet}`" if cell_range else f"blad `{sheet}`"
        problems.add(def_file, def_line, f"{where_text} in {rel} is leeg; verwacht een kopregel met kolomnamen")
    return table


def _resolve_range(workbook, rel: str, sheet: str | None, cell_range: str | None, problems: Problems,
                   named_at: tuple[str, int | None]) -> tuple[str, str | None, Bounds] | None:
    """The sheet, the range and its bounds; a defined name carries its own sheet and range."""
    from openpyxl.utils.cell import range_boundaries

    def_file, def_line = named_at
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
    if not cell_range:
        return sheet, cell_range, (1, 1, None, None)
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
    return sheet, cell_range, (min_col, min_row, max_col, max_row)


def _read_rows(ws, path: Path, rel: str, sheet: str, bounds: Bounds) -> CsvTable | None:
    """The range's rows: the first non-empty row holds the column names. None when empty."""
    from openpyxl.utils.cell import get_column_letter

    min_col, min_row, max_col, max_row = bounds
    table: CsvTable | None = None
    row_number = min_row - 1
    for cells in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        row_number += 1
        values = [_cell_value(c) if hasattr(c, "value") else None for c in cells]
        if all(v is None or v == "" for v in values):
            continue
        if table is None:
            headers = [_header_text(c.value) if hasattr(c, "value") else "" for c in cells]
            table = CsvTable(path, rel, [h.lower() for h in headers], header_line=row_number, headers=headers, sheet=sheet)
            continue
        row = CsvRow(row_number, {}, {})
        for i, column in enumerate(table.columns):
            if not column:
                continue
            row.values[column] = values[i] if i < len(values) else None
            row.cells[column] = f"{get_column_letter(min_col + i)}{row_number}"
        table.rows.append(row)
    return table
