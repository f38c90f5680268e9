"""A published edition's snapshot as a whole: the file's full model, its view included.

The loader reads only the snapshot's header and inputs (generator/model/frozen_inputs.py);
the view is an EditionView, a compute type, so it is validated here. `publish` writes
this model (generator/editions/publish.py).
"""

from __future__ import annotations

from pydantic import ValidationError

from generator.compute.views import CorrectionView, EditionView
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.model.frozen_inputs import FrozenEdition, SnapshotHeader, parse_snapshot_file, snapshot_problem


class Snapshot(SnapshotHeader):
    """The whole snapshot file: the header the loader reads, with its view and correction typed."""

    rectification: CorrectionView | None = None  # the correction this version recorded
    view: EditionView


def parse_snapshot(raw: bytes, rel: str, problems: Problems) -> Snapshot | None:
    """Read and validate a whole snapshot; problems get a Dutch message that says what to do."""
    return parse_snapshot_file(Snapshot, raw, rel, problems)


def frozen_view(frozen: FrozenEdition, rel: str, problems: Problems) -> EditionView | None:
    """The view a frozen edition shows, from its snapshot; None (and a problem) if it does not fit."""
    try:
        return EditionView.model_validate(frozen.snapshot.view)
    except ValidationError as exc:
        file, message, hint = snapshot_problem(rel, exc, prefix="view.")
        problems.add(file, None, message, hint)
        return None


def frozen_views(frozen: dict[Period, FrozenEdition], rel_of, problems: Problems) -> dict[Period, EditionView]:
    views = {}
    for period, edition in frozen.items():
        view = frozen_view(edition, rel_of(edition.path), problems)
        if view is not None:
            views[period] = view
    return views
