"""The charts of a KPI page, from its IndicatorView alone.

Defaults: a line per series over every period up to the edition's, the target as a
dashed line, the current period marked. `grafiek:` in content/indicatoren.yml picks
another kind, series, axis range, number of periods and annotations. Series with
different units (a percentage and a count) never share an axis: each unit gets its
own chart, except in a chart of kind `panelen`, where each series has a panel of its own.
"""

from __future__ import annotations

import re

from generator.charts.kind_module import IndicatorRows
from generator.charts.kinds import KINDS
from generator.charts.model import ChartNote, ChartRow, ChartSpec, ChartTarget
from generator.compute.views import ChartConfigView, HistoryRow, IndicatorView, SeriesView
from generator.core.periods import Period
from generator.core.targets import parse_target
from generator.core.vocabulary import ChartKind

_KIND_WORD = {"Q": "kwartaal", "H": "halfjaar", "Y": "jaar"}


def indicator_specs(ind: IndicatorView, period: str) -> list[ChartSpec]:
    """Every chart of one indicator in the edition of `period` ("2023-Q3")."""
    cfg = ind.chart
    if cfg.kind == ChartKind.NONE:
        return []
    chosen = _chosen_series(ind, cfg)
    groups: dict[str, list[SeriesView]] = {}
    panels = KINDS[ChartKind(cfg.kind)].INDICATOR_ROWS is IndicatorRows.PANELS
    for s in chosen:
        groups.setdefault(chosen[0].unit if panels else s.unit, []).append(s)
    specs = []
    for i, (unit, series) in enumerate(groups.items()):
        spec_id = ind.id if i == 0 else f"{ind.id}-{_slug(series[0].name or unit)}"
        title = cfg.title or ind.title
        names = ", ".join(s.name for s in series)
        if len(groups) > 1 and names != title:
            title = f"{title}: {names}"
        # A KPI measured less often than the editions appear: its own periods, up to its latest measurement.
        shown = next((s.measured_period for s in series if s.measured_period), None) or period
        spec = _spec(ind, cfg, series, unit, spec_id, title, Period.parse(shown))
        if spec is not None:
            specs.append(spec)
    return specs


def _chosen_series(ind: IndicatorView, cfg: ChartConfigView) -> list[SeriesView]:
    if not cfg.series:
        return list(ind.series)
    by_name = {s.name: s for s in ind.series}
    return [by_name[n] for n in cfg.series if n in by_name]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "reeks"


def _periods(series: list[SeriesView], current: Period, count: int | None) -> list[Period]:
    """Every period from the first figure to the edition's, gaps included, the last `count`."""
    known = {Period.parse(row.period) for s in series for row in s.history}
    known = {p for p in known if p.kind == current.kind and p <= current}
    if not known:
        return [current]
    seq = [min(known)]
    while seq[-1] < current:
        seq.append(seq[-1].next())
    return seq[-count:] if count else seq


def _chart_row(x: str, series: str, r: HistoryRow | None) -> ChartRow:
    if r is None:
        return ChartRow(x=x, series=series, value=None)
    return ChartRow(x=x, series=series, value=r.value, comparator=r.comparator, estimate=r.estimate)


def _row_at(s: SeriesView, p: Period) -> HistoryRow | None:
    key = str(p)
    return next((r for r in s.history if r.period == key), None)


def _target_of(row: HistoryRow | None) -> tuple[str, float, float | None] | None:
    if row is None or row.target_comparator is None or row.target_value is None:
        return None
    return row.target_comparator, row.target_value, row.target_high


def _spec(
    ind: IndicatorView, cfg: ChartConfigView, series: list[SeriesView], unit: str,
    spec_id: str, title: str, current: Period,
) -> ChartSpec | None:
    kind = cfg.kind
    module = KINDS[ChartKind(kind)]
    count = cfg.periods or module.DEFAULT_PERIODS
    periods = _periods(series, current, count)
    labels = {str(p): p.label for p in periods}
    first = series[0]
    common = dict(
        id=spec_id, kind=kind, title=title, unit=unit, decimals=first.decimals,
        direction=first.direction, axis_min=cfg.axis_min, axis_max=cfg.axis_max,
        target_name=cfg.target_name,
    )
    names = [s.name for s in series]

    if module.INDICATOR_ROWS is IndicatorRows.CATEGORIES:
        # Series (providers, teams) are the categories; periods side by side.
        rows = [
            _chart_row(s.name or title, p.label, _row_at(s, p))
            for s in series for p in periods
        ]
        targets = _category_targets(series, cfg.show_target)
        return ChartSpec(
            **common, rows=rows, x_order=[s.name or title for s in series],
            series_order=[p.label for p in periods], series_title=_KIND_WORD[current.kind].capitalize(),
            x_title="Reeks", x_is_period=False, current=current.label, targets=targets,
            highlight=cfg.highlight if cfg.highlight in names else None,
        )

    if module.INDICATOR_ROWS is IndicatorRows.CURRENT_PERIOD:
        rows = [_chart_row(str(current), s.name, _row_at(s, current)) for s in series]
        return ChartSpec(
            **common, rows=rows, x_labels=labels, x_order=[str(current)], series_order=names,
            current=str(current), shape=cfg.shape,
        )

    rows = [
        _chart_row(str(p), s.name, _row_at(s, p))
        for s in series for p in periods
    ]
    targets: list[ChartTarget] = []
    if cfg.show_target and module.TARGETS_PER_PERIOD:
        for s in series:
            last = None
            for p in periods:
                t = _target_of(_row_at(s, p)) or last  # a period without a row keeps the last target
                last = t
                if t is not None:
                    targets.append(ChartTarget(comparator=t[0], value=t[1], high=t[2], x=str(p), series=s.name))
    notes = [ChartNote(x=n.period, text=n.text) for n in cfg.annotations if n.period in labels]
    own = module.INDICATOR_ROWS is IndicatorRows.PANELS  # each series in its own unit
    return ChartSpec(
        **common, rows=rows, x_labels=labels, x_order=[str(p) for p in periods], series_order=names,
        current=str(current), targets=targets, notes=notes,
        series_units={s.name: s.unit for s in series} if own else {},
        series_decimals={s.name: s.decimals for s in series} if own else {},
    )


def _category_targets(series: list[SeriesView], show: bool) -> list[ChartTarget]:
    """The edition's target per category; one chart-wide norm when they are all the same."""
    if not show:
        return []
    per = {s.name: parse_target(s.target) if s.target else None for s in series}
    distinct = {t for t in per.values() if t is not None}
    if not distinct:
        return []
    if len(distinct) == 1 and all(t is not None for t in per.values()):
        t = next(iter(distinct))
        return [ChartTarget(comparator=t.comparator, value=t.value, high=t.high)]
    return [
        ChartTarget(comparator=t.comparator, value=t.value, high=t.high, x=name or "")
        for name, t in per.items() if t is not None
    ]
