"""Kind `gestapeld`: per period (or category) the series stacked, with the total on top
("onvolledig" when a part is missing). Series are added up, so they share one unit
that can be summed.
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, config_rules, marks, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.model import ChartSpec
from generator.core import formatting as fmt
from generator.core.vocabulary import ChartKind

KIND = ChartKind.STACKED
INDICATOR_ROWS = IndicatorRows.PERIODS
DEFAULT_PERIODS: int | None = None
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.PERIODS


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """Per period (or category) the series stacked, with the total on top."""
    labels = marks.labels(spec)
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    series_labels = [values.series_label(spec, n) for n in names]
    order = {n: i for i, n in enumerate(series_labels)}
    records = [
        {"xl": labels[r.x], "s": values.series_label(spec, r.series), "v": r.value, "o": order[values.series_label(spec, r.series)]}
        for r in spec.rows if r.x in labels
    ]
    totals = []
    for x in spec.xs():
        vals = [spec.value_at(x, s) for s in names]
        known = [v for v in vals if v is not None]
        if known:
            text = values.value_text(spec, sum(known)) if len(known) == len(vals) else "onvolledig"
            totals.append({"xl": labels[x], "v": sum(known), "t": text, "cur": x == spec.current})
    x = alt.X("xl:N", sort=sort, axis=marks.x_axis(spec, labels, None, wrap=not spec.x_is_period), scale=alt.Scale(paddingInner=0.35))
    y = alt.Y("v:Q", axis=marks.value_axis(spec), scale=marks.value_scale(spec, zero=True), stack="zero")
    layers: list[Any] = [
        alt.Chart(alt.Data(values=records)).mark_bar(invalid="break-paths-show-domains", stroke="#ffffff", strokeWidth=1).encode(
            x=x, y=y,
            color=alt.Color("s:N", scale=marks.colours(spec, names), sort=series_labels, title=spec.series_title),
            order=alt.Order("o:Q", sort="ascending"),
        ),
    ]
    layers += marks.value_labels(alt.Data(values=totals), {"x": alt.X("xl:N", sort=sort), "y": alt.Y("v:Q")}, dy=-5, baseline="bottom")
    layers += marks.norm_rules(spec, horizontal=False)
    layers += marks.note_layers(spec, labels)
    chart = marks.layered(layers, theme.width(spec), theme.height(spec))
    return marks.finish(chart, spec)


def summary(spec: ChartSpec) -> list[str]:
    xs, names = spec.xs(), spec.series_names()
    totals = {}
    incomplete = []
    for x in xs:
        vals = [spec.value_at(x, n) for n in names]
        if any(v is None for v in vals):
            if any(v is not None for v in vals):
                incomplete.append(x)
            continue
        totals[x] = sum(v for v in vals if v is not None)
    sentences = []
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    if at is not None:
        parts = []
        complete = at in totals
        for n in names:
            v = spec.value_at(at, n)
            if v is None:
                parts.append(f"{say.series_name(spec, n)} geen cijfer")
            elif complete and totals[at]:
                parts.append(f"{say.series_name(spec, n)} {say.figure(spec, v)} ({fmt.value(v / totals[at] * 100, 'percentage', 0)})")
            else:
                parts.append(f"{say.series_name(spec, n)} {say.figure(spec, v)}")
        head = f"in {spec.x_label(at)} totaal {say.figure(spec, totals[at])}" if complete else f"in {spec.x_label(at)}"
        sentences.append(f"{head}: {say.and_list(parts)}")
    if len(totals) >= 2:
        first, last = next(iter(totals)), list(totals)[-1]
        sentences.append(
            f"van {spec.x_label(first)} tot {spec.x_label(last)} " + say.movement(spec, "het totaal", totals[first], totals[last])
        )
    if incomplete:
        sentences.append(f"het totaal van {say.and_list([spec.x_label(x) for x in incomplete])} is onvolledig, omdat een cijfer ontbreekt")
    return sentences


def table(spec: ChartSpec) -> cells.Table:
    return cells.series_table(spec, spec.xs(), total=True)


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return config_rules.summed_units(KIND, units)
