"""Table kind `kwartalen`: quarters with year totals (report 004, see docs/dev/tables.md).

Quarters after the edition's period stay empty ("nog niet bekend"); the year total is the
sum of the quarters there are, unless the row is listed under `geen_som` (then it is shown
as given, marked `*`). Percentages are never summed.
"""

from __future__ import annotations

from typing import Literal

import re
from dataclasses import dataclass, field

from generator.core.lazy import pandas as pd  # imported when a table is computed
from pydantic import Field

from generator.compute.tables.common import (
    Reader, TableKindSpec, amount_scale, check_stated, differs, heading, label_cell, num_cell,
    percent_cell, plain, scope_sums, unit_text,
)
from generator.compute.views import TableCell, TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.vocabulary import RowKind, TableKind, TableUnit
from generator.load.csvfile import CsvRow, CsvTable
from generator.model.free_pages import TableSource
from generator.model.base import DutchModel
from generator.model.schema import Text, YesNo
from generator.model.tables import MoneyUnit, TableBase, TableUnitValue

NOT_SUMMED_MARK = "*"
NOT_SUMMED_NOTE = (
    "* Geen optelling van de kwartalen: dit jaartotaal komt zo uit de gegevens. "
    "Wie in meer kwartalen meetelt (zoals een unieke cliënt), telt in het jaar één keer."
)
_QUARTER = re.compile(r"^(?:(?P<y1>\d{4})\s*[-\s]?\s*)?(?:q|k|kwartaal\s*)(?P<q>[1-4])(?:\s*[-\s]\s*(?P<y2>\d{4}))?$"
                      r"|^(?P<y3>\d{4})-(?P<q3>[1-4])$")  # "2022-2": report 000's complaints per provider
_YEAR_TOTAL = re.compile(r"^(?:(?:totaal|jaar|jaartotaal)\s*(?P<y1>\d{4})?|(?P<y2>\d{4})(?:\s*totaal)?)$")

Quarter = tuple[int, int]  # (year, quarter)


# The keys of this kind in tabellen.yml (Dutch aliases).
class QuarterColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    year_total: Text | None = Field(default=None, alias="totaal")  # default: `totaal`, `jaar` or the year
    row_kind: Text = Field(default="soort", alias="soort")


class QuarterTable(TableBase):
    kind: Literal["kwartalen"] = Field(alias="soort")
    unit: TableUnitValue = Field(default="aantal", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    year: int | None = Field(default=None, alias="jaar", ge=1900, le=2200)  # default: the edition's year
    not_summed: list[Text] = Field(default_factory=list, alias="geen_som")  # rows whose year total is given
    columns: QuarterColumns = Field(default_factory=QuarterColumns, alias="kolommen")
    year_shares: YesNo = Field(
        default=False, alias="aandeel_per_jaar",
        description="`ja`: naast elk jaartotaal een kolom Aandeel: het jaartotaal van de regel als deel van het "
        "totaal van het jaar (de laatste totaalregel, of de som van de regels). Niet bij `eenheid: percentage`.")
    last_quarters: int | None = Field(
        default=None, alias="laatste_kwartalen", ge=1, le=12,
        description="Toon precies de laatste zoveel kwartalen tot en met het kwartaal van de editie (een voortschrijdend "
        "venster, zoals 2022-Q2 t/m 2023-Q1), met één totaal over die kwartalen in plaats van jaartotalen. "
        "Kwartalen uit het bestand buiten het venster worden niet getoond.")


@dataclass
class _QuarterRow:
    label: str
    kind: str
    quarters: dict[Quarter, float | None]
    years: dict[int, float | None] = field(default_factory=dict)
    given: dict[int, bool] = field(default_factory=dict)  # year total given, not a sum


@dataclass
class _Layout:
    """Which data column holds which quarter or year total."""

    label_col: str | None
    kind_col: str | None
    quarter_cols: dict[str, Quarter]
    total_cols: dict[str, int]
    years: list[int] = field(default_factory=list)
    future: set[Quarter] = field(default_factory=set)  # quarters after the edition
    window: list[Quarter] = field(default_factory=list)  # `laatste_kwartalen`: the quarters shown


def quarter_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: QuarterTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=amount_scale(d.file_unit, d.unit))
    layout = _layout(r, d, period)
    if layout is None:
        return None
    summable = d.unit != TableUnit.PERCENTAGE
    with r.in_row_order():
        read = [(row, *got) for row in data.rows if (got := _read_row(r, row, layout, period, summable)) is not None]
        if read:
            _totals(r, d, layout, read, summable)
    if r.failed:
        return None
    rows = [line for _, line, _ in read]
    if not rows:
        problems.add(data.rel, data.header_line if not data.sheet else None, "de tabel heeft geen regels")
        return None
    return _view(d, data, layout, rows, summable)


