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
        writer.writerow([spreadsheet_text(header)] + [c.raw for c in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_FORMULA_START = re.compile(r"^(?:[=+@\t\r]|-(?![\d,.]))")


def spreadsheet_text(text: str) -> str:
    """Editor text (series names, labels) in a CSV for Excel: text that Excel would read as
    a formula (`=HYPERLINK(...)`, `+`, `@`, `-` not before a number) gets a leading `'`."""
    return "'" + text if _FORMULA_START.match(text) else text
