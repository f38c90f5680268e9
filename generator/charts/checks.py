"""Checks of an indicator's `grafiek:` that need the indicator: its series and their units.

Run by the check orchestration (generator/site/build.py) together with every other
problem of the model, so an editor sees them all at once.
"""

from __future__ import annotations

from generator.core.problems import Problems, suggest
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
    chosen = [s for s in ind.series if not chart.series or s.name in chart.series]
    units = {s.unit or ind.unit for s in chosen} or {ind.unit}
    if chart.kind == "begroting" and len(chosen) != 2:
        problems.add(
            doc.rel, doc.line_of(loc + ("soort",)),
            "een grafiek van soort `begroting` vergelijkt precies twee reeksen (begroting en prognose of realisatie)",
            "kies ze met `reeksen: [Begroting, Prognose]`",
        )
    averages = units & {"percentage", "rapportcijfer"}
    if chart.kind in ("gestapeld", "aandelen") and averages:
        problems.add(
            doc.rel, doc.line_of(loc + ("soort",)),
            f"een grafiek van soort `{chart.kind}` telt reeksen bij elkaar op; "
            f"dat kan niet met de eenheid {', '.join(sorted(averages))}",
            "kies `lijn`, `staven` of `gegroepeerd`, of reeksen met aantallen of bedragen",
        )
    elif chart.kind in ("gestapeld", "aandelen", "begroting") and len(units) > 1:
        problems.add(
            doc.rel, doc.line_of(loc + ("soort",)),
            f"een grafiek van soort `{chart.kind}` telt reeksen bij elkaar op of vergelijkt ze; "
            f"dat kan alleen met reeksen in dezelfde eenheid (nu: {', '.join(sorted(units))})",
            "kies met `reeksen` alleen reeksen met dezelfde eenheid",
        )
