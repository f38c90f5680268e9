"""Helpers for the table and free-page tests: a tiny project with one edition."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.compute.tables import TABLE_MODELS
from generator.compute.tables import compute_tables as compute_edition_tables
from generator.compute.views import TableView
from generator.model.free_pages import load_edition_extras
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core.paths import ProjectPaths


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return path


def compute_tables(root: Path, tables_yml: str, files: dict[str, str | bytes] | None = None,
                   period: str = "2023-Q2") -> tuple[dict[str, TableView], Problems]:
    """Write content/edities/<period>/tabellen.yml and data files, compute every table."""
    paths = ProjectPaths.at(root)
    folder = paths.editions / period
    write(folder / "tabellen.yml", tables_yml)
    for name, content in (files or {}).items():
        write(paths.data / name, content)
    problems = Problems()
    extras = load_edition_extras(paths, folder, problems, TABLE_MODELS)
    return compute_edition_tables(extras.tables, paths, Period.parse(period), problems), problems


def texts(view: TableView) -> list[list[str]]:
    """Every row as the reader sees it ("–" for no figure, "" for a later quarter)."""
    out = []
    for row in view.rows:
        out.append([("–" if c.missing else c.text) + (c.note or "") for c in row.cells])
    return out


def column(view: TableView, key: str) -> list[str]:
    i = [c.key for c in view.columns].index(key)
    return [r[i] for r in texts(view)]


def messages(problems: Problems) -> list[str]:
    return [p.format() for p in problems]
