"""One rendered page per page kind of the example, against its snapshot (tests/snapshots/pages/).

Walks the page-kind registry, so a new kind without a snapshot fails here. The snapshot is
the engine-neutral page (URL, title, nav place, body), with the inline chart SVGs left out
(they depend on vl-convert's version; tests/test_charts_*.py cover them).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.render.model import Page, RenderedSite
from generator.render.pages.guide import guide_pages
from generator.render.pages.registry import PAGE_KINDS
from generator.site.build import check, render
from snapshot import assert_snapshot

REPO = Path(__file__).resolve().parents[2]
_SVG = re.compile(r"<svg\b.*?</svg>", re.S | re.I)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    project = tmp_path_factory.mktemp("snapshots") / "project"
    for name in ("content", "data"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    paths = ProjectPaths.at(project)
    return render(paths, check(paths))[0]


def _text(page: Page) -> str:
    nav = "-" if page.nav is None else " > ".join([*(t for _, t in page.nav.sections), page.nav.title])
    head = [f"url: {page.url}", f"index: {page.address.index}", f"title: {page.title}",
            f"description: {page.description}", f"edition: {page.edition}", f"nav: {nav}"]
    return "\n".join(head) + "\n\n" + _SVG.sub("<svg><!-- getekende grafiek --></svg>", page.content()) + "\n"


# The guide gets a tiny guide of its own below: the real one changes with every edit of the docs.
@pytest.mark.parametrize("kind", [k.name for k in PAGE_KINDS if k.name != "guide"])
def test_one_page_per_kind_matches_its_snapshot(rendered: RenderedSite, kind: str) -> None:
    if kind == "latest":  # a whole HTML document, not a page
        assert_snapshot(rendered.files["laatste/index.html"].decode("utf-8"), "pages/latest.html")
        return
    of_kind = [p for p in rendered.pages if p.kind == kind]
    assert of_kind, f"the example has no page of kind {kind}"
    # An edition kind: the page of the newest edition by period (the example's concept),
    # whatever the place of that edition in the menu.
    newest = max((p.edition for p in of_kind if p.edition), default=None)
    page = next(p for p in of_kind if p.edition == newest)
    assert_snapshot(_text(page), f"pages/{kind}.txt")


def test_a_guide_page_matches_its_snapshot(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# Handleiding\n\nLees eerst [Tabellen](tabellen.md).\n", encoding="utf-8")
    (tmp_path / "tabellen.md").write_text("# Tabellen\n\nEen tabel staat in `tabellen.yml`.\n", encoding="utf-8")
    assert_snapshot("".join(_text(page) for page in guide_pages(tmp_path)), "pages/guide.txt")


def test_every_page_kind_names_an_existing_template_and_is_registered_once() -> None:
    names = [kind.name for kind in PAGE_KINDS]
    assert len(names) == len(set(names))
    for kind in PAGE_KINDS:
        assert kind.template is None or (REPO / "templates" / kind.template).is_file(), f"{kind.name}: {kind.template}"
