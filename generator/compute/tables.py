"""Tables computed from CSV/XLSX figures: every derived figure is calculated here.

Kinds (`soort` in tabellen.yml):
    begroting   budget against forecast/realisation: difference, V/N, deviation %, (sub)totals
    kwartalen   quarters with year totals; quarters after the edition stay empty
    aandelen    shares of a total
    kruistabel  a pivot of long-format rows with row, column and grand totals
    tekst       text as given (complaints: categorie, omschrijving, status)

Budget rule (report 002, see docs/dev/tables.md): difference = budget - forecast;
positive is voordeel (V), negative nadeel (N), zero no letter; the deviation is
difference / |budget|, so its sign always agrees with V/N (the seed prints -18% next
to "15 V" for an income line; we print 18%).

A total stated in the data is checked against the computed one. "No figure" (n.v.t.,
-, empty) is never summed as 0: a sum over rows without any figure has no figure.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

from generator.core import formatting as fmt
from generator.compute.chart_config import chart_config
from generator.compute.views import TableCell, TableColumn, TableRow, TableView
from generator.load.csvfile import CsvRow, CsvTable, read_csv
from generator.load.files import editor_path_problem
from generator.load.xlsxfile import read_xlsx
from generator.model.free_pages import TableSource
from generator.model.tables import BudgetTable, CrossTable, QuarterTable, ShareTable, TextTable
from generator.core.numbers import NotANumber, parse_cell
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.paths import ProjectPaths

NUMBER_HINT = "schrijf een getal (1.234,5 of 1234.5), of laat de cel leeg / n.v.t. / - als er geen cijfer is"
ROW_KINDS = ("regel", "subtotaal", "totaal")
NOT_SUMMED_MARK = "*"
NOT_SUMMED_NOTE = (
    "* Geen optelling van de kwartalen: dit jaartotaal komt zo uit de gegevens. "
    "Wie in meer kwartalen meetelt (zoals een unieke cliënt), telt in het jaar één keer."
)
VN_WORDS = {"V": "voordeel", "N": "nadeel"}


# --- reading -----------------------------------------------------------------------------


def read_table_data(src: TableSource, paths: ProjectPaths, problems: Problems) -> CsvTable | None:
    d = src.definition
    path = paths.data / d.file
    rel = paths.rel(path)
    refused = editor_path_problem(d.file, "data/")
    if refused:
        problems.add(src.file, src.line_of("bestand"), *refused)
        return None
    if not path.exists() and not path.is_symlink():
        problems.add(src.file, src.line_of("bestand"), f"gegevensbestand `data/{d.file}` bestaat niet",
                     _similar_files(paths, d.file))
        return None
    if d.file.lower().endswith((".xlsx", ".xlsm")):
        key = "bereik" if d.cell_range and not d.sheet else "blad"
        table = read_xlsx(path, rel, d.sheet, d.cell_range, problems, (src.file, src.line_of(key)))
    else:
        table = read_csv(path, rel, problems)
    if table is None:
        return None
    seen: set[str] = set()
    for column, header in zip(table.columns, table.headers or table.columns):
        if column and column in seen:
            where = f"blad `{table.sheet}`, kopregel {table.header_line}: " if table.sheet else ""
            problems.add(rel, table.line(CsvRow(table.header_line, {})), f"{where}kolom `{header}` komt twee keer voor",
                         "geef elke kolom een eigen naam")
            return None
        seen.add(column)
    return table


def _similar_files(paths: ProjectPaths, name: str) -> str | None:
    if not paths.data.is_dir():
        return None
    files = [p.relative_to(paths.data).as_posix() for p in paths.data.rglob("*") if p.is_file()]
    return suggest(name, files)


@dataclass
class Reader:
    """Cells of one table's data, with every problem named by file, row and column."""

    src: TableSource
    data: CsvTable
    problems: Problems
    scale: float = 1.0  # 1000 when the file holds amounts x € 1.000
    failed: bool = False

    def column(self, name: str, yaml_key: tuple[str, ...] | None, required: bool = True) -> str | None:
        """The data column for a configured name; a missing required column is a problem."""
        col = name.strip().lower()
        if col in self.data.columns:
            return col
        if not required:
            return None
        present = [h for h in (self.data.headers or self.data.columns) if h]
        guess = suggest(name, present)
        hint = (guess + " " if guess else "") + "kolommen in het bestand: " + ", ".join(f"`{h}`" for h in present)
        if yaml_key and self._configured(yaml_key):
            self.problems.add(self.src.file, self.src.line_of(*yaml_key),
                              f"kolom `{name}` bestaat niet in {self.data.rel}", hint)
        else:
            where = f"blad `{self.data.sheet}`, kopregel {self.data.header_line}: " if self.data.sheet else ""
            line = None if self.data.sheet else self.data.header_line
            self.problems.add(self.data.rel, line, f"{where}kolom `{name}` ontbreekt",
                              f"{hint}; noem de kolom `{name}`, of wijs in {self.src.file} met `kolommen:` de juiste kolom aan")
        self.failed = True
        return None

    def _configured(self, yaml_key: tuple[str, ...]) -> bool:
        data = self.src.doc.data
        try:
            node = data["tabellen"][self.src.index]
            for k in yaml_key:
                node = node[k]
            return True
        except (KeyError, IndexError, TypeError):
            return False

    def text(self, row: CsvRow, column: str | None) -> str:
        if column is None:
            return ""
        value = row.values.get(column)
        if value is None:
            return ""
        if isinstance(value, float):
            return fmt.number(value, 0 if value.is_integer() else 2)
        return str(value).strip()

    def number(self, row: CsvRow, column: str | None) -> tuple[bool, float | None]:
        """(ok, value): ok is False when the cell is not a number (a problem is recorded)."""
        if column is None:
            return True, None
        raw = row.values.get(column)
        try:
            value = parse_cell(raw)
        except NotANumber:
            self.error(row, column, f"`{raw}` is geen getal", NUMBER_HINT)
            return False, None
        return True, (value * self.scale if value is not None else None)

    def error(self, row: CsvRow, column: str | None, message: str, hint: str | None = None, severity: str = "fout") -> None:
        self.problems.add(self.data.rel, self.data.line(row), f"{self.data.place(row, column)}: {message}", hint, severity=severity)
        if severity == "fout":
            self.failed = True

    def row_kind(self, row: CsvRow, column: str | None) -> str | None:
        if column is None:
            return "regel"
        raw = self.text(row, column).lower()
        if raw in ("",):
            return "regel"
        if raw in ROW_KINDS:
            return raw
        self.error(row, column, f"`{raw}` is geen soort regel; kies uit: {', '.join(ROW_KINDS)}", suggest(raw, ROW_KINDS))
        return None


