"""The charts of one KPI across editions (page `kpi/<id>/`): per series the figure each
edition published, against the target that edition had.

From the KpiHistoryView alone (compute/history.py). A series an edition did not have,
or a figure it did not have, is "geen cijfer": a gap in the line, never 0. The x axis
is the editions in publication order, so a later revision of a figure does not move
the point an edition published (the table beside it says "later herzien"). Series in
different units (a grade and a response percentage) never share an axis: one chart per unit.
"""

from __future__ import annotations

from generator.charts.model import ChartRow, ChartSpec, ChartTarget
from generator.compute.views import KpiHistoryView
from generator.core.targets import TargetError, parse_target
from generator.core.vocabulary import ChartKind, Unit

MIN_EDITIONS = 2  # one edition is a point, not a course: the table says it


def history_specs(history: KpiHistoryView) -> list[ChartSpec]:
    """`lijn` charts of the history, one per unit; none with fewer than two editions."""
    rows_oldest_first = list(reversed(history.rows))
    if len(rows_oldest_first) < MIN_EDITIONS:
        return []
    groups: dict[tuple[str, int | None], list[str]] = {}
    for name in history.series:
        key = (history.series_units.get(name, Unit.COUNT.value), history.series_decimals.get(name))
        groups.setdefault(key, []).append(name)
    specs = []
    for i, ((unit, decimals), names) in enumerate(groups.items(), start=1):
        spec = _spec(history, rows_oldest_first, unit, decimals, names, part=(i, names) if len(groups) > 1 else None)
        if spec is not None:
            specs.append(spec)
    return specs


def _spec(history: KpiHistoryView, rows_oldest_first: list, unit: str, decimals: int | None,
          names: list[str], part: tuple[int, list[str]] | None) -> ChartSpec | None:
    rows: list[ChartRow] = []
    targets: list[ChartTarget] = []
    for row in rows_oldest_first:
        x = row.edition.period
        for cell in row.cells:
            if cell.series not in names:
                continue
            rows.append(ChartRow(x=x, series=cell.series, value=cell.value, comparator=cell.comparator, estimate=cell.estimate))
            if cell.target:
                try:
                    t = parse_target(cell.target)
                except TargetError:
                    continue
                targets.append(ChartTarget(comparator=t.comparator, value=t.value, high=t.high, x=x, series=cell.series))
    if all(r.value is None for r in rows):
        return None
    periods = [r.edition.period for r in rows_oldest_first]
    suffix = f" ({', '.join(part[1])})" if part else ""
    slug = f"-{part[0]}" if part else ""
    return ChartSpec(
        id=f"{history.id}-door-de-tijd{slug}", kind=ChartKind.LINE.value,
        title=f"KPI {history.number}: {history.title}, per editie{suffix}",
        unit=unit, decimals=decimals, direction=history.direction,
        x_labels={r.edition.period: r.period_label for r in rows_oldest_first}, x_order=periods,
        current=periods[-1], rows=rows, targets=targets, x_title="Editie",
        series_order=names, series_title="",
    )
