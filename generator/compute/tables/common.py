"""What every table kind shares: reading cells with file:row:column problems, cell
formatting, (sub)total scopes (pandas) and the check of a stated total.

Rules that hold for every kind (docs/dev/tables.md): "no figure" (n.v.t., -, empty) is
never summed as 0, and a total stated in the data is checked against the computed one.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from generator.core.lazy import pandas as pd  # imported when a table is computed

from generator.compute.views import TableCell, TableView
from generator.core import formatting as fmt
from generator.core.numbers import NotANumber, parse_cell
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.vocabulary import RowKind, Severity, TableKind, TableUnit
from generator.load.csvfile import CsvRow, CsvTable
from generator.model.free_pages import TableSource
from generator.model.tables import TableBase

NUMBER_HINT = "schrijf een getal (1.234,5 of 1234.5), of laat de cel leeg / n.v.t. / - als er geen cijfer is"
ROW_KINDS = tuple(RowKind)

Builder = Callable[[TableSource, CsvTable, Period, Problems], "TableView | None"]


@dataclass(frozen=True)
class TableKindSpec:
    """One table kind: its model (tabellen.yml keys), its computation, and what citations read."""

    kind: TableKind
    model: type[TableBase]
    build: Builder
    # Columns cited by the word a cell stands for (V -> voordeel), not by its figure.
    word_columns: frozenset[str] = frozenset()
    # Columns holding fractions, cited as a percentage.
    percent_columns: frozenset[str] = frozenset()
    # False: the kind has no total row; totaal(id, "aantal"/"regels") counts its rows.
    has_totals: bool = True


@dataclass
class Reader:
    """Cells of one table's data, with every problem named by file, row and column."""

    src: TableSource
    data: CsvTable
    problems: Problems
    scale: float = 1.0  # 1000 when the file holds amounts x € 1.000
    failed: bool = False
    # `afgerond_op`: the step the file's figures are rounded to, in the file's unit (None: exact).
    rounding: float | None = None
    # Notes on stated totals shown as stated within the rounding (TableView.notes).
    rounding_notes: list[str] = field(default_factory=list)
    # in_row_order(): problems held back with (data row position, order) until the block ends
    held: list[tuple[int, int, tuple, dict]] | None = None
    positions: dict[int, int] = field(default_factory=dict)

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
        if yaml_key and self.configured(yaml_key):
            self.problems.add(self.src.file, self.src.line_of(*yaml_key),
                              f"kolom `{name}` bestaat niet in {self.data.rel}", hint)
        else:
            line = None if self.data.sheet else self.data.header_line
            self.problems.add(self.data.rel, line, f"{self.header_place()}kolom `{name}` ontbreekt",
                              f"{hint}; noem de kolom `{name}`, of wijs in {self.src.file} met `kolommen:` de juiste kolom aan")
        self.failed = True
        return None

    def row_kind_column(self, name: str) -> str | None:
        """The optional regel/subtotaal/totaal column: required only when configured."""
        return self.column(name, ("kolommen", "soort"), required=self.configured(("kolommen", "soort")))

    def configured(self, yaml_key: tuple[str, ...]) -> bool:
        """Did the editor write this key (rather than rely on its default)?"""
        data = self.src.doc.data
        try:
            node = data["tabellen"][self.src.index]
            for k in yaml_key:
                node = node[k]
            return True
        except (KeyError, IndexError, TypeError):
            return False

    def header_place(self) -> str:
        return f"blad `{self.data.sheet}`, kopregel {self.data.header_line}: " if self.data.sheet else ""

    def table_problem(self, message: str, hint: str | None = None) -> None:
        """A problem with the data as a whole: at the header line of a CSV file."""
        self.problems.add(self.data.rel, None if self.data.sheet else self.data.header_line, message, hint)

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

    def numbers(self, row: CsvRow, columns: list[str | None]) -> tuple[bool, list[float | None]]:
        """Several number cells of a row; every bad cell is reported, ok only when all are numbers."""
        ok, values = True, []
        for column in columns:
            good, value = self.number(row, column)
            ok &= good
            values.append(value)
        return ok, values

    def error(self, row: CsvRow, column: str | None, message: str, hint: str | None = None, severity: str = Severity.ERROR) -> None:
        args = (self.data.rel, self.data.line(row), f"{self.data.place(row, column)}: {message}", hint)
        if self.held is not None:
            self.held.append((self.positions.get(id(row), -1), len(self.held), args, {"severity": severity}))
        else:
            self.problems.add(*args, severity=severity)
        if severity == Severity.ERROR:
            self.failed = True

    @contextmanager
    def in_row_order(self) -> Iterator[None]:
        """A kind that reads every row first and then checks its (sub)totals (computed for all
        rows at once) still reports the problems of each data row together, in file order."""
        self.held = []
        self.positions = {id(row): i for i, row in enumerate(self.data.rows)}
        try:
            yield
        finally:
            held, self.held = self.held, None
            for _, _, args, kwargs in sorted(held, key=lambda h: (h[0], h[1])):
                self.problems.add(*args, **kwargs)

    def label(self, row: CsvRow, column: str | None) -> str:
        """A row's label; an empty one is a problem."""
        label = self.text(row, column)
        if not label:
            self.error(row, column, "omschrijving ontbreekt", "elke regel heeft een omschrijving")
        return label

    def row_kind(self, row: CsvRow, column: str | None) -> str | None:
        if column is None:
            return RowKind.LINE
        raw = self.text(row, column).lower()
        if raw in ("",):
            return RowKind.LINE
        if raw in ROW_KINDS:
            return raw
        self.error(row, column, f"`{raw}` is geen soort regel; kies uit: {', '.join(ROW_KINDS)}", suggest(raw, ROW_KINDS))
        return None


