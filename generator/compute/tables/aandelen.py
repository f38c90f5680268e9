"""Table kind `aandelen`: shares of a total.

share = value / sum of the values there are; rounding can make the shares add up to 99%
or 101% (a note says so). (Sub)total rows of the source are left out; negative values are
an error. With `eenheid: percentage` the values are the shares as published (report 002:
66% / 19% / 6% / 10%): shown as given, never recomputed; when they do not add up to 100
a note says so, and beyond what rounding can explain it is an error.
"""

from __future__ import annotations

from typing import Literal

from generator.core.lazy import pandas as pd  # imported when a table is computed
from pydantic import Field

from generator.compute.tables.common import (
    Reader, TableKindSpec, amount_scale, heading, label_cell, num_cell, percent_cell, unit_text,
)
from generator.compute.views import TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core import formatting as fmt
from generator.core.vocabulary import RowKind, TableKind, TableUnit
from generator.load.csvfile import CsvTable
from generator.model.free_pages import TableSource
from generator.model.base import DutchModel
from generator.model.schema import Text
from generator.model.tables import MoneyUnit, TableBase


# The keys of this kind in tabellen.yml (Dutch aliases).
class ShareColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    value: Text = Field(default="waarde", alias="waarde")
    row_kind: Text = Field(default="soort", alias="soort")  # subtotal/total rows are left out


class ShareTable(TableBase):
    kind: Literal["aandelen"] = Field(alias="soort")
    unit: Literal["euro", "euro_x1000", "aantal", "percentage"] = Field(
        default="aantal", alias="eenheid",
        description="`percentage`: de waarden zijn de aandelen zoals gepubliceerd (66 = 66%); ze staan er zoals "
        "gegeven. Anders berekent rapportage de aandelen uit de waarden.")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    columns: ShareColumns = Field(default_factory=ShareColumns, alias="kolommen")


def share_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: ShareTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=amount_scale(d.file_unit, d.unit))
    label_col = r.column(d.columns.label, ("kolommen", "omschrijving"))
    value_col = r.column(d.columns.value, ("kolommen", "waarde"))
    kind_col = r.row_kind_column(d.columns.row_kind)
    if r.failed:
        return None
    items: list[tuple[str, float | None]] = []
    for row in data.rows:
        if r.row_kind(row, kind_col) != RowKind.LINE:
            continue  # (sub)totals of the source table: the shares are of the lines
        ok, v = r.number(row, value_col)
        label = r.label(row, label_col)
        if not label:
            continue
        if ok and v is not None and v < 0:
            r.error(row, value_col, f"`{label}` is negatief; een aandeel van een totaal kan alleen van positieve getallen")
            continue
        if ok:
            items.append((label, v))
    if r.failed:
        return None
    values = pd.Series([v for _, v in items], dtype=float)
    total = values.sum(min_count=1)
    total = None if pd.isna(total) else float(total)
    if d.unit == TableUnit.PERCENTAGE and items and total is not None:
        return _given_shares(r, d, data, label_col, value_col, items, total, int(values.count()))
    if not items or not total:
        r.table_problem("de tabel heeft geen cijfers om aandelen van te berekenen")
        return None
    shares = values / total  # "no figure" stays NaN: no share
    columns = [
        TableColumn(key="omschrijving", header=heading(data, label_col), numeric=False, row_header=True),
        TableColumn(key="waarde", header=heading(data, value_col)),
        TableColumn(key="aandeel", header="Aandeel"),
    ]
    rows = [TableRow(cells=[label_cell(label), num_cell(v, d.unit, d.decimals),
                            percent_cell(None if pd.isna(share) else float(share), d.percent_decimals)])
            for (label, v), share in zip(items, shares)]
    rows.append(TableRow(kind=RowKind.TOTAL, cells=[label_cell("Totaal"), num_cell(total, d.unit, d.decimals),
                                                    percent_cell(1.0, d.percent_decimals)]))
    return TableView(id=d.id, kind=TableKind.SHARES, title=d.title, unit=d.unit, unit_text=unit_text(d.unit), source=d.source,
                     notes=["Door afronding tellen de aandelen niet altijd op tot precies 100%."], columns=columns, rows=rows)


def _given_shares(r: Reader, d: ShareTable, data: CsvTable, label_col: str | None, value_col: str | None,
                  items: list[tuple[str, float | None]], total: float, present: int) -> TableView | None:
    """Shares as published: shown as given; a sum off 100 is rounding (a note) or an error."""
    # Each share is at most half a unit of its last decimal off.
    tolerance = present * 0.5 * 10 ** -d.percent_decimals + 1e-9
    if abs(total - 100) > tolerance:
        r.table_problem(
            f"de aandelen in kolom `{data.header(value_col)}` tellen op tot {fmt.value(total, 'percentage', d.percent_decimals)}; "
            f"dat is meer dan afronding van {present} percentages kan verklaren",
            "controleer de percentages; zijn het geen aandelen van één geheel, kies dan `soort: kwartalen` of `tekst`")
        return None
    columns = [
        TableColumn(key="omschrijving", header=heading(data, label_col), numeric=False, row_header=True),
        TableColumn(key="waarde", header=heading(data, value_col)),
    ]
    rows = [TableRow(cells=[label_cell(label), num_cell(v, d.unit, d.percent_decimals)]) for label, v in items]
    rows.append(TableRow(kind=RowKind.TOTAL, cells=[label_cell("Totaal"), num_cell(total, d.unit, d.percent_decimals)]))
    notes = ["De aandelen staan er zoals de bron ze geeft."]
    if round(total, d.percent_decimals) != 100:
        notes.append(f"Door afronding tellen de aandelen op tot {fmt.value(total, 'percentage', d.percent_decimals)} "
                     "in plaats van 100%.")
    return TableView(id=d.id, kind=TableKind.SHARES, title=d.title, unit=d.unit, unit_text=None, source=d.source,
                     notes=notes, columns=columns, rows=rows)


SPEC = TableKindSpec(kind=TableKind.SHARES, model=ShareTable, build=share_table, percent_columns=frozenset({"aandeel"}))
