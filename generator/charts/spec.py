"""ChartSpec -> Vega-Lite spec, built with Altair by the chart's kind (charts/kinds/).

Each kind returns `to_dict(validate=False)`: the schema check costs more than the whole
render and the specs are ours. Axis ticks get the nl-NL locale from vl-convert.
"""

from __future__ import annotations

from typing import Any

from generator.charts.lazy import schemapi

from generator.charts.kinds import kind_module
from generator.charts.model import ChartSpec


def vegalite(spec: ChartSpec) -> dict[str, Any]:
    """The Vega-Lite spec of a chart, ready for vl-convert."""
    # Altair checks every object against the schema as it is made (its "debug mode");
    # that costs more than drawing the chart. Our specs are fixed code, tested once.
    with schemapi.debug_mode(False):
        return kind_module(spec.kind).vegalite(spec)
