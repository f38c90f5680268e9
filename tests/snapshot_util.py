"""A small snapshot helper: compare text with a stored file under tests/snapshots/.

A difference fails the test; `UPDATE_SNAPSHOTS=1` rewrites the stored file instead
(review the diff before committing it).
"""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            raise AssertionError(f"snapshot {name} did not exist; written, check it and run again")
        return
    stored = path.read_text(encoding="utf-8")
    assert text == stored, f"snapshot {name} differs (UPDATE_SNAPSHOTS=1 rewrites it)"