# --- formatting --------------------------------------------------------------------------


def amount_text(value: float | None, unit: str, decimals: int = 0) -> str:
    """A figure in a table cell: '€ 11.364.000', '-1.084' (x € 1.000), '1.941', '79%'."""
    if value is None:
        return ""
    if unit == "euro_x1000":
        thousands = value / 1000
        sign = "-" if thousands < 0 and round(abs(thousands), decimals) != 0 else ""
        return sign + fmt.number(abs(thousands), decimals)
    return fmt.value(value, unit, decimals)


def citation_text(value: float | None, unit: str, decimals: int = 0) -> str:
    """A figure cited in running text: amounts in thousands are written out in euros."""
    if value is None:
        return fmt.NO_FIGURE
    if unit == "euro_x1000":
        return fmt.value(round(value, -3), "euro", 0)
    return fmt.value(value, unit, decimals)


def percent_text(fraction: float | None, decimals: int) -> str:
    if fraction is None:
        return ""
    return fmt.value(fraction * 100, "percentage", decimals)


def unit_text(unit: str) -> str | None:
    return "bedragen x € 1.000" if unit == "euro_x1000" else None


def num_cell(value: float | None, unit: str, decimals: int, **extra) -> TableCell:
    if value is None:
        return TableCell(missing=True, **extra)
    return TableCell(text=amount_text(value, unit, decimals), value=value, **extra)


