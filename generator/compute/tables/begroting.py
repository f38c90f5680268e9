"""Table kind `begroting`: budget against forecast or realisation.

Rule (report 002, see docs/dev/tables.md): difference = budget - forecast; positive is
voordeel (V), negative nadeel (N), zero no letter; the deviation is difference / |budget|,
so its sign always agrees with V/N (the seed prints -18% next to "15 V" for an income
line; we print 18%). Subtotal rows sum the lines since the previous subtotal, a total row
every line; without a total row one is added.
"""

from __future__ import annotations

from typing import Literal

from dataclasses import dataclass
from pydantic import AliasChoices, Field

from generator.compute.tables.common import (
    ROUNDING_MARK, Reader, TableKindSpec, amount_scale, check_stated, heading, label_cell, num_cell,
    percent_cell, plain, scope_sums, unit_text,
)
from generator.compute.views import TableCell, TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.vocabulary import RowKind, Severity, TableKind
from generator.load.csvfile import CsvRow, CsvTable
from generator.model.free_pages import TableSource
from generator.model.base import DutchModel
from generator.model.schema import Text, YesNo
from generator.model.tables import MoneyUnit, TableBase

VN_WORDS = {"V": "voordeel", "N": "nadeel"}


# The keys of this kind in tabellen.yml (Dutch aliases).
class BudgetColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    budget: Text = Field(default="begroting", alias="begroting")
    # The comparison column: a forecast (prognose) or a realisation (realisatie).
    forecast: Text = Field(default="prognose", alias="prognose", validation_alias=AliasChoices("prognose", "realisatie"))
    row_kind: Text = Field(default="soort", alias="soort")


class ComputedRow(DutchModel):
    """A row computed from other rows by their label: the sum of `plus` minus the sum of `min`."""

    plus: list[Text] = Field(default_factory=list, alias="plus",
                             description="Omschrijvingen van de regels die worden opgeteld.")
    minus: list[Text] = Field(default_factory=list, alias="min",
                              description="Omschrijvingen van de regels die worden afgetrokken.")


class BudgetTable(TableBase):
    kind: Literal["begroting"] = Field(alias="soort")
    unit: MoneyUnit = Field(default="euro", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    columns: BudgetColumns = Field(default_factory=BudgetColumns, alias="kolommen")
    computed: dict[Text, ComputedRow] = Field(
        default_factory=dict, alias="berekend",
        description="Regels die rapportage uitrekent uit andere regels, op omschrijving: `plus` (optellen) en "
        "`min` (aftrekken). Zo'n regel telt niet mee in subtotalen en totalen. Staat de regel in het bestand, dan "
        "wordt een ingevuld bedrag gecontroleerd; staat hij er niet in, dan komt hij onderaan de tabel.")
    total_row: YesNo | None = Field(
        default=None, alias="totaalregel",
        description="`ja`: voeg een regel Totaal over alle regels toe als het bestand er geen heeft; `nee`: nooit. "
        "Standaard `ja`, en `nee` als de tabel berekende regels (`berekend`) heeft.")
    rounding: float | None = Field(
        default=None, alias="afgerond_op", gt=0,
        description="De bedragen in het bestand zijn afgerond op dit getal, in de eenheid van het bestand "
        "(1: op hele getallen, zoals 'x € 1.000, afgerond'). Een totaal in het bestand dat binnen die afronding "
        "afwijkt van de som van de regels, staat er zoals gegeven, met een voetnoot.")


_LEFT_OUT = None  # a computed row's kind for scope_sums: not summed, closes no stretch


@dataclass
class _BudgetLine:
    label: str
    kind: str
    budget: float | None
    forecast: float | None
    marks: tuple[str | None, str | None] = (None, None)  # note marks of the budget and forecast cells
    computed: bool = False  # a `berekend` row: not summed, not a total of the lines
    row: object = None  # the data row (CsvRow) of a computed row written in the file


def budget_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: BudgetTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems, scale=amount_scale(d.file_unit, d.unit), rounding=d.rounding)
    c = d.columns
    label_col = r.column(c.label, ("kolommen", "omschrijving"))
    budget_col = r.column(c.budget, ("kolommen", "begroting"))
    forecast_col = r.column(c.forecast, ("kolommen", "prognose"))
    kind_col = r.row_kind_column(c.row_kind)
    if r.failed:
        return None
    with r.in_row_order():
        read = _read_lines(r, d, label_col, budget_col, forecast_col, kind_col)
        lines = [line for _, line in read]
        _check_totals(r, d, read, budget_col, forecast_col)
    if r.failed:
        return None
    if not any(x.kind == RowKind.LINE for x in lines):
        problems.add(data.rel, data.header_line if not data.sheet else None, "de tabel heeft geen regels met bedragen")
        return None
    _computed_rows(r, d, lines, budget_col, forecast_col)
    if r.failed:
        return None
    if d.total_row if d.total_row is not None else not d.computed:
        _close_with_total(lines)
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
        id=d.id, kind=TableKind.BUDGET, title=d.title, unit=d.unit, unit_text=unit_text(d.unit), source=d.source,
        notes=["V = voordeel, N = nadeel. Verschil = begroting min " + data.header(forecast_col).lower()
               + "; afwijking = verschil als percentage van de begroting."] + r.rounding_notes,
        columns=columns, rows=rows,
    )


