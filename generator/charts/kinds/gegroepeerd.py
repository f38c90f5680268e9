"""Kind `gegroepeerd`: categories (providers) along the axis, groups (periods) side by
side from light (old) to dark (current); a chart-wide norm as a dashed rule, differing
targets as ticks.
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, horizontal_bars, marks, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.model import ChartSpec
from generator.core.vocabulary import ChartKind

KIND = ChartKind.GROUPED
INDICATOR_ROWS = IndicatorRows.CATEGORIES
DEFAULT_PERIODS: int | None = 4
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.CATEGORIES


# Width of one character of 12 px chart text (Liberation Sans, the metrics Vega lays out with).
_CHAR_PX = 7


def _names_fit(spec: ChartSpec, labels: dict[str, str]) -> bool:
    """Whether every category name fits under its column, one word per line: else Vega
    would leave names out and bars would stand unnamed."""
    slot = (theme.width(spec) - 60) / max(1, len(labels))
    longest = max((len(word) for label in labels.values() for word in label.split()), default=0)
    return longest * _CHAR_PX <= slot


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """Categories (e.g. providers) on x, groups (e.g. periods) side by side, against a norm."""
    labels = marks.labels(spec)
    if spec.phone and not _names_fit(spec, labels):
        return horizontal_bars.bars(spec, spec.xs())  # on a phone: a row per category, every name shown
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    series_labels = [values.series_label(spec, n) for n in names]
    records = [
        {"xl": labels[r.x], "s": values.series_label(spec, r.series), "v": r.value, "t": values.row_text(spec, r),
         "cur": r.series == spec.current or r.x == spec.current}
        for r in spec.rows if r.x in labels
    ]
    data = alt.Data(values=records)
    x = alt.X("xl:N", sort=sort, axis=marks.x_axis(spec, labels, None, wrap=True), scale=alt.Scale(paddingInner=0.25))
    y = alt.Y("v:Q", axis=marks.value_axis(spec), scale=marks.value_scale(spec, zero=True))
    offset = alt.XOffset("s:N", sort=series_labels, scale=alt.Scale(paddingInner=0.08))
    colour = alt.Color("s:N", scale=marks.colours(spec, names, ramp=True), title=spec.series_title,
                       sort=series_labels, legend=alt.Legend() if len(names) > 1 else None)
    layers: list[Any] = [
        alt.Chart(data).mark_bar(invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6).encode(
            x=x, y=y, xOffset=offset, color=colour,
        )
    ]
    labels_layers = marks.value_labels(data, {"x": x, "y": y, "xOffset": offset}, dy=-3, baseline="bottom", fontSize=12)
    layers += labels_layers if len(records) <= 16 else labels_layers[1:]  # many bars: only the current ones
    missing = marks.missing_records(spec, labels, names)
    # A phone has bar slots narrower than the "geen cijfer" text is high (it would overlap its
    # neighbour): there, with many bars, the missing figures are in the summary and the table only.
    if missing and not (spec.phone and len(labels) * len(names) > 12):
        layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
            angle=270, align="left", baseline="middle", dx=4, fontSize=12, color=theme.MUTED, text=values.NO_FIGURE_MARK,
        ).encode(x=alt.X("xl:N", sort=sort), y=alt.Y("v:Q"), xOffset=alt.XOffset("s:N", sort=series_labels)))
    layers += marks.norm_rules(spec, horizontal=False)
    layers += marks.category_ticks(spec, labels, sort, horizontal=False)
    layers += marks.note_layers(spec, labels)
    chart = marks.layered(layers, theme.width(spec), theme.height(spec))
    return marks.finish(chart, spec)


def summary(spec: ChartSpec) -> list[str]:
    groups = spec.series_names()
    current = spec.current if spec.current in groups else (groups[-1] if groups else "")
    xs = spec.xs()
    sentences = []
    values = [(x, spec.value_at(x, current)) for x in xs]
    known = [(x, v) for x, v in values if v is not None]
    when = f"in {current}" if current else ""
    if known:
        sentences.append(f"{spec.title} {when}: " + say.and_list([f"{spec.x_label(x)} {_figure(spec, x, current, v)}" for x, v in known]).strip())
    missing = [spec.x_label(x) for x, v in values if v is None]
    if missing:
        sentences.append(f"geen cijfer {when} van {say.and_list(missing)}".replace("  ", " "))
    sentences += say.verdict(spec, known, current)
    if len(groups) > 1:
        sentences.append(f"ter vergelijking toont de grafiek ook {say.and_list([g for g in groups if g != current])}")
    return sentences


def _figure(spec: ChartSpec, x: str, series: str, v: float) -> str:
    """The figure with its mark ("< 28 dagen", "74 dagen (schatting)"), as the table writes it."""
    row = spec.row_at(x, series)
    return values.marked(say.figure(spec, v), row.comparator, row.estimate) if row is not None else say.figure(spec, v)


def table(spec: ChartSpec) -> cells.Table:
    return cells.series_table(spec, spec.xs(), current_group=True)


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return []
