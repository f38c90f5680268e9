"""Table kind `kruistabel`: a pivot of long-format rows, with row, column and grand totals.

A combination that does not occur counts 0 when rows are counted, and is "no figure" when
a `waarde` column is summed. With `aggregatie: gemiddelde` (or `gewogen_gemiddelde`, weights
from `gewicht`) a cell is the mean of its rows, and each total the mean over all rows it
covers (not the mean of the cell means), as a spreadsheet's pivot table does. A cell written
n.v.t. is not counted; a cell with only n.v.t. rows shows n.v.t., not a dash and not 0.
"""

from __future__ import annotations

from typing import Literal

import difflib
from dataclasses import dataclass, field

from generator.core.lazy import pandas as pd  # imported when a table is computed
from pydantic import Field, field_validator

from generator.compute.tables.common import (
    Reader, TableKindSpec, amount_scale, heading, label_cell, num_cell, unit_text,
)
from generator.compute.views import TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core.vocabulary import NOT_APPLICABLE, NOT_APPLICABLE_TITLE, Aggregation, RowKind, TableKind, TableUnit
from generator.load.csvfile import CsvRow, CsvTable
from generator.compute.views import TableCell
from generator.model.free_pages import TableSource
from generator.model.schema import Text
from generator.model.tables import MoneyUnit, TableBase

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
    aggregation: Literal["som", "gemiddelde", "gewogen_gemiddelde"] = Field(
        default="som", alias="aggregatie",
        description="Hoe de cijfers van een cel samengaan: `som` (optellen), `gemiddelde`, of `gewogen_gemiddelde` "
        "(met `gewicht`). Bij een gemiddelde is elk totaal het gemiddelde over alle regels die het omvat; "
        "n.v.t. telt niet mee en blijft n.v.t.")
    weight: Text | None = Field(
        default=None, alias="gewicht",
        description="Bij `aggregatie: gewogen_gemiddelde`: de kolom met het gewicht van elke regel (bijvoorbeeld het aantal respondenten).")
    total_label: Text = Field(
        default="Totaal", alias="totaal_label", min_length=1,
        description="Het woord voor de totaalregel en -kolom, zoals de bron het schrijft (bijvoorbeeld `Eindtotaal`).")

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
    weight_col = _weight_column(r, d)
    if r.failed:
        return None
    read = _read_rows(r, row_cols, col_col, value_col, weight_col)
    col_keys = _final_columns(r, d, read.row_keys, read.col_keys, col_col)
    if col_keys is None:
        return None
    pivot = _Pivot.of(read, len(row_cols), weighted=d.aggregation != Aggregation.SUM)
    if d.aggregation != Aggregation.SUM:
        return _mean_table(r, d, row_cols, col_keys, read, pivot, weight_col)
    counting = value_col is None
    unit = TableUnit.COUNT if counting else d.unit
    empty = 0.0 if counting else None  # a combination that does not occur: none counted, or no figure

    def cell(key: tuple[str, ...] | None, col: str | None) -> TableCell:
        entry = pivot.get(key, col)
        return num_cell(empty if entry is None else (entry[0] if entry[1] > 0 else None), unit, d.decimals)

    rows = [TableRow(cells=[label_cell(x) for x in key] + [cell(key, k) for k in col_keys] + [cell(key, None)])
            for key in read.row_keys]
    # A listed column without rows (kolomvolgorde) has no pivot column: 0 counted, or no figure.
    rows.append(TableRow(kind=RowKind.TOTAL, cells=_total_labels(d, row_cols) + [cell(None, k) for k in col_keys]
                         + [cell(None, None)]))
    notes = ["Aantal regels per combinatie."] if counting else []
    return TableView(id=d.id, kind=TableKind.CROSS, title=d.title, unit=unit, unit_text=unit_text(unit), source=d.source,
                     notes=notes, columns=_columns(d, data, row_cols, col_keys), rows=rows)


def _columns(d: CrossTable, data: CsvTable, row_cols: list[str | None], col_keys: list[str]) -> list[TableColumn]:
    columns = [TableColumn(key=name.lower(), header=heading(data, c), numeric=False, row_header=True) for name, c in zip(d.rows, row_cols)]
    columns += [TableColumn(key=k.lower(), header=k) for k in col_keys]
    columns.append(TableColumn(key="totaal", header=d.total_label))
    return columns


