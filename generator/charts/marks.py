"""Altair building blocks that several chart kinds share: axes, scales, colours, target
keys, notes, value labels and the finished Vega-Lite dict.

The kinds in `generator/charts/kinds/` put these together; a block used by one kind
only lives in that kind's module.
"""

from __future__ import annotations

import json
import textwrap
from functools import lru_cache
from typing import Any

from generator.charts.lazy import alt
from generator.charts.lazy import alt_utils as utils
from generator.charts.lazy import alt_api

from generator.charts import text_width, theme
from generator.charts.model import ChartSpec, ChartTarget
from generator.charts.values import as_target, series_label
from generator.core import formatting as fmt


def labels(spec: ChartSpec) -> dict[str, str]:
    """x key -> label on the axis; keys stand in where two labels would be the same."""
    xs = spec.xs()
    labels = {x: spec.x_label(x) for x in xs}
    if len(set(labels.values())) < len(labels):
        return {x: x for x in xs}
    return labels


def colours(spec: ChartSpec, names: list[str], ramp: bool = False) -> alt.Scale:
    """One colour per series; with `ramp` and series that are periods, light (old) to dark (current)."""
    if ramp and spec.current is not None and spec.current in names:
        shades = theme.SEQUENTIAL[-len(names):] if len(names) <= len(theme.SEQUENTIAL) else None
        if shades:
            return alt.Scale(domain=[series_label(spec, n) for n in names], range=shades)
    palette = [theme.PALETTE[i % len(theme.PALETTE)] for i in range(len(names))]
    return alt.Scale(domain=[series_label(spec, n) for n in names], range=palette)


def shapes(spec: ChartSpec, names: list[str]) -> alt.Scale:
    return alt.Scale(
        domain=[series_label(spec, n) for n in names],
        range=[theme.SHAPES[i % len(theme.SHAPES)] for i in range(len(names))],
    )


def value_axis(spec: ChartSpec, title: str | None = None, grid: bool = True) -> alt.Axis:
    kwargs: dict[str, Any] = {"format": theme.number_format(spec.unit, _tick_decimals(spec)), "grid": grid}
    if spec.phone:
        kwargs["labelFlush"] = True  # the lowest label sits above the axis line, clear of the x labels
    if _tick_decimals(spec) == 0:
        kwargs["tickMinStep"] = 1  # small counts: 0 1 2 3, never 0 0 1 1
    expr = theme.axis_label_expr(spec.unit)
    if expr:
        kwargs["labelExpr"] = expr
    if text_width.label_limit(widest_ticks(spec), theme.LABEL_SIZE, theme.VEGA_LABEL_LIMIT) == 0:
        kwargs["labelLimit"] = 0  # no tick label can reach Vega's limit: not measured a second time
    return alt.Axis(title=title if title is not None else unit_title(spec), tickCount=theme.tick_count(spec), **kwargs)


def widest_ticks(spec: ChartSpec) -> list[str]:
    """Texts at least as wide as any tick label of the value axis.

    Ticks lie in the rounded domain, which holds every figure, target, axis bound and stack
    total (all at most the sum of their sizes) with room for padding and labels: far less
    than 16 times that sum. Every digit is as wide; "−" is the widest sign.
    """
    figures = [r.value for r in spec.rows] + [v for t in spec.targets for v in (t.value, t.high)]
    figures += [spec.axis_min, spec.axis_max]
    top = 16 * sum(abs(v) for v in figures if v is not None) + 10
    whole = f"{int('8' * len(f'{top:.0f}')):,}".replace(",", ".")
    decimals = _tick_decimals(spec)
    number = "−" + whole + ("," + "8" * decimals if decimals else "")
    if spec.unit == "euro":
        millions = f"{int('8' * max(1, len(whole.replace('.', '')) - 6)):,}".replace(",", ".")
        return [f"−€ {whole}", f"−€ {millions},8 mln"]
    return [number + "%" if spec.unit == "percentage" else number]


def unit_title(spec: ChartSpec) -> str:
    return theme.UNIT_TITLES.get(spec.unit, "")


def zoomed(spec: ChartSpec) -> bool:
    """Whether a line chart's value axis leaves out zero, so the axis title must say so.

    Lines may zoom in on their figures when they lie far from zero: the lowest figure (or
    target) above the spread of all of them, so a rounded axis can never reach 0. Closer
    to zero the axis simply starts at 0. A minimum set by the editor (`as: min:`) above 0 zooms as well.
    """
    if spec.axis_min is not None:
        return spec.axis_min > 0
    figures = [r.value for r in spec.rows if r.value is not None]
    figures += [v for t in spec.targets for v in (t.value, t.high) if v is not None]
    if not figures:
        return False
    lo, hi = min(figures), max(figures)
    return lo > 0 and lo > hi - lo


