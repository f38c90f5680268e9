"""The yield chart of a pillar of measures: expected against realised yield per year.

From the pillar's YieldTableView alone. Its `points` leave out dashes ("not quantifiable")
and missing amounts, so those years get no bar and a "geen cijfer" mark, never 0.
"""

from __future__ import annotations

from generator.charts.model import ChartRow, ChartSpec
from generator.compute.views import YieldTableView
from generator.core.vocabulary import ChartKind, Unit


def yield_spec(table: YieldTableView) -> ChartSpec:
    kinds: dict[str, str] = {}
    for kind, label in (("verwacht", "Verwachte opbrengst"), ("gerealiseerd", "Gerealiseerde opbrengst")):
        kinds[kind] = next((p.kind_label for p in table.points if p.kind == kind), label)
    values = {(p.year, p.kind): p.value for p in table.points}
    years = [str(y) for y in table.years]
    rows = [
        ChartRow(x=str(year), series=label, value=values.get((year, kind)))
        for year in table.years for kind, label in kinds.items()
    ]
    return ChartSpec(
        id=f"opbrengst-{table.pillar_id}", kind=ChartKind.BARS.value, title=table.title, unit=Unit.EURO.value, decimals=0,
        rows=rows, x_order=years, x_title="Jaar", series_order=list(kinds.values()), series_title="",
    )
