"""Kind `staven`: bars per period (side by side when there are several series), the
target as a dark tick across each bar. The chart of kind `lijn`, drawn as bars.
"""

from __future__ import annotations

from typing import Any

from generator.charts import cells
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
import generator.charts.kinds.lijn as lijn  # the module itself: the package is the registry
from generator.charts.model import ChartSpec
from generator.core.vocabulary import ChartKind

KIND = ChartKind.BARS
INDICATOR_ROWS = IndicatorRows.PERIODS
DEFAULT_PERIODS: int | None = None
TARGETS_PER_PERIOD = True
TABLE_ROWS = TableRows.PERIODS


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    return lijn.draw(spec, bars=True)


def summary(spec: ChartSpec) -> list[str]:
    return lijn.trend(spec)


def table(spec: ChartSpec) -> cells.Table:
    return cells.series_table(spec, spec.xs())


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return []
