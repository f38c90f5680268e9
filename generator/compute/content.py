"""What the compute stage adds to an edition besides its KPI views, and what it needs from above."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from generator.compute.views import ChartConfigView, PageView, TableView


@dataclass
class EditionContent:
    """An edition's tables, free pages and narrative texts, citations resolved."""

    pages: list[PageView] = field(default_factory=list)
    tables: dict[str, TableView] = field(default_factory=dict)
    narratives: dict[tuple[str, str], str] = field(default_factory=dict)  # (indicator id, field) -> text
    foreword: str | None = None


class TableCharts(Protocol):
    """The charts of tables, as the compute stage needs them for {{ grafiek("...") }}.

    Charts sit above compute, so the orchestration passes them in (the module
    generator.charts.tables is one): a chart that does not fit its table is a
    problem at check time, not at build time.
    """

    def default_config(self, table: TableView) -> ChartConfigView: ...

    def table_chart_problem(self, table: TableView) -> str | None: ...
