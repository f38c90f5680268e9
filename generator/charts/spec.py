"""Chart kinds -> Vega-Lite specs, built with Altair.

One function per kind. Each takes a `ChartSpec` and returns a Vega-Lite dict
(`to_dict(validate=False)`: the schema check costs more than the whole render and the
specs are ours). Labels on marks are formatted here with `generator.core.formatting`, so a
chart says "€ 1.800" exactly as the page does; axis ticks get the nl-NL locale from
vl-convert. A value of None is "no figure": a gap in a line, a "geen cijfer" mark in
bars, never a zero.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import altair as alt
from altair.utils.schemapi import debug_mode

from generator.core import formatting as fmt
from generator.charts import theme
from generator.charts.model import ChartSpec, ChartTarget
from generator.core.targets import Target

NO_FIGURE_MARK = "geen cijfer"


# -- helpers -------------------------------------------------------------------------


def decimals(spec: ChartSpec) -> int:
    return fmt.DEFAULT_DECIMALS.get(spec.unit, 0) if spec.decimals is None else spec.decimals


def value_text(spec: ChartSpec, v: float | None) -> str:
    return fmt.value(v, spec.unit, spec.decimals) if v is not None else NO_FIGURE_MARK


def short_text(spec: ChartSpec, v: float | None) -> str:
    """Label on a mark: the unit only where it is a symbol (79% · € 1.805 · 7,5); the axis names the rest."""
    if v is None:
        return NO_FIGURE_MARK
    if spec.unit in ("percentage", "euro", "rapportcijfer", "aantal"):
        return fmt.value(v, spec.unit, spec.decimals)
    return fmt.number(v, decimals(spec))


def as_target(t: ChartTarget) -> Target:
    return Target(t.comparator, t.value, t.high)


def _labels(spec: ChartSpec) -> dict[str, str]:
    """x key -> label on the axis; keys stand in where two labels would be the same."""
    xs = spec.xs()
    labels = {x: spec.x_label(x) for x in xs}
    if len(set(labels.values())) < len(labels):
        return {x: x for x in xs}
    return labels


def _series_label(spec: ChartSpec, name: str) -> str:
    return name or spec.title


def _colours(spec: ChartSpec, names: list[str]) -> alt.Scale:
    if spec.kind in ("gegroepeerd", "horizontaal") and spec.current is not None and spec.current in names:
        # Periods side by side: light (old) to dark (current).
        ramp = theme.SEQUENTIAL[-len(names):] if len(names) <= len(theme.SEQUENTIAL) else None
        if ramp:
            return alt.Scale(domain=[_series_label(spec, n) for n in names], range=ramp)
    palette = [theme.PALETTE[i % len(theme.PALETTE)] for i in range(len(names))]
    return alt.Scale(domain=[_series_label(spec, n) for n in names], range=palette)


def _shapes(spec: ChartSpec, names: list[str]) -> alt.Scale:
    return alt.Scale(
        domain=[_series_label(spec, n) for n in names],
        range=[theme.SHAPES[i % len(theme.SHAPES)] for i in range(len(names))],
    )


def _value_axis(spec: ChartSpec, title: str | None = None, grid: bool = True) -> alt.Axis:
    kwargs: dict[str, Any] = {"format": theme.number_format(spec.unit, _tick_decimals(spec)), "grid": grid}
    if _tick_decimals(spec) == 0:
        kwargs["tickMinStep"] = 1  # small counts: 0 1 2 3, never 0 0 1 1
    expr = theme.axis_label_expr(spec.unit)
    if expr:
        kwargs["labelExpr"] = expr
    return alt.Axis(title=title if title is not None else theme.UNIT_TITLES.get(spec.unit, ""), tickCount=6, **kwargs)


def _tick_decimals(spec: ChartSpec) -> int:
    # Rapportcijfers step by halves (7,0 · 7,5); others show whole numbers on the axis.
    return 1 if spec.unit == "rapportcijfer" else 0


def _value_scale(spec: ChartSpec, zero: bool) -> alt.Scale:
    lo, hi = spec.axis_min, spec.axis_max
    if lo is not None and hi is not None:
        return alt.Scale(domain=[lo, hi], nice=False, zero=False)
    if lo is not None:
        return alt.Scale(domainMin=lo, zero=False, nice=True)
    if hi is not None:
        return alt.Scale(domainMax=hi, zero=zero, nice=True)
    # Lines need not start at zero; a little room keeps points off the plot's edge.
    return alt.Scale(zero=True, nice=True) if zero else alt.Scale(zero=False, nice=True, padding=14)


def _x_axis(spec: ChartSpec, labels: dict[str, str], title: str | None, wrap: bool = False) -> alt.Axis:
    kwargs: dict[str, Any] = {"title": title, "labelAngle": 0, "labelLimit": 160, "domainColor": theme.AXIS}
    current = labels.get(spec.current) if spec.current is not None else None
    if current is not None:
        kwargs["labelFontWeight"] = {"condition": {"test": f"datum.value === {_js(current)}", "value": "bold"}, "value": "normal"}
    if wrap:
        kwargs["labelExpr"] = "split(datum.label, ' ')"
    return alt.Axis(**kwargs)


def _js(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def _target_records(spec: ChartSpec, labels: dict[str, str]) -> list[dict[str, Any]]:
    """Per-x targets as records: xl, series label, low, high, text."""
    out = []
    for t in spec.targets:
        if t.x is None or t.x not in labels:
            continue
        out.append({
            "xl": labels[t.x], "s": t.series, "lo": t.value, "hi": t.high if t.high is not None else t.value,
            "range": t.comparator == "range", "tt": fmt.target(as_target(t), spec.unit, spec.decimals),
        })
    return out


def _global_targets(spec: ChartSpec) -> list[ChartTarget]:
    return [t for t in spec.targets if t.x is None]


def _target_name(spec: ChartSpec, series: str, per_series: bool) -> str:
    return f"{spec.target_name} {series}" if per_series and series else spec.target_name


def _target_key(entries: list[tuple[str, str, bool]], solid: bool = False) -> list[Any]:
    """A key above the plot: a line sample and the target in words, one row per target.

    Labels next to the lines would collide with data; above the plot they never do.
    entries: (text, colour, is_band).
    """
    layers: list[Any] = []
    one = alt.Data(values=[{}])
    for i, (text, colour, band) in enumerate(entries):
        y = -14 - 18 * (len(entries) - 1 - i)  # first entry on top
        if band:
            layers.append(alt.Chart(one).mark_rect(color=theme.TARGET_BAND, opacity=0.35).encode(
                x=alt.XValue(0), x2=alt.X2Value(26), y=alt.YValue(y - 5), y2=alt.Y2Value(y + 5)))
        dash = {} if solid else {"strokeDash": [6, 4]}
        layers.append(alt.Chart(one).mark_rule(color=colour, strokeWidth=2.5 if solid else 1.5, **dash).encode(
            x=alt.XValue(0), x2=alt.X2Value(26), y=alt.YValue(y)))
        layers.append(alt.Chart(one).mark_text(align="left", baseline="middle", fontSize=13, color=theme.INK).encode(
            x=alt.XValue(32), y=alt.YValue(y), text=alt.TextValue(text)))
    return layers


def _layered(layers: list[Any], width: Any, height: Any, **kwargs: Any) -> alt.LayerChart:
    # One LayerChart made at once: alt.layer(...).properties(...) copies every layer twice.
    return alt.LayerChart(layer=layers, width=width, height=height, **kwargs)


def _finish(chart: Any, spec: ChartSpec) -> dict[str, Any]:
    out = chart.to_dict(validate=False)
    out["config"] = theme.CONFIG
    out["description"] = spec.title
    return out


def _note_layers(spec: ChartSpec, labels: dict[str, str], axis: str = "x") -> list[alt.Chart]:
    notes = [{"xl": labels[n.x], "text": n.text} for n in spec.notes if n.x in labels]
    if not notes:
        return []
    data = alt.Data(values=notes)
    sort = list(labels.values())
    enc = alt.X("xl:N", sort=sort) if axis == "x" else alt.Y("xl:N", sort=sort)
    rule = alt.Chart(data).mark_rule(color=theme.MUTED, strokeDash=[2, 3], strokeWidth=1.5).encode(enc)
    text = alt.Chart(data).mark_text(
        align="left", baseline="top", dx=4, y=2, fontSize=11, color=theme.MUTED, fontStyle="italic",
    ).encode(enc, text=alt.Text("text:N"))
    return [rule, text]


def _value_labels(data: alt.Data, enc: dict[str, Any], **mark: Any) -> list[Any]:
    """Value labels on marks: the current period in bold; no label where there is no figure."""
    base = dict(fontSize=12, color=theme.INK)
    base.update(mark)
    return [
        alt.Chart(data).mark_text(**base).encode(**enc, text=alt.Text("t:N")).transform_filter("datum.v != null && !datum.cur"),
        alt.Chart(data).mark_text(fontWeight="bold", **base).encode(**enc, text=alt.Text("t:N")).transform_filter("datum.v != null && datum.cur"),
    ]


def _missing_records(spec: ChartSpec, labels: dict[str, str], names: list[str]) -> list[dict[str, Any]]:
    out = []
    present = {(r.x, r.series): r.value for r in spec.rows}
    for x in spec.xs():
        for s in names:
            if present.get((x, s), None) is None:
                out.append({"xl": labels[x], "s": _series_label(spec, s), "v": 0})
    return out


# -- kinds ---------------------------------------------------------------------------


def line(spec: ChartSpec, bars: bool = False) -> dict[str, Any]:
    """Trend per period and series; target as a dashed step line (or band); current period marked."""
    labels = _labels(spec)
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    multi = len(names) > 1
    records = [
        {"xl": labels[r.x], "s": _series_label(spec, r.series), "v": r.value, "t": short_text(spec, r.value),
         "cur": r.x == spec.current}
        for r in spec.rows if r.x in labels
    ]
    data = alt.Data(values=records)
    x = alt.X("xl:N", sort=sort, axis=_x_axis(spec, labels, None), scale=alt.Scale(padding=0.5) if not bars else alt.Scale(paddingInner=0.25, paddingOuter=0.15))
    y = alt.Y("v:Q", axis=_value_axis(spec), scale=_value_scale(spec, zero=bars))
    colour = alt.Color("s:N", scale=_colours(spec, names), title=spec.series_title,
                       legend=alt.Legend(symbolType="stroke") if multi and not bars else (alt.Legend() if multi else None))
    layers: list[Any] = []

    if spec.current is not None and spec.current in labels:
        band = alt.Chart(alt.Data(values=[{"xl": labels[spec.current]}])).mark_rect(
            color=theme.CURRENT_BAND, opacity=1,
        ).encode(
            x=alt.X("xl:N", sort=sort),
        )
        if bars:
            layers.append(band)
        else:
            layers.append(alt.Chart(alt.Data(values=[{"xl": labels[spec.current]}])).mark_rule(
                color=theme.CURRENT_BAND, strokeWidth=34,
            ).encode(x=alt.X("xl:N", sort=sort)))

    targets = _period_target_layers(spec, labels, sort, bars)
    if not bars:  # lines are drawn over the target; a target tick is drawn over a bar
        layers += targets
    layers += _note_layers(spec, labels)

    if bars:
        enc: dict[str, Any] = {"x": x, "y": y, "color": colour}
        if multi:
            enc["xOffset"] = alt.XOffset("s:N", sort=[_series_label(spec, n) for n in names])
        layers.append(alt.Chart(data).mark_bar(
            invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6,
        ).encode(**enc))
        missing = _missing_records(spec, labels, names)
        if missing:
            menc: dict[str, Any] = {"x": alt.X("xl:N", sort=sort), "y": alt.Y("v:Q")}
            if multi:
                menc["xOffset"] = alt.XOffset("s:N", sort=[_series_label(spec, n) for n in names])
            layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
                angle=270, align="left", baseline="middle", dx=4, fontSize=10, color=theme.MUTED, text=NO_FIGURE_MARK,
            ).encode(**menc))
        layers += targets
        if not multi:
            layers += _value_labels(data, {"x": x, "y": y}, dy=-5, baseline="bottom")
    else:
        # Colour and shape on the same field and title: Vega-Lite draws one legend with both.
        shape = alt.Shape("s:N", scale=_shapes(spec, names), title=spec.series_title, legend=alt.Legend() if multi else None)
        colour = alt.Color("s:N", scale=_colours(spec, names), title=spec.series_title, legend=alt.Legend() if multi else None)
        layers.append(alt.Chart(data).mark_line(
            invalid="break-paths-show-domains", strokeWidth=2.5, interpolate="linear",
        ).encode(x=x, y=y, color=colour))
        layers.append(alt.Chart(data).mark_point(filled=True, opacity=1, invalid="filter").encode(
            x=x, y=y, color=colour, shape=shape,
            size=alt.SizeValue(50, condition={"test": "datum.cur", "value": 130}),
        ))
        if not multi:
            layers += _value_labels(data, {"x": x, "y": y}, dy=-12)

    chart = _layered(layers, theme.WIDTH, theme.HEIGHT)
    return _finish(chart, spec)


def _period_target_layers(spec: ChartSpec, labels: dict[str, str], sort: list[str], bars: bool) -> list[Any]:
    """Targets per period: a dashed (step) line per distinct target series, or a band for ranges."""
    records = _target_records(spec, labels)
    layers: list[Any] = []
    for t in _global_targets(spec):  # a norm for the whole chart
        for rec_x in labels.values():
            records.append({"xl": rec_x, "s": t.series, "lo": t.value, "hi": t.high if t.high is not None else t.value,
                            "range": t.comparator == "range", "tt": fmt.target(as_target(t), spec.unit, spec.decimals)})
    if not records:
        return layers
    # Series that share every target draw one line.
    by_series: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_series.setdefault(rec["s"], []).append(rec)
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for s, recs in by_series.items():
        key = [(r["xl"], r["lo"], r["hi"]) for r in recs]
        same = next((g for g in groups if [(r["xl"], r["lo"], r["hi"]) for r in g[1]] == key), None)
        if same is None:
            groups.append((s, recs))
    per_series = len(groups) > 1
    names = spec.series_names()
    interpolate = "step"
    xenc = alt.X("xl:N", sort=sort)
    key: list[tuple[str, str, bool]] = []
    for s, recs in groups:
        name = _target_name(spec, s, per_series)
        colour = theme.PALETTE[names.index(s) % len(theme.PALETTE)] if per_series and s in names else theme.TARGET
        data = alt.Data(values=recs)
        band = any(r["range"] for r in recs)
        if band and not bars:
            layers.append(alt.Chart(data).mark_area(
                interpolate=interpolate, color=theme.TARGET_BAND, opacity=0.35,
            ).encode(xenc, y=alt.Y("lo:Q"), y2=alt.Y2("hi:Q")))
        for edge in ("lo", "hi") if band else ("lo",):
            if bars:  # a bar chart marks the target on every bar: a dark tick across it
                step = theme.WIDTH / max(1, len(labels))
                layers.append(alt.Chart(data).mark_tick(
                    color=colour, thickness=2.5, size=step * 0.9, opacity=1,
                ).encode(xenc, y=alt.Y(f"{edge}:Q")))
            else:
                layers.append(alt.Chart(data).mark_line(
                    interpolate=interpolate, color=colour, strokeDash=[6, 4], strokeWidth=1.5,
                ).encode(xenc, y=alt.Y(f"{edge}:Q")))
        texts = list(dict.fromkeys(r["tt"] for r in recs))
        when = f" (nu {texts[-1]})" if len(texts) > 1 else ""
        key.append((f"{name}: {texts[-1]}" if not when else f"{name}{when}", colour, band and not bars))
    layers += _target_key(key, solid=bars)
    return layers


def bars(spec: ChartSpec) -> dict[str, Any]:
    return line(spec, bars=True)


def grouped(spec: ChartSpec) -> dict[str, Any]:
    """Categories (e.g. providers) on x, groups (e.g. periods) side by side, against a norm."""
    labels = _labels(spec)
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    series_labels = [_series_label(spec, n) for n in names]
    records = [
        {"xl": labels[r.x], "s": _series_label(spec, r.series), "v": r.value, "t": short_text(spec, r.value),
         "cur": r.series == spec.current or r.x == spec.current}
        for r in spec.rows if r.x in labels
    ]
    data = alt.Data(values=records)
    x = alt.X("xl:N", sort=sort, axis=_x_axis(spec, labels, None, wrap=True), scale=alt.Scale(paddingInner=0.25))
    y = alt.Y("v:Q", axis=_value_axis(spec), scale=_value_scale(spec, zero=True))
    offset = alt.XOffset("s:N", sort=series_labels, scale=alt.Scale(paddingInner=0.08))
    colour = alt.Color("s:N", scale=_colours(spec, names), title=spec.series_title,
                       sort=series_labels, legend=alt.Legend() if len(names) > 1 else None)
    layers: list[Any] = [
        alt.Chart(data).mark_bar(invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6).encode(
            x=x, y=y, xOffset=offset, color=colour,
        )
    ]
    labels_layers = _value_labels(data, {"x": x, "y": y, "xOffset": offset}, dy=-3, baseline="bottom", fontSize=10)
    layers += labels_layers if len(records) <= 16 else labels_layers[1:]  # many bars: only the current ones
    missing = _missing_records(spec, labels, names)
    if missing:
        layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
            angle=270, align="left", baseline="middle", dx=4, fontSize=10, color=theme.MUTED, text=NO_FIGURE_MARK,
        ).encode(x=alt.X("xl:N", sort=sort), y=alt.Y("v:Q"), xOffset=alt.XOffset("s:N", sort=series_labels)))
    layers += _norm_rules(spec, horizontal=False)
    layers += _category_ticks(spec, labels, sort, horizontal=False)
    layers += _note_layers(spec, labels)
    chart = _layered(layers, theme.WIDTH, theme.HEIGHT)
    return _finish(chart, spec)


def _category_ticks(spec: ChartSpec, labels: dict[str, str], sort: list[str], horizontal: bool) -> list[Any]:
    """Targets per category (they differ): a dark tick across each category's bars."""
    records = [
        {"xl": labels[t.x], "v": v} for t in spec.targets if t.x is not None and t.x in labels
        for v in [t.value] + ([t.high] if t.high is not None else [])
    ]
    if not records:
        return []
    band = (theme.WIDTH - (200 if horizontal else 0)) / max(1, len(labels)) if not horizontal else 22
    data = alt.Data(values=records)
    if horizontal:
        enc = {"y": alt.Y("xl:N", sort=sort), "x": alt.X("v:Q")}
        tick = alt.Chart(data).mark_tick(orient="vertical", thickness=2.5, size=band, color=theme.TARGET, opacity=1)
    else:
        enc = {"x": alt.X("xl:N", sort=sort), "y": alt.Y("v:Q")}
        tick = alt.Chart(data).mark_tick(orient="horizontal", thickness=2.5, size=band * 0.85, color=theme.TARGET, opacity=1)
    return [tick.encode(**enc)] + _target_key([(f"{spec.target_name} (verschilt per {spec.x_title.lower()}; zie de tabel)", theme.TARGET, False)], solid=True)


