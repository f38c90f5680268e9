"""The Dutch text alternative of a chart: what a sighted reader takes from it, in words.

"Van Q1 2022 tot Q3 2023 steeg Gebruik e-health van 5% naar 11%; de streefwaarde is
minimaal 10%." The text is a pure function of the ChartSpec: the kind's sentences
(charts/kinds/), then the notes, with every figure formatted as the page formats it.
No figure is named as such, never as 0.
"""

from __future__ import annotations

from generator.charts.kinds import kind_module
from generator.charts.model import ChartSpec
from generator.charts.sentences import and_list, sentence
from generator.charts.values import marked, value_text


def summarise(spec: ChartSpec) -> str:
    sentences = kind_module(spec.kind).summary(spec)
    sentences += [f"Opmerking bij {spec.x_label(n.x)}: {n.text.rstrip('.')}" for n in spec.notes]
    sentences += _marks(spec)
    text = " ".join(sentence(s) for s in sentences if s)
    return text or f"{spec.title}: er zijn geen cijfers."


def _marks(spec: ChartSpec) -> list[str]:
    """Which figures are a bound or an estimate: the open points of the chart, in words."""
    parts = [
        f"{spec.x_label(r.x)}{' ' + r.series if r.series and r.series != spec.x_label(r.x) else ''}: "
        f"{marked(value_text(spec, r.value), r.comparator, r.estimate)}"
        for r in spec.rows if r.marked and r.value is not None
    ]
    return [f"Niet exact gemeten: {and_list(parts)}"] if parts else []
