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


def test_a_percentage_written_as_a_fraction_or_with_a_thousands_point(example_project: Path) -> None:
    csv = example_project / "data/indicatoren.csv"
    text = csv.read_text(encoding="utf-8")
    assert "eigen-regie;Wmo;2023-Q3;" in text
    lines = text.splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith("eigen-regie;Wmo;2023-Q3;"))
    lines[row] = "eigen-regie;Wmo;2023-Q3;0,12\n"
    row2 = next(i for i, line in enumerate(lines) if line.startswith("eigen-regie;Jeugd;2023-Q3;"))
    lines[row2] = "eigen-regie;Jeugd;2023-Q3;83.500\n"
    csv.write_text("".join(lines), encoding="utf-8")
    warnings = [(p.file, p.line, p.message) for p in check(ProjectPaths.at(example_project)).model.problems.warnings]
    assert ("data/indicatoren.csv", row2 + 1,
            "`83.500` in een percentage is gelezen als 83500%: de punt scheidt duizendtallen") in warnings
    fraction = [w for w in warnings if w[1] == row + 1]
    assert len(fraction) == 1 and fraction[0][2].startswith("0,12 wijkt sterk af van de andere cijfers van `eigen-regie` / Wmo")


def test_a_concept_edition_without_figures_for_an_indicator_with_figures_the_quarter_before(example_project: Path, capsys) -> None:
    paths = ProjectPaths.at(example_project)
    assert not [p for p in check(paths).model.problems.warnings if "geen enkele regel" in p.message]
    csv = example_project / "data/indicatoren.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    q2 = next(i for i, line in enumerate(lines) if line.startswith("eigen-regie;") and ";2023-Q2;" in line)
    csv.write_text("".join(line for line in lines if not line.startswith("eigen-regie;") or ";2023-Q3;" not in line),
                   encoding="utf-8")
    warnings = [(p.file, p.message) for p in check(paths).model.problems.warnings]
    assert ("data/indicatoren.csv", f"indicator `eigen-regie` heeft cijfers voor 2023-Q2 (regel {q2 + 1}) maar geen "
            "enkele regel voor 2023-Q3, de concept-editie") in warnings
    assert main(["check", "--strict", "--project", str(example_project)]) == 1
    assert "data/indicatoren.csv: fout: indicator `eigen-regie` heeft cijfers voor 2023-Q2" in capsys.readouterr().err
