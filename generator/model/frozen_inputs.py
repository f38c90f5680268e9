"""Published (frozen) editions as inputs: their snapshot files and "is this edition unchanged?".

A published edition lives in `content/edities/<periode>/gepubliceerd/versie-<n>.json`. The
newest version is the one the site shows; older versions (before a rectificatie) stay as
they were. A snapshot holds the edition's whole view (deserialised at compute level, see
generator/compute/snapshot.py) and its inputs: a fingerprint (and the text) of every file
in the edition folder, and the KPI figure rows the edition displays, with one hash over both.

A frozen edition is shown from its snapshot, never recomputed from the current figures.
Its files must be exactly what was published: a changed, added or removed file is an error
(with the first changed line) until a rectificatie is recorded with
`rapportage publish <periode> --rectificatie "reden"`. See docs/dev/editions.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat as stat_module
from collections import OrderedDict
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from babel.dates import format_date
from pydantic import BaseModel, ConfigDict, ValidationError

from generator.core.paths import ProjectPaths
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.load.files import file_problem
from generator.load.yamlfile import load_yaml
from generator.load.yamlfile import MODELINE_PREFIX

SNAPSHOT_DIR = "gepubliceerd"
FORMAT = 1
_VERSION_FILE = re.compile(r"^versie-(\d+)\.json\Z")
# Stored as text so a build can name the first changed line; larger or binary files by hash only.
MAX_STORED_TEXT = 512 * 1024

FigureRow = tuple[str, str, str, float | None]  # indicator, series, period, value


class SnapshotInputs(BaseModel):
    model_config = ConfigDict(frozen=True)

    sha256: str  # over `files` and `figures` together
    files: dict[str, str]  # edition-relative path -> sha256 of the bytes
    texts: dict[str, str] = {}  # edition-relative path -> text (YAML narrative)
    figures: list[FigureRow] = []


class SnapshotHeader(BaseModel):
    """A snapshot file as the loader reads it: everything but the view's inner structure.

    The view (an EditionView) is validated by the compute stage (compute/snapshot.py), the
    layer its types belong to; the full model of the file is `compute.snapshot.Snapshot`.
    """

    # Unknown keys from a newer generator are ignored rather than refused.
    model_config = ConfigDict(frozen=True, extra="ignore")

    format: int
    edition: str
    version: int
    published_on: str  # ISO date of the first publication
    # The moment this version was frozen (`rapportage publish`, UTC, ISO). Not a publication
    # date: that is `published_on`, the edition's `datum`. Absent in snapshots of before 2026-12.
    frozen_at: str | None = None
    rectification: dict[str, Any] | None = None
    generator: str
    inputs: SnapshotInputs
    view: dict[str, Any]

    @property
    def correction_count(self) -> int:
        summary = self.view.get("summary")
        corrections = summary.get("corrections") if isinstance(summary, dict) else None
        return len(corrections) if isinstance(corrections, list) else 0


@dataclass(frozen=True)
class FileChange:
    path: str  # edition-relative
    kind: str  # "gewijzigd" | "toegevoegd" | "verwijderd"
    line: int | None


@dataclass
class FrozenEdition:
    period: Period
    folder: Path
    path: Path  # the newest snapshot file
    snapshot: SnapshotHeader
    digest: str  # sha256 of the snapshot file: the render cache key


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


# `publish` writes this (hidden, so not an input of the edition) before it touches editie.yml,
# holding editie.yml as it was, and removes it after the snapshot is in place: a publish
# killed halfway leaves it, the build refuses the edition as unfinished and the next
# `publish` puts editie.yml back before it starts again.
PUBLISH_MARKER = ".publicatie-bezig"
# The scratch folder of `new-period` (editions/scaffold.py): `.<periode>-nieuw-<pid>-<random>`.
LEFTOVER_RE = re.compile(r"^\.([^.][^/]*?)-nieuw-(.+)\Z")


def publish_marker(folder: Path) -> Path:
    return folder / PUBLISH_MARKER


def version_path(folder: Path, version: int) -> Path:
    return snapshot_dir(folder) / f"versie-{version}.json"


def snapshot_problem(rel: str, exc: ValidationError, prefix: str = "") -> tuple[str, str, str]:
    """(file, message, hint) for a snapshot that does not validate; `prefix` locates a part."""
    err = exc.errors()[0]
    where = prefix + ".".join(str(p) for p in err["loc"])
    return (
        rel,
        f"bevroren editie past niet bij deze versie van rapportage ({where}: {err['msg']})",
        "het bestand is gemaakt door `rapportage publish` en wordt niet met de hand bewerkt; "
        "een ontwikkelaar die het weergavemodel veranderde, publiceert opnieuw met "
        "`rapportage publish <periode> --opnieuw` (zie docs/dev/editions.md)",
    )


def format_problem(rel: str, found: int, problems: Problems) -> bool:
    """Report a snapshot made by a newer rapportage; True when it was refused."""
    if found > FORMAT:
        problems.add(rel, None, f"bevroren editie heeft formaat {found}; deze rapportage kent tot {FORMAT}",
                     "werk rapportage bij")
        return True
    return False


H = TypeVar("H", bound=SnapshotHeader)


def parse_snapshot_file(model: type[H], raw: bytes, rel: str, problems: Problems) -> H | None:
    """A snapshot file read as `model` (the header here, the whole file in compute);
    problems get a Dutch message that says what to do."""
    try:
        snap = model.model_validate_json(raw)
    except ValidationError as exc:
        file, message, hint = snapshot_problem(rel, exc)
        problems.add(file, None, message, hint)
        return None
    return None if format_problem(rel, snap.format, problems) else snap


def parse_snapshot_header(raw: bytes, rel: str, problems: Problems) -> SnapshotHeader | None:
    return parse_snapshot_file(SnapshotHeader, raw, rel, problems)


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


# The first line of a YAML file may point VS Code at its schema (`rapportage schema` writes
# it). It is editor tooling, not content: rewriting it must not "change" a published edition.
MODELINE = MODELINE_PREFIX.encode("utf-8")


def content_of(rel: str, data: bytes) -> bytes:
    """The part of an input file that counts: a YAML file without its schema modeline."""
    if rel.endswith((".yml", ".yaml")) and data.startswith(MODELINE):
        _, _, rest = data.partition(b"\n")
        return rest
    return data


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


def date_text(iso: str) -> str:
    return format_date(dt.date.fromisoformat(iso), format="long", locale="nl_NL")


def version_text(version: int, published_on: str, frozen_at: str | None) -> str:
    """`versie 1, gepubliceerd op 12 februari 2024, bevroren op 2 december 2026`: the one
    publication date (the edition's `datum`) and, apart from it, the moment of freezing."""
    text = f"versie {version}, gepubliceerd op {date_text(published_on)}"
    if frozen_at:
        text += f", bevroren op {date_text(frozen_at[:10])}"
    return text


def folder_signature(folder: Path) -> tuple | None:
    """What the file system says about every entry under `folder` (lstat: mode, size, inode,
    mtime and ctime in ns), or None when it cannot be trusted as a key (a symlink, an error).

    ctime changes on every write and cannot be set back by an editor or `touch`, so a
    same-size edit with its mtime restored still changes the signature."""
    entries = []
    try:
        for top, dirs, files in os.walk(folder, onerror=_raise):
            dirs.sort()
            for name in [*dirs, *sorted(files)]:
                st = os.lstat(os.path.join(top, name))
                if stat_module.S_ISLNK(st.st_mode):
                    return None
                rel = os.path.relpath(os.path.join(top, name), folder)
                entries.append((rel, st.st_mode, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns))
        st = os.stat(folder)
    except OSError:
        return None
    return (str(folder.resolve()), st.st_ino, st.st_mtime_ns, st.st_ctime_ns, tuple(entries))


def _raise(exc: OSError) -> None:
    raise exc


# inspect_frozen's answers for unchanged frozen editions, by project root, period and the
# folder's signature: `serve` regenerates in one process and would hash every input file of
# every published edition on each save. Only clean answers (no problems) are kept.
_INSPECTED: OrderedDict[tuple, tuple[FrozenEdition, bool]] = OrderedDict()
_INSPECTED_MAX = 64


def inspect_frozen(
    paths: ProjectPaths, folder: Path, period: Period, problems: Problems
) -> tuple[FrozenEdition | None, bool]:
    """(the frozen edition, or None without a snapshot; whether its inputs are unchanged)."""
    signature = folder_signature(folder) if folder.is_dir() else None
    key = None if signature is None else (str(paths.root.resolve()), str(period), signature)
    if key is not None and key in _INSPECTED:
        _INSPECTED.move_to_end(key)
        frozen, unchanged = _INSPECTED[key]
        # A fresh dataclass; the snapshot header itself is a frozen model.
        return replace(frozen), unchanged
    before = len(problems.items)
    frozen, unchanged = _inspect_frozen(paths, folder, period, problems)
    if key is not None and frozen is not None and unchanged and len(problems.items) == before:
        _INSPECTED[key] = (frozen, unchanged)
        while len(_INSPECTED) > _INSPECTED_MAX:
            _INSPECTED.popitem(last=False)
    return frozen, unchanged


def _inspect_frozen(
    paths: ProjectPaths, folder: Path, period: Period, problems: Problems
) -> tuple[FrozenEdition | None, bool]:
    path = latest_snapshot_path(folder)
    if path is None:
        return None, False
    rel = paths.rel(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, f"bevroren editie kan niet gelezen worden ({exc.strerror or exc})")
        return None, False
    snap = parse_snapshot_header(raw, rel, problems)
    if snap is None:
        return None, False
    if snap.edition != str(period):
        problems.add(rel, None, f"bevroren editie hoort bij {snap.edition}, niet bij {period}",
                     "verplaats het bestand niet met de hand; publiceer met `rapportage publish`")
        return None, False
    frozen = FrozenEdition(period, folder, path, snap, sha256(raw))
    changes = compare_files(snap.inputs, edition_files(folder))
    if not changes:
        return frozen, True
    _report_changes(paths, frozen, changes, problems)
    return frozen, False


def _report_changes(paths: ProjectPaths, frozen: FrozenEdition, changes: list[FileChange], problems: Problems) -> None:
    period, folder, snap = frozen.period, frozen.folder, frozen.snapshot
    published = f"editie {period} is gepubliceerd ({version_text(snap.version, snap.published_on, snap.frozen_at)})"
    hint = (
        "een gepubliceerde editie verandert niet stilletjes. Zet de wijziging terug "
        f"(bijvoorbeeld met `git checkout -- {paths.rel(folder)}`), of leg een rectificatie vast met "
        f"`rapportage publish {period} --rectificatie \"reden\"`; de pagina's tonen dan de correctie"
    )
    pending = _pending_rectification(paths, folder, snap)
    for change in changes:
        file = f"{paths.rel(folder)}/{change.path}"
        if change.path == "editie.yml" and pending is not None:
            problems.add(
                file, pending,
                f"{published}; er is een rectificatie toegevoegd, maar de editie is nog niet opnieuw gepubliceerd",
                f"voer `rapportage publish {period}` uit om de correctie vast te leggen",
            )
            continue
        problems.add(file, change.line, f"{published} en dit bestand is daarna {change.kind}", hint)


def _pending_rectification(paths: ProjectPaths, folder: Path, snap: SnapshotHeader) -> int | None:
    """Line of a rectificatie in editie.yml that the snapshot does not have yet, if any."""
    doc = load_yaml(folder / "editie.yml", paths.rel(folder / "editie.yml"), Problems())
    if doc is None or not isinstance(doc.data, dict):
        return None
    entries = doc.data.get("rectificaties")
    if not isinstance(entries, list) or len(entries) <= snap.correction_count:
        return None
    return doc.line_of(("rectificaties", snap.correction_count))


def frozen_not_compared(frozen: dict[Period, FrozenEdition], editions: dict) -> frozenset[Period]:
    """Frozen editions that no computed edition compares with, so their files need no reading.

    A computed edition compares with earlier editions (measures: the newest earlier one
    that has measures). Walking back from every computed edition, frozen editions are
    kept up to and including the first that has measures files; older ones are skipped.
    This keeps the draft's build time flat as published editions pile up.
    """
    needed: set[Period] = set()
    for period in editions:
        for earlier in sorted((p for p in frozen if p < period), reverse=True):
            needed.add(earlier)
            folder = frozen[earlier].folder
            if (folder / "maatregelen").is_dir() or (folder / "maatregelen.yml").is_file():
                break
    return frozenset(p for p in frozen if p not in needed)
