"""Table kind `standen`: a stock per moment (report 004's "Aantal inwoners met PGA":
Q1 2020, Ultimo 2020, Q1 2021).

Every column is a moment as the file writes it. A stock is never added up over moments:
there is no year total. A total row sums the categories per moment (subtotal and total
rows of the file are checked like in a budget table); without one a "Totaal" is added,
unless `totaalregel: nee`. Percentages are never summed.
"""

from __future__ import annotations

from typing import Literal

from dataclasses import dataclass

from pydantic import Field

from generator.compute.tables.common import (
    Reader, TableKindSpec, amount_scale, check_stated, heading, label_cell, num_cell, scope_sums, unit_text,
)
from generator.compute.views import TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core.vocabulary import RowKind, TableKind, TableUnit
from generator.load.csvfile import CsvRow, CsvTable
from generator.model.free_pages import TableSource
from generator.model.base import DutchModel
from generator.model.schema import Text, YesNo
from generator.model.tables import MoneyUnit, TableBase, TableUnitValue


# The keys of this kind in tabellen.yml (Dutch aliases).
class StockColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    row_kind: Text = Field(default="soort", alias="soort")


class StockTable(TableBase):
    kind: Literal["standen"] = Field(alias="soort")
    unit: TableUnitValue = Field(default="aantal", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    moments: list[Text] | None = Field(
        default=None, alias="momenten", min_length=1,
        description="De kolommen met een stand, in deze volgorde (zoals `Q1 2020`, `Ultimo 2020`); "
        "standaard elke kolom behalve de omschrijving en de soort.")
    total_row: YesNo = Field(
        default=True, alias="totaalregel",
        description="`nee`: geen regel Totaal onderaan als het bestand er geen heeft. Standaard `ja`.")
    columns: StockColumns = Field(default_factory=StockColumns, alias="kolommen")


@dataclass
class _StockRow:
    label: str
    kind: str
    values: list[float | None]


def stock_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: StockTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=amount_scale(d.file_unit, d.unit))
    label_col = r.column(d.columns.label, ("kolommen", "omschrijving"))
    kind_col = r.row_kind_column(d.columns.row_kind)
    if d.moments:
        moment_cols = [r.column(name, ("momenten",)) for name in d.moments]
    else:
        moment_cols = [c for c in data.columns if c and c not in (label_col, kind_col)]
    if r.failed:
        return None
    if not moment_cols:
        r.table_problem("de tabel heeft geen kolommen met standen", "zet naast de omschrijving een kolom per moment")
        return None
    summable = d.unit != TableUnit.PERCENTAGE
    with r.in_row_order():
        read = _read_rows(r, label_col, kind_col, moment_cols, summable)
        rows = [line for _, line in read]
        scopes = scope_sums([x.kind for x in rows], [x.values for x in rows], len(moment_cols))
        for i, (row, line) in enumerate(read):
            if line.kind == RowKind.LINE:
                continue
            for j, col in enumerate(moment_cols):
                computed = scopes.sums[i][j]
                check_stated(r, row, col, line.label, line.kind, line.values[j], computed, d.unit, d.decimals)
                line.values[j] = computed
    if r.failed:
        return None
    lines = [x for x in rows if x.kind == RowKind.LINE]
    if not lines:
        r.table_problem("de tabel heeft geen regels")
        return None
    if summable and d.total_row and not any(x.kind == RowKind.TOTAL for x in rows):
        total = scope_sums([x.kind for x in lines] + [RowKind.TOTAL], [x.values for x in lines] + [[None] * len(moment_cols)],
                           len(moment_cols))
        rows.append(_StockRow("Totaal", RowKind.TOTAL, total.sums[-1]))
    columns = [TableColumn(key="omschrijving", header=heading(data, label_col), numeric=False, row_header=True)]
    columns += [TableColumn(key=heading(data, c).lower(), header=heading(data, c)) for c in moment_cols]
    out = [TableRow(kind=x.kind, cells=[label_cell(x.label)] + [num_cell(v, d.unit, d.decimals) for v in x.values])
           for x in rows]
    return TableView(
        id=d.id, kind=TableKind.STOCK, title=d.title, unit=d.unit, unit_text=unit_text(d.unit), source=d.source,
        notes=["Een stand per moment; standen tellen niet op over de momenten, dus er is geen jaartotaal."],
        columns=columns, rows=out,
    )


def _read_rows(r: Reader, label_col: str | None, kind_col: str | None, moment_cols: list[str | None],
               summable: bool) -> list[tuple[CsvRow, _StockRow]]:
    """Every row that reads without a problem, in file order."""
    read = []
    for row in r.data.rows:
        kind = r.row_kind(row, kind_col)
        ok, values = r.numbers(row, moment_cols)
        label = r.label(row, label_col)
        if not label or kind is None or not ok:
            continue
        if kind != RowKind.LINE and not summable:
            r.error(row, kind_col, f"`{label}` is een {kind}, maar percentages tellen niet op",
                    "laat de soort leeg, of kies `eenheid: aantal`")
            continue
        read.append((row, _StockRow(label, kind, values)))
    return read


SPEC = TableKindSpec(kind=TableKind.STOCK, model=StockTable, build=stock_table)
