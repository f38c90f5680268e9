"""Kind `panelen`: two or three measures over the same periods, each in a panel of its
own, stacked and sharing the time axis (004's timeliness: the percentage handled in time
with its norm on top, the number of requests handled below). Never two value axes on
one plot: each panel has its own axis in its own unit, the period labels stand once,
under the bottom panel, and each panel names its measure in bold above it.

A panel is the chart of kind `lijn` of one series: a line for percentages, grades and
durations, bars for counts and amounts (they add up over the periods). The first panel
gets the axis range (`as`) and the annotations; each panel its own series' target.
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import alt

from generator.charts import cells, theme
from generator.charts import sentences as say
from generator.charts.kind_module import IndicatorRows, Problem, TableRows
import generator.charts.kinds.lijn as lijn  # the module itself: the package is the registry
from generator.charts.model import ChartSpec
from generator.core import formatting as fmt
from generator.core.vocabulary import ChartKind, Unit

KIND = ChartKind.PANELS
INDICATOR_ROWS = IndicatorRows.PANELS
DEFAULT_PERIODS: int | None = None
TARGETS_PER_PERIOD = True
TABLE_ROWS = TableRows.PERIODS
PANELS = (2, 3)  # fewest and most panels
_BARS = {Unit.COUNT.value, Unit.EURO.value}  # units that add up: drawn as bars
_PLACES = {2: ["boven", "onder"], 3: ["boven", "in het midden", "onder"]}


def count_problem(series: int) -> Problem | None:
    """Two or three panels; the message is Dutch, for the editor."""
    low, high = PANELS
    if low <= series <= high:
        return None
    return (f"een grafiek van soort `{KIND}` toont {low} of {high} reeksen, elk in een eigen paneel (nu: {series})",
            "kies ze met `reeksen`, bijvoorbeeld `reeksen: [Tijdig afgehandeld, Afgehandelde aanvragen]`")


def panels(spec: ChartSpec) -> list[ChartSpec]:
    """One chart of kind `lijn` per series, in the series' own unit, with its own targets."""
    out = []
    for i, name in enumerate(spec.series_names()[: PANELS[1]]):
        out.append(spec.model_copy(update={
            "kind": ChartKind.LINE.value, "title": name or spec.title,
            "rows": [r for r in spec.rows if r.series == name], "series_order": [name],
            "unit": spec.series_units.get(name, spec.unit), "decimals": spec.series_decimals.get(name, spec.decimals),
            "targets": [t for t in spec.targets if t.series in ("", name)],
            "notes": spec.notes if i == 0 else [],
            "axis_min": spec.axis_min if i == 0 else None, "axis_max": spec.axis_max if i == 0 else None,
            "series_units": {}, "series_decimals": {},
        }))
    return out


def heading(panel: ChartSpec) -> str:
    """What a panel shows, above it: "Doelbereik (percentage)"."""
    return f"{panel.title} ({panel.unit})"


def _bars(panel: ChartSpec) -> bool:
    return panel.unit in _BARS


def _axis_extent(parts: list[ChartSpec]) -> int:
    """Pixels for the value axis' ticks and labels, the same in every panel so that the
    plots line up: from the widest figure's label (13 px text, about 7.5 px a character)."""
    widest = 0
    for p in parts:
        figures = [abs(r.value) for r in p.rows if r.value is not None] + [abs(t.value) for t in p.targets]
        figures += [abs(p.axis_max)] if p.axis_max is not None else []
        top = max(figures, default=0.0) * 1.25  # the axis rounds up past the highest figure
        label = fmt.value(top, p.unit, 0) if p.unit in ("percentage", "euro") else fmt.number(top, 1 if p.unit == "rapportcijfer" else 0)
        widest = max(widest, len(label))
    return min(80, max(30, int(widest * 7.5) + 12))


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    parts = panels(spec)
    extent = _axis_extent(parts)
    # The SVG's padding (16), the axis (extent, title 13 px and its padding): the rest is plot.
    plot = theme.width(spec) - 16 - extent - 22
    tall = (theme.height(spec) * 11) // 20
    bands = any(_bars(p) for p in parts)  # one time axis: bands as soon as one panel has bars
    # The key's text starts 32 px into the plot and must end inside it (bold 13 px: about 7.6 px a character).
    chars = max(16, int((plot - 32) / 7.6))
    charts = [
        lijn.chart(p, bars=_bars(p), heading=heading(p), size=(plot, tall), x_labels=i == len(parts) - 1, bands=bands,
                   key_chars=chars)
        for i, p in enumerate(parts)
    ]
    # The concatenation written as Vega-Lite: Altair's VConcatChart deep-copies every layer
    # (to merge selection parameters, which these charts do not have) and took 80 ms a chart.
    views = [chart.to_dict(validate=False) for chart in charts]
    out: dict[str, Any] = {"$schema": views[0].pop("$schema") if views else alt.SCHEMA_URL}
    for view in views:  # what Altair puts on a top-level chart only (the config follows below)
        view.pop("$schema", None)
        view.pop("config", None)
    out.update(vconcat=views, spacing=14,
               resolve={"scale": {"x": "shared", "y": "independent", "color": "independent", "shape": "independent"}})
    config = theme.PHONE_CONFIG if spec.phone else theme.CONFIG
    out["config"] = {**config, "axisY": {"minExtent": extent, "maxExtent": extent}}
    out["description"] = spec.title
    return out


def summary(spec: ChartSpec) -> list[str]:
    parts = panels(spec)
    if not parts:
        return []
    if len(parts) == 1:  # `check` asks for two or three; one is drawn as a single panel
        sentences = [f"{spec.title}: {heading(parts[0])}"]
    else:
        shown = [f"{place} {heading(p)}" for place, p in zip(_PLACES[len(parts)], parts)]
        words = {2: "twee", 3: "drie"}[len(parts)]
        sentences = [f"{spec.title}: {words} panelen onder elkaar met dezelfde perioden, " + say.and_list(shown)]
    for p in parts:
        sentences += [_named(s, p.title) for s in lijn.trend(p, broken_line=not _bars(p))]
    return sentences


def _named(sentence: str, name: str) -> str:
    """A panel's sentence about a missing figure says which measure it is missing from."""
    gap = "geen cijfer voor "
    if sentence.startswith(gap):
        return f"geen cijfer van {name} voor " + sentence[len(gap):]
    if sentence.startswith("voor ") and sentence.endswith("(nog) geen cijfer"):
        return f"{sentence} van {name}"
    return sentence


def table(spec: ChartSpec) -> cells.Table:
    """One row per period; per panel its figures and, when it has one, its target."""
    xs = spec.xs()
    columns: list[cells.Column] = []
    rows: list[tuple[str, list[cells.Cell]]] = [(spec.x_label(x), []) for x in xs]
    notes: list[str] = []
    for p in panels(spec):
        part = cells.series_table(p, xs)
        name = p.title
        columns += [cells.value_column(p, name)] + [
            c if name in c.header else cells.Column(f"{c.header} {name}", f"{c.csv_header} {name}", c.numeric)
            for c in part.columns[1:]]
        for (_, mine), (_, theirs) in zip(rows, part.rows):
            mine += theirs
        notes += [n for n in part.notes if n not in notes]
    current = spec.x_label(spec.current) if spec.current in xs else None
    return cells.Table(spec.title, spec.x_title, columns, rows, current, notes=notes)


def config_problems(series: int, units: set[str]) -> list[Problem]:
    problem = count_problem(series)
    return [problem] if problem else []
