"""Snapshots of published editions: what a frozen edition shows, stored in the repository.

A published edition lives in `content/edities/<periode>/gepubliceerd/versie-<n>.json`. The
newest version is the one the site shows; older versions (before a rectificatie) stay as
they were. A snapshot holds:

- the edition's whole view (`EditionView`, generically: every field that exists), so the
  pages are rendered from it and never from the current figures;
- the edition's inputs: a fingerprint (and the text) of every file in the edition folder,
  and the KPI figure rows the edition displays, with one hash over both.

See docs/dev/editions.md for why the build checks the files and not the figures.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from generator.compute.views import CorrectionView, EditionView
from generator.load.files import file_problem
from generator.core.periods import Period
from generator.core.problems import Problems

SNAPSHOT_DIR = "gepubliceerd"
FORMAT = 1
_VERSION_FILE = re.compile(r"^versie-(\d+)\.json$")
# Stored as text so a build can name the first changed line; larger or binary files by hash only.
MAX_STORED_TEXT = 512 * 1024

FigureRow = tuple[str, str, str, float | None]  # indicator, series, period, value


class SnapshotInputs(BaseModel):
    model_config = ConfigDict(frozen=True)

    sha256: str  # over `files` and `figures` together
    files: dict[str, str]  # edition-relative path -> sha256 of the bytes
    texts: dict[str, str] = {}  # edition-relative path -> text (YAML narrative)
    figures: list[FigureRow] = []


class Snapshot(BaseModel):
    # Unknown keys from a newer generator are ignored rather than refused.
    model_config = ConfigDict(frozen=True, extra="ignore")

    format: int
    edition: str
    version: int
    published_on: str  # ISO date of the first publication
    rectification: CorrectionView | None = None  # the correction this version recorded
    generator: str
    inputs: SnapshotInputs
    view: EditionView


@dataclass(frozen=True)
class FileChange:
    path: str  # edition-relative
    kind: str  # "gewijzigd" | "toegevoegd" | "verwijderd"
    line: int | None


def snapshot_dir(folder: Path) -> Path:
    return folder / SNAPSHOT_DIR


def snapshot_versions(folder: Path) -> list[tuple[int, Path]]:
    """All snapshot files of an edition folder, oldest version first."""
    base = snapshot_dir(folder)
    if not base.is_dir():
        return []
    found = []
    for path in base.iterdir():
        m = _VERSION_FILE.match(path.name)
        if m and path.is_file():
            found.append((int(m.group(1)), path))
    return sorted(found)


def latest_snapshot_path(folder: Path) -> Path | None:
    versions = snapshot_versions(folder)
    return versions[-1][1] if versions else None


def version_path(folder: Path, version: int) -> Path:
    return snapshot_dir(folder) / f"versie-{version}.json"


def read_snapshot(path: Path, rel: str, problems: Problems) -> Snapshot | None:
    """Read and validate a snapshot; problems get a Dutch message that says what to do."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, f"bevroren editie kan niet gelezen worden ({exc.strerror or exc})")
        return None
    return parse_snapshot(raw, rel, problems)


def parse_snapshot(raw: bytes, rel: str, problems: Problems) -> Snapshot | None:
    try:
        snap = Snapshot.model_validate_json(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        problems.add(
            rel, None,
            f"bevroren editie past niet bij deze versie van rapportage ({where}: {err['msg']})",
            "het bestand is gemaakt door `rapportage publish` en wordt niet met de hand bewerkt; "
            "een ontwikkelaar die het weergavemodel veranderde, publiceert opnieuw met "
            "`rapportage publish <periode> --opnieuw` (zie docs/dev/editions.md)",
        )
        return None
    if snap.format > FORMAT:
        problems.add(rel, None, f"bevroren editie heeft formaat {snap.format}; deze rapportage kent tot {FORMAT}",
                     "werk rapportage bij")
        return None
    return snap


def dump_snapshot(snapshot: Snapshot) -> bytes:
    """Deterministic JSON: same snapshot, same bytes."""
    data = snapshot.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def edition_files(folder: Path) -> dict[str, bytes]:
    """Every input file of an edition folder (edition-relative path -> bytes).

    Generic on purpose: whatever another part of rapportage keeps in the folder (measures,
    free pages, tables) is an input of the edition. Skipped: the snapshots themselves and
    hidden files (editor and OS clutter such as .DS_Store).
    """
    out: dict[str, bytes] = {}
    if not folder.is_dir():
        return out
    project = folder.resolve().parents[2]  # content/edities/<periode> -> the project
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts[0] == SNAPSHOT_DIR or any(part.startswith(".") for part in rel.parts):
            continue
        # Only regular files inside the project: a symlink out of it is refused by the loaders
        # and must not be read (or copied by new-period) here either.
        if path.is_file() and file_problem(path, rel.as_posix(), root=project) is None:
            out[rel.as_posix()] = path.read_bytes()
    return out


def figure_rows(view: EditionView) -> list[FigureRow]:
    """The KPI figures an edition displays: value and history of every series."""
    rows: set[FigureRow] = set()
    for goal in view.goals:
        for ind in goal.indicators:
            for series in ind.series:
                for row in series.history:
                    rows.add((ind.id, series.name, row.period, row.value))
    return sorted(rows, key=lambda r: (r[0], r[1], Period.parse(r[2])))


# The first line of a YAML file may point VS Code at its schema (`rapportage schema` writes
# it). It is editor tooling, not content: rewriting it must not "change" a published edition.
MODELINE = b"# yaml-language-server:"


def content_of(rel: str, data: bytes) -> bytes:
    """The part of an input file that counts: a YAML file without its schema modeline."""
    if rel.endswith((".yml", ".yaml")) and data.startswith(MODELINE):
        _, _, rest = data.partition(b"\n")
        return rest
    return data


def make_inputs(files: dict[str, bytes], view: EditionView) -> SnapshotInputs:
    hashes = {rel: sha256(content_of(rel, data)) for rel, data in files.items()}
    texts = {}
    for rel, data in files.items():
        if len(data) <= MAX_STORED_TEXT and rel.endswith((".yml", ".yaml", ".md", ".txt")):
            try:
                texts[rel] = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
    figures = figure_rows(view)
    combined = json.dumps({"files": hashes, "figures": figures}, sort_keys=True, ensure_ascii=False)
    return SnapshotInputs(sha256=sha256(combined.encode("utf-8")), files=hashes, texts=texts, figures=figures)


def compare_files(inputs: SnapshotInputs, files: dict[str, bytes]) -> list[FileChange]:
    """How the edition folder differs from what was published (empty: unchanged)."""
    changes = []
    for rel in sorted(set(inputs.files) | set(files)):
        if rel not in files:
            changes.append(FileChange(rel, "verwijderd", None))
        elif rel not in inputs.files:
            changes.append(FileChange(rel, "toegevoegd", 1))
        elif sha256(content_of(rel, files[rel])) != inputs.files[rel]:
            changes.append(FileChange(rel, "gewijzigd", _first_changed_line(rel, inputs.texts.get(rel), files[rel])))
    return changes


def _first_changed_line(rel: str, old: str | None, new: bytes) -> int | None:
    """1-based line in the current file where it first differs from the published text."""
    if old is None:
        return None
    try:
        new_lines = content_of(rel, new).decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    offset = 1 if content_of(rel, new) is not new else 0  # the modeline above the content
    old_lines = content_of(rel, old.encode("utf-8")).decode("utf-8").splitlines()
    for i, (a, b) in enumerate(zip(old_lines, new_lines), start=1):
        if a != b:
            return i + offset
    return min(len(old_lines), len(new_lines)) + 1 + offset