def amount_scale(file_unit: str, unit: str) -> float:
    """1000 when the file holds amounts x € 1.000 and the table shows money."""
    return 1000.0 if file_unit == TableUnit.EURO_THOUSANDS and unit.startswith("euro") else 1.0


# --- (sub)totals ----------------------------------------------------------------------


@dataclass(frozen=True)
class Scopes:
    """Per row of a table, per figure column: the sum of the lines its subtotal or total row
    covers (None when none of them has a figure: never 0 for "no figure") and how many of
    those lines have a figure. A subtotal covers the lines since the previous subtotal or
    total, a total every line above it; a line row covers nothing."""

    sums: list[list[float | None]]
    figures: list[list[int]]


def scope_sums(kinds: list[str | None], values: list[list[float | None]], width: int) -> Scopes:
    """The (sub)total scopes of every row at once, with pandas: the lines grouped by their
    stretch (how many (sub)total rows lie above), a subtotal the sum of its own stretch, a
    total the running sum over the stretches. A row of kind None (a computed row) is left
    out: it is not summed and does not close a stretch."""
    if not kinds:
        return Scopes([], [])
    frame = pd.DataFrame(values, columns=range(width), dtype=float)
    is_line = pd.Series([k == RowKind.LINE for k in kinds])
    closes = pd.Series([k in (RowKind.SUBTOTAL, RowKind.TOTAL) for k in kinds])
    stretch = closes.cumsum().shift(fill_value=0)  # a (sub)total row closes its stretch
    stretches = pd.RangeIndex(int(closes.sum()) + 1)
    grouped = frame[is_line].groupby(stretch[is_line])
    own = grouped.sum(min_count=1).reindex(stretches)
    own_figures = grouped.count().reindex(stretches, fill_value=0)
    running = own.fillna(0.0).cumsum()
    running_figures = own_figures.cumsum()
    sums, figures = [], []
    for i, kind in enumerate(kinds):
        if kind not in (RowKind.SUBTOTAL, RowKind.TOTAL):
            sums.append([None] * width)
            figures.append([0] * width)
            continue
        at = int(stretch.iloc[i])
        total, count = (own.loc[at], own_figures.loc[at]) if kind == RowKind.SUBTOTAL else (running.loc[at], running_figures.loc[at])
        figures.append([int(n) for n in count])
        sums.append([float(v) if n else None for v, n in zip(total, count)])
    return Scopes(sums, figures)


def differs(stated: float, computed: float | None) -> bool:
    # Amounts may have cents; anything beyond half a cent is a real difference.
    return computed is None or abs(stated - computed) > 0.005


