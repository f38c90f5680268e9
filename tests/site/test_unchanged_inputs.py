"""Issue 19 point 5: a build whose input files did not change does not load anything
(generator/site/unchanged.py). It must report what the last build reported, warnings
included, and build in earnest as soon as anything it reads, or the site, changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.core.problems import ValidationFailed
from generator.site import input_digest, unchanged
from generator.site.build import build, check

NARRATIVE = "content/edities/2023-Q3/indicatoren/eigen-regie.yml"


@pytest.fixture(autouse=True)
def _fixed_build_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _replayed(project: Path) -> bool:
    stages = json.loads((project / ".rapportage" / "last-build.json").read_text(encoding="utf-8"))["stages"]
    return list(stages) == ["inputs"]


def _states(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*")}


def test_a_build_without_changes_loads_nothing_and_reports_the_same(example_project: Path, monkeypatch) -> None:
    paths = ProjectPaths.at(example_project)
    # A near-miss file name is a warning: it must come back with the replayed build.
    stray = example_project / "content/edities/2023-Q3/indicatoren/extra.YML"
    stray.write_text("toelichting: x\n", encoding="utf-8")
    first = build(paths)
    assert first.warnings and not _replayed(example_project)
    site = _states(first.site_dir)

    import generator.site.build as pipeline

    def no_loading(*args, **kwargs):
        raise AssertionError("a build without changes loaded the project")

    with monkeypatch.context() as m:
        m.setattr(pipeline, "check", no_loading)
        second = build(paths)
    assert _replayed(example_project)
    assert second.site_unchanged
    assert (second.pages, second.editions, second.frozen) == (first.pages, first.editions, first.frozen)
    assert second.charts.charts == first.charts.charts == second.charts.cached
    assert second.warnings == first.warnings
    assert _states(second.site_dir) == site  # not one file written or replaced

    # --strict fails on the replayed warnings exactly as a strict check does.
    with pytest.raises(ValidationFailed) as replayed:
        build(paths, strict=True)
    with pytest.raises(ValidationFailed) as checked:
        check(paths, strict=True)
    assert replayed.value.problems.items == checked.value.problems.items


def test_an_edit_is_built(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    build(paths)
    narrative = example_project / NARRATIVE
    stat = narrative.stat()
    text = narrative.read_text(encoding="utf-8")
    # Same length, same modification time: only the bytes tell the edit apart.
    edited = text.replace("Bij Jeugd ervaart ", "Bij Jeugd ERVAART ", 1)
    assert edited != text and len(edited) == len(text)
    narrative.write_text(edited, encoding="utf-8")
    os.utime(narrative, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = build(paths)
    assert not _replayed(example_project) and not second.site_unchanged
    assert "Bij Jeugd ERVAART" in (second.site_dir / "2023-q3/kpi/eigen-regie/index.html").read_text(encoding="utf-8")
    build(paths)
    assert _replayed(example_project)


def test_a_touched_site_is_built_again(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    first = build(paths)
    page = first.site_dir / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- hand edit -->", encoding="utf-8")
    second = build(paths)
    assert not _replayed(example_project)
    assert "hand edit" not in (second.site_dir / "index.html").read_text(encoding="utf-8")


def test_the_digest_covers_code_packages_environment_and_target(example_project: Path, tmp_path: Path, monkeypatch) -> None:
    paths = ProjectPaths.at(example_project)
    target = paths.site
    base = unchanged.inputs_of(paths, target)
    assert base is not None and base == unchanged.inputs_of(paths, target)
    assert unchanged.inputs_of(paths, tmp_path / "elders") != base

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000001")
    assert unchanged.inputs_of(paths, target) != base
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    code = tmp_path / "generator"
    code.mkdir()
    (code / "module.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(input_digest, "PACKAGE_DIR", code)
    before = unchanged.inputs_of(paths, target)
    (code / "module.py").write_text("X = 2\n", encoding="utf-8")
    assert unchanged.inputs_of(paths, target) != before

    monkeypatch.setattr(input_digest, "_installed_packages", lambda: ["mkdocs_material-9.9.0.dist-info"])
    assert unchanged.inputs_of(paths, target) != before


def test_what_cannot_be_hashed_safely_is_built(example_project: Path, tmp_path: Path) -> None:
    paths = ProjectPaths.at(example_project)
    assert unchanged.inputs_of(paths, paths.site) is not None

    config = example_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "\nextra:\n  omgeving: !ENV [OMGEVING, test]\n", encoding="utf-8")
    assert unchanged.inputs_of(paths, paths.site) is None  # the environment decides
    config.write_text(text, encoding="utf-8")

    outside = tmp_path / "elders.csv"
    outside.write_text("a\n1\n", encoding="utf-8")
    (example_project / "data" / "link.csv").symlink_to(outside)
    assert unchanged.inputs_of(paths, paths.site) is None
    (example_project / "data" / "link.csv").unlink()

    first = build(paths)
    assert not first.site_unchanged
    # Too many bytes to hash: build as before (the loader has its own limits and messages).
    import generator.site.input_digest as digest_module

    old = digest_module.MAX_BYTES
    try:
        digest_module.MAX_BYTES = 10
        assert unchanged.inputs_of(paths, paths.site) is None
        again = build(paths)
        assert again.site_unchanged and not _replayed(example_project)  # MkDocs skipped, but everything loaded
    finally:
        digest_module.MAX_BYTES = old
