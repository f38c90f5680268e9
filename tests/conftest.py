from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A private copy of the example project (content, data, schemas, mkdocs.yml)."""
    dest = tmp_path / "project"
    dest.mkdir()
    for name in ("content", "data", "schemas"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


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
