"""The chart kinds: one module per kind, registered here once.

Spec building (charts/spec.py), the summary (charts/summary.py), the data table
(charts/table.py), the `grafiek:` checks (charts/checks.py), the indicator charts
(charts/indicator.py) and the docs test all read `KINDS`. `ChartKind.NONE` (`geen`)
has no module: it draws nothing. What a module provides: charts/kind_module.py.
"""

from __future__ import annotations

from generator.charts.kind_module import ChartKindModule
from generator.charts.kinds import (
    aandelen, begroting, gegroepeerd, gestapeld, horizontaal, lijn, panelen, staven, staven_en_lijn, vergelijking,
)
from generator.core.vocabulary import ChartKind

KINDS: dict[ChartKind, ChartKindModule] = {
    module.KIND: module  # type: ignore[misc]
    for module in (lijn, staven, gegroepeerd, gestapeld, aandelen, horizontaal, begroting, staven_en_lijn, vergelijking, panelen)
}


def kind_module(kind: str) -> ChartKindModule:
    """The module of a kind that draws (KeyError for `geen`, ValueError for a word that is no kind)."""
    return KINDS[ChartKind(kind)]
