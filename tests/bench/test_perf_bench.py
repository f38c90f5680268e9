"""The benchmark's code, at a tiny scale, so it cannot rot (the real run is bench/run.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench import run, synthetic
from generator.cli import main

pytestmark = pytest.mark.slow

TINY = synthetic.Scale(editions=2, indicators=3, series=2, measures=0)


def test_synthetic_project_builds_and_rebuilds(tmp_path: Path, capsys):
    project = synthetic.generate(tmp_path / "p", TINY)
    assert project.periods == ["2023-Q3", "2023-Q4"] and project.draft == "2023-Q4"
    synthetic.publish_all(project)
    assert (project.root / "content/edities/2023-Q3/gepubliceerd/versie-1.json").is_file()
    root = str(project.root)

    assert main(["check", "--project", root]) == 0
    assert "3 indicatoren, 2 edities (1 bevroren)" in capsys.readouterr().out
    assert main(["build", "--project", root]) == 0
    site = project.root / "site"
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html") if "search" not in p.parts)
    assert pages == [
        ".", "2023-q3", "2023-q3/kpi/kpi-001", "2023-q3/kpi/kpi-002", "2023-q3/kpi/kpi-003", "2023-q3/wijzigingen",
        "2023-q4", "2023-q4/kpi/kpi-001", "2023-q4/kpi/kpi-002", "2023-q4/kpi/kpi-003", "2023-q4/wijzigingen",
        "kpi/kpi-001", "kpi/kpi-002", "kpi/kpi-003", "laatste",
    ]
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    statuses = [tr.find_all("td")[1].get_text(strip=True) for tr in home.select("table.rp-editions tbody tr")]
    assert statuses == ["Gepubliceerd", "Concept"]  # the newest published edition first (issue 14)
    stats = json.loads((project.root / ".rapportage/last-build.json").read_text())
    assert stats["pages"] == 14 and stats["frozen"] == 1 and not stats["site_unchanged"] and stats["stages"]["mkdocs"] > 0
    capsys.readouterr()

    # Nothing changed: the site stays as it is and MkDocs does not run.
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    assert main(["build", "--project", root]) == 0
    assert "Site is al bijgewerkt" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} == before
    assert json.loads((project.root / ".rapportage/last-build.json").read_text())["site_unchanged"]

    # One narrative edit in the draft edition: built, and the new sentence is on its page.
    synthetic.edit_narrative(project, "test")
    assert main(["build", "--project", root]) == 0
    page = (site / "2023-q4/kpi/kpi-001/index.html").read_text(encoding="utf-8")
    assert "Aanvulling test: het cijfer is na controle bevestigd." in page
    stats = json.loads((project.root / ".rapportage/last-build.json").read_text())
    assert not stats["site_unchanged"]
    assert stats["pages_reused"] == 13  # incremental: only the edited KPI page was rendered (issue 19)


def test_site_is_rebuilt_when_someone_changed_it(tmp_path: Path):
    project = synthetic.generate(tmp_path / "p", TINY)
    root = str(project.root)
    assert main(["build", "--project", root]) == 0
    victim = project.root / "site/2023-q3/index.html"
    victim.unlink()
    assert main(["build", "--project", root]) == 0
    assert victim.is_file()


def test_runner_writes_results(tmp_path: Path):
    out = tmp_path / "results.md"
    out.write_text("old generated part\n" + run.HAND_WRITTEN + "\n\n## Measured by hand\n", encoding="utf-8")
    assert run.main(["--repeat", "1", "--editions", "2", "--indicators", "3", "--measures", "0",
                     "--out", str(out), "--workdir", str(tmp_path / "work")]) == 0
    text = out.read_text(encoding="utf-8")
    assert "- project: 2 editions × 3 indicators × 2 series (15 pages" in text
    for label in run.LABELS.values():
        assert f"| {label} |" in text
    assert "## Peak memory" in text and "of the cold build" in text
    # Issue 19: the cold build against plain MkDocs, and one chart's CPU time.
    assert "| cold build wall / plain `mkdocs build` wall (same run) |" in text
    assert "| one chart, cold, CPU ms (Altair + vl-convert; `bench/chart_cpu.py`) |" in text
    assert "pages unchanged from the old site (incremental build)" in text
    # The PDF of every edition (issue 19): both editions timed, with their pages.
    assert "## The PDF of every edition (2 editions, Typst" in text and "| all 2 editions, wall (s) |" in text
    rows = [line for line in text.splitlines() if line.startswith("| 2023-Q")]
    assert [row.split(" | ")[0] for row in rows] == ["| 2023-Q3", "| 2023-Q4"]
    assert all(int(row.split(" | ")[1]) >= 5 for row in rows)  # cover, contents, overview, 3 KPIs, ...
    assert "old generated part" not in text and text.endswith(run.HAND_WRITTEN + "\n\n## Measured by hand\n")
