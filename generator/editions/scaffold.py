"""`rapportage new-period`: the next edition, scaffolded from the previous one.

Every file of the previous edition folder is copied (whatever it holds: KPI narrative,
measures, free pages, tables), except its snapshots. Every copied YAML file and free page
(`paginas/*.md`) gets a marker line at the top; `check` warns about every file that still
has it, `build --strict` fails on it and `publish` refuses, so narrative is never published
unchanged by accident.

A data path (`bestand:`) that names the previous period (`2023-Q3/klachten.csv`) is moved to
the new period's file (`2023-Q4/klachten.csv`) when that file exists under data/; otherwise
it is left as it was and reported (`ScaffoldResult.stale_data`), so the editor knows which
table still shows the previous period's figures.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from generator.core.paths import ProjectPaths, ordinary_mode
from generator.core.periods import Period, PeriodError
from generator.core.vocabulary import EditionStatus
from generator.editions.refused import Refused
from generator.model.concept_marker import FRONT_MATTER, MARKER, MARKER_RE
from generator.model.frozen_inputs import LEFTOVER_RE, edition_files
from generator.load.yamlfile import MODELINE_PREFIX  # a schema pointer that must stay the first line


@dataclass
class ScaffoldResult:
    period: Period
    source: Period
    folder: Path
    files: list[str]  # edition-relative paths
    moved_data: list[DataPath] = field(default_factory=list)  # moved to the new period's file
    stale_data: list[DataPath] = field(default_factory=list)  # names the previous period; no new file yet


@dataclass(frozen=True)
class DataPath:
    file: str  # edition-relative path of the copied file
    line: int
    old: str  # the data path as copied
    new: str  # the same path for the new period


# `bestand: <path>` in a copied YAML file (tabellen.yml), optionally quoted.
_DATA_KEY = re.compile(r"^(\s*(?:-\s+)?bestand:\s*)([\"']?)([^\"'#\s]+)([\"']?)(.*)$")


def edition_periods(paths: ProjectPaths) -> list[Period]:
    out = []
    if paths.editions.is_dir():
        for folder in paths.editions.iterdir():
            try:
                p = Period.parse(folder.name)
            except PeriodError:
                continue
            if folder.is_dir() and str(p) == folder.name:
                out.append(p)
    return sorted(out)


def new_period(paths: ProjectPaths, target_text: str, source_text: str | None = None,
               date: dt.date | None = None) -> ScaffoldResult:
    try:
        target = Period.parse(target_text)
    except PeriodError as exc:
        raise Refused(str(exc)) from None
    folder = paths.editions / str(target)
    if folder.exists():
        raise Refused(
            f"editie {target} bestaat al ({paths.rel(folder)})",
            "rapportage overschrijft niets dat een redacteur schreef; kies een andere periode",
        )
    existing = edition_periods(paths)
    if source_text:
        try:
            source = Period.parse(source_text)
        except PeriodError as exc:
            raise Refused(str(exc)) from None
        if source not in existing:
            raise Refused(f"editie {source} bestaat niet",
                                "bestaande edities: " + ", ".join(str(p) for p in existing) if existing else None)
    else:
        earlier = [p for p in existing if p < target]
        same_kind = [p for p in earlier if p.kind == target.kind]
        if not earlier:
            raise Refused(
                f"er is geen editie vóór {target} om van uit te gaan",
                "maak de eerste editie met de hand (content/edities/<periode>/editie.yml) of kies er een met --van",
            )
        source = (same_kind or earlier)[-1]

    source_folder = paths.editions / str(source)
    files = edition_files(source_folder)
    paths.editions.mkdir(parents=True, exist_ok=True)
    # Build in a scratch folder and rename: never a half-made edition.
    remove_leftovers(paths)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target}-nieuw-{os.getpid()}-", dir=paths.editions))
    result = ScaffoldResult(target, source, folder, sorted(files))
    try:
        for rel, data in files.items():
            out = scratch / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            if rel == "editie.yml":
                data = _edition_settings(data, source, target, date or dt.date.today())
            elif rel.endswith((".yml", ".yaml")):
                data = _move_data_paths(paths, rel, _mark(data, source, target), source, target, result)
            elif rel.endswith(".md"):
                data = _mark_page(data, source, target)
            out.write_bytes(data)
        ordinary_mode(scratch, folder=True)  # mkdtemp makes it 0700; an edition folder is an ordinary folder
        os.rename(scratch, folder)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return result


def _move_data_paths(paths: ProjectPaths, rel: str, data: bytes, source: Period, target: Period,
                     result: ScaffoldResult) -> bytes:
    """Point every `bestand:` that names the source period at the target period's file, if it exists."""
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    old_name, new_name = str(source), str(target)
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        m = _DATA_KEY.match(body)
        if not m or old_name not in m.group(3):
            continue
        old = m.group(3)
        new = old.replace(old_name, new_name)
        entry = DataPath(rel, i + 1, old, new)
        if (paths.data / new).is_file():
            lines[i] = m.group(1) + m.group(2) + new + m.group(4) + m.group(5) + line[len(body):]
            result.moved_data.append(entry)
        else:
            result.stale_data.append(entry)
    return "".join(lines).encode("utf-8")



def remove_leftovers(paths: ProjectPaths) -> list[str]:
    """Scratch folders of a killed `new-period` (`.<periode>-nieuw-<pid>-*`, older releases
    `.<periode>-nieuw-*`): removed when their process is gone. Returns what was removed."""
    removed = []
    if not paths.editions.is_dir():
        return removed
    for leftover in paths.editions.glob(".*-nieuw-*"):
        match = LEFTOVER_RE.match(leftover.name)
        if match is None or leftover.is_symlink() or not leftover.is_dir():
            continue
        pid = match.group(2).split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        shutil.rmtree(leftover)
        removed.append(paths.rel(leftover))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _marker(source: Period, target: Period) -> str:
    return MARKER.format(source=source, target=target)


def _mark(data: bytes, source: Period, target: Period) -> bytes:
    """Put the marker at the top, below a schema modeline (which must stay the first line)."""
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    head = lines[:1] if lines and lines[0].startswith(MODELINE_PREFIX) else []
    body = lines[len(head):]
    if body and MARKER_RE.match(body[0]):
        body = body[1:]  # copied from a copy that was never updated: one marker is enough
    return ("".join(head) + _marker(source, target) + "\n" + "".join(body)).encode("utf-8")


def _mark_page(data: bytes, source: Period, target: Period) -> bytes:
    """Put the marker in a free page's front matter (a YAML comment there is never shown)."""
    text = data.decode("utf-8-sig")
    first, nl, rest = text.partition("\n")
    if first.rstrip() == FRONT_MATTER:
        second, nl2, after = rest.partition("\n")
        if MARKER_RE.match(second):
            rest = after
        return (first + "\n" + _marker(source, target) + "\n" + rest).encode("utf-8")
    return (FRONT_MATTER + "\n" + _marker(source, target) + "\n" + FRONT_MATTER + "\n" + text).encode("utf-8")


def _edition_settings(data: bytes, source: Period, target: Period, date: dt.date) -> bytes:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    doc = yaml.load(data.decode("utf-8-sig"))
    if hasattr(doc, "get"):
        title = doc.get("titel")
        if isinstance(title, str):
            doc["titel"] = title.replace(source.label, target.label).replace(str(source), str(target))
        doc["status"] = str(EditionStatus.CONCEPT)
        doc["datum"] = date
        if "rectificaties" in doc:
            del doc["rectificaties"]  # corrections belong to the edition they corrected
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return _mark(buf.getvalue().encode("utf-8"), source, target)