def _tick_decimals(spec: ChartSpec) -> int:
    # Rapportcijfers step by halves (7,0 · 7,5); others show whole numbers on the axis.
    return 1 if spec.unit == "rapportcijfer" else 0


def value_scale(spec: ChartSpec, zero: bool) -> alt.Scale:
    lo, hi = spec.axis_min, spec.axis_max
    if lo is not None and hi is not None:
        return alt.Scale(domain=[lo, hi], nice=False, zero=False)
    if lo is not None:
        return alt.Scale(domainMin=lo, zero=False, nice=True)
    if hi is not None:
        return alt.Scale(domainMax=hi, zero=zero, nice=True)
    # Lines need not start at zero; a little room keeps points off the plot's edge.
    return alt.Scale(zero=True, nice=True) if zero else alt.Scale(zero=False, nice=True, padding=14)


def x_axis(spec: ChartSpec, labels: dict[str, str], title: str | None, wrap: bool = False) -> alt.Axis:
    wrap = wrap or spec.phone  # "Q1 2023" on two lines: a phone has room for the periods that way
    limit = text_width.label_limit(labels.values(), theme.LABEL_SIZE, 90 if spec.phone else 160, split=wrap)
    kwargs: dict[str, Any] = {
        "title": title, "labelAngle": 0, "labelLimit": limit, "domainColor": theme.AXIS,
        "labelPadding": 8 if spec.phone else 4,
        "labelOverlap": "greedy",  # a label that would touch its neighbour is left out (the table has all)
    }
    current = labels.get(spec.current) if spec.current is not None else None
    if current is not None:
        kwargs["labelFontWeight"] = {"condition": {"test": f"datum.value === {_js(current)}", "value": "bold"}, "value": "normal"}
    if wrap:
        kwargs["labelExpr"] = "split(datum.label, ' ')"
    return alt.Axis(**kwargs)