def heading(data: CsvTable, column: str | None) -> str:
    """A column name from the file as a table heading: as written, with a capital letter."""
    text = data.header(column) if column else ""
    return text[:1].upper() + text[1:]


def label_cell(text: str) -> TableCell:
    return TableCell(text=text)


def sum_present(values: list[float | None]) -> float | None:
    """Sum of the figures there are; None when there is none (never 0 for "no figure")."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _differs(stated: float, computed: float | None) -> bool:
    # Amounts may have cents; anything beyond half a cent is a real difference.
    return computed is None or abs(stated - computed) > 0.005


# --- begroting ---------------------------------------------------------------------------


@dataclass
class _BudgetLine:
    label: str
    kind: str
    budget: float | None
    forecast: float | None


def budget_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: BudgetTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=1000.0 if d.file_unit == "euro_x1000" else 1.0)
    c = d.columns
    label_col = r.column(c.label, ("kolommen", "omschrijving"))
    budget_col = r.column(c.budget, ("kolommen", "begroting"))
    forecast_col = r.column(c.forecast, ("kolommen", "prognose"))
    kind_col = r.column(c.row_kind, ("kolommen", "soort"), required=r._configured(("kolommen", "soort")))
    if r.failed:
        return None
    lines: list[_BudgetLine] = []
    all_regels: list[_BudgetLine] = []
    since_sub: list[_BudgetLine] = []
    for row in data.rows:
        label = r.text(row, label_col)
        kind = r.row_kind(row, kind_col)
        ok_b, budget = r.number(row, budget_col)
        ok_f, forecast = r.number(row, forecast_col)
        if not label:
            r.error(row, label_col, "omschrijving ontbreekt", "elke regel heeft een omschrijving")
            continue
        if kind is None or not (ok_b and ok_f):
            continue
        if kind == "regel":
            line = _BudgetLine(label, kind, budget, forecast)
            all_regels.append(line)
            since_sub.append(line)
            if (budget is None) != (forecast is None):
                missing = c.budget if budget is None else c.forecast
                r.error(row, budget_col if budget is None else forecast_col,
                        f"`{label}`: {data.header(missing.lower())} ontbreekt; het verschil van deze regel is niet te berekenen, "
                        "maar het andere bedrag telt wel mee in het totaal",
                        "schrijf 0 als er geen bedrag is", severity="waarschuwing")
        else:
            scope = since_sub if kind == "subtotaal" else all_regels
            computed_b = sum_present([x.budget for x in scope])
            computed_f = sum_present([x.forecast for x in scope])
            for stated, computed, col in ((budget, computed_b, budget_col), (forecast, computed_f, forecast_col)):
                if stated is not None and _differs(stated, computed):
                    _stated_total_error(r, row, col, label, kind, stated, computed, d.unit, d.decimals)
            line = _BudgetLine(label, kind, computed_b, computed_f)
            since_sub = []
        lines.append(line)
    if r.failed:
        return None
    if not all_regels:
        problems.add(data.rel, data.header_line if not data.sheet else None, "de tabel heeft geen regels met bedragen")
        return None
    has_total = any(x.kind == "totaal" for x in lines)
    if not has_total:
        last = lines[-1]
        if last.kind == "subtotaal" and not since_sub and _covers_all(lines):
            last.kind = "totaal"  # a closing subtotal over every line is the total
        else:
            lines.append(_BudgetLine("Totaal", "totaal", sum_present([x.budget for x in all_regels]),
                                     sum_present([x.forecast for x in all_regels])))
    columns = [
        TableColumn(key="omschrijving", header=heading(data, label_col) if label_col else "Omschrijving", numeric=False, row_header=True),
        TableColumn(key="begroting", header=heading(data, budget_col)),
        TableColumn(key="prognose", header=heading(data, forecast_col)),
        TableColumn(key="verschil", header="Verschil"),
        TableColumn(key="vn", header="V/N", numeric=False),
        TableColumn(key="afwijking", header="Afwijking"),
    ]
    rows = [TableRow(kind=x.kind, cells=_budget_cells(x, d)) for x in lines]
    return TableView(
        id=d.id, kind="begroting", title=d.title, unit=d.unit, unit_text=unit_text(d.unit), source=d.source,
        notes=["V = voordeel, N = nadeel. Verschil = begroting min " + data.header(forecast_col).lower()
               + "; afwijking = verschil als percentage van de begroting."],
        columns=columns, rows=rows,
    )


def _covers_all(lines: list[_BudgetLine]) -> bool:
    # Exactly one subtotal, at the end: it sums every line above it.
    return sum(1 for x in lines if x.kind != "regel") == 1


def _budget_cells(x: _BudgetLine, d: BudgetTable) -> list[TableCell]:
    diff = x.budget - x.forecast if x.budget is not None and x.forecast is not None else None
    letter = vn_letter(diff, d.unit, d.decimals)
    pct = diff / abs(x.budget) if diff is not None and x.budget else None
    return [
        label_cell(x.label),
        num_cell(x.budget, d.unit, d.decimals),
        num_cell(x.forecast, d.unit, d.decimals),
        num_cell(diff, d.unit, d.decimals),
        TableCell(text=letter, title=VN_WORDS.get(letter)) if diff is not None else TableCell(missing=True),
        TableCell(text=percent_text(pct, d.percent_decimals), value=pct) if pct is not None else TableCell(missing=True),
    ]


def vn_letter(diff: float | None, unit: str, decimals: int) -> str:
    """V for a positive difference, N for a negative one, nothing when it shows as 0."""
    if diff is None:
        return ""
    shown = diff / 1000 if unit == "euro_x1000" else diff
    if round(abs(shown), decimals) == 0:
        return ""
    return "V" if diff > 0 else "N"


def _stated_total_error(r: Reader, row: CsvRow, col: str | None, label: str, kind: str,
                        stated: float, computed: float | None, unit: str, decimals: int) -> None:
    scope = "de regels sinds het vorige subtotaal" if kind == "subtotaal" else "alle regels erboven"
    shown = lambda v: citation_text(v, unit, decimals) if unit != "euro_x1000" else fmt.value(v, "euro", 0)
    r.error(
        row, col,
        f"{kind} `{label}` is {shown(stated)}, maar {scope} tellen op tot "
        + (shown(computed) if computed is not None else "niets (geen cijfers)"),
        "controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
    )


# --- kwartalen ---------------------------------------------------------------------------

_QUARTER = re.compile(r"^(?:(?P<y1>\d{4})\s*[-\s]?\s*)?(?:q|k|kwartaal\s*)(?P<q>[1-4])(?:\s*[-\s]\s*(?P<y2>\d{4}))?$")
_YEAR_TOTAL = re.compile(r"^(?:(?:totaal|jaar|jaartotaal)\s*(?P<y1>\d{4})?|(?P<y2>\d{4})(?:\s*totaal)?)$")


@dataclass
class _QuarterRow:
    label: str
    kind: str
    quarters: dict[tuple[int, int], float | None]  # (year, quarter) -> value
    years: dict[int, float | None] = field(default_factory=dict)
    given: dict[int, bool] = field(default_factory=dict)  # year total given, not a sum


def quarter_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: QuarterTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=1000.0 if d.file_unit == "euro_x1000" and d.unit.startswith("euro") else 1.0)
    c = d.columns
    label_col = r.column(c.label, ("kolommen", "omschrijving"))
    kind_col = r.column(c.row_kind, ("kolommen", "soort"), required=r._configured(("kolommen", "soort")))
    explicit_total = r.column(c.year_total, ("kolommen", "totaal")) if c.year_total else None
    if r.failed:
        return None
    default_year = d.year or period.year
    summable = d.unit != "percentage"
    quarter_cols: dict[str, tuple[int, int]] = {}
    total_cols: dict[str, int] = {}
    for col, header in zip(data.columns, data.headers or data.columns):
        if not col or col in (label_col, kind_col):
            continue
        if col == explicit_total:
            total_cols[col] = default_year
            continue
        m = _QUARTER.match(col)
        if m:
            year = int(m.group("y1") or m.group("y2") or default_year)
            quarter_cols[col] = (year, int(m.group("q")))
            continue
        m = _YEAR_TOTAL.match(col)
        if m and not explicit_total:
            total_cols[col] = int(m.group("y1") or m.group("y2") or default_year)
            continue
        where = f"blad `{data.sheet}`, kopregel {data.header_line}: " if data.sheet else ""
        problems.add(data.rel, None if data.sheet else data.header_line,
                     f"{where}kolom `{header}` is geen kwartaal en geen jaartotaal",
                     "kwartaalkolommen heten Q1 t/m Q4 of 2023-Q1; de jaarkolom heet totaal of 2023")
        r.failed = True
    if not quarter_cols and not r.failed:
        problems.add(data.rel, None if data.sheet else data.header_line, "de tabel heeft geen kwartaalkolommen (Q1 t/m Q4 of 2023-Q1)")
        r.failed = True
    labels_in_data = [r.text(row, label_col) for row in data.rows]
    for i, name in enumerate(d.not_summed):
        if name not in labels_in_data:
            problems.add(src.file, src.line_of("geen_som", i), f"regel `{name}` uit `geen_som` staat niet in {data.rel}",
                         suggest(name, labels_in_data))
            r.failed = True
    if r.failed:
        return None
    years = sorted({y for y, _ in quarter_cols.values()} | set(total_cols.values()))
    future = {(y, q) for y in years for q in range(1, 5) if _after(y, q, period)}

    rows: list[_QuarterRow] = []
    all_regels: list[_QuarterRow] = []
    since_sub: list[_QuarterRow] = []
    for row in data.rows:
        label = r.text(row, label_col)
        kind = r.row_kind(row, kind_col)
        if not label:
            r.error(row, label_col, "omschrijving ontbreekt", "elke regel heeft een omschrijving")
            continue
        if kind is None:
            continue
        if kind != "regel" and not summable:
            r.error(row, kind_col, f"`{kind}` kan niet bij percentages: die tellen niet op", "maak er een gewone regel van")
            continue
        values: dict[tuple[int, int], float | None] = {}
        ok = True
        for col, yq in quarter_cols.items():
            good, v = r.number(row, col)
            ok &= good
            if v is not None and yq in future:
                r.error(row, col, f"cijfer voor Q{yq[1]} {yq[0]}, maar deze editie gaat over {period.label}",
                        "laat de cellen van latere kwartalen leeg; ze worden getoond als 'nog niet bekend'")
                ok = False
            values[yq] = v
        stated: dict[int, float | None] = {}
        for col, year in total_cols.items():
            good, v = r.number(row, col)
            ok &= good
            stated[year] = v
        if not ok:
            continue
        given_row = label in d.not_summed
        line = _QuarterRow(label, kind, values)
        if kind == "regel":
            all_regels.append(line)
            since_sub.append(line)
        else:
            scope = since_sub if kind == "subtotaal" else all_regels
            for col, yq in quarter_cols.items():
                computed = sum_present([x.quarters.get(yq) for x in scope])
                if values[yq] is not None and _differs(values[yq], computed):
                    _stated_total_error(r, row, col, label, kind, values[yq], computed, d.unit, d.decimals)
                line.quarters[yq] = computed
            since_sub = []
        for year in years:
            total_col = next((col for col, y in total_cols.items() if y == year), None)
            given = stated.get(year)
            if not summable:
                line.years[year], line.given[year] = given, False
                continue
            if kind == "regel":
                computed = sum_present([line.quarters.get((year, q)) for q in range(1, 5)])
                inherited = False
            else:
                computed = sum_present([x.years.get(year) for x in scope])
                inherited = any(x.given.get(year) for x in scope)
            if given_row:
                line.years[year], line.given[year] = given, True
            else:
                if given is not None and _differs(given, computed):
                    r.error(
                        row, total_col,
                        f"jaartotaal {year} van `{label}` is {_plain(given, d.unit, d.decimals)}, maar "
                        + ("de kwartalen tellen op tot " if kind == "regel" else "de regels erboven tellen op tot ")
                        + (_plain(computed, d.unit, d.decimals) if computed is not None else "niets (geen cijfers)"),
                        f"is dit geen optelling (zoals unieke cliënten)? Zet `{label}` onder `geen_som` in {src.file}; "
                        "laat de cel anders leeg, dan rekent rapportage het totaal zelf uit",
                    )
                line.years[year], line.given[year] = computed, inherited
        rows.append(line)
    if r.failed:
        return None
    if not rows:
        problems.add(data.rel, data.header_line if not data.sheet else None, "de tabel heeft geen regels")
        return None
    short = len(years) == 1
    columns = [TableColumn(key="omschrijving", header=heading(data, label_col), numeric=False, row_header=True)]
    for year in years:
        for q in range(1, 5):
            columns.append(TableColumn(key=f"q{q}" if short else f"{year}-q{q}", header=f"Q{q}" if short else f"Q{q} {year}",
                                       future=(year, q) in future))
        columns.append(TableColumn(key="totaal" if short else f"totaal-{year}", header=f"Totaal {year}"))
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
        out_rows.append(TableRow(kind=line.kind, cells=cells))
    notes = [NOT_SUMMED_NOTE] if any_given else []
    if not summable:
        notes.append("Percentages tellen niet op: het jaarcijfer komt zo uit de gegevens.")
    if future:
        first = min(future)
        notes.append(f"Kwartalen vanaf Q{first[1]} {first[0]} liggen na deze editie en zijn nog niet bekend.")
    return TableView(id=d.id, kind="kwartalen", title=d.title, unit=d.unit, unit_text=unit_text(d.unit),
                     source=d.source, notes=notes, columns=columns, rows=out_rows)


def _after(year: int, quarter: int, period: Period) -> bool:
    """Is this quarter after the edition's period? (Q3 2023 is after 2023-H1 and after 2023-Q2.)"""
    lengths = {"Q": 4, "H": 2, "Y": 1}
    return (year, quarter / 4) > (period.year, period.index / lengths[period.kind])