def _norm_rules(spec: ChartSpec, horizontal: bool) -> list[Any]:
    """Chart-wide targets as a dashed rule across the plot, named in the key above it."""
    layers: list[Any] = []
    targets = _global_targets(spec)
    key: list[tuple[str, str, bool]] = []
    for t in targets:
        name = _target_name(spec, t.series, len(targets) > 1)
        key.append((f"{name}: {fmt.target(as_target(t), spec.unit, spec.decimals)}", theme.TARGET, False))
        for v in [t.value] + ([t.high] if t.high is not None else []):
            enc = {"x": alt.X("v:Q")} if horizontal else {"y": alt.Y("v:Q")}
            layers.append(alt.Chart(alt.Data(values=[{"v": v}])).mark_rule(
                color=theme.TARGET, strokeDash=[6, 4], strokeWidth=1.5,
            ).encode(**enc))
    return layers + _target_key(key)


def stacked(spec: ChartSpec) -> dict[str, Any]:
    """Per period (or category) the series stacked, with the total on top."""
    labels = _labels(spec)
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    series_labels = [_series_label(spec, n) for n in names]
    order = {n: i for i, n in enumerate(series_labels)}
    records = [
        {"xl": labels[r.x], "s": _series_label(spec, r.series), "v": r.value, "o": order[_series_label(spec, r.series)]}
        for r in spec.rows if r.x in labels
    ]
    totals = []
    for x in spec.xs():
        vals = [spec.value_at(x, s) for s in names]
        known = [v for v in vals if v is not None]
        if known:
            text = value_text(spec, sum(known)) if len(known) == len(vals) else "onvolledig"
            totals.append({"xl": labels[x], "v": sum(known), "t": text, "cur": x == spec.current})
    x = alt.X("xl:N", sort=sort, axis=_x_axis(spec, labels, None, wrap=not spec.x_is_period), scale=alt.Scale(paddingInner=0.35))
    y = alt.Y("v:Q", axis=_value_axis(spec), scale=_value_scale(spec, zero=True), stack="zero")
    layers: list[Any] = [
        alt.Chart(alt.Data(values=records)).mark_bar(invalid="break-paths-show-domains", stroke="#ffffff", strokeWidth=1).encode(
            x=x, y=y,
            color=alt.Color("s:N", scale=_colours(spec, names), sort=series_labels, title=spec.series_title),
            order=alt.Order("o:Q", sort="ascending"),
        ),
    ]
    layers += _value_labels(alt.Data(values=totals), {"x": alt.X("xl:N", sort=sort), "y": alt.Y("v:Q")}, dy=-5, baseline="bottom")
    layers += _norm_rules(spec, horizontal=False)
    layers += _note_layers(spec, labels)
    chart = _layered(layers, theme.WIDTH, theme.HEIGHT)
    return _finish(chart, spec)


