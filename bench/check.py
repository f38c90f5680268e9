"""How long `rapportage check` takes on the example project, as a pre-commit hook runs it.

Each run is a fresh process (interpreter start and imports included), like a hook.

    .venv/bin/python bench/check.py            # 10 runs
    .venv/bin/python bench/check.py --runs 20
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    commands = {
        "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
        "rapportage --version (CLI imports)": [sys.executable, "-m", "generator", "--version"],
        "rapportage check": [sys.executable, "-m", "generator", "check", "--project", str(ROOT)],
    }
    for label, cmd in commands.items():
        timed(cmd)  # warm the file cache
        runs = [timed(cmd) for _ in range(args.runs)]
        print(f"{label:40s} median {statistics.median(runs):.3f} s  min {min(runs):.3f} s  max {max(runs):.3f} s  ({args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
