"""Kind `horizontaal`: comparisons, one bar per category sorted best first, "geen cijfer"
for a missing value, the target as a rule.
"""

from __future__ import annotations

from typing import Any

from generator.charts import cells, horizontal_bars
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.model import ChartSpec
from generator.core.vocabulary import ChartKind, Direction

KIND = ChartKind.HORIZONTAL
INDICATOR_ROWS = IndicatorRows.CATEGORIES
DEFAULT_PERIODS: int | None = 1
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.CATEGORIES


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """Comparisons: one bar per category, sorted high to low, the target as a rule."""
    return horizontal_bars.bars(spec, sorted_categories(spec))


def sorted_categories(spec: ChartSpec) -> list[str]:
    """Categories high to low by the first series (best first when lower is better); no figure last."""
    first = spec.primary_series()
    xs = spec.xs()
    known = [x for x in xs if spec.value_at(x, first) is not None]
    unknown = [x for x in xs if spec.value_at(x, first) is None]
    reverse = spec.direction != Direction.LOWER_IS_BETTER
    known.sort(key=lambda x: spec.value_at(x, first) or 0.0, reverse=reverse)
    return known + unknown


def summary(spec: ChartSpec) -> list[str]:
    names = spec.series_names()
    first = spec.primary_series()
    order = sorted_categories(spec)
    known = [(x, spec.value_at(x, first)) for x in order if spec.value_at(x, first) is not None]
    word = "van laag naar hoog" if spec.direction == Direction.LOWER_IS_BETTER else "van hoog naar laag"
    sentences = []
    if known:
        if first == spec.current:
            label = f"{spec.title} in {first}, {word}"
        else:
            label = f"{spec.title}, {word}" + (f" ({say.series_name(spec, first)})" if len(names) > 1 else "")
        sentences.append(f"{label}: " + say.and_list([f"{spec.x_label(x)} {say.figure(spec, v)}" for x, v in known]))  # type: ignore[arg-type]
    missing = [spec.x_label(x) for x in order if spec.value_at(x, first) is None]
    if missing:
        sentences.append(f"geen cijfer van {say.and_list(missing)}")
    sentences += say.verdict(spec, [(x, v) for x, v in known if v is not None], first)
    return sentences


def table(spec: ChartSpec) -> cells.Table:
    return cells.series_table(spec, sorted_categories(spec))


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return []
