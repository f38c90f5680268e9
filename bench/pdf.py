"""Time of the edition PDFs (Typst) of the synthetic benchmark project, per edition.

    .venv/bin/python -m bench.pdf                   # full scale (12 editions x 80 KPIs)
    .venv/bin/python -m bench.pdf --indicators 11   # a council-sized edition

Generates the project (bench/out/pdf/), validates and computes it once, draws its
charts once (the chart cache, as a build would have), then per edition: render its
pages, build the Typst source, compile the PDF. Prints pages and seconds per edition
and the load average. Not a test: nothing is asserted. Results: docs/dev/pdf.md.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import time
from pathlib import Path

from bench import synthetic

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from pypdf import PdfReader

    from generator.core.paths import ProjectPaths
    from generator.pdf.typst_writer import compile_pdf, edition_typst
    from generator.site.build import check, print_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=synthetic.Scale.editions)
    parser.add_argument("--indicators", type=int, default=synthetic.Scale.indicators)
    args = parser.parse_args()
    dest = ROOT / "bench" / "out" / "pdf"
    shutil.rmtree(dest, ignore_errors=True)
    scale = synthetic.Scale(editions=args.editions, indicators=args.indicators)
    project = synthetic.generate(dest, scale)
    synthetic.publish_all(project)
    paths = ProjectPaths.at(dest)
    computed = check(paths)
    settings = print_settings(paths, computed.model)
    rows = []
    for n, edition in enumerate(computed.editions):
        started = time.perf_counter()
        document = edition_typst(paths, edition, settings)
        source = time.perf_counter()
        pdf = compile_pdf(document)
        done = time.perf_counter()
        if n == 0:  # the first one also drew the charts (nothing cached yet): time it again
            started = time.perf_counter()
            document = edition_typst(paths, edition, settings)
            source = time.perf_counter()
            pdf = compile_pdf(document)
            done = time.perf_counter()
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        rows.append((edition.summary.period, pages, source - started, done - source, done - started))
        print(f"{edition.summary.period}: {pages} pagina's, bron {source - started:.2f} s, "
              f"compileren {done - source:.2f} s, totaal {done - started:.2f} s", flush=True)
    total = sum(r[4] for r in rows)
    print(f"alle {len(rows)} edities: {total:.1f} s; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
