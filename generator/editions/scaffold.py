"""`rapportage new-period`: the next edition, scaffolded from the previous one.

Every file of the previous edition folder is copied (whatever it holds: KPI narrative,
measures, free pages), except its snapshots. Copied YAML files get a marker line at the
top; `check` warns about every file that still has it, and `build --strict` fails on it,
so narrative is never published unchanged by accident.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.core.paths import ProjectPaths
from generator.core.periods import Period, PeriodError
from generator.core.vocabulary import EditionStatus
from generator.editions.refused import Refused
from generator.model.concept_marker import MARKER, MARKER_RE
from generator.model.frozen_inputs import LEFTOVER_RE, edition_files
from generator.load.yamlfile import MODELINE_PREFIX  # a schema pointer that must stay the first line


@dataclass
class ScaffoldResult:
    period: Period
    source: Period
    folder: Path
    files: list[str]  # edition-relative paths


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
    try:
        for rel, data in files.items():
            out = scratch / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            if rel == "editie.yml":
                data = _edition_settings(data, source, target, date or dt.date.today())
            elif rel.endswith((".yml", ".yaml")):
                data = _mark(data, source, target)
            out.write_bytes(data)
        os.rename(scratch, folder)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return ScaffoldResult(target, source, folder, sorted(files))


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