def shares(spec: ChartSpec) -> dict[str, Any]:
    """Parts of a whole: a donut with outside labels, or a single 100% bar."""
    names = spec.series_names()
    # Shares are of one x (the current period, or the only one); series are the parts.
    x = spec.current if spec.current in spec.xs() else (spec.xs()[-1] if spec.xs() else None)
    parts = share_parts(spec, x)
    series_labels = [_series_label(spec, n) for n in names]
    order = {n: i for i, n in enumerate(series_labels)}
    records = [
        {"s": label, "v": v, "share": share, "o": order[label],
         "t": f"{label}: {fmt.value(share * 100, 'percentage', 0)}"}
        for label, v, share in parts
    ]
    data = alt.Data(values=records)
    if spec.shape == "balk":
        # One 100% bar; the legend names each part with its share, in the bar's order.
        palette = [theme.PALETTE[names.index(n) % len(theme.PALETTE)] if n in names else theme.MUTED
                   for n in (next((m for m in names if _series_label(spec, m) == r["s"]), "") for r in records)]
        bar = alt.Chart(data).mark_bar(stroke="#ffffff", strokeWidth=2, height=40).encode(
            x=alt.X("v:Q", stack="normalize", axis=None),
            color=alt.Color("t:N", sort=[r["t"] for r in records], title=spec.series_title,
                            scale=alt.Scale(domain=[r["t"] for r in records], range=palette),
                            legend=alt.Legend(columns=min(4, max(1, len(records))))),
            order=alt.Order("o:Q"),
        )
        return _finish(_layered([bar], theme.WIDTH, 44), spec)
    total = sum(v for _, v, _ in parts)
    width, height, outer = theme.WIDTH, 310, 115
    center = [{"t": ["Totaal", value_text(spec, total)]}]
    base = alt.Chart(data).encode(theta=alt.Theta("v:Q", stack=True), order=alt.Order("o:Q"))
    # Every part is named next to its arc, so no legend. Label positions are computed here
    # (clockwise from 12 o'clock, as Vega draws arcs) so that labels on the left end at the
    # arc and labels on the right start there: long names never run over the donut.
    labels, start = [], 0.0
    for rec in records:
        mid = (start + rec["share"] / 2) * 2 * math.pi
        start += rec["share"]
        labels.append({
            "t": rec["t"], "side": "right" if math.sin(mid) >= 0 else "left",
            "px": width / 2 + (outer + 12) * math.sin(mid), "py": height / 2 - (outer + 12) * math.cos(mid),
        })
    arcs = base.mark_arc(innerRadius=70, outerRadius=outer, stroke="#ffffff", strokeWidth=2).encode(
        color=alt.Color("s:N", scale=_colours(spec, names), sort=series_labels, legend=None))
    texts = [
        alt.Chart(alt.Data(values=[rec for rec in labels if rec["side"] == side])).mark_text(
            align="left" if side == "right" else "right", baseline="middle", fontSize=12, color=theme.INK,
        ).encode(x=alt.X("px:Q", scale=None), y=alt.Y("py:Q", scale=None), text=alt.Text("t:N"))
        for side in ("right", "left") if any(rec["side"] == side for rec in labels)
    ]
    middle = alt.Chart(alt.Data(values=center)).mark_text(fontSize=13, color=theme.INK, lineHeight=18).encode(text=alt.Text("t:N"))
    chart = _layered([arcs, *texts, middle], width, height)
    return _finish(chart, spec)


