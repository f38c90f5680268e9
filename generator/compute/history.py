"""One KPI across all editions: what every edition showed, from the editions' views.

Frozen editions contribute their snapshot, so this page shows what the council read at
the time; where the newest edition shows a different figure for the same period (a
data revision), the row says so, and names the concept when that newest edition is one.
"""

from __future__ import annotations

from generator.compute.changes import _same, edition_ref
from generator.core.vocabulary import EditionStatus
from generator.compute.views import (
    EditionView,
    IndicatorView,
    KpiHistoryCell,
    KpiHistoryRow,
    KpiHistoryView,
)


def kpi_histories(editions: list[EditionView]) -> list[KpiHistoryView]:
    """`editions` newest first; one history per KPI that any edition has."""
    newest_rows: dict[tuple[str, str, str], tuple[float | None, str]] = {}
    order: dict[str, IndicatorView] = {}
    for edition in editions:  # newest first: the newest edition's definition wins
        for goal in edition.goals:
            for ind in goal.indicators:
                order.setdefault(ind.id, ind)
    if editions:
        for goal in editions[0].goals:
            for ind in goal.indicators:
                for series in ind.series:
                    for row in series.history:
                        newest_rows[(ind.id, series.name, row.period)] = (row.value, row.value_text)

    out = []
    for ind_id, latest in order.items():
        rows = []
        for edition in editions:
            ind = next((i for g in edition.goals for i in g.indicators if i.id == ind_id), None)
            if ind is None:
                continue
            cells = []
            by_name = {s.name: s for s in ind.series}
            for name in (s.name for s in latest.series):
                series = by_name.get(name)
                if series is None:  # this edition did not have that series
                    cells.append(KpiHistoryCell(series=name, value_text="n.v.t.", target_text="n.v.t.",
                                                status="geen-gegevens", status_word="Geen gegevens"))
                    continue
                revised = concept = None
                newest = newest_rows.get((ind_id, series.name, edition.summary.period))
                if newest is not None and edition is not editions[0] and not _same(newest[0], series.value):
                    revised = newest[1]
                    if editions[0].summary.status == EditionStatus.CONCEPT:
                        concept = editions[0].summary.label
                cells.append(KpiHistoryCell(
                    series=series.name, value_text=series.value_text, target_text=series.target_text,
                    status=series.status, status_word=series.status_word, revised_text=revised,
                    revised_in_concept=concept,
                    value=series.value, target=series.target,
                    basis_text=series.basis_text, measured_period_label=series.measured_period_label,
                    comparator=series.comparator, estimate=series.estimate,
                    computed_status=series.computed_status if series.override_reason else None,
                    override_reason=series.override_reason,
                ))
            rows.append(KpiHistoryRow(
                edition=edition_ref(edition), indicator_url=ind.url, period_label=edition.summary.label,
                cells=cells, corrected=bool(edition.summary.corrections),
            ))
        out.append(KpiHistoryView(
            id=ind_id, number=latest.number, title=latest.title,
            series=[s.name for s in latest.series], rows=rows, url=f"kpi/{ind_id}/",
            series_units={s.name: s.unit for s in latest.series}, series_decimals={s.name: s.decimals for s in latest.series},
            direction=latest.direction,
        ))
    return out
