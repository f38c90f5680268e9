"""The figures behind a chart: an accessible table and a CSV download, from the same cells.

Each cell keeps its Dutch text (for the table) and its plain value (for the CSV). The
CSV is what Dutch Excel opens without a wizard: semicolons, decimal comma, UTF-8 with
BOM. An empty cell is "no figure", never 0.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from generator.core import formatting as fmt
from generator.charts.model import ChartSpec, ChartTarget
from generator.charts.spec import as_target, share_parts, sorted_categories


@dataclass(frozen=True)
class Cell:
    text: str  # as the table shows it: "79%", "€ 1.800", "geen gegevens"
    raw: str  # as the CSV holds it: "79", "1800", "" (no figure), ">= 80"


@dataclass(frozen=True)
class Column:
    header: str
    csv_header: str
    numeric: bool = True  # right-aligned, tabular figures


@dataclass
class Table:
    caption: str
    corner: str  # header of the row-header column
    columns: list[Column]
    rows: list[tuple[str, list[Cell]]]  # row header, cells
    current: str | None = None  # row header of the current period: marked in the table
    notes: list[str] = field(default_factory=list)


def _num(x: float | None) -> str:
    if x is None:
        return ""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text).replace(".", ",")


def _value(spec: ChartSpec, v: float | None) -> Cell:
    return Cell(fmt.value(v, spec.unit, spec.decimals), _num(v))


def _target(spec: ChartSpec, t: ChartTarget | None) -> Cell:
    if t is None:
        return Cell("", "")
    target = as_target(t)
    return Cell(fmt.target(target, spec.unit, spec.decimals), target.to_text())


_UNIT_IN_HEADER = {"percentage": "%", "euro": "€", "dagen": "dagen", "weken": "weken", "maanden": "maanden", "uren": "uren", "minuten": "minuten"}


def _value_column(spec: ChartSpec, header: str) -> Column:
    unit = _UNIT_IN_HEADER.get(spec.unit)
    return Column(header, f"{header} ({unit})" if unit else header)


def data_table(spec: ChartSpec) -> Table:
    if spec.kind == "aandelen":
        return _shares_table(spec)
    if spec.kind == "begroting":
        return _budget_table(spec)
    names = spec.series_names()
    xs = sorted_categories(spec) if spec.kind == "horizontaal" else spec.xs()
    columns = [_value_column(spec, n or "Waarde") for n in names]
    stacked = spec.kind == "gestapeld"
    if stacked:
        columns.append(_value_column(spec, "Totaal"))
    target_series = _target_series(spec, names)
    for label, _ in target_series:
        columns.append(Column(label, label, numeric=False))
    rows = []
    for x in xs:
        values = [spec.value_at(x, n) for n in names]
        cells = [_value(spec, v) for v in values]
        if stacked:
            known = [v for v in values if v is not None]
            if known and len(known) == len(values):
                cells.append(_value(spec, sum(known)))
            else:
                cells.append(Cell("onvolledig" if known else fmt.NO_FIGURE, ""))
        # In grouped bars x is a category and the series are periods: the target of the current one.
        at_series = spec.current if spec.kind == "gegroepeerd" and spec.current else None
        for _, series in target_series:
            cells.append(_target(spec, spec.target_at(x, at_series or series)))
        rows.append((spec.x_label(x), cells))
    current = spec.x_label(spec.current) if spec.current in xs else None
    return Table(spec.title, spec.x_title, columns, rows, current)


def _target_series(spec: ChartSpec, names: list[str]) -> list[tuple[str, str]]:
    """(column header, series) per target column: one when every series has the same target."""
    if not spec.targets:
        return []
    own = [n for n in names if any(t.series == n and n for t in spec.targets)]
    if not own or spec.kind == "gegroepeerd":
        return [(spec.target_name, names[0] if len(names) == 1 else "")]
    return [(f"{spec.target_name} {n}", n) for n in own]


def _shares_table(spec: ChartSpec) -> Table:
    xs = spec.xs()
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    shares = {label: share for label, _, share in share_parts(spec, at)}
    rows = []
    total = 0.0
    for n in spec.series_names():
        v = spec.value_at(at, n) if at is not None else None
        label = n or spec.title
        share = shares.get(label)
        total += v if v is not None and v > 0 else 0.0
        share_cell = Cell(fmt.value(share * 100, "percentage", 1), _num(fmt.rounded(share * 100, 1))) if share is not None else Cell(fmt.NO_FIGURE, "")
        rows.append((label, [_value(spec, v), share_cell]))
    rows.append(("Totaal", [_value(spec, total), Cell("100%", "100")]))
    caption = spec.title + (f" ({spec.x_label(at)})" if at is not None and spec.x_is_period else "")
    return Table(caption, spec.series_title, [_value_column(spec, "Waarde"), Column("Aandeel", "Aandeel (%)")], rows)


def _budget_table(spec: ChartSpec) -> Table:
    b_name, f_name = (spec.series_names() + ["", ""])[:2]
    rows = []
    tb = tf = 0.0
    complete = True
    for x in spec.xs():
        b, f = spec.value_at(x, b_name), spec.value_at(x, f_name)
        rows.append((spec.x_label(x), _budget_cells(spec, b, f)))
        if b is None or f is None:
            complete = False
        else:
            tb, tf = tb + b, tf + f
    rows.append(("Totaal", _budget_cells(spec, tb, tf)))
    notes = [] if complete else ["Regels zonder begroting of prognose tellen niet mee in het totaal."]
    columns = [
        _value_column(spec, b_name or "Begroting"), _value_column(spec, f_name or "Prognose"),
        _value_column(spec, "Verschil"), Column("V/N", "V/N", numeric=False), Column("Afwijking", "Afwijking (%)"),
    ]
    return Table(spec.title, spec.x_title, columns, rows, notes=notes)


def _budget_cells(spec: ChartSpec, b: float | None, f: float | None) -> list[Cell]:
    """Difference = budget - forecast: positive is voordeel (V), negative nadeel (N); % of the budget."""
    if b is None or f is None:
        return [_value(spec, b), _value(spec, f), Cell("n.v.t.", ""), Cell("", ""), Cell("n.v.t.", "")]
    d = b - f
    vn = "V" if d > 0 else ("N" if d < 0 else "")
    pct = d / abs(b) if b else None
    return [
        _value(spec, b), _value(spec, f), _value(spec, d), Cell(vn, vn),
        Cell(fmt.signed_percent(pct), _num(fmt.rounded(pct * 100, 2)) if pct is not None else ""),
    ]


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