def share_parts(spec: ChartSpec, x: str | None) -> list[tuple[str, float, float]]:
    """(label, value, share of the total) per series with a positive value at `x`."""
    if x is None:
        return []
    vals = [(_series_label(spec, n), spec.value_at(x, n)) for n in spec.series_names()]
    known = [(label, v) for label, v in vals if v is not None and v > 0]
    total = sum(v for _, v in known)
    return [(label, v, v / total) for label, v in known] if total else []


def horizontal(spec: ChartSpec) -> dict[str, Any]:
    """Comparisons: one bar per category, sorted high to low, the target as a rule."""
    labels = _labels(spec)
    names = spec.series_names()
    series_labels = [_series_label(spec, n) for n in names]
    multi = len(names) > 1
    sort = [labels[x] for x in sorted_categories(spec)]
    records = [
        {"xl": labels[r.x], "s": _series_label(spec, r.series), "v": r.value, "t": short_text(spec, r.value),
         "cur": r.series == spec.current}
        for r in spec.rows if r.x in labels
    ]
    data = alt.Data(values=records)
    y = alt.Y("xl:N", sort=sort, axis=alt.Axis(title=None, labelLimit=220, domainColor=theme.AXIS),
              scale=alt.Scale(paddingInner=0.2))
    xq = alt.X("v:Q", axis=_value_axis(spec, grid=True), scale=_value_scale(spec, zero=True))
    enc: dict[str, Any] = {"y": y, "x": xq,
                           "color": alt.Color("s:N", scale=_colours(spec, names), sort=series_labels, title=spec.series_title,
                                              legend=alt.Legend() if multi else None)}
    if multi:
        enc["yOffset"] = alt.YOffset("s:N", sort=series_labels)
    text_enc = dict(enc)
    text_enc.pop("color")
    layers: list[Any] = [
        alt.Chart(data).mark_bar(invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6).encode(**enc),
    ]
    layers += _value_labels(data, text_enc, align="left", baseline="middle", dx=4)
    missing = _missing_records(spec, labels, names)
    if missing:
        menc: dict[str, Any] = {"y": alt.Y("xl:N", sort=sort), "x": alt.X("v:Q")}
        if multi:
            menc["yOffset"] = alt.YOffset("s:N", sort=series_labels)
        layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
            align="left", baseline="middle", dx=4, fontSize=11, color=theme.MUTED, fontStyle="italic", text=NO_FIGURE_MARK,
        ).encode(**menc))
    layers += _norm_rules(spec, horizontal=True)
    layers += _category_ticks(spec, labels, sort, horizontal=True)
    layers += _note_layers(spec, labels, axis="y")
    step = 18 if multi else 26  # with yOffset the step is per bar, not per category
    chart = _layered(layers, theme.WIDTH - 200, alt.Step(step))
    return _finish(chart, spec)


