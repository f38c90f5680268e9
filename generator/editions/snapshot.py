"""Writing snapshots of published editions (`rapportage publish`).

The snapshot file's layout and reading it live below: generator/model/frozen_inputs.py
(header, inputs, "is this edition unchanged?") and generator/compute/snapshot.py (the
full model with the view). This module makes a new one: its inputs and its bytes.
See docs/dev/editions.md for why the build checks the files and not the figures.
"""

from __future__ import annotations

import json

from generator.compute.snapshot import Snapshot
from generator.compute.views import EditionView
from generator.core.periods import Period
from generator.model.frozen_inputs import MAX_STORED_TEXT, FigureRow, SnapshotInputs, content_of, sha256


def dump_snapshot(snapshot: Snapshot) -> bytes:
    """Deterministic JSON: same snapshot, same bytes."""
    data = snapshot.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def figure_rows(view: EditionView) -> list[FigureRow]:
    """The KPI figures an edition displays: value and history of every series."""
    rows: set[FigureRow] = set()
    for goal in view.goals:
        for ind in goal.indicators:
            for series in ind.series:
                for row in series.history:
                    rows.add((ind.id, series.name, row.period, row.value))
    return sorted(rows, key=lambda r: (r[0], r[1], Period.parse(r[2])))


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
