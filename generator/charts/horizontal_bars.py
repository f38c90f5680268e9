"""Horizontal bars per category, series side by side: the kind `horizontaal` draws them in
its own order (best first), and the phone form of `gegroepeerd` in its categories' order,
when their names do not fit under narrow columns. Shared here, outside the kind registry,
so neither kind module imports the other."""

from __future__ import annotations

from typing import Any

from generator.charts import marks, text_width, theme, values
from generator.charts.lazy import alt
from generator.charts.model import ChartSpec


def bars(spec: ChartSpec, order: list[str]) -> dict[str, Any]:
    """Horizontal bars per category in `order`, series side by side; also the phone form of
    `gegroepeerd`, whose category names do not fit under narrow columns."""
    labels = marks.labels(spec)
    names = spec.series_names()
    series_labels = [values.series_label(spec, n) for n in names]
    multi = len(names) > 1
    sort = [labels[x] for x in order]
    records = [
        {"xl": labels[r.x], "s": values.series_label(spec, r.series), "v": r.value, "t": values.row_text(spec, r),
         "cur": r.series == spec.current}
        for r in spec.rows if r.x in labels
    ]
    data = alt.Data(values=records)
    # Two lines ("Jeugdhulp" / "Wilgenstroom") where a category has room for them: two bars or more.
    wrap = {"labelExpr": "split(datum.label, ' ')"} if spec.phone and multi else {}
    limit = text_width.label_limit(sort, theme.LABEL_SIZE, 110 if spec.phone else 220, split=bool(wrap))
    y = alt.Y("xl:N", sort=sort, axis=alt.Axis(title=None, labelLimit=limit, domainColor=theme.AXIS, **wrap),
              scale=alt.Scale(paddingInner=0.2))
    xq = alt.X("v:Q", axis=marks.value_axis(spec, grid=True), scale=marks.value_scale(spec, zero=True))
    enc: dict[str, Any] = {"y": y, "x": xq,
                           "color": alt.Color("s:N", scale=marks.colours(spec, names, ramp=True), sort=series_labels, title=spec.series_title,
                                              legend=alt.Legend() if multi else None)}
    if multi:
        enc["yOffset"] = alt.YOffset("s:N", sort=series_labels)
    text_enc = dict(enc)
    text_enc.pop("color")
    layers: list[Any] = [
        alt.Chart(data).mark_bar(invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6).encode(**enc),
    ]
    layers += marks.value_labels(data, text_enc, align="left", baseline="middle", dx=4)
    missing = marks.missing_records(spec, labels, names)
    if missing:
        menc: dict[str, Any] = {"y": alt.Y("xl:N", sort=sort), "x": alt.X("v:Q")}
        if multi:
            menc["yOffset"] = alt.YOffset("s:N", sort=series_labels)
        layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
            align="left", baseline="middle", dx=4, fontSize=12, color=theme.MUTED, fontStyle="italic", text=values.NO_FIGURE_MARK,
        ).encode(**menc))
    layers += marks.norm_rules(spec, horizontal=True)
    layers += marks.category_ticks(spec, labels, sort, horizontal=True)
    layers += marks.note_layers(spec, labels, axis="y")
    step = 18 if multi else 26  # with yOffset the step is per bar, not per category
    chart = marks.layered(layers, theme.width(spec) - 200, alt.Step(step))
    return marks.finish(chart, spec)