def _total_labels(d: CrossTable, row_cols: list[str | None]) -> list[TableCell]:
    return [label_cell(d.total_label)] + [label_cell("") for _ in row_cols[1:]]


def _weight_column(r: Reader, d: CrossTable) -> str | None:
    """`gewicht` belongs with `aggregatie: gewogen_gemiddelde`, and a mean needs a `waarde`."""
    src = r.src
    if d.aggregation == Aggregation.WEIGHTED_MEAN and not d.weight:
        r.problems.add(src.file, src.line_of("aggregatie"), "`aggregatie: gewogen_gemiddelde` heeft een kolom `gewicht` nodig",
                       "noem met `gewicht:` de kolom met het gewicht van elke regel, of kies `aggregatie: gemiddelde`")
        r.failed = True
    elif d.weight and d.aggregation != Aggregation.WEIGHTED_MEAN:
        r.problems.add(src.file, src.line_of("gewicht"), f"`gewicht` hoort bij `aggregatie: gewogen_gemiddelde`, niet bij `{d.aggregation}`",
                       "zet `aggregatie: gewogen_gemiddelde`, of haal `gewicht` weg")
        r.failed = True
    if d.aggregation != Aggregation.SUM and not d.value:
        r.problems.add(src.file, src.line_of("aggregatie"), f"`aggregatie: {d.aggregation}` heeft een kolom `waarde` nodig",
                       "noem met `waarde:` de kolom met de cijfers (zoals een rapportcijfer)")
        r.failed = True
    if d.weight and d.aggregation == Aggregation.WEIGHTED_MEAN:
        return r.column(d.weight, ("gewicht",))
    return None


@dataclass
class _Read:
    """The rows read, one record each (row key..., column, value, weight, n.v.t.), in file order."""

    records: list[tuple] = field(default_factory=list)
    row_keys: list[tuple[str, ...]] = field(default_factory=list)
    col_keys: list[str] = field(default_factory=list)


def _read_rows(r: Reader, row_cols: list[str | None], col_col: str | None, value_col: str | None,
               weight_col: str | None) -> _Read:
    """Every row's key, column and figure; a cell that is not a number is a problem (file:row:column)
    and the row is left out. Without `waarde` each row counts 1."""
    read, seen_rows, seen_cols = _Read(), set(), set()
    for row in r.data.rows:
        key = tuple(r.text(row, c) or "(leeg)" for c in row_cols)
        col = r.text(row, col_col) or "(leeg)"
        if value_col is None:
            ok, value = True, 1.0
        else:
            ok, value = r.number(row, value_col)
        good, weight = _read_weight(r, row, weight_col, value) if ok else (False, 0.0)
        if not good:
            continue
        if key not in seen_rows:
            seen_rows.add(key)
            read.row_keys.append(key)
        if col not in seen_cols:
            seen_cols.add(col)
            read.col_keys.append(col)
        not_applicable = value_col is not None and _is_not_applicable(row.values.get(value_col))
        read.records.append((*key, col, value, weight, not_applicable))
    return read


@dataclass
class _Pivot:
    """Per cell, row total, column total and grand total: the sum of value x weight, the sum of
    the weights of the rows with a figure (their count when unweighted), and how many n.v.t.
    rows are among them. pandas groups the rows into cells and the cells into the margins, so
    a mean's total is the mean over all rows it covers, not the mean of the cell means (as a
    spreadsheet's pivot table with totals does)."""

    cells: dict[tuple, tuple[float, float, float]]
    by_row: dict[tuple, tuple[float, float, float]]
    by_col: dict[str, tuple[float, float, float]]
    overall: tuple[float, float, float]

    @classmethod
    def of(cls, read: _Read, n_rows: int, weighted: bool) -> "_Pivot":
        index = [f"r{i}" for i in range(n_rows)]
        frame = pd.DataFrame.from_records(read.records, columns=[*index, "kolom", "v", "w", "nvt"])
        has_figure = frame["v"].notna()
        frame["vw"] = (frame["v"] * frame["w"] if weighted else frame["v"]).fillna(0.0)
        frame["w"] = frame["w"].where(has_figure, 0.0) if weighted else has_figure.astype(float)
        frame["nvt"] = frame["nvt"].astype(float)
        cells = frame.groupby([*index, "kolom"], sort=False)[["vw", "w", "nvt"]].sum()
        by_row = cells.groupby(level=list(range(n_rows)), sort=False).sum()
        by_col = cells.groupby(level="kolom", sort=False).sum()

        def as_dict(table: pd.DataFrame) -> dict:
            return {(key if isinstance(key, tuple) else (key,)): tuple(values) for key, values in zip(table.index, table.to_numpy())}

        return cls(as_dict(cells), as_dict(by_row), {k[0]: v for k, v in as_dict(by_col).items()}, tuple(cells.sum()))

    def get(self, key: tuple[str, ...] | None, col: str | None) -> tuple[float, float, bool] | None:
        """(sum of value x weight, sum of weights, n.v.t. seen) of a cell or total (None: the
        row or column total); None when no row covers it."""
        if key is None:
            sums = self.overall if col is None else self.by_col.get(col)
        else:
            sums = self.by_row.get(key) if col is None else self.cells.get((*key, col))
        return None if sums is None else (float(sums[0]), float(sums[1]), sums[2] > 0)


