"""The figures behind a chart: an accessible table and a CSV download, from the same cells.

Each cell keeps its Dutch text (for the table) and its plain value (for the CSV). The
CSV is what Dutch Excel opens without a wizard: semicolons, decimal comma, UTF-8 with
BOM. An empty cell is "no figure", never 0.
"""

from __future__ import annotations

import csv
import io
import re

from generator.charts.cells import Cell, Column, Table
from generator.charts.kinds import kind_module
from generator.charts.model import ChartSpec

__all__ = ["Cell", "Column", "Table", "csv_bytes", "data_table", "spreadsheet_text"]


def data_table(spec: ChartSpec) -> Table:
    """The table behind a chart, as its kind lays it out (charts/kinds/)."""
    return kind_module(spec.kind).table(spec)


def csv_bytes(spec: ChartSpec) -> bytes:
    """The table as CSV, for Dutch Excel: ';', decimal comma, UTF-8 with BOM, CRLF."""
    table = data_table(spec)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_text(table.corner)] + [spreadsheet_text(c.csv_header) for c in table.columns])
    for header, cells in table.rows:
        writer.writerow([spreadsheet_text(header)] + [spreadsheet_text(c.raw) for c in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# OWASP CSV injection: a cell starting with one of these is read as a formula (also the
# full-width forms, which some spreadsheets fold to ASCII).
_FORMULA_START = re.compile(r"^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]")
# A plain number as `num` writes it (decimal comma): the only cell that may start with `-`.
_PLAIN_NUMBER = re.compile(r"^-?[0-9]+(?:,[0-9]+)?\Z")


def spreadsheet_text(text: str) -> str:
    """A CSV cell that a spreadsheet can never read as a formula: a cell starting with
    `=`, `+`, `-`, `@`, tab or a line break (`=HYPERLINK(...)`, `-2+3+cmd|...`) gets a
    leading `'`; a plain number (`-12,5`) stays a number."""
    if _PLAIN_NUMBER.match(text) or not _FORMULA_START.match(text):
        return text
    return "'" + text
