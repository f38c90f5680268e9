"""serve's render cache: same inputs, same page, not rendered again; a change renders again."""

from __future__ import annotations

from pathlib import Path

from generator.site.build import check, render
from generator.core.paths import ProjectPaths
from generator.render.renderer import PageMemo
from generator.site.mkdocs.adapter import docs_path, page_source


def _pages(paths: ProjectPaths, cache: PageMemo) -> dict[str, str]:
    rendered, _ = render(paths, check(paths), cache=cache)
    return {docs_path(p.address): page_source(p) for p in rendered.pages}


def test_unchanged_pages_come_from_the_cache(example_project: Path):
    paths = ProjectPaths.at(example_project)
    uncached = {docs_path(p.address): page_source(p) for p in render(paths, check(paths))[0].pages}
    cache = PageMemo()
    first = _pages(paths, cache)
    assert first == uncached
    assert cache.hits == 0 and cache.misses > 20

    cache.hits = cache.misses = 0
    assert _pages(paths, cache) == uncached
    assert cache.misses == 0 and cache.hits > 20

    # One narrative of the draft edition: its pages render again, the others do not.
    narrative = example_project / "content/edities/2023-Q3/indicatoren/eigen-regie.yml"
    narrative.write_text(
        narrative.read_text(encoding="utf-8").replace("toelichting: |\n", "toelichting: |\n  Nieuwe eerste zin.\n", 1),
        encoding="utf-8",
    )
    cache.hits = cache.misses = 0
    after = _pages(paths, cache)
    changed = sorted(path for path in after if after[path] != first[path])
    assert "2023-q3/kpi/eigen-regie.md" in changed
    assert all(path.startswith("2023-q3/") for path in changed)
    assert "Nieuwe eerste zin." in after["2023-q3/kpi/eigen-regie.md"]
    # The draft's pages, the home page and the KPI-through-time pages (they show every edition).
    assert 0 < cache.misses <= sum(1 for p in after if p.startswith(("2023-q3/", "kpi/"))) + 1
    assert cache.hits >= 10


def test_a_template_change_renders_everything_again(example_project: Path):
    paths = ProjectPaths.at(example_project)
    cache = PageMemo()
    _pages(paths, cache)
    own = example_project / "templates/partials/_legend.html"
    own.parent.mkdir(parents=True)
    own.write_text("<p>Eigen legenda</p>\n", encoding="utf-8")
    cache.hits = cache.misses = 0
    pages = _pages(paths, cache)
    assert cache.hits == 0
    assert "Eigen legenda" in pages["2023-q1/index.md"]