def sorted_categories(spec: ChartSpec) -> list[str]:
    """Categories high to low by the first series (best first when lower is better); no figure last."""
    first = spec.primary_series()
    xs = spec.xs()
    known = [x for x in xs if spec.value_at(x, first) is not None]
    unknown = [x for x in xs if spec.value_at(x, first) is None]
    reverse = spec.direction != "lager is beter"
    known.sort(key=lambda x: spec.value_at(x, first) or 0.0, reverse=reverse)
    return known + unknown


def budget(spec: ChartSpec) -> dict[str, Any]:
    """Budget against forecast (or realisation) per line: outlined budget bar, solid forecast bar, V/N."""
    labels = _labels(spec)
    names = spec.series_names()[:2]
    budget_name, forecast_name = (names + ["", ""])[:2]
    series_labels = [_series_label(spec, n) for n in names]
    sort = [labels[x] for x in spec.xs()]
    records = [
        {"xl": labels[r.x], "s": _series_label(spec, r.series), "v": r.value, "t": short_text(spec, r.value)}
        for r in spec.rows if r.x in labels and r.series in names
    ]
    diffs = []
    for x in spec.xs():
        b, f = spec.value_at(x, budget_name), spec.value_at(x, forecast_name)
        if b is None or f is None:
            continue
        d = b - f
        word = "V" if d > 0 else ("N" if d < 0 else "")
        text = f"{word} {fmt.value(abs(d), spec.unit, spec.decimals)}".strip() if d else "gelijk"
        diffs.append({"xl": labels[x], "v": max(b, f, 0), "t": text, "kind": word or "="})
    y = alt.Y("xl:N", sort=sort, axis=alt.Axis(title=None, labelLimit=220, domainColor=theme.AXIS),
              scale=alt.Scale(paddingInner=0.25))
    yoff = alt.YOffset("s:N", sort=series_labels)
    xq = alt.X("v:Q", axis=_value_axis(spec), scale=_value_scale(spec, zero=True))
    colour = alt.Color("s:N", title=None, sort=series_labels,
                       scale=alt.Scale(domain=series_labels, range=[theme.BUDGET, theme.PALETTE[0]][: len(series_labels)]))
    layers: list[Any] = [
        alt.Chart(alt.Data(values=records)).mark_bar(invalid="break-paths-show-domains", stroke=theme.PALETTE[0], strokeWidth=1.5).encode(
            y=y, yOffset=yoff, x=xq, color=colour,
        ),
        alt.Chart(alt.Data(values=diffs)).mark_text(align="left", baseline="middle", dx=8, fontSize=11, fontWeight="bold").encode(
            y=y, x=alt.X("v:Q"), text=alt.Text("t:N"),
            color=alt.Color("kind:N", scale=alt.Scale(domain=["V", "N", "="], range=[theme.FAVOURABLE, theme.UNFAVOURABLE, theme.INK]), legend=None),
        ),
    ]
    layers += _note_layers(spec, labels, axis="y")
    chart = _layered(layers, theme.WIDTH - 240, alt.Step(18), resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent")))
    return _finish(chart, spec)


KINDS: dict[str, Callable[[ChartSpec], dict[str, Any]]] = {
    "lijn": line,
    "staven": bars,
    "gegroepeerd": grouped,
    "gestapeld": stacked,
    "aandelen": shares,
    "horizontaal": horizontal,
    "begroting": budget,
}


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """The Vega-Lite spec of a chart, ready for vl-convert."""
    # Altair checks every object against the schema as it is made (its "debug mode");
    # that costs more than drawing the chart. Our specs are fixed code, tested once.
    with debug_mode(False):
        return KINDS[spec.kind](spec)