def _plain(value: float | None, unit: str, decimals: int) -> str:
    return fmt.value(value, "euro", 0) if unit == "euro_x1000" else citation_text(value, unit, decimals)


# --- aandelen ----------------------------------------------------------------------------


def share_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: ShareTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=1000.0 if d.file_unit == "euro_x1000" and d.unit != "aantal" else 1.0)
    label_col = r.column(d.columns.label, ("kolommen", "omschrijving"))
    value_col = r.column(d.columns.value, ("kolommen", "waarde"))
    kind_col = r.column(d.columns.row_kind, ("kolommen", "soort"), required=r._configured(("kolommen", "soort")))
    if r.failed:
        return None
    items: list[tuple[str, float | None]] = []
    for row in data.rows:
        kind = r.row_kind(row, kind_col)
        if kind != "regel":
            continue  # (sub)totals of the source table: the shares are of the lines
        label = r.text(row, label_col)
        ok, v = r.number(row, value_col)
        if not label:
            r.error(row, label_col, "omschrijving ontbreekt", "elke regel heeft een omschrijving")
            continue
        if ok and v is not None and v < 0:
            r.error(row, value_col, f"`{label}` is negatief; een aandeel van een totaal kan alleen van positieve getallen")
            continue
        if ok:
            items.append((label, v))
    if r.failed:
        return None
    total = sum_present([v for _, v in items])
    if not items or not total:
        problems.add(data.rel, None if data.sheet else data.header_line, "de tabel heeft geen cijfers om aandelen van te berekenen")
        return None
    columns = [
        TableColumn(key="omschrijving", header=heading(data, label_col), numeric=False, row_header=True),
        TableColumn(key="waarde", header=heading(data, value_col)),
        TableColumn(key="aandeel", header="Aandeel"),
    ]
    rows = []
    for label, v in items:
        share = v / total if v is not None else None
        rows.append(TableRow(cells=[label_cell(label), num_cell(v, d.unit, d.decimals),
                                    TableCell(text=percent_text(share, d.percent_decimals), value=share) if share is not None else TableCell(missing=True)]))
    rows.append(TableRow(kind="totaal", cells=[label_cell("Totaal"), num_cell(total, d.unit, d.decimals),
                                               TableCell(text=percent_text(1.0, d.percent_decimals), value=1.0)]))
    return TableView(id=d.id, kind="aandelen", title=d.title, unit=d.unit, unit_text=unit_text(d.unit), source=d.source,
                     notes=["Door afronding tellen de aandelen niet altijd op tot precies 100%."], columns=columns, rows=rows)


