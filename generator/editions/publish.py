"""`rapportage publish`: freeze an edition, or record a rectificatie of a frozen one.

    publish 2023-Q1                      first publication: writes gepubliceerd/versie-1.json
    publish 2023-Q1 --rectificatie "…"   adds a `rectificaties:` entry to editie.yml and
                                         writes versie-<n+1>.json; older versions stay
    publish 2023-Q1                      after an editor added a `rectificaties:` entry by hand:
                                         the same as --rectificatie
    publish 2023-Q1 --opnieuw            developers only: rewrites the newest version from the
                                         current inputs (when the view model changed)

Only files are added; of an editor's files only `status:` (concept -> gepubliceerd) and
the `rectificaties:` list of editie.yml are touched, and both are put back if anything fails.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__
from generator.compute.snapshot import Snapshot, parse_snapshot
from generator.compute.views import CorrectionView, EditionView
from generator.core.paths import ProjectPaths, ordinary_mode
from generator.core.vocabulary import EditionStatus
from generator.core.periods import Period, PeriodError
from generator.core.problems import Problems, ValidationFailed
from generator.editions.refused import Refused
from generator.editions.snapshot import dump_snapshot, make_inputs
from generator.load.files import file_problem
from generator.model.concept_marker import has_unrevised
from generator.model.frozen_inputs import (
    FORMAT,
    SnapshotInputs,
    compare_files,
    date_text,
    version_text,
    edition_files,
    latest_snapshot_path,
    publish_marker,
    snapshot_dir,
    snapshot_versions,
    version_path,
)
from generator.model.project import EditionInput
from generator.site.build import check

_STATUS_LINE = re.compile(r"^status:[ \t]*(['\"]?)concept\1[ \t]*(#.*)?$", re.MULTILINE)
_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")


@dataclass
class PublishResult:
    period: Period
    version: int
    path: str  # project-relative snapshot file
    mode: str  # "publicatie" | "rectificatie" | "opnieuw"
    status_set: bool  # editie.yml's status was changed from concept to gepubliceerd
    revised: list[str] = field(default_factory=list)  # figures that differ from the previous version
    files: list[str] = field(default_factory=list)  # files that differ from the previous version
    earlier_concepts: list[str] = field(default_factory=list)  # earlier editions still a concept
    published_text: str = ""  # the one publication date, as the pages show it
    frozen_text: str = ""  # the moment this version was frozen


@dataclass
class _Version:
    """Which snapshot file this run writes, and what it records."""

    mode: str
    number: int
    published_on: str
    rectification: CorrectionView | None


def publish(
    paths: ProjectPaths,
    period_text: str,
    *,
    date: dt.date | None = None,
    reason: str | None = None,
    what: str | None = None,
    again: bool = False,
) -> PublishResult:
    try:
        period = Period.parse(period_text)
    except PeriodError as exc:
        raise Refused(str(exc)) from None
    folder = paths.editions / str(period)
    settings_file = folder / "editie.yml"
    if not settings_file.is_file():
        raise Refused(f"editie {period} bestaat niet ({paths.rel(settings_file)} ontbreekt)",
                      f"maak de editie eerst met `rapportage new-period {period}`")
    if again and reason:
        raise Refused("kies --opnieuw of --rectificatie, niet allebei")
    _refuse_unsafe_targets(paths, settings_file, snapshot_dir(folder))

    existing_path = latest_snapshot_path(folder)
    existing: Snapshot | None = None
    if existing_path is not None:
        problems = Problems()
        existing = parse_snapshot(existing_path.read_bytes(), paths.rel(existing_path), problems)
        if existing is None and not again:
            raise ValidationFailed(problems)
    # --opnieuw after a change to rapportage: other frozen editions whose snapshot no longer
    # loads or whose files changed too are computed from their files for this run, so the
    # developer can re-publish them one by one.
    unfreeze = {period} | (_stale_snapshots(paths) if again else set())
    _refuse_unready(paths, period, folder, existing_path is not None, again or bool(reason))

    if _resume_interrupted(paths, folder, settings_file):
        existing_path = latest_snapshot_path(folder)  # the interrupted run finished its snapshot
        existing = parse_snapshot(existing_path.read_bytes(), paths.rel(existing_path), Problems()) if existing_path else None
    _remove_scratch_leftovers(snapshot_dir(folder))
    original = settings_file.read_bytes()
    marker = _write_marker(folder, original)
    try:
        first = existing_path is None
        status_set = _update_settings(settings_file, original, date, reason, what, first and not again)
        computed = check(paths, unfreeze=frozenset(unfreeze))
        edition = computed.model.editions[period]
        view = next(v for v in computed.editions if v.summary.period == str(period))
        version = _next_version(period, edition, view, existing_path, existing, date, again)
        inputs = make_inputs(edition_files(folder), view)
        revised, changed_files = _changes_since(period, existing_path, existing, inputs, version.mode)
        snapshot = Snapshot(
            format=FORMAT,
            edition=str(period),
            version=version.number,
            published_on=version.published_on,
            frozen_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            rectification=version.rectification,
            generator=__version__,
            inputs=inputs,
            view=view,
        )
        target = _write_snapshot(paths, folder, version, snapshot)
    except BaseException:
        settings_file.write_bytes(original)
        marker.unlink(missing_ok=True)
        raise
    concepts = [v.summary.period for v in computed.editions
                if v.summary.status == EditionStatus.CONCEPT and Period.parse(v.summary.period) < period]
    frozen_at = dt.datetime.fromisoformat(snapshot.frozen_at or "")
    marker.unlink()  # last: from here on the edition counts as published
    return PublishResult(period, version.number, paths.rel(target), version.mode, status_set, revised, changed_files,
                         sorted(concepts), date_text(snapshot.published_on),
                         date_text(frozen_at.date().isoformat()) + frozen_at.strftime(" %H:%M UTC"))


def _refuse_unready(paths: ProjectPaths, period: Period, folder: Path, published: bool, needs_published: bool) -> None:
    if not published and needs_published:
        raise Refused(
            f"editie {period} is nog niet gepubliceerd",
            f"publiceer eerst met `rapportage publish {period}`; --opnieuw en --rectificatie gelden alleen voor een gepubliceerde editie",
        )
    unrevised = has_unrevised(folder)
    if unrevised:
        raise Refused(
            f"editie {period} bevat nog tekst die is overgenomen en niet bijgewerkt: "
            + ", ".join(f"{paths.rel(folder)}/{r}" for r in unrevised),
            "werk die bestanden bij en verwijder de regel `# CONCEPT ...` bovenaan; `rapportage check` toont ze allemaal",
        )


def _update_settings(settings_file: Path, original: bytes, date: dt.date | None, reason: str | None, what: str | None,
                     first: bool = False) -> bool:
    """Write editie.yml's rectificatie and status; whether the status was set to gepubliceerd.

    A first publication with a date (`--datum`) writes it as the edition's `datum`: the pages,
    the PDF, the snapshot and every message then show one and the same publication date."""
    text = original.decode("utf-8-sig")
    if first and date is not None:
        text = _DATE_LINE.sub(lambda m: f"datum: {date.isoformat()}" + (f" {m.group(2)}" if m.group(2) else ""), text, count=1)
    if reason:
        text = append_rectification(text, date or dt.date.today(), reason, what)
    text, status_set = _set_published(text)
    if text != original.decode("utf-8-sig"):
        settings_file.write_text(text, encoding="utf-8")
    return status_set


def _next_version(
    period: Period, edition: EditionInput, view: EditionView, existing_path: Path | None,
    existing: Snapshot | None, date: dt.date | None, again: bool,
) -> _Version:
    if existing is None and existing_path is None:
        return _Version("publicatie", 1, view.summary.date, None)  # editie.yml's datum, as the pages show it
    if again:
        assert existing_path is not None
        old = existing.model_dump(mode="json") if existing else _lenient(existing_path)
        published_on = str(old.get("published_on") or (date or edition.settings.date).isoformat())
        rectification = CorrectionView.model_validate(old["rectification"]) if old.get("rectification") else None
        return _Version("opnieuw", int(existing_path.stem.split("-")[1]), published_on, rectification)
    assert existing is not None
    corrections = view.summary.corrections
    if len(corrections) <= len(existing.view.summary.corrections):
        raise Refused(
            f"editie {period} is al gepubliceerd ({version_text(existing.version, existing.published_on, existing.frozen_at)})",
            f"een gepubliceerde editie verandert alleen met een rectificatie: "
            f"`rapportage publish {period} --rectificatie \"reden\"`",
        )
    return _Version("rectificatie", existing.version + 1, existing.published_on, corrections[-1])


def _changes_since(
    period: Period, existing_path: Path | None, existing: Snapshot | None, inputs: SnapshotInputs, mode: str,
) -> tuple[list[str], list[str]]:
    """(revised figures, changed files) since the previous version; --opnieuw refuses revised figures."""
    if existing_path is None:
        return [], []
    old_inputs = (existing.model_dump(mode="json") if existing else _lenient(existing_path)).get("inputs") or {}
    revised = _figure_changes(old_inputs.get("figures") or [], inputs.figures)
    old_files = old_inputs.get("files") or {}
    changed_files = sorted(k for k in set(old_files) | set(inputs.files) if old_files.get(k) != inputs.files.get(k))
    if mode == "opnieuw" and revised:
        raise Refused(
            f"--opnieuw zou de cijfers van gepubliceerde editie {period} veranderen: " + "; ".join(revised),
            "dat is een herziening van de cijfers, geen wijziging van rapportage zelf: zet de cijfers terug, "
            f"of leg een rectificatie vast met `rapportage publish {period} --rectificatie \"reden\"`",
        )
    return revised, changed_files


def _write_marker(folder: Path, original: bytes) -> Path:
    """Phase one: record editie.yml as it was and which snapshots exist, before anything changes."""
    marker = publish_marker(folder)
    data = {"editie.yml": original.decode("utf-8-sig", "replace"),
            "snapshots": sorted(p.name for _, p in snapshot_versions(folder))}
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    return marker


def _resume_interrupted(paths: ProjectPaths, folder: Path, settings_file: Path) -> bool:
    """A publish killed halfway left its marker: put editie.yml back as it was (when no new
    snapshot was written) or accept the finished snapshot; True when a snapshot was finished."""
    marker = publish_marker(folder)
    if not (marker.exists() or marker.is_symlink()):
        return False
    rel = paths.rel(marker)
    data = None
    if marker.is_file() and not marker.is_symlink():
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
    if not isinstance(data, dict) or not isinstance(data.get("editie.yml"), str):
        raise Refused(f"{rel} is van een onderbroken publicatie, maar onleesbaar",
                      f"zet {paths.rel(settings_file)} terug (git) en verwijder {rel}; publiceer daarna opnieuw")
    now = sorted(p.name for _, p in snapshot_versions(folder))
    finished = now != sorted(data.get("snapshots") or [])
    if not finished:
        settings_file.write_bytes(data["editie.yml"].encode("utf-8"))
    marker.unlink()
    return finished


def _remove_scratch_leftovers(snapshots: Path) -> None:
    """Scratch files of a killed publish (`.versie-<pid>-*.tmp`, older releases `.versie-*.tmp`)."""
    if not snapshots.is_dir() or snapshots.is_symlink():
        return
    for leftover in snapshots.glob(".versie-*.tmp"):
        pid = leftover.name[len(".versie-"):].split("-")[0]
        if leftover.is_symlink():
            leftover.unlink()  # a planted link: the link goes, never its target
        elif leftover.is_file() and not (pid.isdigit() and _alive(int(pid))):
            leftover.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this run has not made one yet
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _write_snapshot(paths: ProjectPaths, folder: Path, version: _Version, snapshot: Snapshot) -> Path:
    target = version_path(folder, version.number)
    if target.exists() and version.mode != "opnieuw":
        raise Refused(f"{paths.rel(target)} bestaat al", "rapportage overschrijft geen gepubliceerde versie")
    target.parent.mkdir(parents=True, exist_ok=True)
    # A fresh, exclusively created scratch file: never through an existing file or symlink.
    handle, tmp_name = tempfile.mkstemp(prefix=f".versie-{os.getpid()}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(dump_snapshot(snapshot))
        ordinary_mode(Path(tmp_name))  # mkstemp makes it 0600; a snapshot is an ordinary file in git
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _refuse_unsafe_targets(paths: ProjectPaths, settings_file: Path, snapshots: Path) -> None:
    """publish writes editie.yml and gepubliceerd/: never through a symlink, never outside the project."""
    problems = Problems()
    rel = paths.rel(settings_file)
    found = file_problem(settings_file, rel, root=paths.root)
    if found:
        problems.add(rel, None, *found)
    elif settings_file.is_symlink():
        problems.add(rel, None, "bestand is een koppeling (symlink); publish schrijft niet door een koppeling heen",
                     "vervang de koppeling door het bestand zelf")
    if snapshots.is_symlink() or (snapshots.exists() and not snapshots.resolve().is_relative_to(paths.root)):
        problems.add(paths.rel(snapshots), None, "de map voor bevroren edities is een koppeling (symlink); publish schrijft daar niet in",
                     "vervang de koppeling door een gewone map")
    if problems:
        raise ValidationFailed(problems)


def _figure_changes(old: list, new: list) -> list[str]:
    """'eigen-regie Jeugd 2023-Q1: 79 -> 77' for every displayed figure that differs."""
    before = {tuple(r[:3]): r[3] for r in old}
    after = {tuple(r[:3]): r[3] for r in new}
    out = []
    for key in sorted(set(before) | set(after), key=str):
        a, b = before.get(key), after.get(key)
        if a != b:
            name = " ".join(k for k in key if k)
            out.append(f"{name}: {'geen' if a is None else a:g} -> {'geen' if b is None else b:g}"
                       if isinstance(a, (int, float)) and isinstance(b, (int, float)) else f"{name}: {a} -> {b}")
    return out


def _stale_snapshots(paths: ProjectPaths) -> set[Period]:
    """Editions whose newest snapshot no longer loads, or whose files changed since."""
    out = set()
    if not paths.editions.is_dir():
        return out
    for folder in paths.editions.iterdir():
        path = latest_snapshot_path(folder) if folder.is_dir() else None
        if path is None:
            continue
        snap = parse_snapshot(path.read_bytes(), paths.rel(path), Problems())
        if snap is None or compare_files(snap.inputs, edition_files(folder)):
            try:
                out.add(Period.parse(folder.name))
            except PeriodError:
                pass
    return out


def _lenient(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


_DATE_LINE = re.compile(r"^datum:[ \t]*([^#\n]*?)[ \t]*(#.*)?$", re.MULTILINE)


def _set_published(text: str) -> tuple[str, bool]:
    new, n = _STATUS_LINE.subn(lambda m: "status: gepubliceerd" + (f" {m.group(2)}" if m.group(2) else ""), text, count=1)
    return new, n == 1


def append_rectification(text: str, date: dt.date, reason: str, what: str | None = None) -> str:
    """Add one entry to the top-level `rectificaties:` list of editie.yml (created if absent),
    leaving every other line as the editor wrote it."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^rectificaties:\s*(\[\s*\])?\s*(#.*)?$", line)), None)
    if start is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append("rectificaties:")
        indent = "  "
        end = len(lines)
    else:
        lines[start] = "rectificaties:"
        end = start + 1
        while end < len(lines) and not _TOP_KEY.match(lines[end]):
            end += 1
        items = [m.group(1) for line in lines[start + 1:end] if (m := re.match(r"^(\s*)- ", line))]
        indent = items[0] if items else "  "
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
    entry = [f"{indent}- datum: {date.isoformat()}", f"{indent}  reden: {json.dumps(reason, ensure_ascii=False)}"]
    if what:
        entry.append(f"{indent}  wat: {json.dumps(what, ensure_ascii=False)}")
    lines[end:end] = entry
    return "\n".join(lines) + "\n"
