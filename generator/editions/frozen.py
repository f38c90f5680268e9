"""What a build does with a published (frozen) edition.

A frozen edition is shown from its snapshot, never recomputed from the current figures.
Its narrative files must be exactly what was published: a changed, added or removed file
is an error (with the first changed line) until a rectificatie is recorded with
`rapportage publish <periode> --rectificatie "reden"`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from generator.editions.snapshot import (
    Snapshot,
    compare_files,
    edition_files,
    latest_snapshot_path,
    parse_snapshot,
    sha256,
)
from generator.load.yamlfile import load_yaml
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core.paths import ProjectPaths


@dataclass
class FrozenEdition:
    period: Period
    folder: Path
    path: Path  # the newest snapshot file
    snapshot: Snapshot
    digest: str  # sha256 of the snapshot file: the render cache key

    @property
    def view(self):
        return self.snapshot.view


def date_text(iso: str) -> str:
    return format_date(dt.date.fromisoformat(iso), format="long", locale="nl_NL")


def inspect_frozen(
    paths: ProjectPaths, folder: Path, period: Period, problems: Problems
) -> tuple[FrozenEdition | None, bool]:
    """(the frozen edition, or None without a snapshot; whether its inputs are unchanged)."""
    path = latest_snapshot_path(folder)
    if path is None:
        return None, False
    rel = paths.rel(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, f"bevroren editie kan niet gelezen worden ({exc.strerror or exc})")
        return None, False
    snap = parse_snapshot(raw, rel, problems)
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
    published = f"editie {period} is gepubliceerd (versie {snap.version}, {date_text(snap.published_on)})"
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
        what = {"gewijzigd": "gewijzigd", "toegevoegd": "toegevoegd", "verwijderd": "verwijderd"}[change.kind]
        problems.add(file, change.line, f"{published} en dit bestand is daarna {what}", hint)
    return frozen, False


def _pending_rectification(paths: ProjectPaths, folder: Path, snap: Snapshot) -> int | None:
    """Line of a rectificatie in editie.yml that the snapshot does not have yet, if any."""
    doc = load_yaml(folder / "editie.yml", paths.rel(folder / "editie.yml"), Problems())
    if doc is None or not isinstance(doc.data, dict):
        return None
    entries = doc.data.get("rectificaties")
    if not isinstance(entries, list) or len(entries) <= len(snap.view.summary.corrections):
        return None
    return doc.line_of(("rectificaties", len(snap.view.summary.corrections)))


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
