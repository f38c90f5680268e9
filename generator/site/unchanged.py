"""A build with nothing to do: the inputs hash as the last successful build's did.

Then `site/` already is what a new build would make (the manifest also checks that no
file in it changed since), so the build reports the last build's result again, its
warnings included, without loading, computing or rendering anything.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path

from generator.charts.stats import RenderStats
from generator.core.paths import ProjectPaths, scratch_problem
from generator.core.problems import Problem, Problems, ValidationFailed
from generator.site import manifest
from generator.site.input_digest import input_digest
from generator.site.mkdocs.adapter import engine_inputs
from generator.site.result import BuildResult, write_last_build


def inputs_of(paths: ProjectPaths, target: Path) -> str | None:
    """The digest of this build's inputs, or None when it cannot be taken safely."""
    if scratch_problem(paths.root, paths.work):
        return None  # the build refuses it, with its own message
    engine = engine_inputs(paths)
    return None if engine is None else input_digest(paths, target, engine)


def summary(result: BuildResult) -> dict:
    """What `replay` needs of a successful build, for the manifest."""
    return {
        "pages": result.pages,
        "editions": result.editions,
        "frozen": result.frozen,
        "reused": result.reused,
        "charts": result.charts.charts,
        "warnings": [asdict(w) for w in result.warnings],
    }


def replay(paths: ProjectPaths, target: Path, last: dict, inputs: str, strict: bool, started: float) -> BuildResult | None:
    """The last build's result (`last`, from manifest.last_build) when it was made from
    exactly `inputs`; None when the build has to run. With `strict`, its warnings fail
    the build as they would have in `check`."""
    recorded = manifest.replay(last, inputs)
    if recorded is None:
        return None
    try:
        warnings = [Problem(**w) for w in recorded["warnings"]]
        result = BuildResult(
            pages=int(recorded["pages"]), editions=int(recorded["editions"]), site_dir=target,
            seconds=0.0, warnings=warnings, frozen=int(recorded["frozen"]), reused=int(recorded["reused"]),
            charts=RenderStats(charts=int(recorded["charts"]), cached=int(recorded["charts"])),
            site_unchanged=True,
        )
    except (KeyError, TypeError, ValueError):  # a manifest of another release: build
        return None
    if strict and warnings:
        raise ValidationFailed(Problems.as_errors(warnings))
    result.seconds = time.perf_counter() - started
    result.timings = {"inputs": result.seconds}
    write_last_build(paths, result)
    return result
