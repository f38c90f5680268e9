"""Kind `lijn`: trend per series over the periods, the target per period as a dashed
(step) line or a band, the current period marked; a missing value breaks the line.

Kind `staven` is this chart drawn as bars (kinds/staven.py).
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, marks, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.model import ChartSpec
from generator.core import formatting as fmt
from generator.core.vocabulary import ChartKind

KIND = ChartKind.LINE
INDICATOR_ROWS = IndicatorRows.PERIODS
DEFAULT_PERIODS: int | None = None
TARGETS_PER_PERIOD = True
TABLE_ROWS = TableRows.PERIODS


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    return draw(spec)


def summary(spec: ChartSpec) -> list[str]:
    return trend(spec, broken_line=True)


def table(spec: ChartSpec) -> cells.Table:
    return cells.series_table(spec, spec.xs())


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return []


def _phone_labels(spec: ChartSpec, labels: dict[str, str]) -> list[str] | None:
    """On a phone with many periods: values at the first period and the current one only."""
    if not spec.phone or len(labels) <= 4:
        return None
    order = list(labels.values())
    current = labels.get(spec.current) if spec.current is not None else None
    return list(dict.fromkeys([order[0], current or order[-1]]))


def draw(spec: ChartSpec, bars: bool = False) -> dict[str, Any]:
    """Trend per period and series; target as a dashed step line (or band); current period marked.

    `bars`: the same chart as bars (kind `staven`), the target as a tick across each bar.
    """
    return marks.finish(chart(spec, bars), spec)


def chart(spec: ChartSpec, bars: bool = False, heading: str | None = None, size: tuple[int, int] | None = None,
          x_labels: bool = True, bands: bool | None = None, key_chars: int | None = None) -> alt.LayerChart:
    """The layered chart of `draw`, unfinished. A panel of kind `panelen` passes its
    `heading` (bold, above the target key), its plot `size`, whether the period labels
    are drawn under it (only under the bottom panel) and whether the shared time axis has
    bands (a panel with bars: every panel then marks the current period as a band);
    `key_chars`: the key's lines wrap after so many characters (a panel's plot is narrower)."""
    bands = bars if bands is None else bands
    labels = marks.labels(spec)
    sort = [labels[x] for x in spec.xs()]
    names = spec.series_names()
    multi = len(names) > 1
    records = [
        {"xl": labels[r.x], "s": values.series_label(spec, r.series), "v": r.value, "t": values.row_text(spec, r),
         "cur": r.x == spec.current}
        for r in spec.rows if r.x in labels
    ]
    # A bound or an estimate: its label says so, and (lines) its point is drawn open.
    open_points = spec.marked()
    if open_points:
        for rec, r in zip(records, [r for r in spec.rows if r.x in labels]):
            rec["m"] = r.marked
            if r.marked and r.value is not None:
                rec["t"] = values.marked(rec["t"], r.comparator, r.estimate)
    data = alt.Data(values=records)
    axis = marks.x_axis(spec, labels, None) if x_labels else alt.Axis(labels=False, ticks=False, title=None, domainColor=theme.AXIS)
    x = alt.X("xl:N", sort=sort, axis=axis, scale=alt.Scale(padding=0.5) if not bands else alt.Scale(paddingInner=0.25, paddingOuter=0.15))
    zero = bars or not marks.zoomed(spec)
    title = None if zero else marks.unit_title(spec) + ", as begint niet bij 0"
    y = alt.Y("v:Q", axis=marks.value_axis(spec, title), scale=marks.value_scale(spec, zero=zero))
    colour = alt.Color("s:N", scale=marks.colours(spec, names), title=spec.series_title,
                       legend=alt.Legend(symbolType="stroke") if multi and not bars else (alt.Legend() if multi else None))
    layers: list[Any] = []

    if spec.current is not None and spec.current in labels:
        band = alt.Chart(alt.Data(values=[{"xl": labels[spec.current]}])).mark_rect(
            color=theme.CURRENT_BAND, opacity=1,
        ).encode(
            x=alt.X("xl:N", sort=sort),
        )
        if bands:
            layers.append(band)
        else:
            layers.append(alt.Chart(alt.Data(values=[{"xl": labels[spec.current]}])).mark_rule(
                color=theme.CURRENT_BAND, strokeWidth=34,
            ).encode(x=alt.X("xl:N", sort=sort)))

    targets = _period_targets(spec, labels, sort, bars, heading, key_chars)
    if not bars:  # lines are drawn over the target; a target tick is drawn over a bar
        layers += targets
    layers += marks.note_layers(spec, labels)

    if bars:
        enc: dict[str, Any] = {"x": x, "y": y, "color": colour}
        if multi:
            enc["xOffset"] = alt.XOffset("s:N", sort=[values.series_label(spec, n) for n in names])
        layers.append(alt.Chart(data).mark_bar(
            invalid="break-paths-show-domains", stroke=theme.BAR_OUTLINE, strokeWidth=0.6,
        ).encode(**enc))
        missing = marks.missing_records(spec, labels, names)
        if missing:
            menc: dict[str, Any] = {"x": alt.X("xl:N", sort=sort), "y": alt.Y("v:Q")}
            if multi:
                menc["xOffset"] = alt.XOffset("s:N", sort=[values.series_label(spec, n) for n in names])
            layers.append(alt.Chart(alt.Data(values=missing)).mark_text(
                angle=270, align="left", baseline="middle", dx=4, fontSize=12, color=theme.MUTED, text=values.NO_FIGURE_MARK,
            ).encode(**menc))
        layers += targets
        if not multi:
            layers += marks.value_labels(data, {"x": x, "y": y}, dy=-5, baseline="bottom", only=_phone_labels(spec, labels))
    else:
        # Colour and shape on the same field and title: Vega-Lite draws one legend with both.
        shape = alt.Shape("s:N", scale=marks.shapes(spec, names), title=spec.series_title, legend=alt.Legend() if multi else None)
        colour = alt.Color("s:N", scale=marks.colours(spec, names), title=spec.series_title, legend=alt.Legend() if multi else None)
        layers.append(alt.Chart(data).mark_line(
            invalid="break-paths-show-domains", strokeWidth=2.5, interpolate="linear",
        ).encode(x=x, y=y, color=colour))
        points = alt.Chart(data).mark_point(filled=True, opacity=1, invalid="filter")
        if open_points:
            points = points.transform_filter("!datum.m")
        layers.append(points.encode(
            x=x, y=y, color=colour, shape=shape,
            size=alt.SizeValue(50, condition={"test": "datum.cur", "value": 130}),
        ))
        if open_points:  # open points: not measured exactly (a bound, an estimate)
            layers.append(alt.Chart(data).mark_point(
                filled=False, fill="#ffffff", opacity=1, strokeWidth=2, invalid="filter",
            ).transform_filter("datum.m").encode(
                x=x, y=y, color=colour, shape=shape,
                size=alt.SizeValue(70, condition={"test": "datum.cur", "value": 150}),
            ))
        if not multi:
            layers += marks.value_labels(data, {"x": x, "y": y}, dy=-12, only=_phone_labels(spec, labels))

    width, height = size or (theme.width(spec), theme.height(spec))
    return marks.layered(layers, width, height)


def _period_targets(spec: ChartSpec, labels: dict[str, str], sort: list[str], bars: bool, heading: str | None = None,
                    key_chars: int | None = None) -> list[Any]:
    """Targets per period: a dashed (step) line per distinct target series, or a band for ranges;
    named in the key above the plot, under the `heading` when there is one."""
    top: list[tuple[str, str | None, bool]] = [(heading, None, False)] if heading else []
    records = marks.target_records(spec, labels)
    layers: list[Any] = []
    for t in marks.global_targets(spec):  # a norm for the whole chart
        for rec_x in labels.values():
            records.append({"xl": rec_x, "s": t.series, "lo": t.value, "hi": t.high if t.high is not None else t.value,
                            "range": t.comparator == "range", "tt": fmt.target(values.as_target(t), spec.unit, spec.decimals)})
    if not records:
        return marks.target_key(top, phone=spec.phone, chars=key_chars) if top else layers
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
    key: list[tuple[str, str | None, bool]] = []
    for s, recs in groups:
        name = marks.target_name(spec, s, per_series)
        colour = theme.PALETTE[names.index(s) % len(theme.PALETTE)] if per_series and s in names else theme.TARGET
        data = alt.Data(values=recs)
        band = any(r["range"] for r in recs)
        if band and not bars:
            layers.append(alt.Chart(data).mark_area(
                interpolate=interpolate, color=theme.TARGET_BAND, opacity=0.35,
            ).encode(xenc, y=alt.Y("lo:Q"), y2=alt.Y2("hi:Q")))
        for edge in ("lo", "hi") if band else ("lo",):
            if bars:  # a bar chart marks the target on every bar: a dark tick across it
                step = (theme.width(spec) - 80) / max(1, len(labels))
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
    layers += marks.target_key(top + key, solid=bars, phone=spec.phone, chars=key_chars)
    return layers


def trend(spec: ChartSpec, broken_line: bool = False) -> list[str]:
    """Per series from the first to the last figure, the target, extremes and gaps.

    `broken_line`: a gap is drawn as a break in the line, and the text says so.
    """
    xs = spec.xs()
    names = spec.series_names()
    clauses: dict[tuple[str, str], list[str]] = {}
    only: list[str] = []
    for n in names:
        known = [(x, v) for x in xs if (v := spec.value_at(x, n)) is not None]
        if not known:
            continue
        (x0, v0), (x1, v1) = known[0], known[-1]
        if x0 == x1:
            only.append(f"{say.series_name(spec, n)} is {say.figure(spec, v1)} in {spec.x_label(x1)}")
        else:
            clauses.setdefault((x0, x1), []).append(say.movement(spec, say.series_name(spec, n), v0, v1))
    sentences = [
        f"van {spec.x_label(x0)} tot {spec.x_label(x1)} " + say.and_list(parts) for (x0, x1), parts in clauses.items()
    ]
    sentences += only
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    target = say.target_sentence(spec, names, at)
    if target and sentences:
        sentences[-1] += "; " + target
    elif target:
        sentences.append(target)
    if len(names) == 1:
        sentences += _extremes(spec, names[0])
    if spec.current in xs:
        absent = [say.series_name(spec, n) for n in names if spec.value_at(spec.current, n) is None]
        if absent and len(absent) == len(names):
            sentences.append(f"voor {spec.x_label(spec.current)} is er (nog) geen cijfer")
        elif absent:
            sentences.append(f"voor {spec.x_label(spec.current)} is er (nog) geen cijfer van {say.and_list(absent)}")
    gaps = [(x, n) for n in names for x in _gaps(spec, xs, n) if x != spec.current]
    if gaps:
        by_series: dict[str, list[str]] = {}
        for x, n in gaps:
            by_series.setdefault(n, []).append(spec.x_label(x))
        parts = [
            f"{say.and_list(periods)}" + (f" ({say.series_name(spec, n)})" if len(names) > 1 else "")
            for n, periods in by_series.items()
        ]
        broken = "; de lijn is daar onderbroken" if broken_line else ""
        sentences.append("geen cijfer voor " + say.and_list(parts) + broken)
    return sentences


def _extremes(spec: ChartSpec, series: str) -> list[str]:
    """The highest or lowest point, when it lies between the first and the last."""
    known = [(x, v) for x in spec.xs() if (v := spec.value_at(x, series)) is not None]
    if len(known) < 3:
        return []
    out = []
    inner = known[1:-1]
    ends = (known[0][1], known[-1][1])
    hi = max(inner, key=lambda r: r[1])
    lo = min(inner, key=lambda r: r[1])
    if say.rounded(spec, hi[1]) > max(say.rounded(spec, e) for e in ends):
        out.append(f"het hoogste punt was {say.figure(spec, hi[1])} in {spec.x_label(hi[0])}")
    if say.rounded(spec, lo[1]) < min(say.rounded(spec, e) for e in ends):
        out.append(f"het laagste punt was {say.figure(spec, lo[1])} in {spec.x_label(lo[0])}")
    return out


def _gaps(spec: ChartSpec, xs: list[str], series: str) -> list[str]:
    """The missing values between two known ones, not before the first or after the last."""
    known = [i for i, k in enumerate(xs) if spec.value_at(k, series) is not None]
    if not known:
        return []
    return [x for x in xs[known[0] + 1:known[-1]] if spec.value_at(x, series) is None]
