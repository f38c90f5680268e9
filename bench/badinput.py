"""How long `rapportage check` takes to refuse hostile input, in a fresh process each run.

The point of the limits in generator/load/yamlfile.py is that no input makes a check
slow; this shows the worst cases next to the example project itself. Without the
pre-scan, ruamel alone needs tens of seconds for 2.000 nested brackets, minutes for
500.000 list items, and an alias bomb exhausts memory.

    .venv/bin/python bench/badinput.py            # 3 runs per case
    .venv/bin/python bench/badinput.py --runs 5
"""

from __future__ import annotations

import argparse
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


CASES: dict[str, tuple[str, str] | None] = {
    "example project (valid)": None,
    "alias bomb (387 million items expanded)": (NARRATIVE, _bomb()),
    "5.000 nested brackets": (NARRATIVE, "toelichting: " + "[" * 5000 + "]" * 5000 + "\n"),
    "500.000 list items (2 MB)": (NARRATIVE, "toelichting:\n" + "  - x\n" * 500_000),
    "19.000 values (largest allowed)": (NARRATIVE, "toelichting:\n" + "  - x\n" * 19_000),
    "1 MB narrative text (largest allowed)": (NARRATIVE, "toelichting: |\n" + "  Een lange regel tekst over de wachttijden.\n" * 23_000),
    "{{ 9**9**9 }} in a narrative": (NARRATIVE, "toelichting: |\n  Zie {{ 9**9**9 }}.\n"),
}


def timed(project: Path) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--project", str(project)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600,
    )
    return time.perf_counter() - started, result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, change in CASES.items():
            project = Path(tmp) / "project"
            shutil.rmtree(project, ignore_errors=True)
            for name in ("content", "data"):
                shutil.copytree(ROOT / name, project / name)
            if change:
                rel, text = change
                (project / rel).write_text(text, encoding="utf-8")
            runs = [timed(project) for _ in range(args.runs)]
            seconds = [s for s, _ in runs]
            codes = sorted({c for _, c in runs})
            print(f"{label:42s} exit {','.join(map(str, codes))}  median {statistics.median(seconds):.2f} s  max {max(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
