"""What a build reports: to the CLI, to bench/ (last-build.json) and to the manifest."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.charts.stats import RenderStats
from generator.core.paths import ProjectPaths
from generator.core.problems import Problem

LAST_BUILD = "last-build.json"


@dataclass
class BuildResult:
    pages: int
    editions: int
    site_dir: Path
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    frozen: int = 0  # editions shown from their snapshot
    reused: int = 0  # frozen editions whose pages came from the render cache
    # Seconds per stage (bench/): load, compute, render (without charts), charts,
    # fingerprint, docs, mkdocs, swap, and site (docs + mkdocs + swap); a build with
    # nothing to do has only `inputs` (generator/site/unchanged.py).
    timings: dict[str, float] = field(default_factory=dict)
    charts: RenderStats = field(default_factory=RenderStats)
    site_unchanged: bool = False  # the site on disk already was this build: MkDocs skipped
    pages_reused: int = 0  # pages taken unchanged from the previous site (incremental build)


def write_last_build(paths: ProjectPaths, result: BuildResult) -> None:
    """Stage timings of the last build, for `bench/` and for curious maintainers."""
    paths.work.mkdir(parents=True, exist_ok=True)
    data = {
        "pages": result.pages,
        "editions": result.editions,
        "seconds": round(result.seconds, 3),
        "stages": {k: round(v, 3) for k, v in result.timings.items() if k != "site"},
        "frozen": result.frozen,
        "reused": result.reused,
        "site_unchanged": result.site_unchanged,
        "pages_reused": result.pages_reused,
    }
    (paths.work / LAST_BUILD).write_text(json.dumps(data, indent=2), encoding="utf-8")
