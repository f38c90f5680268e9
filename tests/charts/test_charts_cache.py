"""In a real build, unchanged charts are not drawn again and a changed figure redraws only its charts."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.charts import render as render_mod
from generator.render.chart_blocks import ChartBook
from generator.site.build import load as load_project
from generator.site.build import compute, render
from generator.core.paths import ProjectPaths


@pytest.fixture
def drawn(monkeypatch):
    """Replace vl-convert by a stand-in that records what it was asked to draw."""
    calls: list[str] = []

    def fake(spec):
        calls.append(spec.id + "@" + (spec.current or "") + (" telefoon" if spec.phone else ""))
        return f'<svg width="1" height="1" viewBox="0 0 1 1"><text>{spec.title}</text></svg>'

    monkeypatch.setattr(render_mod, "render_svg", fake)
    return calls


def run(project: Path, cache: Path) -> ChartBook:
    paths = ProjectPaths.at(project)
    book = ChartBook(paths, workers=1)
    book.cache.folder = cache
    render(paths, compute(load_project(paths)), charts=book)
    return book


def test_second_build_draws_nothing_and_a_changed_figure_redraws_its_charts(example_project, tmp_path, drawn):
    cache = tmp_path / "cache"
    first = run(example_project, cache)
    assert first.stats.rendered == first.stats.charts == len(drawn) >= 33

    drawn.clear()
    second = run(example_project, cache)
    # Frozen editions (2023-Q1, 2023-Q2) now come whole from the render cache, SVGs included;
    # the concept's charts come from the chart cache.
    assert second.stats.rendered == 0 and 0 < second.stats.cached < first.stats.charts
    assert drawn == []

    csv = example_project / "data" / "indicatoren.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("eigen-regie;Jeugd;2023-Q3;83", "eigen-regie;Jeugd;2023-Q3;86"), encoding="utf-8")
    third = run(example_project, cache)
    # Q1 and Q2 editions do not show Q3; the KPI chart is drawn in its desktop and phone form,
    # and the KPI-across-editions chart too
    assert sorted(drawn) == ["eigen-regie-door-de-tijd@2023-Q3", "eigen-regie-door-de-tijd@2023-Q3 telefoon",
                             "eigen-regie@2023-Q3", "eigen-regie@2023-Q3 telefoon"]
    assert third.stats.rendered == 4
