"""Table kind `kruistabel`: a pivot of long-format rows, with row, column and grand totals.

A combination that does not occur counts 0 when rows are counted, and is "no figure" when
a `waarde` column is summed.
"""

from __future__ import annotations

from typing import Literal

import difflib

from pydantic import Field, field_validator

from generator.compute.tables.common import (
    Reader, TableKindSpec, amount_scale, heading, label_cell, num_cell, sum_present, unit_text,
)
from generator.compute.views import TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core.vocabulary import RowKind, TableKind, TableUnit
from generator.load.csvfile import CsvTable
from generator.model.free_pages import TableSource
from generator.model.schema import Text
from generator.model.tables import MoneyUnit, TableBase

Cells = dict[tuple[tuple[str, ...], str], float | None]  # (row key, column) -> value


# The keys of this kind in tabellen.yml (Dutch aliases).
def _one_or_list(schema: dict) -> None:
    # JSON Schema: `rijen: Wet` (one column) is valid as well as a list.
    as_list = dict(schema)
    schema.clear()
    schema["anyOf"] = [as_list, {"type": ["string", "number"]}]


class CrossTable(TableBase):
    kind: Literal["kruistabel"] = Field(alias="soort")
    unit: Literal["euro", "euro_x1000", "aantal"] = Field(default="aantal", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    rows: list[Text] = Field(alias="rijen", min_length=1, max_length=3, json_schema_extra=_one_or_list)  # row label column(s)
    column: Text = Field(alias="kolom")  # the column whose values become table columns
    value: Text | None = Field(default=None, alias="waarde")  # summed; without it, rows are counted
    column_order: list[Text] | None = Field(default=None, alias="kolomvolgorde")

    @field_validator("rows", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return [value] if isinstance(value, (str, int)) else value


def cross_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: CrossTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=amount_scale(d.file_unit, d.unit))
    row_cols = [r.column(name, ("rijen",)) for name in d.rows]
    col_col = r.column(d.column, ("kolom",))
    value_col = r.column(d.value, ("waarde",)) if d.value else None
    if r.failed:
        return None
    counting = value_col is None
    cells: Cells = {}
    row_keys: list[tuple[str, ...]] = []
    col_keys: list[str] = []
    for row in data.rows:
        key = tuple(r.text(row, c) or "(leeg)" for c in row_cols)
        col = r.text(row, col_col) or "(leeg)"
        if counting:
            value: float | None = 1.0
        else:
            ok, value = r.number(row, value_col)
            if not ok:
                continue
        if key not in row_keys:
            row_keys.append(key)
        if col not in col_keys:
            col_keys.append(col)
        cells[(key, col)] = sum_present([cells.get((key, col)), value])
    if d.column_order:
        col_keys = _ordered_columns(r, d, col_keys, col_col)
    if r.failed:
        return None
    if not row_keys:
        r.table_problem("de tabel heeft geen regels")
        return None
    unit = TableUnit.COUNT if counting else d.unit
    empty = 0.0 if counting else None  # a combination that does not occur: none counted, or no figure
    columns = [TableColumn(key=name.lower(), header=heading(data, c), numeric=False, row_header=True) for name, c in zip(d.rows, row_cols)]
    columns += [TableColumn(key=k.lower(), header=k) for k in col_keys]
    columns.append(TableColumn(key="totaal", header="Totaal"))
    rows = []
    for key in row_keys:
        values = [cells.get((key, k), empty) for k in col_keys]
        rows.append(TableRow(cells=[label_cell(x) for x in key] + [num_cell(v, unit, d.decimals) for v in values]
                             + [num_cell(sum_present(values), unit, d.decimals)]))
    col_totals = [sum_present([cells.get((key, k), empty) for key in row_keys]) for k in col_keys]
    rows.append(TableRow(kind=RowKind.TOTAL, cells=[label_cell("Totaal")] + [label_cell("") for _ in row_cols[1:]]
                         + [num_cell(v, unit, d.decimals) for v in col_totals]
                         + [num_cell(sum_present(col_totals), unit, d.decimals)]))
    notes = ["Aantal regels per combinatie."] if counting else []
    return TableView(id=d.id, kind=TableKind.CROSS, title=d.title, unit=unit, unit_text=unit_text(unit), source=d.source,
                     notes=notes, columns=columns, rows=rows)


def _ordered_columns(r: Reader, d: CrossTable, col_keys: list[str], col_col: str | None) -> list[str]:
    """`kolomvolgorde` first: listed columns always show (a status without complaints this
    quarter shows 0); a name that nearly matches a value in the data is a typo."""
    by_lower = {k.lower(): k for k in col_keys}
    ordered: list[str] = []
    for i, name in enumerate(d.column_order or []):
        name = by_lower.get(name.lower(), name)
        close = difflib.get_close_matches(name, col_keys, n=1, cutoff=0.85)
        if name not in col_keys and close:
            r.problems.add(r.src.file, r.src.line_of("kolomvolgorde", i), f"`{name}` komt niet voor in kolom `{r.data.header(col_col)}`",
                           f"bedoelt u `{close[0]}`?")
            r.failed = True
        if name not in ordered:
            ordered.append(name)
    return ordered + [k for k in col_keys if k not in ordered]


SPEC = TableKindSpec(kind=TableKind.CROSS, model=CrossTable, build=cross_table)
