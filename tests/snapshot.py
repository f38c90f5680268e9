"""A tiny snapshot helper: compare a text with a stored file, or rewrite it.

`RAPPORTAGE_UPDATE_SNAPSHOTS=1 pytest ...` writes the current texts; review the diff in git.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

UPDATE_ENV = "RAPPORTAGE_UPDATE_SNAPSHOTS"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


def assert_snapshot(text: str, name: str) -> None:
    """`text` must equal tests/snapshots/<name>; with RAPPORTAGE_UPDATE_SNAPSHOTS=1 it becomes it."""
    path = SNAPSHOTS / name
    if os.environ.get(UPDATE_ENV):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {path.relative_to(SNAPSHOTS.parent)}; make it with {UPDATE_ENV}=1"
    stored = path.read_text(encoding="utf-8")
    if stored != text:
        diff = "".join(difflib.unified_diff(stored.splitlines(True), text.splitlines(True), "snapshot", "now", n=2))
        raise AssertionError(f"{name} differs from its snapshot ({UPDATE_ENV}=1 rewrites it):\n{diff[:4000]}")
