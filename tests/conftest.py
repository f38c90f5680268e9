from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A private copy of the example project (content, data, schemas, mkdocs.yml)."""
    return copy_example(tmp_path / "project")


def copy_example(dest: Path) -> Path:
    """A copy of the example project (content, data, schemas, mkdocs.yml) at `dest`."""
    dest.mkdir(parents=True)
    for name in ("content", "data", "schemas"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


@dataclass(frozen=True)
class BuiltExample:
    project: Path
    site: Path
    result: Any  # generator.site.build.BuildResult


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> BuiltExample:
    """The example built once for the whole test run (per xdist worker). Read it, never
    change it: a test that edits the project or the site builds its own copy."""
    from generator.core.paths import ProjectPaths
    from generator.site.build import build

    project = copy_example(tmp_path_factory.mktemp("example") / "project")
    result = build(ProjectPaths.at(project))
    return BuiltExample(project, result.site_dir, result)


@pytest.fixture(scope="session", autouse=True)
def shared_chart_cache():
    """Builds of example-project copies share one chart cache (keys are content hashes),
    so only the first build of a test run draws the charts."""
    name = "RAPPORTAGE_CHART_CACHE"
    before = os.environ.get(name)
    if before is None:
        os.environ[name] = str(REPO / ".rapportage" / "cache" / "charts")
    yield
    if before is None:
        os.environ.pop(name, None)