def _read_lines(r: Reader, d: BudgetTable, label_col: str | None, budget_col: str | None, forecast_col: str | None,
                kind_col: str | None) -> list[tuple[CsvRow, _BudgetLine]]:
    """Every row that reads without a problem, in file order; a `berekend` row is computed
    later, what the file states for it is checked then."""
    c, read = d.columns, []
    computed_names = {name.strip().lower() for name in d.computed}
    for row in r.data.rows:
        kind = r.row_kind(row, kind_col)
        ok, (budget, forecast) = r.numbers(row, [budget_col, forecast_col])
        label = r.label(row, label_col)
        if not label or kind is None or not ok:
            continue
        if label.lower() in computed_names:
            read.append((row, _BudgetLine(label, RowKind.TOTAL, budget, forecast, computed=True, row=row)))
            continue
        read.append((row, _BudgetLine(label, kind, budget, forecast)))
        if kind == RowKind.LINE and (budget is None) != (forecast is None):
            missing = c.budget if budget is None else c.forecast
            r.error(row, budget_col if budget is None else forecast_col,
                    f"`{label}`: {r.data.header(missing.lower())} ontbreekt; het verschil van deze regel is niet te berekenen, "
                    "maar het andere bedrag telt wel mee in het totaal",
                    "schrijf 0 als er geen bedrag is", severity=Severity.WARNING)
    return read


def _check_totals(r: Reader, d: BudgetTable, read: list[tuple[CsvRow, _BudgetLine]], budget_col: str | None,
                  forecast_col: str | None) -> None:
    """Every subtotal and total row (not the computed ones): its scope summed with pandas, a
    stated figure checked, shown as stated when within the rounding (`afgerond_op`)."""
    lines = [x for _, x in read]
    scopes = scope_sums([_LEFT_OUT if x.computed else x.kind for x in lines], [[x.budget, x.forecast] for x in lines], 2)
    for i, (row, line) in enumerate(read):
        if line.kind == RowKind.LINE or line.computed:
            continue
        (computed_b, computed_f), (count_b, count_f) = scopes.sums[i], scopes.figures[i]
        as_stated_b = check_stated(r, row, budget_col, line.label, line.kind, line.budget, computed_b, d.unit, d.decimals,
                                   count=count_b)
        as_stated_f = check_stated(r, row, forecast_col, line.label, line.kind, line.forecast, computed_f, d.unit,
                                   d.decimals, count=count_f)
        line.budget = line.budget if as_stated_b else computed_b
        line.forecast = line.forecast if as_stated_f else computed_f
        line.marks = (ROUNDING_MARK if as_stated_b else None, ROUNDING_MARK if as_stated_f else None)


