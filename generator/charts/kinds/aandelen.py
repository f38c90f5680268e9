"""Kind `aandelen`: the parts of a whole at one period, as a donut with "Jeugd: 66%"
labels or (`vorm: balk`) one 100% bar with the shares in the legend. Parts are added
up, so they share one unit that can be summed.
"""

from __future__ import annotations

import math
from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, config_rules, marks, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
from generator.charts.model import ChartSpec
from generator.core import formatting as fmt
from generator.core.vocabulary import ChartKind, Unit

KIND = ChartKind.SHARES
INDICATOR_ROWS = IndicatorRows.CURRENT_PERIOD
DEFAULT_PERIODS: int | None = 1
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.PARTS


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """Parts of a whole: a donut with outside labels, or a single 100% bar."""
    names = spec.series_names()
    # Shares are of one x (the current period, or the only one); series are the parts.
    x = values.shown_x(spec)
    parts = share_parts(spec, x)
    series_labels = [values.series_label(spec, n) for n in names]
    order = {n: i for i, n in enumerate(series_labels)}
    records = [
        {"s": label, "v": v, "share": share, "o": order[label],
         "t": f"{label}: {fmt.value(share * 100, 'percentage', 0)}"}
        for label, v, share in parts
    ]
    data = alt.Data(values=records)
    if spec.shape == "balk" or spec.phone:
        # On a phone a donut with its labels beside the arcs has no room: the bar reads better.
        # One 100% bar; the legend names each part with its share, in the bar's order.
        palette = [theme.PALETTE[names.index(n) % len(theme.PALETTE)] if n in names else theme.MUTED
                   for n in (next((m for m in names if values.series_label(spec, m) == r["s"]), "") for r in records)]
        bar = alt.Chart(data).mark_bar(stroke="#ffffff", strokeWidth=2, height=40).encode(
            x=alt.X("v:Q", stack="normalize", axis=None),
            color=alt.Color("t:N", sort=[r["t"] for r in records], title=spec.series_title,
                            scale=alt.Scale(domain=[r["t"] for r in records], range=palette),
                            legend=alt.Legend(columns=1 if spec.phone else min(4, max(1, len(records))))),
            order=alt.Order("o:Q"),
        )
        return marks.finish(marks.layered([bar], theme.width(spec), 44), spec)
    total = sum(v for _, v, _ in parts)
    width, height, outer = theme.WIDTH - 16, 310, 115  # plus 16 px padding: the whole SVG is WIDTH
    center = [{"t": ["Totaal", values.value_text(spec, total)]}]
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
        color=alt.Color("s:N", scale=marks.colours(spec, names), sort=series_labels, legend=None))
    texts = [
        alt.Chart(alt.Data(values=[rec for rec in labels if rec["side"] == side])).mark_text(
            align="left" if side == "right" else "right", baseline="middle", fontSize=13, color=theme.INK,
        ).encode(x=alt.X("px:Q", scale=None), y=alt.Y("py:Q", scale=None), text=alt.Text("t:N"))
        for side in ("right", "left") if any(rec["side"] == side for rec in labels)
    ]
    middle = alt.Chart(alt.Data(values=center)).mark_text(fontSize=13, color=theme.INK, lineHeight=18).encode(text=alt.Text("t:N"))
    chart = marks.layered([arcs, *texts, middle], width, height)
    return marks.finish(chart, spec, fit=False)  # label positions are pixels of this width


def share_parts(spec: ChartSpec, x: str | None) -> list[tuple[str, float, float]]:
    """(label, value, share of the total) per series with a positive value at `x`.

    Shares published as percentages (unit `percentage`, report 002's 66 / 19 / 6 / 10) are
    shown as given, never recomputed from their sum (which rounding makes 101)."""
    if x is None:
        return []
    vals = [(values.series_label(spec, n), spec.value_at(x, n)) for n in spec.series_names()]
    known = [(label, v) for label, v in vals if v is not None and v > 0]
    if spec.unit == Unit.PERCENTAGE:
        return [(label, v, v / 100) for label, v in known]
    total = sum(v for _, v in known)
    return [(label, v, v / total) for label, v in known] if total else []


def summary(spec: ChartSpec) -> list[str]:
    at = values.shown_x(spec)
    parts = share_parts(spec, at)
    if not parts:
        return [f"{spec.title}: er zijn geen cijfers"]
    total = sum(v for _, v, _ in parts)
    when = f" ({spec.x_label(at)})" if at is not None and spec.x_is_period else ""
    listed = say.and_list([f"{label} {fmt.value(share * 100, 'percentage', 0)}" for label, _, share in parts])
    title = say.lower_first(spec.title)
    head = title if title.startswith("verdeling") else f"verdeling van {title}"
    sentences = [f"{head}{when}: {listed}; totaal {say.figure(spec, total)}"]
    missing = [say.series_name(spec, n) for n in spec.series_names() if spec.value_at(at, n) is None] if at is not None else []
    if missing:
        sentences.append(f"geen cijfer van {say.and_list(missing)}; die telt niet mee in het totaal")
    return sentences


def table(spec: ChartSpec) -> cells.Table:
    """Per part its value and its share; a total row of 100%."""
    at = values.shown_x(spec)
    shares = {label: share for label, _, share in share_parts(spec, at)}
    rows = []
    total = 0.0
    for n in spec.series_names():
        v = spec.value_at(at, n) if at is not None else None
        label = n or spec.title
        share = shares.get(label)
        total += v if v is not None and v > 0 else 0.0
        share_cell = (
            cells.Cell(fmt.value(share * 100, "percentage", 1), cells.num(fmt.rounded(share * 100, 1)))
            if share is not None else cells.Cell(fmt.NO_FIGURE, "")
        )
        rows.append((label, [cells.value_cell(spec, v), share_cell]))
    given = sum(shares.values()) * 100 if spec.unit == Unit.PERCENTAGE else 100.0
    rows.append(("Totaal", [cells.value_cell(spec, total), cells.Cell(fmt.value(given, "percentage", 0), cells.num(fmt.rounded(given, 1)))]))
    caption = spec.title + (f" ({spec.x_label(at)})" if at is not None and spec.x_is_period else "")
    columns = [cells.value_column(spec, "Waarde"), cells.Column("Aandeel", "Aandeel (%)")]
    return cells.Table(caption, spec.series_title, columns, rows)


def config_problems(series: int, units: set[str]) -> list[Problem]:
    return config_rules.summed_units(KIND, units)
