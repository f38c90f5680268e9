"""What a chart kind module provides (`generator/charts/kinds/<soort>.py`).

A kind is one module: its Vega-Lite spec, its Dutch summary, its data table, its
`grafiek:` checks and how an indicator's figures become its rows. The registry in
`generator/charts/kinds/__init__.py` maps each `ChartKind` to its module; spec building,
the summary, the data table, the checks and the docs test read it there.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol

from generator.charts.cells import Table
from generator.charts.model import ChartSpec
from generator.core.vocabulary import ChartKind


class IndicatorRows(Enum):
    """How an indicator's series and periods become a chart's rows (charts/indicator.py)."""

    PERIODS = "periods"  # x = period, series = the indicator's series
    CATEGORIES = "categories"  # x = series (providers, teams), series = periods side by side
    CURRENT_PERIOD = "current period"  # one x, the edition's period; series are the parts
    PANELS = "panels"  # as PERIODS, but series of different units share one chart (a panel each)


class TableRows(Enum):
    """How a computed table's cells become a chart's rows (charts/tables.py, `{{ grafiek("id") }}`)."""

    PERIODS = "periods"  # a quarter table draws its quarters along the axis; other tables as CATEGORIES
    CATEGORIES = "categories"  # the table's lines along the axis, its value columns as series
    PARTS = "parts"  # the lines are the parts of the first value column
    BUDGET = "budget"  # only a `begroting` table: its budget and forecast columns per line


Problem = tuple[str, str]  # (message, hint), reported on the line of `soort`


class ChartKindModule(Protocol):
    KIND: ChartKind
    INDICATOR_ROWS: IndicatorRows
    DEFAULT_PERIODS: int | None  # periods an indicator chart shows without `perioden` (None: all)
    TARGETS_PER_PERIOD: bool  # an indicator chart draws the target of every period
    TABLE_ROWS: TableRows

    def vegalite(self, spec: ChartSpec) -> dict[str, Any]:
        """The Vega-Lite dict (Altair, `to_dict(validate=False)`)."""
        ...

    def summary(self, spec: ChartSpec) -> list[str]:
        """The sentences of the Dutch text alternative (summary.py adds the notes and joins them)."""
        ...

    def table(self, spec: ChartSpec) -> Table:
        """The data table behind the chart (and its CSV)."""
        ...

    def config_problems(self, series: int, units: set[str]) -> list[Problem]:
        """What is wrong with `grafiek:` of an indicator: `series` chosen, in these units."""
        ...
