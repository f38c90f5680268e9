"""Issue 14 point 5: data that would silently not reach the report gets a warning."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.core.paths import ProjectPaths
from generator.site.build import check


def test_a_figures_file_nothing_reads_is_reported(example_project: Path, capsys) -> None:
    (example_project / "data/2023-Q3/wachtlijst.csv").write_text("indicator;reeks;periode;waarde\n", encoding="utf-8")
    (example_project / "data/.~lock.indicatoren.csv#").write_text("x", encoding="utf-8")  # editor clutter: ignored
    warnings = [(p.file, p.message) for p in check(ProjectPaths.at(example_project)).model.problems.warnings]
    assert warnings == [("data/2023-Q3/wachtlijst.csv",
                         "dit bestand met cijfers wordt nergens gebruikt: zijn cijfers staan niet in de rapportage")]
    assert main(["check", "--strict", "--project", str(example_project)]) == 1
    assert "data/2023-Q3/wachtlijst.csv: fout: dit bestand met cijfers wordt nergens gebruikt" in capsys.readouterr().err