def plain(value: float | None, unit: str, decimals: int) -> str:
    """A figure in a message: amounts in thousands written out in euros."""
    return fmt.value(value, "euro", 0) if unit == TableUnit.EURO_THOUSANDS else citation_text(value, unit, decimals)


def stated_total_error(r: Reader, row: CsvRow, col: str | None, label: str, kind: str,
                       stated: float, computed: float | None, unit: str, decimals: int, extra: str = "") -> None:
    scope = "de regels sinds het vorige subtotaal" if kind == RowKind.SUBTOTAL else "alle regels erboven"
    r.error(
        row, col,
        f"{kind} `{label}` is {plain(stated, unit, decimals)}, maar {scope} tellen op tot "
        + (plain(computed, unit, decimals) if computed is not None else "niets (geen cijfers)") + extra,
        "controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
    )


ROUNDING_MARK = "a"


def rounding_tolerance(step: float, scale: float, count: int) -> float:
    """How far a sum of `count` rounded figures can be from a total rounded the same way:
    each figure and the total are at most half a step off."""
    return step * scale * (count + 1) / 2


def check_stated(r: Reader, row: CsvRow, col: str | None, label: str, kind: str,
                 stated: float | None, computed: float | None, unit: str, decimals: int,
                 count: int = 0) -> bool:
    """A total stated in the data must match the computed one. With `afgerond_op` (the
    source is rounded) a stated total within the rounding of its `count` figures is
    accepted: True means "show the stated total", with a note on the difference."""
    if stated is None or not differs(stated, computed):
        return False
    if r.rounding is not None and computed is not None:
        tolerance = rounding_tolerance(r.rounding, r.scale, count)
        if abs(stated - computed) <= tolerance + 0.005:
            where = f" ({r.data.header(col)})" if col else ""
            r.rounding_notes.append(
                f"{ROUNDING_MARK} {label}{where}: {amount_text(stated, unit, decimals)} zoals de bron het geeft; "
                f"de afgeronde regels tellen op tot {amount_text(computed, unit, decimals)} (afrondingsverschil).")
            return True
        stated_total_error(r, row, col, label, kind, stated, computed, unit, decimals,
                           extra=f"; dat is meer dan de afronding van {count} afgeronde cijfers kan verklaren "
                                 f"(hoogstens {plain(tolerance, unit, decimals)})")
        return False
    stated_total_error(r, row, col, label, kind, stated, computed, unit, decimals)
    return False


# --- formatting ---------------------------------------------------------------------------


def amount_text(value: float | None, unit: str, decimals: int = 0) -> str:
    """A figure in a table cell: '€ 11.364.000', '-1.084' (x € 1.000), '1.941', '79%'."""
    if value is None:
        return ""
    if unit == TableUnit.EURO_THOUSANDS:
        thousands = value / 1000
        sign = "-" if thousands < 0 and round(abs(thousands), decimals) != 0 else ""
        return sign + fmt.number(abs(thousands), decimals)
    return fmt.value(value, unit, decimals)


def citation_text(value: float | None, unit: str, decimals: int = 0) -> str:
    """A figure cited in running text: amounts in thousands are written out in euros."""
    if value is None:
        return fmt.NO_FIGURE
    if unit == TableUnit.EURO_THOUSANDS:
        return fmt.value(round(value, -3), "euro", 0)
    return fmt.value(value, unit, decimals)


def percent_text(fraction: float | None, decimals: int) -> str:
    if fraction is None:
        return ""
    return fmt.value(fraction * 100, "percentage", decimals)


def unit_text(unit: str) -> str | None:
    return "bedragen x € 1.000" if unit == TableUnit.EURO_THOUSANDS else None


def num_cell(value: float | None, unit: str, decimals: int, **extra) -> TableCell:
    if value is None:
        return TableCell(missing=True, **extra)
    return TableCell(text=amount_text(value, unit, decimals), value=value, **extra)


def percent_cell(fraction: float | None, decimals: int) -> TableCell:
    if fraction is None:
        return TableCell(missing=True)
    return TableCell(text=percent_text(fraction, decimals), value=fraction)


def heading(data: CsvTable, column: str | None) -> str:
    """A column name from the file as a table heading: as written, with a capital letter."""
    text = data.header(column) if column else ""
    return text[:1].upper() + text[1:]


def label_cell(text: str) -> TableCell:
    return TableCell(text=text)