# --- kruistabel --------------------------------------------------------------------------


def cross_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: CrossTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=1000.0 if d.file_unit == "euro_x1000" and d.unit != "aantal" else 1.0)
    row_cols = [r.column(name, ("rijen",)) for name in d.rows]
    col_col = r.column(d.column, ("kolom",))
    value_col = r.column(d.value, ("waarde",)) if d.value else None
    if r.failed:
        return None
    counting = value_col is None
    cells: dict[tuple[tuple[str, ...], str], float | None] = {}
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
        previous = cells.get((key, col))
        cells[(key, col)] = sum_present([previous, value])
    if d.column_order:
        # Listed columns always show (a status without complaints this quarter shows 0);
        # a name that nearly matches a value in the data is a typo.
        by_lower = {k.lower(): k for k in col_keys}
        ordered: list[str] = []
        for i, name in enumerate(d.column_order):
            name = by_lower.get(name.lower(), name)
            close = difflib.get_close_matches(name, col_keys, n=1, cutoff=0.85)
            if name not in col_keys and close:
                problems.add(src.file, src.line_of("kolomvolgorde", i), f"`{name}` komt niet voor in kolom `{data.header(col_col)}`",
                             f"bedoelt u `{close[0]}`?")
                r.failed = True
            if name not in ordered:
                ordered.append(name)
        col_keys = ordered + [k for k in col_keys if k not in ordered]
    if r.failed:
        return None
    if not row_keys:
        problems.add(data.rel, None if data.sheet else data.header_line, "de tabel heeft geen regels")
        return None
    unit = "aantal" if counting else d.unit
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
    rows.append(TableRow(kind="totaal", cells=[label_cell("Totaal")] + [label_cell("") for _ in row_cols[1:]]
                         + [num_cell(v, unit, d.decimals) for v in col_totals]
                         + [num_cell(sum_present(col_totals), unit, d.decimals)]))
    notes = ["Aantal regels per combinatie."] if counting else []
    return TableView(id=d.id, kind="kruistabel", title=d.title, unit=unit, unit_text=unit_text(unit), source=d.source,
                     notes=notes, columns=columns, rows=rows)


