"""Kind `begroting`: budget against forecast (or realisation) per line, an outlined budget
bar and a solid forecast bar, with "V € 250.000" / "N € 900.000" in words and colour.
The first two series are the budget and the forecast.
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, config_rules, marks, text_width, theme, values
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
import generator.charts.kinds.lijn as lijn  # the module itself: the package is the registry
from generator.charts.model import ChartSpec
from generator.core import formatting as fmt
from generator.core.vocabulary import ChartKind

KIND = ChartKind.BUDGET
INDICATOR_ROWS = IndicatorRows.PERIODS
DEFAULT_PERIODS: int | None = None
TARGETS_PER_PERIOD = False
TABLE_ROWS = TableRows.BUDGET


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """Budget against forecast (or realisation) per line: outlined budget bar, solid forecast bar, V/N."""
    labels = marks.labels(spec)
    names = spec.series_names()[:2]
    budget_name, forecast_name = (names + ["", ""])[:2]
    series_labels = [values.series_label(spec, n) for n in names]
    sort = [labels[x] for x in spec.xs()]
    records = [
        {"xl": labels[r.x], "s": values.series_label(spec, r.series), "v": r.value, "t": values.short_text(spec, r.value)}
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
    limit = text_width.label_limit(sort, theme.LABEL_SIZE, 110 if spec.phone else 220)
    y = alt.Y("xl:N", sort=sort, axis=alt.Axis(title=None, labelLimit=limit, domainColor=theme.AXIS),
              scale=alt.Scale(paddingInner=0.25))
    yoff = alt.YOffset("s:N", sort=series_labels)
    scale = marks.value_scale(spec, zero=True)
    if spec.phone and spec.axis_max is None and diffs:
        # The difference is written after the longest bar: on a phone make room for it.
        scale = alt.Scale(zero=True, nice=True, domainMax=max(d["v"] for d in diffs) * 1.6)
    xq = alt.X("v:Q", axis=marks.value_axis(spec), scale=scale)
    colour = alt.Color("s:N", title=None, sort=series_labels,
                       scale=alt.Scale(domain=series_labels, range=[theme.BUDGET, theme.PALETTE[0]][: len(series_labels)]))
    layers: list[Any] = [
        alt.Chart(alt.Data(values=records)).mark_bar(invalid="break-paths-show-domains", stroke=theme.PALETTE[0], strokeWidth=1.5).encode(
            y=y, yOffset=yoff, x=xq, color=colour,
        ),
        alt.Chart(alt.Data(values=diffs)).mark_text(align="left", baseline="middle", dx=8, fontSize=12, fontWeight="bold").encode(
            y=y, x=alt.X("v:Q"), text=alt.Text("t:N"),
            color=alt.Color("kind:N", scale=alt.Scale(domain=["V", "N", "="], range=[theme.FAVOURABLE, theme.UNFAVOURABLE, theme.INK]), legend=None),
        ),
    ]
    layers += marks.note_layers(spec, labels, axis="y")
    chart = marks.layered(layers, theme.width(spec) - 240, alt.Step(18), resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent")))
    return marks.finish(chart, spec)


def summary(spec: ChartSpec) -> list[str]:
    names = spec.series_names()
    if len(names) < 2:
        return lijn.trend(spec)
    b_name, f_name = names[0], names[1]
    lines = []
    for x in spec.xs():
        b, f = spec.value_at(x, b_name), spec.value_at(x, f_name)
        if b is not None and f is not None:
            lines.append((x, b, f, b - f))
    if not lines:
        return [f"{spec.title}: er zijn geen cijfers"]
    tb, tf = sum(b for _, b, _, _ in lines), sum(f for _, _, f, _ in lines)
    diff = tb - tf
    sentences = [
        f"totaal {say.lower_first(b_name)} {say.figure(spec, tb)} en {say.lower_first(f_name)} {say.figure(spec, tf)}: " + _difference(spec, diff)
    ]
    worst = min(lines, key=lambda r: r[3])
    best = max(lines, key=lambda r: r[3])
    if worst[3] < 0:
        sentences.append(f"grootste nadeel: {spec.x_label(worst[0])} ({say.figure(spec, -worst[3])})")
    if best[3] > 0:
        sentences.append(f"grootste voordeel: {spec.x_label(best[0])} ({say.figure(spec, best[3])})")
    missing = [spec.x_label(x) for x in spec.xs() if x not in {r[0] for r in lines}]
    if missing:
        sentences.append(f"geen volledige cijfers voor {say.and_list(missing)}; die tellen niet mee in het totaal")
    return sentences


def _difference(spec: ChartSpec, diff: float) -> str:
    if say.rounded(spec, diff) == 0:
        return "geen verschil"
    word = "voordeel" if diff > 0 else "nadeel"
    return f"verschil {say.figure(spec, abs(diff))} {word}"


def table(spec: ChartSpec) -> cells.Table:
    """Per line budget, forecast, difference, V/N and deviation; a total of the complete lines."""
    b_name, f_name = (spec.series_names() + ["", ""])[:2]
    rows = []
    tb = tf = 0.0
    complete = True
    for x in spec.xs():
        b, f = spec.value_at(x, b_name), spec.value_at(x, f_name)
        rows.append((spec.x_label(x), _budget_cells(spec, b, f)))
        if b is None or f is None:
            complete = False
        else:
            tb, tf = tb + b, tf + f
    rows.append(("Totaal", _budget_cells(spec, tb, tf)))
    notes = [] if complete else ["Regels zonder begroting of prognose tellen niet mee in het totaal."]
    columns = [
        cells.value_column(spec, b_name or "Begroting"), cells.value_column(spec, f_name or "Prognose"),
        cells.value_column(spec, "Verschil"), cells.Column("V/N", "V/N", numeric=False), cells.Column("Afwijking", "Afwijking (%)"),
    ]
    return cells.Table(spec.title, spec.x_title, columns, rows, notes=notes)


def _budget_cells(spec: ChartSpec, b: float | None, f: float | None) -> list[cells.Cell]:
    """Difference = budget - forecast: positive is voordeel (V), negative nadeel (N); % of the budget."""
    if b is None or f is None:
        na = cells.Cell("n.v.t.", "")
        return [cells.value_cell(spec, b), cells.value_cell(spec, f), na, cells.Cell("", ""), na]
    d = b - f
    vn = "V" if d > 0 else ("N" if d < 0 else "")
    pct = d / abs(b) if b else None
    return [
        cells.value_cell(spec, b), cells.value_cell(spec, f), cells.value_cell(spec, d), cells.Cell(vn, vn),
        cells.Cell(fmt.signed_percent(pct), cells.num(fmt.rounded(pct * 100, 2)) if pct is not None else ""),
    ]


def config_problems(series: int, units: set[str]) -> list[Problem]:
    """Exactly two series (budget and forecast or realisation), in one unit."""
    problems: list[Problem] = []
    if series != 2:
        problems.append((
            "een grafiek van soort `begroting` vergelijkt precies twee reeksen (begroting en prognose of realisatie)",
            "kies ze met `reeksen: [Begroting, Prognose]`",
        ))
    return problems + config_rules.one_unit(KIND, units)
