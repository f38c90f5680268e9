"""CSV files as municipalities have them: comma or semicolon, UTF-8 (with or without
BOM) or Windows-1252, with the line of every row kept for messages."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.files import read_text_file
from generator.core.problems import Problems

MAX_CSV_BYTES = 50 * 1024 * 1024
# Work: every row becomes a figure to validate and compute (the example has 175); a
# million-row file took minutes and printed a message per row.
MAX_CSV_ROWS = 50_000
MAX_ROW_PROBLEMS = 20  # the rest of the file is the same mistake: say so once


@dataclass
class CsvRow:
    line: int  # 1-based line in the file where the row starts (for XLSX: the sheet row)
    values: dict[str, str]  # column (lower case) -> cell; XLSX cells may also be numbers or None
    cells: dict[str, str] = field(default_factory=dict)  # XLSX only: column -> address, e.g. "C7"
    last_line: int | None = None  # CSV: where it ends, when a quoted cell spans lines


@dataclass
class CsvTable:
    """Rows of a CSV file, or of an XLSX range (see load/xlsxfile.py): one shape for both."""

    path: Path
    rel: str
    columns: list[str]  # lower case, stripped: what code matches on
    rows: list[CsvRow] = field(default_factory=list)
    header_line: int = 1
    headers: list[str] = field(default_factory=list)  # the column names as written
    sheet: str | None = None  # XLSX only

    def header(self, column: str) -> str:
        """The column name as the file writes it."""
        if column in self.columns and len(self.headers) == len(self.columns):
            return self.headers[self.columns.index(column)]
        return column

    def place(self, row: CsvRow, column: str | None = None) -> str:
        """Where a cell is, in words an editor finds it by: 'kolom `Begroting`' or 'blad `Q1`, cel C7'."""
        if self.sheet is not None:
            cell = row.cells.get(column) if column else None
            return f"blad `{self.sheet}`, " + (f"cel {cell}" if cell else f"rij {row.line}")
        return f"kolom `{self.header(column)}`" if column else f"regel {row.line}"

    def line(self, row: CsvRow) -> int | None:
        """The line for a Problem: CSV lines are lines; an XLSX cell is named in the message instead."""
        return None if self.sheet is not None else row.line


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export: UTF-16 with a byte order mark.
        return raw.decode("utf-16", errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" as Windows-1252.
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, rel: str, problems: Problems) -> CsvTable | None:
    text = read_text_file(
        path, rel, problems, MAX_CSV_BYTES, decode=decode,
        binary_hint="sla het bestand in Excel op als 'CSV UTF-8 (gescheiden door lijstscheidingsteken)'",
        control_message="onzichtbaar stuurteken ({code}) in het bestand",
        control_hint="verwijder het teken of sla het bestand opnieuw op als CSV",
    )
    if text is None:
        return None
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        problems.add(rel, None, "bestand is leeg; verwacht een kopregel met kolomnamen")
        return None
    delimiter = sniff_delimiter(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: CsvTable | None = None
    end = 0
    bad_rows = 0
    try:
        for record in reader:
            line, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if table is None:
                columns = [c.strip().lower() for c in record]
                table = CsvTable(path, rel, columns, header_line=line, headers=[c.strip() for c in record])
                continue
            if len(table.rows) >= MAX_CSV_ROWS:
                problems.add(rel, line, f"bestand heeft meer dan {MAX_CSV_ROWS:,} rijen; de grens is {MAX_CSV_ROWS:,}".replace(",", "."),
                             "zet alleen de cijfers die de rapportage toont in het bestand, of splits het per jaar")
                return None
            if len(record) > len(table.columns) and any(c.strip() for c in record[len(table.columns):]):
                bad_rows += 1
                if bad_rows > MAX_ROW_PROBLEMS:
                    problems.add(rel, line, f"nog meer rijen met te veel cellen; de eerste {MAX_ROW_PROBLEMS} staan hierboven",
                                 f"controleer het scheidingsteken `{delimiter}` in het hele bestand")
                    return None
                problems.add(
                    rel,
                    line,
                    f"rij heeft {len(record)} cellen, de kopregel {len(table.columns)} kolommen",
                    f"controleer het scheidingsteken `{delimiter}` in tekst (zet zulke tekst tussen aanhalingstekens)",
                )
                continue
            values = {col: (record[i].strip() if i < len(record) else "") for i, col in enumerate(table.columns)}
            table.rows.append(CsvRow(line, values, last_line=end if end > line else None))
    except csv.Error as exc:
        problems.add(rel, reader.line_num or 1, f"CSV kan niet gelezen worden: {_dutch_csv_error(str(exc))}", _QUOTES_HINT)
        return None
    return table


_QUOTES_HINT = "controleer de aanhalingstekens (\") in en rond deze regel"

_CSV_PHRASES = {
    "field larger than field limit": "een cel is veel te lang (een aanhalingsteken dat niet gesloten is?)",
    "new-line character seen in unquoted field": "een regeleinde midden in een cel",
    "unexpected end of data": "het bestand houdt midden in een cel op",
    "line contains nul": "het bestand bevat een NUL-teken (binair bestand?)",
}


def _dutch_csv_error(text: str) -> str:
    lowered = text.lower()
    for english, dutch in _CSV_PHRASES.items():
        if english in lowered:
            return dutch
    return "onleesbare regel"
