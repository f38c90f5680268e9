"""The performance benchmark: a municipal-scale synthetic project, timed.

    .venv/bin/python -m bench.run               # full scale, 3 runs, writes bench/results.md
    .venv/bin/python -m bench.run --repeat 1 --editions 2 --indicators 3 --out /tmp/r.md

Each run generates the project afresh (bench/out/, ignored by git) and measures,
every command in its own process as an editor would run it:

- cold build: no site/, no .rapportage/ cache;
- rebuild with nothing changed;
- rebuild after one narrative edit in the draft edition;
- `check`;
- the `serve` preview: start, and the update after one narrative edit;
- the baseline: plain `mkdocs build` of the same generated pages (the engine's floor);
- the PDF of every edition (`bench/pdf.py`, charts from the cold build's cache).

Peak memory is the largest sum of resident memory of the build process and its
children, sampled every 20 ms (psutil), cross-checked with getrusage.
Results (medians, with machine information and load) go to bench/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bench import synthetic

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"

TARGETS = {  # scenario -> seconds (issue 19: a 2-core machine, full scale)
    "one_edit": 10.0,  # wall
    "unchanged": 5.0,
    "preview_edit": 2.0,
    "check": 3.0,
}
COLD_CPU_TARGET = 100.0  # seconds of CPU for the cold build
COLD_RATIO_TARGET = 1.0  # cold build wall / plain `mkdocs build` wall, same run
COLD_RATIO_AIM = 0.6
CHART_CPU_TARGET_MS = 60.0
MEMORY_TARGET_MIB = 1024
OWN_SHARE_TARGET = 0.10

LABELS = {
    "cold": "cold full build",
    "unchanged": "rebuild, nothing changed",
    "one_edit": "rebuild after one narrative edit",
    "check": "`check`",
    "preview_start": "`serve`: first build",
    "preview_edit": "`serve`: preview after one narrative edit",
    "baseline": "baseline: plain `mkdocs build` of the same pages",
}


@dataclass
class Measured:
    wall: float
    cpu: float  # user + system seconds of the process and its children
    peak_mib: float
    output: str


class PeakMemory:
    """Samples the summed RSS of a process tree until stopped."""

    def __init__(self, pid: int, interval: float = 0.02):
        self.pid, self.interval = pid, interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:  # getrusage still gives the largest single process
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        total += proc.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_measured(cmd: list[str], cwd: Path = REPO) -> Measured:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with PeakMemory(proc.pid) as mem:
        output, _ = proc.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{output}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss (KiB on Linux) is the largest single child so far: a floor for the sampled sum.
    peak = max(mem.peak / 2**20, after.ru_maxrss / 1024 if after.ru_maxrss > before.ru_maxrss else 0)
    return Measured(wall, cpu, peak, output)


def rapportage(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def last_build(root: Path) -> dict:
    return json.loads((root / ".rapportage" / "last-build.json").read_text(encoding="utf-8"))


def count_site(site: Path) -> dict[str, int]:
    pages = sum(1 for _ in site.rglob("index.html"))
    figure = re.compile(r'<figure class="rp-chart[ "]')
    charts = sum(len(figure.findall(page.read_text(encoding="utf-8"))) for page in site.rglob("index.html"))
    return {"pages": pages, "charts": charts}


def one_run(scale: synthetic.Scale, index: int, log, out: Path = OUT) -> dict:
    root = out / "project"
    project = synthetic.generate(root, scale)
    synthetic.publish_all(project)
    shutil.rmtree(root / ".rapportage", ignore_errors=True)  # publishing leaves caches: the first build is cold
    log(f"run {index}: project with {project.files} files generated, {len(project.periods) - 1} editions published")
    r: dict = {}

    m = run_measured(rapportage("build", "--project", str(root)))
    r["cold"] = m
    r["cold_stages"] = last_build(root)["stages"]
    r["site"] = count_site(root / "site")
    log(f"  cold build {m.wall:.1f} s (cpu {m.cpu:.1f} s, {m.peak_mib:.0f} MiB)")

    m = run_measured(rapportage("build", "--project", str(root)))
    assert last_build(root)["site_unchanged"], "the unchanged rebuild ran MkDocs"
    r["unchanged"] = m
    log(f"  nothing changed {m.wall:.1f} s")

    synthetic.edit_narrative(project, f"run {index}")
    m = run_measured(rapportage("build", "--project", str(root)))
    r["one_edit"] = m
    r["one_edit_stages"] = last_build(root)["stages"]
    log(f"  one edit {m.wall:.1f} s")

    r["one_edit_reused"] = last_build(root).get("pages_reused", 0)

    m = run_measured(rapportage("check", "--project", str(root)))
    r["check"] = m
    log(f"  check {m.wall:.1f} s")

    m = run_measured([sys.executable, "-m", "bench.preview", str(root), str(project.draft_narrative(project.indicator_ids[-1]))])
    preview = json.loads(m.output.strip().splitlines()[-1])
    assert preview["edit_visible"], "the preview did not show the edit"
    r["preview"] = preview
    r["preview_process"] = m
    log(f"  serve: start {preview['start_seconds']:.1f} s, edit {preview['edit_seconds']:.2f} s ({preview['edit_kind']})")

    plain = out / "baseline"
    subprocess.run([sys.executable, "-m", "bench.baseline", str(root), str(plain)], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    m = run_measured([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(plain / "mkdocs.yml"), "-d", str(plain / "site")])
    r["baseline"] = m
    log(f"  baseline mkdocs build {m.wall:.1f} s")

    r["cold_ratio"] = r["cold"].wall / m.wall

    m = run_measured([sys.executable, "-m", "bench.chart_cpu", str(root), "--json"])
    r["chart_cpu"] = json.loads(m.output.strip().splitlines()[-1])
    log(f"  per chart {r['chart_cpu']['total_ms']:.1f} ms CPU")

    # The PDF of every edition (issue 19), charts from the build's cache, in one process.
    m = run_measured([sys.executable, "-m", "bench.pdf", "--project", str(root), "--json"])
    r["pdf"] = json.loads(m.output.strip().splitlines()[-1])
    r["pdf_process"] = m
    log(f"  PDF of {len(r['pdf']['editions'])} editions {sum(e['wall'] for e in r['pdf']['editions']):.1f} s "
        f"(process {m.wall:.1f} s, cpu {m.cpu:.1f} s)")
    return r


def machine() -> dict[str, str]:
    from importlib.metadata import version

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    versions = []
    for pkg in ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pydantic", "altair", "vl-convert-python"):
        try:
            versions.append(f"{pkg} {version(pkg)}")
        except Exception:
            pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical cores",
        "memory": mem,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": ", ".join(versions),
        "commit": commit or "?",
    }


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def _fmt_row(name: str, values: list[float], target: float | None, unit: str = "s") -> str:
    med = statistics.median(values)
    spread = f"{min(values):.2f}–{max(values):.2f}" if len(values) > 1 else ""
    verdict = ""
    if target is not None:
        verdict = f"≤ {target:g} {unit}: " + ("**gehaald**" if med <= target else "**niet gehaald**")
    return f"| {name} | {med:.2f} | {spread} | {verdict} |"


def report(runs: list[dict], scale: synthetic.Scale, info: dict, load_before: str, load_after: str, started: str) -> str:
    med = statistics.median
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m bench.run` (see `docs/dev/performance.md`). Do not edit by hand.",
        "",
        f"- date: {started}",
        f"- machine: {info['cpu']}, {info['memory']} memory, {info['system']}, Python {info['python']}",
        f"- packages: {info['packages']}",
        f"- commit: {info['commit']}",
        f"- load average (1/5/15 min) before: {load_before}; after: {load_after} "
        "(the machine is shared: wall times above the CPU times mean waiting for a core)",
        f"- project: {scale.editions} editions × {scale.indicators} indicators × {scale.series} series"
        f" ({runs[0]['site']['pages']} pages, {runs[0]['site']['charts']} charts in the site)",
        f"- runs: {len(runs)}; figures are medians (and the range)",
        "",
        "## Wall time (seconds)",
        "",
        "| what | median | range | target |",
        "|---|---|---|---|",
    ]
    lines.append(_fmt_row(LABELS["cold"], [r["cold"].wall for r in runs], None))
    lines.append(_fmt_row(LABELS["unchanged"], [r["unchanged"].wall for r in runs], TARGETS["unchanged"]))
    lines.append(_fmt_row(LABELS["one_edit"], [r["one_edit"].wall for r in runs], TARGETS["one_edit"]))
    lines.append(_fmt_row(LABELS["check"], [r["check"].wall for r in runs], TARGETS["check"]))
    lines.append(_fmt_row(LABELS["preview_start"], [r["preview"]["start_seconds"] for r in runs], None))
    lines.append(_fmt_row(LABELS["preview_edit"], [r["preview"]["edit_seconds"] for r in runs], TARGETS["preview_edit"]))
    lines.append(_fmt_row(LABELS["baseline"], [r["baseline"].wall for r in runs], None))
    lines += [
        "",
        "## CPU time (seconds, user + system, process and children)",
        "",
        "Less sensitive to other users of the machine than wall time.",
        "",
        "| what | median | range | |",
        "|---|---|---|---|",
    ]
    for key in ("cold", "unchanged", "one_edit", "check", "baseline"):
        lines.append(_fmt_row(LABELS[key], [r[key].cpu for r in runs], COLD_CPU_TARGET if key == "cold" else None))
    ratios = [r["cold_ratio"] for r in runs]
    chart = [r["chart_cpu"] for r in runs]
    lines += [
        "",
        "## The cold build against plain MkDocs, and one chart",
        "",
        "| what | median | range | target |",
        "|---|---|---|---|",
        _fmt_row("cold build wall / plain `mkdocs build` wall (same run)", ratios, COLD_RATIO_TARGET, "x"),
        _fmt_row("the same ratio against the aim", ratios, COLD_RATIO_AIM, "x"),
        _fmt_row("one chart, cold, CPU ms (Altair + vl-convert; `bench/chart_cpu.py`)", [c["total_ms"] for c in chart], CHART_CPU_TARGET_MS, "ms"),
        _fmt_row("of which the Vega-Lite spec (Altair), CPU ms", [c["altair_ms"] for c in chart], None),
        _fmt_row("of which the SVG (vl-convert), CPU ms", [c["vl_convert_ms"] for c in chart], None),
        "",
        f"The one-edit rebuild took {statistics.median([r['one_edit_reused'] for r in runs]):.0f} of "
        f"{runs[0]['site']['pages']} pages unchanged from the old site (incremental build).",
    ]
    peaks = [max(r[k].peak_mib for k in ("cold", "unchanged", "one_edit", "check", "preview_process")) for r in runs]
    lines += [
        "",
        "## Peak memory",
        "",
        "| what | median MiB | range | target |",
        "|---|---|---|---|",
        _fmt_row("cold full build", [r["cold"].peak_mib for r in runs], None, "MiB"),
        _fmt_row("any command above (largest)", peaks, MEMORY_TARGET_MIB, "MiB"),
        _fmt_row("baseline `mkdocs build`", [r["baseline"].peak_mib for r in runs], None, "MiB"),
    ]
    stages = sorted({k for r in runs for k in r["cold_stages"]}, key=lambda k: list(runs[0]["cold_stages"]).index(k) if k in runs[0]["cold_stages"] else 99)
    engine = {"mkdocs", "charts"}
    own = [sum(v for k, v in r["cold_stages"].items() if k not in engine) for r in runs]
    # Interpreter start and imports count as the generator's own work too.
    startup = [r["cold"].wall - sum(r["cold_stages"].values()) for r in runs]
    share = [(o + s) / r["cold"].wall for o, s, r in zip(own, startup, runs)]
    lines += [
        "",
        "## Where the cold build spends its time (seconds)",
        "",
        "| stage | median |",
        "|---|---|",
    ]
    for k in stages:
        lines.append(f"| {k} | {med([r['cold_stages'].get(k, 0.0) for r in runs]):.2f} |")
    lines.append(f"| start-up and imports | {med(startup):.2f} |")
    lines += [
        "",
        f"The generator's own work (everything but `mkdocs` and `charts`, start-up included): "
        f"{med(own) + med(startup):.2f} s, **{med(share) * 100:.1f}%** of the cold build "
        f"(target ≤ {OWN_SHARE_TARGET * 100:.0f}%: {'gehaald' if med(share) <= OWN_SHARE_TARGET else 'niet gehaald'}).",
        "",
        f"`serve` after an edit: the generator (load, compute, render) took {med([r['preview']['edit_generator_seconds'] for r in runs]):.2f} s "
        f"of the {med([r['preview']['edit_seconds'] for r in runs]):.2f} s; the site update was `{runs[0]['preview']['edit_kind']}`.",
        "",
    ]
    return "\n".join(lines + pdf_report(runs))


def pdf_report(runs: list[dict]) -> list[str]:
    """The PDF of every edition (bench/pdf.py in its own process after the builds)."""
    med = statistics.median
    editions = [sorted(r["pdf"]["editions"], key=lambda e: e["period"]) for r in runs]
    count = len(editions[0])
    pages = [sum(e["pages"] for e in run) for run in editions]
    largest = max(editions[0], key=lambda e: e["pages"])
    load = " / ".join(f"{x:.2f}" for x in runs[-1]["pdf"]["load_before"])
    lines = [
        f"## The PDF of every edition ({count} editions, Typst, `bench/pdf.py`)",
        "",
        "Per edition: render its pages, build the Typst source, compile (PDF/A-2a + PDF/UA-1)"
        " and tag the row headers in a process of its own, as `build --pdf` does; charts come"
        " from the build's cache."
        f" Load average (1/5/15 min) before the PDFs of the last run: {load}.",
        "",
        "| what | median | range | |",
        "|---|---|---|---|",
        _fmt_row(f"all {count} editions, wall (s)", [sum(e["wall"] for e in run) for run in editions], None),
        _fmt_row(f"all {count} editions, CPU (s)", [sum(e["cpu"] for e in run) for run in editions], None),
        _fmt_row("the process (start, load, compute, all PDFs), wall (s)", [r["pdf_process"].wall for r in runs], None),
        _fmt_row(f"largest edition ({largest['period']}, {largest['pages']} pages), wall (s)",
                 [next(e["wall"] for e in run if e["period"] == largest["period"]) for run in editions], None),
        _fmt_row("per page, wall (ms)", [1000 * sum(e["wall"] for e in run) / p for run, p in zip(editions, pages)], None),
        "",
        "| edition | pages | charts | wall (s) | CPU (s) | of which source (s) |",
        "|---|---|---|---|---|---|",
    ]
    for i, first in enumerate(editions[0]):
        per = [run[i] for run in editions]
        lines.append(f"| {first['period']} | {first['pages']} | {first['charts']} | {med(e['wall'] for e in per):.2f} "
                     f"| {med(e['cpu'] for e in per):.2f} | {med(e['source_wall'] for e in per):.2f} |")
    lines.append("")
    return lines


# Everything from this line on in results.md is written by hand (measurements `bench.run`
# does not make) and is kept when the generated part above it is replaced.
HAND_WRITTEN = "<!-- written by hand below this line: bench.run keeps it -->"


def _hand_written(out: Path) -> str:
    if not out.is_file():
        return ""
    old = out.read_text(encoding="utf-8")
    at = old.find(HAND_WRITTEN)
    return "" if at < 0 else "\n" + old[at:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--editions", type=int, default=synthetic.Scale.editions)
    parser.add_argument("--indicators", type=int, default=synthetic.Scale.indicators)
    parser.add_argument("--series", type=int, default=synthetic.Scale.series)
    parser.add_argument("--measures", type=int, default=synthetic.Scale.measures)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    parser.add_argument("--workdir", type=Path, default=OUT, help="where the synthetic project is generated")
    args = parser.parse_args(argv)
    scale = synthetic.Scale(args.editions, args.indicators, args.series, args.measures)
    started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load_before = _load()

    def log(text: str) -> None:
        print(text, flush=True)

    runs = [one_run(scale, i + 1, log, args.workdir) for i in range(args.repeat)]
    text = report(runs, scale, machine(), load_before, _load(), started)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + _hand_written(args.out), encoding="utf-8")
    log(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
