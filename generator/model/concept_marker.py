"""The CONCEPT marker of `rapportage new-period`: which files of an edition still carry it.

Every copied text file gets a marker line at the top (written by generator/editions/scaffold.py):
a YAML file below its schema modeline, a free page (`paginas/*.md`) as the first line of its
front matter (a YAML comment there is never shown on the page);
`check` warns about every file that still has it, and `build --strict` fails on it, so
narrative is never published unchanged by accident.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.paths import ProjectPaths
from generator.core.problems import Problems
from generator.core.vocabulary import Severity
from generator.model.frozen_inputs import edition_files
from generator.load.yamlfile import MODELINE_PREFIX

MARKER = "# CONCEPT – overgenomen uit editie {source}. Werk de tekst bij voor {target} en verwijder daarna deze regel."
MARKER_RE = re.compile(r"^\ufeff?#\s*CONCEPT\b.*?overgenomen uit editie (\S+?)\.?(\s|$)")


MARKED_SUFFIXES = (".yml", ".yaml", ".md")
FRONT_MATTER = "---"


def marker_source(data: bytes) -> tuple[int, str] | None:
    """(line, source edition) of the new-period marker at the top of a YAML file or free page, if any."""
    lines = data.decode("utf-8", errors="replace").split("\n", 2)
    line = 1
    if lines and (lines[0].startswith(MODELINE_PREFIX) or lines[0].lstrip("\ufeff").rstrip() == FRONT_MATTER):
        lines, line = lines[1:], 2
    m = MARKER_RE.match(lines[0]) if lines else None
    return (line, m.group(1)) if m else None


def _marked(folder: Path) -> dict[str, tuple[int, str]]:
    """Edition-relative path -> (line, source edition) of every YAML file and free page with the marker."""
    found = {}
    for rel, data in edition_files(folder).items():
        mark = marker_source(data) if rel.endswith(MARKED_SUFFIXES) else None
        if mark:
            found[rel] = mark
    return found


def unrevised_files(paths: ProjectPaths, folder: Path, problems: Problems) -> None:
    """Warn about every file of an edition that still carries the new-period marker."""
    for rel, (line, source) in _marked(folder).items():
        problems.add(
            f"{paths.rel(folder)}/{rel}", line,
            f"tekst overgenomen uit editie {source} en nog niet bijgewerkt",
            "werk de tekst bij voor deze editie en verwijder daarna de regel `# CONCEPT ...` bovenaan het bestand",
            severity=Severity.WARNING,
        )


def has_unrevised(folder: Path) -> list[str]:
    return list(_marked(folder))
