"""Projects as `rapportage init` makes them, for tests that start from a new municipality's
repository, and the guide's way of keeping only the measures."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.cli.init_project import init_project

INIT_DAY = dt.date(2026, 3, 9)
FIRST_PERIOD = "2025-Q4"  # the first edition `init` makes on INIT_DAY


def new_project(root: Path) -> Path:
    init_project(root, today=INIT_DAY)
    return root


def measures_only(root: Path, period: str = FIRST_PERIOD) -> None:
    """Delete the KPI part as the guide says: no goals, indicators or figures, no placeholder files."""
    for rel in ("content/doelstellingen.yml", "content/indicatoren.yml", "data/indicatoren.csv"):
        (root / rel).unlink()
    shutil.rmtree(root / "content/edities" / period / "indicatoren")
    site = root / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("gegevens:\n  - indicatoren.csv\n", ""), encoding="utf-8")
