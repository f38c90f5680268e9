"""Time of the edition PDFs (Typst), per edition, of the synthetic benchmark project.

    .venv/bin/python -m bench.pdf                   # full scale (12 editions x 80 KPIs)
    .venv/bin/python -m bench.pdf --indicators 11   # a council-sized edition
    .venv/bin/python -m bench.pdf --project DIR --json   # a project already built (bench.run)

Without --project it generates the project (bench/out/pdf/) and builds it once, so the
charts are drawn and cached as a build leaves them. Then it validates and computes the
project once and per edition renders its pages, builds the Typst source and compiles the
PDF in a process of its own (as `build --pdf` does), timing wall and CPU (this process's
and the compiling process's, all threads, Typst's included). Prints pages and seconds per edition and the load average;
with --json one JSON line at the end for bench.run. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import time
from pathlib import Path

from bench import synthetic

ROOT = Path(__file__).resolve().parents[1]


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_editions(root: Path, log=print) -> dict:
    """Every edition's PDF of the project at `root`, timed: per edition its period, pages,
    wall and CPU seconds (source: render + Typst markup; compile: Typst + tagging)."""
    from pypdf import PdfReader

    from generator.core.paths import ProjectPaths
    from generator.pdf.typst_writer import compile_pdf_isolated, edition_typst
    from generator.render.renderer import Renderer
    from generator.site.build import check, print_settings

    load_before = os.getloadavg()
    paths = ProjectPaths.at(root)
    computed = check(paths)
    settings = print_settings(paths, computed.model)
    renderer = Renderer(paths)
    rows = []
    for edition in computed.editions:
        wall, cpu, child = time.perf_counter(), time.process_time(), _children_cpu()
        document = edition_typst(paths, edition, settings, renderer)
        source_wall, source_cpu = time.perf_counter() - wall, time.process_time() - cpu
        pdf = compile_pdf_isolated(document)  # as `build --pdf` does: Typst's cache goes with it
        row = {
            "period": edition.summary.period,
            "pages": len(PdfReader(io.BytesIO(pdf)).pages),
            "charts": document.charts,
            "source_wall": source_wall, "source_cpu": source_cpu,
            "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu + _children_cpu() - child,  # the compiling process's too
        }
        rows.append(row)
        log(f"{row['period']}: {row['pages']} pagina's, bron {source_wall:.2f} s, totaal {row['wall']:.2f} s "
            f"(cpu {row['cpu']:.2f} s)")
    return {"editions": rows, "load_before": load_before, "load_after": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=synthetic.Scale.editions)
    parser.add_argument("--indicators", type=int, default=synthetic.Scale.indicators)
    parser.add_argument("--project", type=Path, help="a project already built (its charts cached)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line (for bench.run)")
    args = parser.parse_args()
    root = args.project
    if root is None:
        from generator.cli import main as rapportage

        root = ROOT / "bench" / "out" / "pdf"
        shutil.rmtree(root, ignore_errors=True)
        project = synthetic.generate(root, synthetic.Scale(editions=args.editions, indicators=args.indicators))
        synthetic.publish_all(project)
        rapportage(["build", "--project", str(root)])  # draws the charts into the cache
    result = time_editions(root, log=(lambda text: None) if args.json else print)
    rows = result["editions"]
    if args.json:
        print(json.dumps(result))
        return
    print(f"alle {len(rows)} edities: {sum(r['wall'] for r in rows):.1f} s (cpu {sum(r['cpu'] for r in rows):.1f} s); "
          f"load average {result['load_before']} -> {result['load_after']}")


if __name__ == "__main__":
    main()
