"""HTML blocks lifted out of the Markdown must come back exactly where Markdown left them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.site.build import check, render
from generator.core.paths import ProjectPaths
from generator.site.mkdocs import islands
from generator.site.mkdocs.adapter import DocsWriter, build_site


def test_lift_and_restore_round_trip():
    text = (
        "# Titel\n\n<div class=\"a\">\n<p>een</p>\n<svg><path d=\"M0 0\"/></svg>\n</div>\n"
        "<table><tr><td>1</td></tr></table>\n\n## Kop\n\n<dl><div><dt>x</dt><dd>y</dd></div></dl>\n"
    )
    lifted, blocks = islands.lift(text)
    assert lifted == (
        "# Titel\n\n<!--rp-blok-0-->\n\n<!--rp-blok-1-->\n\n\n## Kop\n\n<!--rp-blok-2-->\n\n"
    )
    assert blocks[0] == "<div class=\"a\">\n<p>een</p>\n<svg><path d=\"M0 0\"/></svg>\n</div>"
    assert islands.restore("<!--rp-blok-2-->|<!--rp-blok-0-->", blocks) == blocks[2] + "|" + blocks[0]


@pytest.mark.parametrize("text", [
    "<div>\n<script>if (a < b) {}</script>\n</div>\n",  # raw text element
    "<div markdown=\"1\">\n*nadruk*\n</div>\n",  # md_in_html
    "<div>\n<p>open\n</div>\n",  # does not balance
    "<div>een</div> en tekst erachter\n",  # Markdown goes on after the block on the same line
    "tekst\n<div>x</div>\n",  # not at a block boundary
    "<span>inline</span>\n",  # not a block-level element
    "    <div>x</div>\n",  # indented
])
def test_unusual_html_stays_with_markdown(text: str):
    lifted, blocks = islands.lift(text)
    assert blocks == [] and lifted == text


def _normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html))


@pytest.mark.slow
def test_site_identical_with_and_without_lifting(example_project: Path, tmp_path: Path, monkeypatch):
    paths = ProjectPaths.at(example_project)
    rendered, _ = render(paths, check(paths))
    sites = {}
    original = DocsWriter.__init__
    for lift in (False, True):
        monkeypatch.setattr(DocsWriter, "__init__", lambda self, docs_dir, lift=lift: original(self, docs_dir, lift=lift))
        sites[lift] = tmp_path / f"site-{lift}"
        build_site(paths, rendered, tmp_path / f"docs-{lift}", sites[lift])
    plain = sorted(p.relative_to(sites[False]) for p in sites[False].rglob("*.html"))
    assert plain == sorted(p.relative_to(sites[True]) for p in sites[True].rglob("*.html")) and len(plain) > 30
    for rel in plain:
        a = _normalised((sites[False] / rel).read_text(encoding="utf-8"))
        b = _normalised((sites[True] / rel).read_text(encoding="utf-8"))
        assert a == b, rel
    index = "search/search_index.json"
    assert (sites[False] / index).read_text() == (sites[True] / index).read_text()