# --- tekst -------------------------------------------------------------------------------


def text_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: TextTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems)
    if d.columns:
        cols = [r.column(name, ("kolommen",)) for name in d.columns]
    else:
        cols = [c for c in data.columns if c]
    if r.failed:
        return None
    columns = [TableColumn(key=c, header=heading(data, c), numeric=False, row_header=i == 0) for i, c in enumerate(cols)]
    rows = [TableRow(cells=[TableCell(text=r.text(row, c)) for c in cols]) for row in data.rows]
    if not rows:
        problems.add(data.rel, None if data.sheet else data.header_line, "de tabel heeft geen regels")
        return None
    return TableView(id=d.id, kind="tekst", title=d.title, unit="tekst", source=d.source, columns=columns, rows=rows)


BUILDERS: dict[str, Callable[[TableSource, CsvTable, Period, Problems], TableView | None]] = {
    "begroting": budget_table,
    "kwartalen": quarter_table,
    "aandelen": share_table,
    "kruistabel": cross_table,
    "tekst": text_table,
}


def compute_table(src: TableSource, paths: ProjectPaths, period: Period, problems: Problems) -> TableView | None:
    """Read a table's figures and compute its view; None (with problems) when it cannot."""
    data = read_table_data(src, paths, problems)
    if data is None:
        return None
    view = BUILDERS[src.definition.kind](src, data, period, problems)
    if view is not None and src.definition.chart is not None:
        view = view.model_copy(update={"chart": chart_config(src.definition.chart)})
    return view
