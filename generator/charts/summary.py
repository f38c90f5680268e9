"""The Dutch text alternative of a chart: what a sighted reader takes from it, in words.

"Van Q1 2022 tot Q3 2023 steeg Gebruik e-health van 5% naar 11%; de streefwaarde is
minimaal 10%." The text is a pure function of the ChartSpec: the kind's sentences
(charts/kinds/), then the notes, with every figure formatted as the page formats it.
No figure is named as such, never as 0.
"""

from __future__ import annotations

from generator.charts.kinds import kind_module
from generator.charts.model import ChartSpec
from generator.charts.sentences import sentence


def summarise(spec: ChartSpec) -> str:
    sentences = kind_module(spec.kind).summary(spec)
    sentences += [f"Opmerking bij {spec.x_label(n.x)}: {n.text.rstrip('.')}" for n in spec.notes]
    text = " ".join(sentence(s) for s in sentences if s)
    return text or f"{spec.title}: er zijn geen cijfers."
