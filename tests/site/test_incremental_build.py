"""Issue 19 point 1: after one edit, `build` renders only the pages whose input changed and
takes the others from the old site (generator/site/mkdocs/incremental.py).

The result must be the site a full build makes, byte for byte (search index included),
the old site must never be written into (its unchanged pages are hard-linked into the
new build folder), and anything the manifest cannot vouch for gets a full build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.site.build import build

NARRATIVE = "content/edities/2023-Q3/indicatoren/eigen-regie.yml"


@pytest.fixture(autouse=True)
def _fixed_build_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _edit(project: Path, words: str) -> None:
    narrative = project / NARRATIVE
    text = narrative.read_text(encoding="utf-8")
    assert "Bij Jeugd ervaart " in text
    narrative.write_text(text.replace("Bij Jeugd ervaart ", f"Bij Jeugd ervaart {words} ", 1), encoding="utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_one_edit_builds_one_page_and_the_same_site_as_a_full_build(example_project: Path, tmp_path: Path) -> None:
    paths = ProjectPaths.at(example_project)
    first = build(paths)
    assert first.pages_reused == 0
    site = first.site_dir
    # Keep a second name for every file of the old site: whatever writes into one of them
    # in place (instead of replacing it) shows up here.
    before = _files(site)
    keep = tmp_path / "keep"
    for rel in before:
        (keep / rel).parent.mkdir(parents=True, exist_ok=True)
        os.link(site / rel, keep / rel)
    unchanged_page = "2023-q1/index.html"
    inode = (site / unchanged_page).stat().st_ino

    _edit(example_project, "zeldzaam veel,")
    second = build(paths)
    assert second.pages_reused == second.pages - 1  # only the edited KPI page was rendered
    assert _files(keep) == before  # the old site was never written into
    assert (site / unchanged_page).stat().st_ino == inode  # linked, not copied
    edited = (site / "2023-q3/kpi/eigen-regie/index.html").read_text(encoding="utf-8")
    assert "zeldzaam veel," in edited
    incremental = _files(site)

    (example_project / ".rapportage" / "build-manifest.json").unlink()
    full = build(paths)
    assert full.pages_reused == 0
    assert _files(site) == incremental  # every page, asset and the search index


def test_a_second_edit_builds_on_the_incremental_one(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    build(paths)
    _edit(example_project, "veel,")
    build(paths)
    _edit(example_project, "heel")
    result = build(paths)
    assert result.pages_reused == result.pages - 1
    incremental = _files(result.site_dir)
    (example_project / ".rapportage" / "build-manifest.json").unlink()
    build(paths)
    assert _files(result.site_dir) == incremental


def test_a_touched_site_gets_a_full_build(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    site = build(paths).site_dir
    (site / "2023-q1/index.html").write_text("door iemand aangepast", encoding="utf-8")
    _edit(example_project, "veel,")
    result = build(paths)
    assert result.pages_reused == 0
    assert "door iemand aangepast" not in (site / "2023-q1/index.html").read_text(encoding="utf-8")


def test_a_new_page_or_a_changed_nav_gets_a_full_build(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    build(paths)
    config = example_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("primary: indigo", "primary: teal"), encoding="utf-8")
    assert build(paths).pages_reused == 0


def test_a_project_with_hooks_gets_a_full_build(example_project: Path) -> None:
    # A hook (or any plugin but search) may make a page depend on other pages.
    paths = ProjectPaths.at(example_project)
    (example_project / "hooks.py").write_text("def on_page_markdown(markdown, **kwargs):\n    return markdown\n", encoding="utf-8")
    config = example_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - hooks.py\n", encoding="utf-8")
    build(paths)
    _edit(example_project, "veel,")
    assert build(paths).pages_reused == 0


def test_a_page_whose_old_html_is_gone_is_rendered(example_project: Path, monkeypatch) -> None:
    # The manifest vouches for the site folder, so this only happens when linking fails
    # (a file system without hard links): the page is rendered after all.
    paths = ProjectPaths.at(example_project)
    build(paths)
    real_link = os.link

    def no_links_for_one(src, dst, *args, **kwargs):
        if str(src).endswith("2023-q1/index.html"):
            raise OSError("no hard links here")
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", no_links_for_one)
    _edit(example_project, "veel,")
    result = build(paths)
    assert result.pages_reused == result.pages - 2
    incremental = _files(result.site_dir)
    monkeypatch.setattr(os, "link", real_link)
    (example_project / ".rapportage" / "build-manifest.json").unlink()
    shutil.rmtree(example_project / ".rapportage" / "docs")
    build(paths)
    assert _files(result.site_dir) == incremental
