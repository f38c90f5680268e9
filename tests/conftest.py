from __future__ import annotations

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