def _layout(r: Reader, d: QuarterTable, period: Period) -> _Layout | None:
    """The quarter and year-total columns; None (with problems) when they do not fit."""
    data, c = r.data, d.columns
    label_col = r.column(c.label, ("kolommen", "omschrijving"))
    kind_col = r.row_kind_column(c.row_kind)
    explicit_total = r.column(c.year_total, ("kolommen", "totaal")) if c.year_total else None
    if r.failed:
        return None
    default_year = d.year or period.year
    layout = _Layout(label_col, kind_col, {}, {})
    for col, header in zip(data.columns, data.headers or data.columns):
        if not col or col in (label_col, kind_col):
            continue
        if col == explicit_total:
            layout.total_cols[col] = default_year
            continue
        m = _QUARTER.match(col)
        if m:
            layout.quarter_cols[col] = (int(m.group("y1") or m.group("y2") or m.group("y3") or default_year),
                                        int(m.group("q") or m.group("q3")))
            continue
        m = _YEAR_TOTAL.match(col)
        if m and not explicit_total:
            layout.total_cols[col] = int(m.group("y1") or m.group("y2") or default_year)
            continue
        r.table_problem(f"{r.header_place()}kolom `{header}` is geen kwartaal en geen jaartotaal",
                        "kwartaalkolommen heten Q1 t/m Q4 of 2023-Q1; de jaarkolom heet totaal of 2023")
        r.failed = True
    if not layout.quarter_cols and not r.failed:
        r.table_problem("de tabel heeft geen kwartaalkolommen (Q1 t/m Q4 of 2023-Q1)")
        r.failed = True
    labels_in_data = [r.text(row, label_col) for row in data.rows]
    for i, name in enumerate(d.not_summed):
        if name not in labels_in_data:
            r.problems.add(r.src.file, r.src.line_of("geen_som", i), f"regel `{name}` uit `geen_som` staat niet in {data.rel}",
                           suggest(name, labels_in_data))
            r.failed = True
    if r.failed:
        return None
    if d.last_quarters:
        return _window_layout(r, d, period, layout)
    layout.years = sorted({y for y, _ in layout.quarter_cols.values()} | set(layout.total_cols.values()))
    layout.future = {(y, q) for y in layout.years for q in range(1, 5) if _after(y, q, period)}
    return layout


