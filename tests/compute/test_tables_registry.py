"""Every table kind has its module in the registry, its model, and its documentation."""

from __future__ import annotations

from pathlib import Path

from generator.compute.tables import TABLE_KINDS
from generator.core.vocabulary import TableKind
from generator.compute.tables import TABLE_MODELS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_table_kind_is_registered():
    assert set(TABLE_KINDS) == set(TableKind)
    for kind, spec in TABLE_KINDS.items():
        assert spec.kind == kind
        assert TABLE_MODELS[kind] is spec.model
        assert spec.build.__module__ == f"generator.compute.tables.{kind.value}", "a kind lives in compute/tables/<kind>.py"


def test_every_table_kind_is_documented():
    dev = (DOCS / "dev" / "tables.md").read_text(encoding="utf-8")
    guide = "\n".join(p.read_text(encoding="utf-8") for p in sorted((DOCS / "handleiding").glob("*.md")))
    for kind in TableKind:
        assert f"soort: {kind.value}" in dev, f"docs/dev/tables.md has no example of `soort: {kind.value}`"
        assert f"`{kind.value}`" in guide, f"the editors' guide (docs/handleiding/) does not name `{kind.value}`"
