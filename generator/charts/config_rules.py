"""`grafiek:` rules that several chart kinds share; the messages are Dutch, for the editor."""

from __future__ import annotations

from generator.charts.kind_module import Problem
from generator.core.vocabulary import ChartKind, Unit

# Units of averages and rates: adding them up means nothing.
_AVERAGES = {Unit.PERCENTAGE, Unit.GRADE}


def summed_units(kind: ChartKind, units: set[str]) -> list[Problem]:
    """A kind that adds series up: no percentages or grades, and one unit."""
    averages = units & _AVERAGES
    if averages:
        return [(
            f"een grafiek van soort `{kind}` telt reeksen bij elkaar op; "
            f"dat kan niet met de eenheid {', '.join(sorted(averages))}",
            "kies `lijn`, `staven` of `gegroepeerd`, of reeksen met aantallen of bedragen",
        )]
    return one_unit(kind, units)


def one_unit(kind: ChartKind, units: set[str]) -> list[Problem]:
    """A kind that adds up or compares series: they share one unit."""
    if len(units) > 1:
        return [(
            f"een grafiek van soort `{kind}` telt reeksen bij elkaar op of vergelijkt ze; "
            f"dat kan alleen met reeksen in dezelfde eenheid (nu: {', '.join(sorted(units))})",
            "kies met `reeksen` alleen reeksen met dezelfde eenheid",
        )]
    return []