def _computed_rows(r: Reader, d: BudgetTable, lines: list[_BudgetLine], budget_col: str | None,
                   forecast_col: str | None) -> None:
    """Fill in the `berekend` rows in table order: plus the sum of `plus`, minus the sum of `min`.
    A term is a row above or below that is not computed, or a computed row above."""
    src = r.src
    by_label: dict[str, _BudgetLine] = {}
    computed_lines = {x.label.lower(): x for x in lines if x.computed}
    for name in d.computed:
        if name.strip().lower() not in computed_lines:
            line = _BudgetLine(name.strip(), RowKind.TOTAL, None, None, computed=True)
            lines.append(line)
            computed_lines[name.strip().lower()] = line
    available = {x.label.lower(): x for x in lines if x.label.lower() not in computed_lines}
    for line in lines:
        key = line.label.lower()
        if key not in computed_lines:
            continue
        definition = next(v for n, v in d.computed.items() if n.strip().lower() == key)
        terms: list[tuple[int, _BudgetLine]] = []
        for sign, names, yaml_key in ((1, definition.plus, "plus"), (-1, definition.minus, "min")):
            for name in names:
                term = available.get(name.strip().lower()) or by_label.get(name.strip().lower())
                if term is None:
                    known = [x.label for x in lines if x.label.lower() != key]
                    later = name.strip().lower() in computed_lines
                    r.problems.add(src.file, src.line_of("berekend", _yaml_name(d, key), yaml_key),
                                   f"berekende regel `{line.label}`: regel `{name}` "
                                   + ("wordt pas later berekend" if later else f"bestaat niet in {r.data.rel}"),
                                   "een berekende regel kan alleen een eerdere berekende regel gebruiken" if later
                                   else suggest(name, known))
                    r.failed = True
                    continue
                terms.append((sign, term))
        if not definition.plus and not definition.minus:
            r.problems.add(src.file, src.line_of("berekend", _yaml_name(d, key)),
                           f"berekende regel `{line.label}` heeft geen `plus` of `min`",
                           "noem de regels die worden opgeteld (`plus`) en afgetrokken (`min`)")
            r.failed = True
        if r.failed:
            continue
        budget = _signed_sum([(s, t.budget) for s, t in terms])
        forecast = _signed_sum([(s, t.forecast) for s, t in terms])
        formula = " ".join((("min " if s < 0 else "plus ") if i else ("min " if s < 0 else "")) + f"`{t.label}`"
                           for i, (s, t) in enumerate(terms))
        for stated, computed, col in ((line.budget, budget, budget_col), (line.forecast, forecast, forecast_col)):
            if line.row is not None and stated is not None and (computed is None or abs(stated - computed) > 0.005):
                r.error(line.row, col,  # type: ignore[arg-type]
                        f"berekende regel `{line.label}` is {plain(stated, d.unit, d.decimals)}, maar {formula} is "
                        + (plain(computed, d.unit, d.decimals) if computed is not None else "niets (geen cijfers)"),
                        "controleer de regels en `berekend`, of laat de cel leeg: dan rekent rapportage de regel zelf uit")
        line.budget, line.forecast = budget, forecast
        by_label[key] = line


def _yaml_name(d: BudgetTable, key: str) -> str:
    return next(n for n in d.computed if n.strip().lower() == key)


def _signed_sum(terms: list[tuple[int, float | None]]) -> float | None:
    """plus and minus the figures there are; None when there is none (never 0 for "no figure")."""
    present = [s * v for s, v in terms if v is not None]
    return sum(present) if present else None


def _close_with_total(lines: list[_BudgetLine]) -> None:
    """Without a total row, add one (a closing subtotal over every line is the total)."""
    if any(x.kind == RowKind.TOTAL and not x.computed for x in lines):
        return
    last = lines[-1]
    closing = [x for x in lines if x.kind != RowKind.LINE and not x.computed]
    lines_after = closing and any(x.kind == RowKind.LINE for x in lines[lines.index(closing[-1]) + 1:])
    # Exactly one subtotal, at the end: it sums every line above it.
    if last.kind == RowKind.SUBTOTAL and not lines_after and len(closing) == 1 and not any(x.computed for x in lines):
        last.kind = RowKind.TOTAL
    else:
        kinds = [_LEFT_OUT if x.computed else x.kind for x in lines] + [RowKind.TOTAL]
        total = scope_sums(kinds, [[x.budget, x.forecast] for x in lines] + [[None, None]], 2)
        lines.append(_BudgetLine("Totaal", RowKind.TOTAL, *total.sums[-1]))


def _budget_cells(x: _BudgetLine, d: BudgetTable) -> list[TableCell]:
    diff = x.budget - x.forecast if x.budget is not None and x.forecast is not None else None
    letter = vn_letter(diff, d.unit, d.decimals)
    pct = diff / abs(x.budget) if diff is not None and x.budget else None
    return [
        label_cell(x.label),
        num_cell(x.budget, d.unit, d.decimals, note=x.marks[0]),
        num_cell(x.forecast, d.unit, d.decimals, note=x.marks[1]),
        num_cell(diff, d.unit, d.decimals),
        TableCell(text=letter, title=VN_WORDS.get(letter)) if diff is not None else TableCell(missing=True),
        percent_cell(pct, d.percent_decimals),
    ]


def vn_letter(diff: float | None, unit: str, decimals: int) -> str:
    """V for a positive difference, N for a negative one, nothing when it shows as 0."""
    if diff is None:
        return ""
    shown = diff / 1000 if unit == "euro_x1000" else diff
    if round(abs(shown), decimals) == 0:
        return ""
    return "V" if diff > 0 else "N"


SPEC = TableKindSpec(
    kind=TableKind.BUDGET, model=BudgetTable, build=budget_table,
    word_columns=frozenset({"vn"}), percent_columns=frozenset({"afwijking"}),
)
