"""How long `rapportage check` takes to refuse hostile input, in a fresh process each run.

The point of the limits in generator/load/yamlfile.py is that no input makes a check
slow; this shows the worst cases next to the example project itself. Without the
pre-scan, ruamel alone needs tens of seconds for 2.000 nested brackets, minutes for
500.000 list items, and an alias bomb exhausts memory.

    .venv/bin/python bench/badinput.py            # 3 runs per case
    .venv/bin/python bench/badinput.py --runs 5
    .venv/bin/python bench/badinput.py --build --runs 1 --only limits   # the 10 MB target

The "limits" cases are the largest inputs each limit lets through (and a project of
about 10 MB made of all of them): docs/dev/security.md promises that any project up to
10 MB is checked or built within 60 s and 1.5 GiB, or refused. Each run reports wall
time, CPU time (user + system) and the peak memory (max RSS) of its process.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NARRATIVE = "content/edities/2023-Q1/indicatoren/eigen-regie.yml"
FOREWORD = "content/edities/2023-Q1/editie.yml"


def _bomb() -> str:
    lines = ['a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(8):
        this, prev = chr(98 + i), chr(97 + i)
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\ntoelichting: *i\n"


def _narratives_at_limit(project: Path) -> None:
    """Every KPI narrative of the concept edition just under the 50,000-character limit."""
    line = ("  Een lange regel tekst over de wachttijden, met **nadruk** en een [link](https://example.org).\n"
            "  Een tweede regel zonder link, zodat de tekst onder de grens van 500 links blijft.\n")
    for path in sorted((project / "content/edities/2023-Q3/indicatoren").glob("*.yml")):
        path.write_text("toelichting: |\n" + line * (49_000 // len(line)), encoding="utf-8")


def _pages_at_limit(project: Path) -> None:
    """Five free pages just under the 200,000-character limit, with lists nested 15 deep."""
    block = "".join("  " * depth + "- punt\n" for depth in range(15)) + "\nEen alinea met *nadruk*.\n\n"
    for i in range(5):
        (project / f"content/edities/2023-Q3/paginas/lang-{i}.md").write_text(
            f"# Lange pagina {i}\n\n" + block * (199_000 // len(block)), encoding="utf-8")


def _figures_at_limit(project: Path, per_pair: int | None = None) -> None:
    """The largest figures file that is valid: every (indicator, series) of the example
    reaches back 50 years, 200 quarters (MAX_PERIODS_PER_SERIES), so every KPI page has a
    history of 200 periods. `per_pair` 2,000 (49,000 rows) is refused at the limit."""
    path = project / "data/indicatoren.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=";"))
    header, body = rows[0], rows[1:]
    first: dict[tuple[str, str], list[str]] = {}
    for row in body:
        first.setdefault((row[0], row[1]), row)
    per_pair = (per_pair or 200) - 7  # the example has 7 quarters per series
    start = 2022 - (per_pair + 3) // 4
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    skip = (4 - per_pair % 4) % 4  # start mid-year so the last generated quarter is 2021-Q4
    for (indicator, series), row in first.items():
        for n in range(per_pair):
            q = n + skip
            writer.writerow([indicator, series, f"{start + q // 4}-Q{q % 4 + 1}", *row[3:]])
        writer.writerows(r for r in body if (r[0], r[1]) == (indicator, series))
    path.write_text(out.getvalue(), encoding="utf-8")


def _table_rows(project: Path, rows: int = 1_000) -> None:
    """The complaints list (a text table and a cross table read it) at the text table's
    limit of 1,000 rows; `rows` 49,000 (just under the CSV row limit) is refused."""
    path = project / "data/2023-Q3/klachten.csv"
    header, *body = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(header + "".join(body[i % len(body)] for i in range(rows)), encoding="utf-8")


def _figures_over_limit(project: Path) -> None:
    """60,000 rows (3 MB): refused at the row limit before anything is parsed further."""
    path = project / "data/indicatoren.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "eigen-regie;Jeugd;2023-Q4;80\n" * 60_000, encoding="utf-8")


def _unreferenced_data(project: Path) -> None:
    """8 MB of CSV under data/ that nothing references (the data trap reads names, not bytes)."""
    (project / "data/oud-archief.csv").write_text("a;b;c\n" + "1;2;3\n" * 1_300_000, encoding="utf-8")


def _ten_megabytes(project: Path) -> None:
    """All of the above that is valid, together: about 10 MB of input."""
    for make in (_narratives_at_limit, _pages_at_limit, _figures_at_limit, _table_rows, _unreferenced_data):
        make(project)


LIMIT_CASES = {
    "limits: 11 narratives of 49,000 characters": _narratives_at_limit,
    "limits: 5 free pages of 199,000 characters": _pages_at_limit,
    "limits: 200 periods per series (largest allowed)": _figures_at_limit,
    "limits: 2,000 periods per series (refused)": lambda project: _figures_at_limit(project, 2_000),
    "limits: 60,000 figures rows (refused)": _figures_over_limit,
    "limits: text table of 1,000 rows (largest allowed)": _table_rows,
    "limits: text table of 49,000 rows (refused)": lambda project: _table_rows(project, 49_000),
    "limits: 8 MB unreferenced CSV": _unreferenced_data,
    "limits: all together (about 10 MB)": _ten_megabytes,
}

CASES: dict[str, tuple[str, str] | None] = {
    "example project (valid)": None,
    "alias bomb (387 million items expanded)": (NARRATIVE, _bomb()),
    "5.000 nested brackets": (NARRATIVE, "toelichting: " + "[" * 5000 + "]" * 5000 + "\n"),
    "500.000 list items (2 MB)": (NARRATIVE, "toelichting:\n" + "  - x\n" * 500_000),
    "19.000 values (largest allowed)": (NARRATIVE, "toelichting:\n" + "  - x\n" * 19_000),
    "1 MB narrative text (largest allowed)": (NARRATIVE, "toelichting: |\n" + "  Een lange regel tekst over de wachttijden.\n" * 23_000),
    "{{ 9**9**9 }} in a narrative": (NARRATIVE, "toelichting: |\n  Zie {{ 9**9**9 }}.\n"),
}


def timed(project: Path, command: str = "check") -> tuple[float, int, float, float]:
    """(wall s, exit code, CPU s, peak RSS MiB) of one command in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", command, "--project", str(project)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return wall, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _input_megabytes(project: Path) -> float:
    return sum(p.stat().st_size for name in ("content", "data") for p in (project / name).rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build", action="store_true", help="also time `build` (each run a cold build)")
    parser.add_argument("--only", choices=("yaml", "limits"), help="only the YAML cases or only the limit cases")
    args = parser.parse_args()
    cases: dict = {}
    if args.only != "limits":
        cases.update(CASES)
    if args.only != "yaml":
        cases.update(LIMIT_CASES)
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, change in cases.items():
            project = Path(tmp) / "project"
            shutil.rmtree(project, ignore_errors=True)
            for name in ("content", "data", "templates"):
                if (ROOT / name).is_dir():
                    shutil.copytree(ROOT / name, project / name)
            shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
            if callable(change):
                change(project)
            elif change:
                rel, text = change
                (project / rel).write_text(text, encoding="utf-8")
            for command in ("check", "build") if args.build else ("check",):
                runs = []
                for _ in range(args.runs):
                    shutil.rmtree(project / ".rapportage", ignore_errors=True)
                    shutil.rmtree(project / "site", ignore_errors=True)
                    runs.append(timed(project, command))
                wall = statistics.median(r[0] for r in runs)
                codes = ",".join(map(str, sorted({r[1] for r in runs})))
                cpu = statistics.median(r[2] for r in runs)
                rss = max(r[3] for r in runs)
                print(f"{label:44s} {_input_megabytes(project):5.1f} MB  {command:5s} exit {codes}  "
                      f"wall {wall:6.2f} s  cpu {cpu:6.2f} s  peak {rss:6.0f} MiB  (load {os.getloadavg()[0]:.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
