"""How a chart writes a figure: on a mark, in the summary and in the table alike.

Formatting comes from `generator.core.formatting`, so a chart says "€ 1.800" exactly as
the page does. A value of None is "no figure", never 0.
"""

from __future__ import annotations

from generator.charts.model import ChartRow, ChartSpec, ChartTarget
from generator.core import formatting as fmt
from generator.core.targets import Target
from generator.core.vocabulary import Unit

NO_FIGURE_MARK = "geen cijfer"

# Units written as a symbol on a mark; the axis title names the others.
_SYMBOL_UNITS = (Unit.PERCENTAGE, Unit.EURO, Unit.GRADE, Unit.COUNT)


def decimals(spec: ChartSpec) -> int:
    return fmt.DEFAULT_DECIMALS.get(spec.unit, 0) if spec.decimals is None else spec.decimals


def value_text(spec: ChartSpec, v: float | None) -> str:
    return fmt.value(v, spec.unit, spec.decimals) if v is not None else NO_FIGURE_MARK


def short_text(spec: ChartSpec, v: float | None) -> str:
    """Label on a mark: the unit only where it is a symbol (79% · € 1.805 · 7,5); the axis names the rest."""
    if v is None:
        return NO_FIGURE_MARK
    if spec.unit in _SYMBOL_UNITS:
        return fmt.value(v, spec.unit, spec.decimals)
    return fmt.number(v, decimals(spec))


_SIGN = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}
ESTIMATE_SUFFIX = " (schatting)"
ESTIMATE_SIGN = "±"  # on a mark in the chart, where "(schatting)" does not fit
MARKS_NOTE = ("Een cijfer met < of > is een grens: het echte cijfer ligt daaronder of daarboven. "
              "(schatting), in de grafiek ±: geschat, niet gemeten.")


def row_text(spec: ChartSpec, row: ChartRow) -> str:
    """Label on a mark with the figure's own mark, so a bar never states a bound or an
    estimate as a measured figure: "<28", "±74"."""
    text = short_text(spec, row.value)
    if row.value is None:
        return text
    if row.comparator:
        text = _SIGN[row.comparator] + text
    return ESTIMATE_SIGN + text if row.estimate else text


def marked(text: str, comparator: str | None, estimate: bool, sign: dict[str, str] = _SIGN) -> str:
    """A figure's text with its mark: "< 120 minuten", "75% (schatting)"."""
    if comparator:
        text = f"{sign[comparator]} {text}"
    return text + ESTIMATE_SUFFIX if estimate else text


def as_target(t: ChartTarget) -> Target:
    return Target(t.comparator, t.value, t.high)


def series_label(spec: ChartSpec, name: str) -> str:
    """What a series is called: its name, or the chart's title for the one unnamed series."""
    return name or spec.title


def shown_x(spec: ChartSpec) -> str | None:
    """The one x a kind that shows one period speaks of: the current one, else the last."""
    xs = spec.xs()
    return spec.current if spec.current in xs else (xs[-1] if xs else None)
