"""Charts per second, cold (empty cache) and cached, on the example project's charts.

    .venv/bin/python bench/charts.py            # every chart of the example site
    .venv/bin/python bench/charts.py --copies 3 # 3 variants of each (more work per run)
    .venv/bin/python bench/charts.py --workers 1

Cold: a fresh cache folder, every chart drawn (process pool on all cores when there
are enough). Cached: the same charts again: read from the cache, nothing drawn.
Blocks: what a build with a warm cache pays per chart: the HTML block (summary, table,
CSV) and the SVG read from the cache and put into the page.
Prints one line per run; the numbers go into the issue's closing note.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.render.chart_blocks import ChartBook  # noqa: E402
from generator.render.model import Address  # noqa: E402
from generator.charts.indicator import indicator_specs  # noqa: E402
from generator.charts.model import ChartRow, ChartSpec  # noqa: E402
from generator.charts.render import ChartCache, default_workers, render_all  # noqa: E402
from generator.site.build import compute, load  # noqa: E402
from generator.core.paths import ProjectPaths  # noqa: E402


def example_specs(copies: int) -> list[ChartSpec]:
    editions = compute(load(ProjectPaths.at(ROOT))).editions
    base = [
        spec for e in editions for g in e.goals for ind in g.indicators
        for spec in indicator_specs(ind, e.summary.period)
    ]
    out = list(base)
    for n in range(1, copies):  # variants: same shape, other figures, so other cache keys
        for spec in base:
            rows = [ChartRow(x=r.x, series=r.series, value=None if r.value is None else r.value + n) for r in spec.rows]
            out.append(spec.model_copy(update={"rows": rows, "id": f"{spec.id}-{n}"}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()
    specs = example_specs(args.copies)
    with tempfile.TemporaryDirectory(prefix="rapportage-bench-") as tmp:
        cache = ChartCache(Path(tmp))
        for label in ("koud", "cache"):
            started = time.perf_counter()
            _, stats = render_all(specs, cache, workers=args.workers)
            seconds = time.perf_counter() - started
            print(
                f"{label:6s}: {stats.charts} grafieken in {seconds:.2f} s = {stats.charts / seconds:.1f} grafieken/s "
                f"({stats.rendered} getekend, {stats.cached} uit cache, {stats.workers} proces(sen), "
                f"{os.cpu_count()} cores)"
            )
        book = ChartBook(ProjectPaths.at(ROOT), workers=args.workers)
        book.cache = cache
        started = time.perf_counter()
        for spec in specs:
            book.block(spec, Address(f"bench/{spec.id}/"))
        book.finish([])
        seconds = time.perf_counter() - started
        print(f"blokken: {len(specs)} grafieken in {seconds:.2f} s = {len(specs) / seconds:.1f} grafieken/s "
              f"(HTML-blok, samenvatting, tabel, CSV; SVG uit cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
