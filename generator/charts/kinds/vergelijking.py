"""Kind `vergelijking`: one indicator for several municipalities or providers side by side
(003's grades per municipality, 000's wait times per provider against the norm), as an
ordered dot plot, best first, with the norm as a dashed rule. A missing figure reads
"n.v.t." as a text mark at the axis, never as a zero. The own municipality (`uitgelicht`)
is told apart by more than colour: its label is bold and its marker a larger diamond.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, config_rules, marks, text_width, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.kinds.horizontaal import sorted_categories
from generator.charts.model import ChartSpec
from generator.core.vocabulary import ChartKind, Direction

KIND = ChartKind.COMPARISON
INDICATOR_ROWS = IndicatorRows.CATEGORIES
DEFAULT_PERIODS: int | None = 1
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.CATEGORIES
NOT_APPLICABLE = "n.v.t."


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    labels = marks.labels(spec)
    first = spec.primary_series()
    sort = [labels[x] for x in sorted_categories(spec)]
    own = labels.get(spec.highlight) if spec.highlight else None
    records = [{"xl": labels[x], "v": v, "t": values.short_text(spec, v), "cur": labels[x] == own}
               for x in spec.xs() if (v := spec.value_at(x, first)) is not None]
    data = alt.Data(values=records)
    bold = f"datum.value === {json.dumps(own, ensure_ascii=False)} ? 'bold' : 'normal'" if own else "'normal'"
    y = alt.Y("xl:N", sort=sort, scale=alt.Scale(paddingInner=0.2), axis=alt.Axis(
        title=None, labelLimit=text_width.label_limit(sort, 12, 110 if spec.phone else 220), domainColor=theme.AXIS, labelFontSize=12,
        labelFontWeight=alt.ExprRef(bold)))  # type: ignore[arg-type]
    x = alt.X("v:Q", axis=marks.value_axis(spec, grid=True), scale=marks.value_scale(spec, zero=True))
    layers: list[Any] = [
        alt.Chart(data).mark_rule(color=theme.AXIS, strokeWidth=1).encode(y=y, x=alt.X("zero:Q"), x2=alt.X2("v")).transform_calculate(zero="0"),
        alt.Chart(data).mark_point(filled=True, opacity=1, size=90, shape="circle", color=theme.PALETTE[0]).encode(
            y=y, x=x).transform_filter("!datum.cur"),
        alt.Chart(data).mark_point(filled=True, opacity=1, size=200, shape="diamond", color=theme.INK).encode(
            y=y, x=x).transform_filter("datum.cur"),
    ]
    layers += marks.value_labels(data, {"y": y, "x": x}, align="left", baseline="middle", dx=9)
    missing = [{"xl": labels[x], "v": 0} for x in spec.xs() if spec.value_at(x, first) is None]
    if missing:
        layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
            align="left", baseline="middle", dx=4, fontSize=12, color=theme.MUTED, fontStyle="italic", text=NOT_APPLICABLE,
        ).encode(y=alt.Y("xl:N", sort=sort), x=alt.X("v:Q")))
    layers += marks.norm_rules(spec, horizontal=True)
    layers += marks.category_ticks(spec, labels, sort, horizontal=True)
    layers += marks.note_layers(spec, labels, axis="y")
    chart = marks.layered(layers, theme.width(spec) - 200, alt.Step(26))
    return marks.finish(chart, spec)


def summary(spec: ChartSpec) -> list[str]:
    first = spec.primary_series()
    order = sorted_categories(spec)
    known = [(x, v) for x in order if (v := spec.value_at(x, first)) is not None]
    sentences = []
    if known:
        word = "van laag naar hoog" if spec.direction == Direction.LOWER_IS_BETTER else "van hoog naar laag"
        sentences.append(f"{spec.title}, {word}: " + say.and_list([f"{spec.x_label(x)} {say.figure(spec, v)}" for x, v in known]))
    if spec.highlight in spec.xs():
        place = [x for x, _ in known].index(spec.highlight) + 1 if spec.highlight in dict(known) else None
        own = spec.x_label(spec.highlight)
        sentences.append(f"{own} (uitgelicht) staat op plaats {place} van {len(known)}" if place
                         else f"voor {own} (uitgelicht) is geen cijfer ({NOT_APPLICABLE})")
    missing = [spec.x_label(x) for x in order if spec.value_at(x, first) is None]
    if missing:
        sentences.append(f"geen cijfer ({NOT_APPLICABLE}) bij {say.and_list(missing)}")
    sentences += say.verdict(spec, known, first)
    return sentences


def table(spec: ChartSpec) -> cells.Table:
    out = cells.series_table(spec, sorted_categories(spec))
    own = spec.x_label(spec.highlight) if spec.highlight in spec.xs() else None
    return dataclasses.replace(out, current=own)


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return config_rules.one_unit(KIND, units)