def _window_layout(r: Reader, d: QuarterTable, period: Period, layout: _Layout) -> _Layout | None:
    """`laatste_kwartalen: N`: the N quarters up to the edition's; no year totals."""
    src = r.src
    clashes = [key for key, used in (("geen_som", d.not_summed), ("aandeel_per_jaar", d.year_shares), ("jaar", d.year)) if used]
    for key in clashes:
        r.problems.add(src.file, src.line_of(key), f"`{key}` gaat niet samen met `laatste_kwartalen`",
                       "het venster heeft één totaal over de kwartalen en geen jaartotalen; haal een van beide weg")
    for col in layout.total_cols:
        r.table_problem(f"{r.header_place()}kolom `{r.data.header(col)}` is een jaartotaal, maar deze tabel toont de "
                        f"laatste {d.last_quarters} kwartalen", "haal de kolom weg: rapportage telt het venster zelf op")
    if clashes or layout.total_cols:
        r.failed = True
        return None
    end_year, end_month = period.end_month()
    last = end_year * 4 + (end_month - 1) // 3  # the quarter the edition ends in, counted from year 0
    layout.window = [(i // 4, i % 4 + 1) for i in range(last - d.last_quarters + 1, last + 1)]
    layout.future = {yq for yq in layout.quarter_cols.values() if _after(*yq, period)}
    shown = set(layout.window) | layout.future  # a figure after the edition is still an error
    layout.quarter_cols = {col: yq for col, yq in layout.quarter_cols.items() if yq in shown}
    return layout


def _read_row(r: Reader, row: CsvRow, layout: _Layout, period: Period,
              summable: bool) -> tuple[_QuarterRow, dict[int, float | None]] | None:
    """A row's quarters and stated year totals; None when the row has a problem."""
    kind = r.row_kind(row, layout.kind_col)
    label = r.label(row, layout.label_col)
    if not label or kind is None:
        return None
    if kind != RowKind.LINE and not summable:
        r.error(row, layout.kind_col, f"`{kind}` kan niet bij percentages: die tellen niet op", "maak er een gewone regel van")
        return None
    values: dict[Quarter, float | None] = {}
    ok = True
    for col, yq in layout.quarter_cols.items():
        good, v = r.number(row, col)
        ok &= good
        if v is not None and yq in layout.future:
            r.error(row, col, f"cijfer voor Q{yq[1]} {yq[0]}, maar deze editie gaat over {period.label}",
                    "laat de cellen van latere kwartalen leeg; ze worden getoond als 'nog niet bekend'")
            ok = False
        values[yq] = v
    good, totals = r.numbers(row, list(layout.total_cols))
    if not (ok and good):
        return None
    return _QuarterRow(label, kind, values), dict(zip(layout.total_cols.values(), totals))


Read = list[tuple[CsvRow, _QuarterRow, dict[int, float | None]]]  # data row, its figures, its stated year totals


def _totals(r: Reader, d: QuarterTable, layout: _Layout, read: Read, summable: bool) -> None:
    """Year totals and (sub)total rows with pandas: a line's year is the sum of its quarters
    there are (grouped by year), or as given (`geen_som`); a (sub)total row sums the lines it
    covers per quarter and per year. Stated figures are checked."""
    lines = [x for _, x, _ in read]
    quarters, years = list(layout.quarter_cols.values()), layout.years
    frame = pd.DataFrame([[x.quarters.get(yq) for yq in quarters] for x in lines], columns=range(len(quarters)), dtype=float)
    by_year = frame.T.groupby([y for y, _ in quarters]).sum(min_count=1).T.reindex(columns=years)
    for i, (row, line, stated) in enumerate(read):
        if line.kind != RowKind.LINE:
            continue
        for year in years:
            given, computed = stated.get(year), by_year.at[i, year]
            computed = None if pd.isna(computed) else float(computed)
            if not summable or line.label in d.not_summed:
                line.years[year], line.given[year] = given, summable
                continue
            _check_year(r, row, line, year, given, computed, layout, d)
            line.years[year], line.given[year] = computed, False
    n, m = len(quarters), len(years)
    values = [[x.quarters.get(yq) for yq in quarters] + [x.years.get(y) for y in years]
              + [float(bool(x.given.get(y))) for y in years] if x.kind == RowKind.LINE else [None] * (n + 2 * m) for x in lines]
    scopes = scope_sums([x.kind for x in lines], values, n + 2 * m)
    for i, (row, line, stated) in enumerate(read):
        if line.kind == RowKind.LINE:
            continue
        sums = scopes.sums[i]
        for j, (col, yq) in enumerate(layout.quarter_cols.items()):
            check_stated(r, row, col, line.label, line.kind, line.quarters[yq], sums[j], d.unit, d.decimals)
            line.quarters[yq] = sums[j]
        for j, year in enumerate(years):
            given, computed, inherited = stated.get(year), sums[n + j], bool(sums[n + m + j])
            if line.label in d.not_summed:
                line.years[year], line.given[year] = given, True
                continue
            _check_year(r, row, line, year, given, computed, layout, d)
            line.years[year], line.given[year] = computed, inherited


def _check_year(r: Reader, row: CsvRow, line: _QuarterRow, year: int, given: float | None, computed: float | None,
                layout: _Layout, d: QuarterTable) -> None:
    """A stated year total must be the sum of the quarters (of a line) or of the rows above."""
    if given is None or not differs(given, computed):
        return
    total_col = next((col for col, y in layout.total_cols.items() if y == year), None)
    r.error(
        row, total_col,
        f"jaartotaal {year} van `{line.label}` is {plain(given, d.unit, d.decimals)}, maar "
        + ("de kwartalen tellen op tot " if line.kind == RowKind.LINE else "de regels erboven tellen op tot ")
        + (plain(computed, d.unit, d.decimals) if computed is not None else "niets (geen cijfers)"),
        f"is dit geen optelling (zoals unieke cliënten)? Zet `{line.label}` onder `geen_som` in {r.src.file}; "
        "laat de cel anders leeg, dan rekent rapportage het totaal zelf uit",
    )


def _window_view(d: QuarterTable, data: CsvTable, layout: _Layout, rows: list[_QuarterRow], summable: bool) -> TableView:
    """The last N quarters with one total over them (none for percentages)."""
    window, n = layout.window, len(layout.window)
    columns = [TableColumn(key="omschrijving", header=heading(data, layout.label_col), numeric=False, row_header=True)]
    columns += [TableColumn(key=f"{y}-q{q}", header=f"Q{q} {y}") for y, q in window]
    if summable:
        columns.append(TableColumn(key="totaal", header=f"Totaal laatste {n} kwartalen"))
    frame = pd.DataFrame([[line.quarters.get(yq) for yq in window] for line in rows], columns=range(n), dtype=float)
    window_totals = frame.sum(axis=1, min_count=1)  # the quarters there are in the window; none: no figure
    out_rows = []
    for line, (_, values), total in zip(rows, frame.iterrows(), window_totals):
        cells = [label_cell(line.label)] + [num_cell(None if pd.isna(v) else float(v), d.unit, d.decimals) for v in values]
        if summable:
            cells.append(num_cell(None if pd.isna(total) else float(total), d.unit, d.decimals))
        out_rows.append(TableRow(kind=line.kind, cells=cells))
    (y1, q1), (y2, q2) = window[0], window[-1]
    notes = [f"De laatste {n} kwartalen: Q{q1} {y1} tot en met Q{q2} {y2}."
             + (" Het totaal telt deze kwartalen op." if summable else " Percentages tellen niet op: er is geen totaal.")]
    return TableView(id=d.id, kind=TableKind.QUARTERS, title=d.title, unit=d.unit, unit_text=unit_text(d.unit),
                     source=d.source, notes=notes, columns=columns, rows=out_rows)


def _view(d: QuarterTable, data: CsvTable, layout: _Layout, rows: list[_QuarterRow], summable: bool) -> TableView:
    if layout.window:
        return _window_view(d, data, layout, rows, summable)
    years, future = layout.years, layout.future
    short = len(years) == 1
    shares = d.year_shares and summable
    totals = [x for x in rows if x.kind == RowKind.TOTAL]
    line_years = pd.DataFrame([[x.years.get(year) for year in years] for x in rows if x.kind == RowKind.LINE],
                              columns=years, dtype=float)
    whole = line_years.sum(min_count=1)  # without a total row: the sum of the lines' year figures
    share_of = {year: totals[-1].years.get(year) if totals else (None if pd.isna(whole[year]) else float(whole[year]))
                for year in years}
    columns = [TableColumn(key="omschrijving", header=heading(data, layout.label_col), numeric=False, row_header=True)]
    for year in years:
        for q in range(1, 5):
            columns.append(TableColumn(key=f"q{q}" if short else f"{year}-q{q}", header=f"Q{q}" if short else f"Q{q} {year}",
                                       future=(year, q) in future))
        columns.append(TableColumn(key="totaal" if short else f"totaal-{year}", header=f"Totaal {year}"))
        if shares:
            # "totaal-<jaar>-aandeel": a derived column, never drawn as a quarter series
            columns.append(TableColumn(key="aandeel" if short else f"totaal-{year}-aandeel", header="Aandeel", percent=True))
    any_given = False
    out_rows = []
    for line in rows:
        cells = [label_cell(line.label)]
        for year in years:
            for q in range(1, 5):
                if (year, q) in future:
                    cells.append(TableCell(future=True))
                else:
                    cells.append(num_cell(line.quarters.get((year, q)), d.unit, d.decimals))
            note = NOT_SUMMED_MARK if line.given.get(year) and summable else None
            any_given |= note is not None
            cells.append(num_cell(line.years.get(year), d.unit, d.decimals, note=note))
            if shares:
                value, whole = line.years.get(year), share_of[year]
                cells.append(percent_cell(value / whole if value is not None and whole else None, d.percent_decimals))
        out_rows.append(TableRow(kind=line.kind, cells=cells))
    notes = [NOT_SUMMED_NOTE] if any_given else []
    if not summable:
        notes.append("Percentages tellen niet op: het jaarcijfer komt zo uit de gegevens.")
    if future:
        first = min(future)
        notes.append(f"Kwartalen vanaf Q{first[1]} {first[0]} liggen na deze editie en zijn nog niet bekend.")
    return TableView(id=d.id, kind=TableKind.QUARTERS, title=d.title, unit=d.unit, unit_text=unit_text(d.unit),
                     source=d.source, notes=notes, columns=columns, rows=out_rows)


def _after(year: int, quarter: int, period: Period) -> bool:
    """Is this quarter after the edition's period? (Q3 2023 is after 2023-H1 and after 2023-Q2; a
    quarter the period ends in, also partly, is not: Q1 2020 for oktober 2019 t/m februari 2020.)"""
    return (year, (quarter - 1) * 3 + 1) > period.end_month()


SPEC = TableKindSpec(kind=TableKind.QUARTERS, model=QuarterTable, build=quarter_table)