def _js(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def target_records(spec: ChartSpec, labels: dict[str, str]) -> list[dict[str, Any]]:
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


def global_targets(spec: ChartSpec) -> list[ChartTarget]:
    return [t for t in spec.targets if t.x is None]


def target_name(spec: ChartSpec, series: str, per_series: bool) -> str:
    return f"{spec.target_name} {series}" if per_series and series else spec.target_name


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters; an amount ("€ 1.700") never splits."""
    return [line.replace("\u00a0", " ") for line in textwrap.wrap(text.replace("€ ", "€\u00a0"), width)] or [text]


def target_key(entries: list[tuple[str, str | None, bool]], solid: bool = False, phone: bool = False,
               chars: int | None = None) -> list[Any]:
    """A key above the plot: a line sample and the target in words, one row per target.

    Labels next to the lines would collide with data; above the plot they never do.
    entries: (text, colour, is_band). On a phone a long text wraps onto a second line
    (after 34 characters, or `chars` when given: a narrower plot wraps sooner).
    An entry without colour is a heading (a panel's measure, kind `panelen`): bold text
    at the left edge, no line sample.
    """
    layers: list[Any] = []
    one = alt.Data(values=[{}])
    width = chars or (34 if phone else None)
    # A heading starts at the plot's edge, not after a line sample: four characters more room.
    wrapped = [(wrap(text, width + (4 if colour is None else 0)) if width else [text]) for text, colour, _ in entries]
    # The first line of each entry, from the bottom one up (first entry on top); Vega puts
    # the further lines of a wrapped text below its first.
    centres: list[float] = []
    # On a phone the plot is low and a value label at its top reaches 25 px above it: the key stays clear of that.
    lowest = -34 if phone else -14
    for lines in reversed(wrapped):
        below = 16 * (len(lines) - 1)
        centres.insert(0, (lowest if not centres else centres[0] - 18) - below)
    for (text, colour, band), lines, y in zip(entries, wrapped, centres):
        if colour is None:
            layers.append(alt.Chart(one).mark_text(
                align="left", baseline="middle", fontSize=13, lineHeight=16, fontWeight="bold", color=theme.INK,
            ).encode(x=alt.XValue(0), y=alt.YValue(y), text=alt.TextValue(lines if len(lines) > 1 else lines[0])))
            continue
        if band:
            layers.append(alt.Chart(one).mark_rect(color=theme.TARGET_BAND, opacity=0.35).encode(
                x=alt.XValue(0), x2=alt.X2Value(26), y=alt.YValue(y - 5), y2=alt.Y2Value(y + 5)))
        dash = {} if solid else {"strokeDash": [6, 4]}
        layers.append(alt.Chart(one).mark_rule(color=colour, strokeWidth=2.5 if solid else 1.5, **dash).encode(
            x=alt.XValue(0), x2=alt.X2Value(26), y=alt.YValue(y)))
        layers.append(alt.Chart(one).mark_text(align="left", baseline="middle", fontSize=13, lineHeight=16, color=theme.INK).encode(
            x=alt.XValue(32), y=alt.YValue(y), text=alt.TextValue(lines if len(lines) > 1 else lines[0])))
    return layers


def layered(layers: list[Any], width: Any, height: Any, **kwargs: Any) -> alt.LayerChart:
    """One LayerChart made at once: alt.layer(...).properties(...) copies every layer twice.

    Altair's LayerChart deep-copies every layer twice more to merge selection parameters
    (half the cost of building a spec). Our layers are plain charts without parameters,
    so that merge has nothing to do: the layers are set after construction, with Altair's
    own data lifting and layer-property moving, and the dict comes out the same.
    """
    if any(not isinstance(layer, alt.Chart) or not utils.is_undefined(layer.params) for layer in layers):
        return alt.LayerChart(layer=layers, width=width, height=height, **kwargs)
    chart = _merged_layers()(width=width, height=height, **kwargs)
    chart.data, chart.layer = alt_api._combine_subchart_data(chart.data, list(layers))
    combined, chart.layer = alt_api._remove_layer_props(chart, chart.layer, ("height", "width", "view"))
    for prop in combined:
        chart[prop] = combined[prop]
    return chart


@lru_cache(maxsize=1)
def _merged_layers() -> type:
    """LayerChart for layers that `layered` merged already. Altair copies a chart by making
    it again (`copy`, also in `to_dict`), and LayerChart's constructor would merge (deep-copy)
    every layer each time: this one only keeps what it is given."""

    class MergedLayers(alt.LayerChart):  # type: ignore[misc, name-defined]
        def __init__(self, data: Any = utils.Undefined, layer: Any = (), **kwargs: Any) -> None:
            super(alt.LayerChart, self).__init__(data=data, layer=list(layer), **kwargs)

    return MergedLayers


def finish(chart: Any, spec: ChartSpec, fit: bool = True) -> dict[str, Any]:
    out = chart.to_dict(validate=False)
    if fit:
        # The width is the whole SVG's: Vega-Lite sizes the plot so axes, labels and
        # legend fit inside it, measured from the real text.
        out["width"] = theme.width(spec)
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
    config = theme.PHONE_CONFIG if spec.phone else theme.CONFIG
    texts = legend_texts(out)
    if texts is not None:  # limits no legend text can reach: those texts are not measured a second time
        labels, titles = texts
        legend = dict(config["legend"])
        if text_width.label_limit(labels, theme.LABEL_SIZE, legend["labelLimit"]) == 0:
            legend["labelLimit"] = 0
        if text_width.label_limit(titles, theme.LABEL_SIZE, theme.VEGA_LEGEND_TITLE_LIMIT) == 0:
            legend["titleLimit"] = 0
        config = {**config, "legend": legend}
    out["config"] = config
    out["description"] = spec.title
    return out


_LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size", "opacity", "strokeDash", "strokeWidth")


def legend_texts(node: Any) -> tuple[list[str], list[str]] | None:
    """Every legend label and title of a Vega-Lite dict: the domains and titles of the
    channels with a legend. None when one cannot be known for sure (no domain list, a
    format, a condition on a field, a title that is not one text)."""
    found: list[str] = []
    titles: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        encoding = item.get("encoding")
        for channel in _LEGEND_CHANNELS if isinstance(encoding, dict) else ():
            enc = encoding.get(channel)
            if not isinstance(enc, dict) or enc.get("legend", {}) is None:
                continue
            conditions = enc.get("condition", [])
            if any("field" in c for c in (conditions if isinstance(conditions, list) else [conditions])):
                return None
            if "field" not in enc:
                continue  # fixed values (a condition of values included): no legend
            scale, legend = enc.get("scale") or {}, enc.get("legend") or {}
            domain = scale.get("domain") if isinstance(scale, dict) else None
            if (enc.get("type") != "nominal" or not isinstance(domain, list)
                    or not all(isinstance(v, str) for v in domain) or "labelExpr" in legend or "format" in legend):
                return None
            found += domain
            title = enc.get("title", enc["field"])  # Vega-Lite's own title is the field's name
            if title is not None and not isinstance(title, str):
                return None
            titles += [title] if title else []
        stack.extend(v for k, v in item.items() if k not in ("data", "datasets"))
    return found, titles


def note_layers(spec: ChartSpec, labels: dict[str, str], axis: str = "x") -> list[alt.Chart]:
    """A dotted line at each note's x and its text, wrapped, on the side with room."""
    order = list(labels.values())
    width = 18 if spec.phone else 28  # characters per line
    notes = [
        {"xl": labels[n.x], "text": wrap(n.text, width),
         "side": "right" if axis == "x" and order.index(labels[n.x]) >= len(order) / 2 else "left"}
        for n in spec.notes if n.x in labels
    ]
    if not notes:
        return []
    data = alt.Data(values=notes)
    enc = alt.X("xl:N", sort=order) if axis == "x" else alt.Y("xl:N", sort=order)
    rule = alt.Chart(data).mark_rule(color=theme.MUTED, strokeDash=[2, 3], strokeWidth=1.5).encode(enc)
    texts = [
        alt.Chart(data).mark_text(
            align=side, baseline="top", dx=4 if side == "left" else -4, y=2, fontSize=12, lineHeight=15,
            color=theme.MUTED, fontStyle="italic",
        ).encode(enc, text=alt.Text("text:N")).transform_filter(f"datum.side === '{side}'")
        for side in ("left", "right") if any(n["side"] == side for n in notes)
    ]
    return [rule, *texts]


def value_labels(data: alt.Data, enc: dict[str, Any], only: list[str] | None = None, **mark: Any) -> list[Any]:
    """Value labels on marks: the current period in bold; no label where there is no figure.

    `only`: the x labels that get a value (a phone has no room for all of them).
    """
    base = dict(fontSize=12, color=theme.INK)
    base.update(mark)
    if only is not None:
        keep = " || ".join(f"datum.xl === {_js(x)}" for x in only)
        return [layer.transform_filter(keep) for layer in value_labels(data, enc, **mark)]
    return [
        alt.Chart(data).mark_text(**base).encode(**enc, text=alt.Text("t:N")).transform_filter("datum.v != null && !datum.cur"),
        alt.Chart(data).mark_text(fontWeight="bold", **base).encode(**enc, text=alt.Text("t:N")).transform_filter("datum.v != null && datum.cur"),
    ]


def missing_records(spec: ChartSpec, labels: dict[str, str], names: list[str]) -> list[dict[str, Any]]:
    out = []
    present = {(r.x, r.series): r.value for r in spec.rows}
    for x in spec.xs():
        for s in names:
            if present.get((x, s), None) is None:
                out.append({"xl": labels[x], "s": series_label(spec, s), "v": 0})
    return out


def category_ticks(spec: ChartSpec, labels: dict[str, str], sort: list[str], horizontal: bool) -> list[Any]:
    """Targets per category (they differ): a dark tick across each category's bars."""
    records = [
        {"xl": labels[t.x], "v": v} for t in spec.targets if t.x is not None and t.x in labels
        for v in [t.value] + ([t.high] if t.high is not None else [])
    ]
    if not records:
        return []
    band = (theme.width(spec) - 80) / max(1, len(labels)) if not horizontal else 22
    data = alt.Data(values=records)
    if horizontal:
        enc = {"y": alt.Y("xl:N", sort=sort), "x": alt.X("v:Q")}
        tick = alt.Chart(data).mark_tick(orient="vertical", thickness=2.5, size=band, color=theme.TARGET, opacity=1)
    else:
        enc = {"x": alt.X("xl:N", sort=sort), "y": alt.Y("v:Q")}
        tick = alt.Chart(data).mark_tick(orient="horizontal", thickness=2.5, size=band * 0.85, color=theme.TARGET, opacity=1)
    return [tick.encode(**enc)] + target_key([(f"{spec.target_name} (verschilt per {spec.x_title.lower()}; zie de tabel)", theme.TARGET, False)], solid=True, phone=spec.phone)


def norm_rules(spec: ChartSpec, horizontal: bool) -> list[Any]:
    """Chart-wide targets as a dashed rule across the plot, named in the key above it."""
    layers: list[Any] = []
    targets = global_targets(spec)
    key: list[tuple[str, str, bool]] = []
    for t in targets:
        name = target_name(spec, t.series, len(targets) > 1)
        key.append((f"{name}: {fmt.target(as_target(t), spec.unit, spec.decimals)}", theme.TARGET, False))
        for v in [t.value] + ([t.high] if t.high is not None else []):
            enc = {"x": alt.X("v:Q")} if horizontal else {"y": alt.Y("v:Q")}
            layers.append(alt.Chart(alt.Data(values=[{"v": v}])).mark_rule(
                color=theme.TARGET, strokeDash=[6, 4], strokeWidth=1.5,
            ).encode(**enc))
    return layers + target_key(key, phone=spec.phone)
