"""Snapshots of one component at a time: per chart sample its Vega-Lite dict, its Dutch
summary and its data table, as JSON under tests/snapshots/charts/.

A difference fails the test; after an intended change rewrite the files with
`RAPPORTAGE_UPDATE_SNAPSHOTS=1 pytest tests/test_charts_snapshots.py` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Callable

import pytest

import chart_samples as samples
from generator.charts.model import ChartSpec
from snapshot import assert_snapshot

from generator.charts.spec import vegalite
from generator.charts.summary import summarise
from generator.charts.table import data_table
from generator.core.vocabulary import ChartKind

SNAPSHOTS = Path(__file__).resolve().parents[2] / "snapshots" / "charts"

CASES: dict[str, Callable[[], ChartSpec]] = {
    "lijn-een-reeks": samples.line_one,
    "lijn-twee-reeksen": samples.line_two,
    "staven": samples.bars,
    "gegroepeerd": samples.grouped,
    "gestapeld": samples.stacked,
    "aandelen-donut": samples.shares,
    "aandelen-balk": lambda: samples.shares("balk"),
    "horizontaal": samples.horizontal,
    "begroting": samples.budget,
    "staven-en-lijn": samples.bars_and_line,
    "vergelijking": samples.comparison,
    "panelen": samples.panels,
}


def assert_json_snapshot(name: str, value: Any) -> None:
    """Compare `value` (as pretty JSON) with tests/snapshots/charts/<name>.json."""
    assert_snapshot(json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n", f"charts/{name}.json")


@pytest.mark.parametrize("name", sorted(CASES))
def test_vegalite(name: str) -> None:
    assert_json_snapshot(f"{name}.vegalite", vegalite(CASES[name]()))


@pytest.mark.parametrize("name", sorted(CASES))
def test_vegalite_phone_form(name: str) -> None:
    spec = CASES[name]().model_copy(update={"phone": True})
    drawn = vegalite(spec)
    if "vconcat" in drawn:  # panels: Vega-Lite cannot fit a concatenation; each plot is sized (test_charts_render)
        assert all(panel["width"] < 310 for panel in drawn["vconcat"])
    else:
        assert drawn["width"] == 310 and drawn["autosize"]["type"] == "fit-x"
    assert_json_snapshot(f"{name}.telefoon.vegalite", drawn)


@pytest.mark.parametrize("name", sorted(CASES))
def test_summary_and_table(name: str) -> None:
    spec = CASES[name]()
    assert_json_snapshot(f"{name}.tekst", {"samenvatting": summarise(spec), "tabel": dataclasses.asdict(data_table(spec))})


def test_every_kind_has_a_snapshot() -> None:
    kinds = {CASES[name]().kind for name in CASES}
    assert kinds == {k for k in ChartKind if k is not ChartKind.NONE}
