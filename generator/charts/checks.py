"""Cross-checks of an indicator's `grafiek:` that need the indicator: its series and units.

The series check holds for every kind; what a kind needs besides (two series for
`begroting`, summable units for `gestapeld` and `aandelen`) is the kind's own
`config_problems` (charts/kinds/). Messages are Dutch, for the editor.
"""

from __future__ import annotations

from generator.charts.kinds import KINDS
from generator.core.problems import Problems, suggest
from generator.core.vocabulary import ChartKind
from generator.load.yamlfile import YamlDoc
from generator.model.schema import IndicatorDefinition


def check_chart_config(ind: IndicatorDefinition, doc: YamlDoc, loc: tuple, problems: Problems) -> None:
    """Cross-checks of `grafiek:` that need the indicator: its series and periods."""
    chart = ind.chart
    assert chart is not None
    names = [s.name for s in ind.series]
    for j, name in enumerate(chart.series):
        if name not in names:
            problems.add(
                doc.rel, doc.line_of(loc + ("reeksen", j)), f"reeks `{name}` bestaat niet bij `{ind.id}`",
                suggest(name, names) or ("kies uit: " + ", ".join(names) if names else "deze indicator heeft geen reeksen; laat `reeksen` weg"),
            )
    _check_highlight(ind, doc, loc, problems)
    kind = KINDS.get(chart.kind)  # type: ignore[call-overload]
    if kind is None:  # `geen`: nothing is drawn
        return
    chosen = [s for s in ind.series if not chart.series or s.name in chart.series]
    units = {s.unit or ind.unit for s in chosen} or {ind.unit}
    for message, hint in kind.config_problems(len(chosen), units):
        problems.add(doc.rel, doc.line_of(loc + ("soort",)), message, hint)


def _check_highlight(ind: IndicatorDefinition, doc: YamlDoc, loc: tuple, problems: Problems) -> None:
    """`uitgelicht` names one of the indicator's series, and only a `vergelijking` has it."""
    chart = ind.chart
    assert chart is not None
    if chart.highlight is None:
        return
    line = doc.line_of(loc + ("uitgelicht",))
    if chart.kind != ChartKind.COMPARISON:
        problems.add(doc.rel, line, f"`uitgelicht` hoort alleen bij een grafiek van soort `{ChartKind.COMPARISON}`",
                     f"kies `soort: {ChartKind.COMPARISON}` of laat `uitgelicht` weg")
        return
    names = [s.name for s in ind.series]
    if chart.highlight not in names:
        problems.add(doc.rel, line, f"`uitgelicht`: reeks `{chart.highlight}` bestaat niet bij `{ind.id}`",
                     suggest(chart.highlight, names) or "kies uit: " + ", ".join(names))
