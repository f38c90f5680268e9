"""The cells of a chart's data table: the Dutch text (for the table) and the plain value
(for the CSV) of every figure, and the table most kinds share (one row per x, one column
per series, then the targets).

An empty cell is "no figure", never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.charts.model import ChartRow, ChartSpec, ChartTarget
from generator.charts.values import MARKS_NOTE, as_target, marked
from generator.core import formatting as fmt


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


def num(x: float | None) -> str:
    """A value as the CSV holds it: decimal comma, no trailing zeros, "" for no figure."""
    if x is None:
        return ""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text).replace(".", ",")


def value_cell(spec: ChartSpec, v: float | None) -> Cell:
    return Cell(fmt.value(v, spec.unit, spec.decimals), num(v))


# The CSV writes a bound as "<120" (a spreadsheet must not take it for the number 120).
_CSV_SIGN = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}


def row_cell(spec: ChartSpec, row: ChartRow | None) -> Cell:
    """A figure's cell with its mark: "< 120 minuten" / "<120", "75% (schatting)" / "75 (schatting)"."""
    if row is None or row.value is None or not row.marked:
        return value_cell(spec, row.value if row is not None else None)
    plain = value_cell(spec, row.value)
    return Cell(marked(plain.text, row.comparator, row.estimate),
                marked(plain.raw, row.comparator, row.estimate, _CSV_SIGN).replace(" ", "", 1 if row.comparator else 0))


def target_cell(spec: ChartSpec, t: ChartTarget | None) -> Cell:
    if t is None:
        return Cell("", "")
    target = as_target(t)
    return Cell(fmt.target(target, spec.unit, spec.decimals), target.to_text())


_UNIT_IN_HEADER = {"percentage": "%", "euro": "€", "dagen": "dagen", "weken": "weken", "maanden": "maanden", "uren": "uren", "minuten": "minuten"}


def value_column(spec: ChartSpec, header: str) -> Column:
    unit = _UNIT_IN_HEADER.get(spec.unit)
    return Column(header, f"{header} ({unit})" if unit else header)


def series_table(spec: ChartSpec, xs: list[str], total: bool = False, current_group: bool = False) -> Table:
    """One row per x (in the order `xs`), a column per series, then the target columns.

    `total` adds a "Totaal" column (stacked parts). With `current_group` x is a category
    and the series are periods: one target column, the target of the current period.
    """
    names = spec.series_names()
    columns = [value_column(spec, n or "Waarde") for n in names]
    if total:
        columns.append(value_column(spec, "Totaal"))
    targets = _target_series(spec, names, current_group)
    for label, _ in targets:
        columns.append(Column(label, label, numeric=False))
    at_series = spec.current if current_group and spec.current else None
    rows = []
    for x in xs:
        values = [spec.value_at(x, n) for n in names]
        cells = [row_cell(spec, spec.row_at(x, n)) for n in names]
        if total:
            known = [v for v in values if v is not None]
            if known and len(known) == len(values):
                cells.append(value_cell(spec, sum(known)))
            else:
                cells.append(Cell("onvolledig" if known else fmt.NO_FIGURE, ""))
        for _, series in targets:
            cells.append(target_cell(spec, spec.target_at(x, at_series or series)))
        rows.append((spec.x_label(x), cells))
    current = spec.x_label(spec.current) if spec.current in xs else None
    return Table(spec.title, spec.x_title, columns, rows, current, notes=[MARKS_NOTE] if spec.marked() else [])


def _target_series(spec: ChartSpec, names: list[str], current_group: bool) -> list[tuple[str, str]]:
    """(column header, series) per target column: one when every series has the same target."""
    if not spec.targets:
        return []
    own = [n for n in names if any(t.series == n and n for t in spec.targets)]
    if not own or current_group:
        return [(spec.target_name, names[0] if len(names) == 1 else "")]
    return [(f"{spec.target_name} {n}", n) for n in own]
