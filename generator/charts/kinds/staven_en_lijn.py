"""Kind `staven en lijn`: per period a bar per series (side by side) with the total of the
series as a line over them (000's clients per quarter for ingekochte zorg and wijkteam
with the total; 004's benefits with inflow and outflow). The total is only drawn where
every series has a figure: a missing part breaks the line and the total reads
"onvolledig". Series are added up, so they share one unit that can be summed.
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, config_rules, marks, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.model import ChartSpec
from generator.core.vocabulary import ChartKind

KIND = ChartKind.BARS_AND_LINE
INDICATOR_ROWS = IndicatorRows.PERIODS
DEFAULT_PERIODS: int | None = None
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.PERIODS
TOTAL = "Totaal"


def totals(spec: ChartSpec) -> dict[str, float | None]:
    """Per x the sum of the series; None where a series has no figure."""
    names = spec.series_names()
    out: dict[str, float | None] = {}
    for x in spec.xs():
        vals = [spec.value_at(x, n) for n in names]
        out[x] = None if any(v is None for v in vals) else sum(v for v in vals if v is not None)
    return out


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    labels = marks.labels(spec)
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    series_labels = [values.series_label(spec, n) for n in names]
    bars = [{"xl": labels[r.x], "s": values.series_label(spec, r.series), "v": r.value}
            for r in spec.rows if r.x in labels]
    line = [{"xl": labels[x], "s": TOTAL, "v": v, "t": values.value_text(spec, v) if v is not None else "onvolledig"}
            for x, v in totals(spec).items()]
    palette = marks.colours(spec, names)
    colour = alt.Color("s:N", title=spec.series_title, sort=series_labels + [TOTAL],
                       scale=alt.Scale(domain=series_labels + [TOTAL], range=list(palette.range) + [theme.INK]))  # type: ignore[arg-type]
    x = alt.X("xl:N", sort=sort, axis=marks.x_axis(spec, labels, None), scale=alt.Scale(paddingInner=0.25, paddingOuter=0.15))
    y = alt.Y("v:Q", axis=marks.value_axis(spec), scale=marks.value_scale(spec, zero=True))
    layers: list[Any] = []
    if spec.current is not None and spec.current in labels:
        layers.append(alt.Chart(alt.Data(values=[{"xl": labels[spec.current]}])).mark_rect(color=theme.CURRENT_BAND).encode(
            x=alt.X("xl:N", sort=sort)))
    layers += marks.note_layers(spec, labels)
    layers.append(alt.Chart(alt.Data(values=bars)).mark_bar(
        invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6,
    # A small white gap between a group's bars: adjacent series colours are not 3:1 apart.
    ).encode(x=x, y=y, color=colour, xOffset=alt.XOffset("s:N", sort=series_labels, scale=alt.Scale(paddingInner=0.08))))
    missing = marks.missing_records(spec, labels, names)
    if missing:
        layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
            angle=270, align="left", baseline="middle", dx=4, fontSize=10, color=theme.MUTED, text=values.NO_FIGURE_MARK,
        ).encode(x=alt.X("xl:N", sort=sort), y=alt.Y("v:Q"), xOffset=alt.XOffset("s:N", sort=series_labels, scale=alt.Scale(paddingInner=0.08))))
    total_data = alt.Data(values=line)
    mid = alt.X("xl:N", sort=sort, bandPosition=0.5)  # the line runs through the middle of each group of bars
    layers.append(alt.Chart(total_data).mark_line(invalid="break-paths-show-domains", strokeWidth=2.5).encode(x=mid, y=y, color=colour))
    layers.append(alt.Chart(total_data).mark_point(filled=True, opacity=1, size=60, shape="diamond", invalid="filter").encode(
        x=mid, y=y, color=colour))
    layers += marks.value_labels(alt.Data(values=[r for r in line if r["v"] is not None]),
                                 {"x": mid, "y": alt.Y("v:Q")}, dy=-10, baseline="bottom")
    layers += marks.norm_rules(spec, horizontal=False)
    chart = marks.layered(layers, theme.WIDTH, theme.HEIGHT)
    return marks.finish(chart, spec)


def summary(spec: ChartSpec) -> list[str]:
    xs, names = spec.xs(), spec.series_names()
    sums = totals(spec)
    sentences = []
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    if at is not None:
        parts = []
        for n in names:
            v = spec.value_at(at, n)
            parts.append(f"{say.series_name(spec, n)} {say.figure(spec, v) if v is not None else 'geen cijfer'}")
        total = sums.get(at)
        head = f"in {spec.x_label(at)} totaal {say.figure(spec, total)}" if total is not None else f"in {spec.x_label(at)} (totaal onvolledig)"
        sentences.append(f"{head}: {say.and_list(parts)}")
    known = [(x, v) for x, v in sums.items() if v is not None]
    if len(known) >= 2:
        (first, a), (last, b) = known[0], known[-1]
        sentences.append(f"van {spec.x_label(first)} tot {spec.x_label(last)} " + say.movement(spec, "het totaal", a, b))
    incomplete = [x for x, v in sums.items() if v is None and any(spec.value_at(x, n) is not None for n in names)]
    if incomplete:
        sentences.append(f"het totaal van {say.and_list([spec.x_label(x) for x in incomplete])} is onvolledig, omdat een cijfer ontbreekt")
    return sentences


def table(spec: ChartSpec) -> cells.Table:
    return cells.series_table(spec, spec.xs(), total=True)


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return config_rules.summed_units(KIND, units)