def _mean_cell(entry: tuple[float, float, bool] | None, unit: str, decimals: int) -> TableCell:
    if entry is not None and entry[1] > 0:
        return num_cell(entry[0] / entry[1], unit, decimals)
    if entry is not None and entry[2]:
        return TableCell(text=NOT_APPLICABLE, title=NOT_APPLICABLE_TITLE)
    return num_cell(None, unit, decimals)


def _is_not_applicable(raw: object) -> bool:
    return isinstance(raw, str) and raw.strip().lower().rstrip(".") in ("n.v.t", "nvt")


def _read_weight(r: Reader, row: CsvRow, weight_col: str | None, value: float | None) -> tuple[bool, float]:
    """A row's weight (1 without `gewicht`); a figure needs a weight of 0 or more."""
    if weight_col is None:
        return True, 1.0
    ok, weight = r.number(row, weight_col)
    if not ok:
        return False, 0.0
    if value is not None and (weight is None or weight < 0):
        r.error(row, weight_col, "gewicht ontbreekt of is negatief" if weight is None else f"gewicht {weight:g} is negatief",
                "elk cijfer heeft een gewicht van 0 of meer (zoals het aantal respondenten)")
        return False, 0.0
    return True, weight or 0.0


def _mean_table(r: Reader, d: CrossTable, row_cols: list[str | None], col_keys: list[str], read: _Read,
                pivot: _Pivot, weight_col: str | None) -> TableView:
    data, unit, dec = r.data, d.unit, d.decimals
    rows = [TableRow(cells=[label_cell(x) for x in key] + [_mean_cell(pivot.get(key, k), unit, dec) for k in col_keys]
                     + [_mean_cell(pivot.get(key, None), unit, dec)]) for key in read.row_keys]
    rows.append(TableRow(kind=RowKind.TOTAL, cells=_total_labels(d, row_cols)
                         + [_mean_cell(pivot.get(None, k), unit, dec) for k in col_keys] + [_mean_cell(pivot.get(None, None), unit, dec)]))
    weighted = f" (gewicht: {heading(data, weight_col).lower()})" if weight_col else ""
    notes = [f"Elke cel is het {'gewogen ' if weight_col else ''}gemiddelde van de regels in die combinatie{weighted}; "
             f"een {d.total_label.lower()} is dat gemiddelde over alle regels die het omvat, niet het gemiddelde van de cellen."]
    if any(record[-1] for record in read.records):
        notes.append(f"{NOT_APPLICABLE} = {NOT_APPLICABLE_TITLE}; telt niet mee in de gemiddelden.")
    return TableView(id=d.id, kind=TableKind.CROSS, title=d.title, unit=unit, unit_text=unit_text(unit), source=d.source,
                     notes=notes, columns=_columns(d, data, row_cols, col_keys), rows=rows)


def _final_columns(r: Reader, d: CrossTable, row_keys: list, col_keys: list[str],
                   col_col: str | None) -> list[str] | None:
    """The columns in their stated order, or None when reading failed or found no rows."""
    if d.column_order:
        col_keys = _ordered_columns(r, d, col_keys, col_col)
    if r.failed:
        return None
    if not row_keys:
        r.table_problem("de tabel heeft geen regels")
        return None
    return col_keys


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
