"""CPU time per chart, cold, in one process: the Vega-Lite spec (Altair) and the SVG (vl-convert).

    python -m bench.chart_cpu PROJECT [--limit N] [--json]

Takes the charts of PROJECT's newest edition as a build draws them (each KPI chart in its
desktop and phone form), draws a few to warm the JavaScript engine up, then builds every
spec and draws every SVG without any cache, timing CPU (user + system of this process,
vl-convert's engine threads included) for both steps. Issue 19's target is <= 60 ms a chart.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from generator.charts.indicator import indicator_specs
from generator.charts.render import LOCALE
from generator.charts.spec import vegalite
from generator.core.paths import ProjectPaths
from generator.core.periods import Period
from generator.site.build import compute, load


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def newest_specs(root: Path, limit: int) -> list:
    editions = compute(load(ProjectPaths.at(root))).editions
    newest = max(editions, key=lambda e: Period.parse(e.summary.period))
    specs = [
        form for g in newest.goals for ind in g.indicators
        for spec in indicator_specs(ind, newest.summary.period)
        for form in (spec, spec.model_copy(update={"phone": True}))
    ]
    return specs[:limit]


def measure(specs: list) -> dict:
    import vl_convert

    from generator.charts.fonts import bundled_fonts_only

    bundled_fonts_only()  # as a build draws (generator/charts/render.py, render_svg)

    def draw(vl: dict) -> str:
        return vl_convert.vegalite_to_svg(vl, format_locale=LOCALE, time_format_locale=LOCALE)

    for spec in specs[:5]:  # the engine's first conversions are slower (JIT): not what a build pays per chart
        draw(vegalite(spec))
    started, wall = _cpu(), time.perf_counter()
    specs_vl = [vegalite(spec) for spec in specs]
    altair_cpu = _cpu() - started
    started = _cpu()
    for vl in specs_vl:
        draw(vl)
    convert_cpu = _cpu() - started
    n = len(specs)
    return {
        "charts": n,
        "altair_ms": 1000 * altair_cpu / n,
        "vl_convert_ms": 1000 * convert_cpu / n,
        "total_ms": 1000 * (altair_cpu + convert_cpu) / n,
        "wall_ms": 1000 * (time.perf_counter() - wall) / n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure(newest_specs(args.project, args.limit))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['charts']} grafieken: {result['total_ms']:.1f} ms CPU per grafiek "
              f"(Altair {result['altair_ms']:.1f} ms, vl-convert {result['vl_convert_ms']:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
