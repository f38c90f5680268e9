"""Validation of the measures part: every problem with file, line and a Dutch message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.editions.publish import publish
from generator.site.build import load as load_project
from generator.core.problems import Problem, ValidationFailed
from generator.core.paths import ProjectPaths


def problems_of(project: Path) -> list[Problem]:
    with pytest.raises(ValidationFailed) as failed:
        load_project(ProjectPaths.at(project))
    return failed.value.problems.items


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_example_measures_are_valid(example_project: Path) -> None:
    project = load_project(ProjectPaths.at(example_project))
    assert project.measures is not None
    assert [p.id for p in project.measures.pillars] == ["sturing", "preventie", "toegang", "regionaal"]
    assert len(project.measures.measures) == 11  # 3.2.1 t/m 3.2.4 is one entry
    assert sorted(str(p) for p in project.measures.editions) == ["2023-Q2", "2023-Q3"]
    assert not project.problems.warnings


def test_unknown_status_names_file_line_and_choices(example_project: Path) -> None:
    path = example_project / "content/edities/2023-Q3/maatregelen/2.1.3.yml"
    replace_in(path, "  financieel: rood", "  financieel: geel")
    replace_in(path, "  planning: oranje", "  planning: vlag")
    found = {(p.file, p.line): p for p in problems_of(example_project)}
    rel = "content/edities/2023-Q3/maatregelen/2.1.3.yml"
    geel = found[(rel, line_of(path, "financieel: geel"))]
    assert geel.message == "`geel` is geen geldige status; kies uit: groen, oranje, rood, afgerond"
    vlag = found[(rel, line_of(path, "planning: vlag"))]
    assert vlag.hint == "de vlag heet `afgerond`"


def test_unknown_pillar_in_definitions(example_project: Path) -> None:
    path = example_project / "content/maatregelen.yml"
    replace_in(path, "    pijler: toegang\n    eigenaar: Sociaal Team Lindewaard\n    beoogd_resultaat:\n      - Elk ondersteuningsplan",
               "    pijler: toegan\n    eigenaar: Sociaal Team Lindewaard\n    beoogd_resultaat:\n      - Elk ondersteuningsplan")
    problems = problems_of(example_project)
    assert [p.format() for p in problems] == [
        f"content/maatregelen.yml:{line_of(path, 'pijler: toegan')}: fout: pijler `toegan` bestaat niet\n"
        "    tip: bedoelt u `toegang`?"
    ]


def test_unknown_pillar_in_yields_csv_and_edition_text(example_project: Path) -> None:
    csv = example_project / "data/opbrengsten.csv"
    replace_in(csv, "toegang;2022;gerealiseerd;;28.300", "wijkteam;2022;gerealiseerd;;28.300")
    text = example_project / "content/edities/2023-Q2/maatregelen.yml"
    replace_in(text, "  regionaal: |", "  regio: |")
    found = {(p.file, p.line): p.message for p in problems_of(example_project)}
    assert found == {
        ("data/opbrengsten.csv", line_of(csv, "wijkteam;")): "pijler `wijkteam` bestaat niet",
        ("content/edities/2023-Q2/maatregelen.yml", line_of(text, "  regio: |")): "pijler `regio` bestaat niet",
    }


def test_unknown_measure_number_in_edition(example_project: Path) -> None:
    folder = example_project / "content/edities/2023-Q3/maatregelen"
    shutil.copy(folder / "1.1.2.yml", folder / "1.1.9.yml")
    problems = problems_of(example_project)
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line) == ("content/edities/2023-Q3/maatregelen/1.1.9.yml", 1)
    assert p.message == "voortgang voor maatregel `1.1.9`, maar die maatregel staat niet in content/maatregelen.yml"
    assert p.hint == "bedoelt u `1.1.2`?"


def test_duplicate_measure_number(example_project: Path) -> None:
    path = example_project / "content/maatregelen.yml"
    first = line_of(path, 'nummer: "2.1.1"')
    replace_in(path, 'nummer: "2.1.2"', 'nummer: "2.1.1"')
    lines = [n for n, text in enumerate(path.read_text().splitlines(), start=1) if 'nummer: "2.1.1"' in text]
    assert lines[0] == first
    problems = [p for p in problems_of(example_project) if p.file == "content/maatregelen.yml"]
    assert [(p.file, p.line, p.message, p.hint) for p in problems] == [(
        "content/maatregelen.yml", lines[1], "maatregel 2.1.1 komt twee keer voor",
        f"eerder al op regel {first}; elke maatregel heeft een eigen nummer",
    )]


def test_malformed_measure_numbers(example_project: Path) -> None:
    path = example_project / "content/maatregelen.yml"
    replace_in(path, 'nummer: "3.1.3"', "nummer: 3.10")
    replace_in(path, "nummer: R.2", "nummer: R/2")
    problems = problems_of(example_project)
    found = {p.line: p for p in problems if p.file == "content/maatregelen.yml"}
    assert len(found) == 2
    as_float = found[line_of(path, "nummer: 3.10")]
    assert as_float.message == "maatregelnummer `3.1` wordt als kommagetal gelezen"
    assert as_float.hint == 'zet het nummer tussen aanhalingstekens, bijvoorbeeld `nummer: "3.1"`'
    slash = found[line_of(path, "nummer: R/2")]
    assert slash.message == "`R/2` is geen geldig maatregelnummer"
    # Both bad items are reported at once; the progress files of their old numbers are now orphans.
    orphans = sorted(p.file for p in problems if p.file != "content/maatregelen.yml")
    assert orphans == [
        "content/edities/2023-Q2/maatregelen/3.1.3.yml", "content/edities/2023-Q2/maatregelen/R.2.yml",
        "content/edities/2023-Q3/maatregelen/3.1.3.yml", "content/edities/2023-Q3/maatregelen/R.2.yml",
    ]


def test_one_bad_measure_does_not_hide_other_errors(example_project: Path) -> None:
    path = example_project / "content/maatregelen.yml"
    replace_in(path, "    titel: Dashboard zorggebruik en zorgkosten\n", "    titl: Dashboard zorggebruik en zorgkosten\n")
    replace_in(path, "    pijler: regionaal\n    eigenaar: Regio Waardland\n    beoogd_resultaat:\n      - Afspraken",
               "    pijler: regio\n    eigenaar: Regio Waardland\n    beoogd_resultaat:\n      - Afspraken")
    found = sorted((p.line, p.message) for p in problems_of(example_project))
    assert found == sorted([
        (line_of(path, 'nummer: "1.1.1"'), "verplichte sleutel `titel` ontbreekt"),
        (line_of(path, "titl: Dashboard"), "onbekende sleutel `titl`"),
        (path.read_text().splitlines().index("    pijler: regio") + 1, "pijler `regio` bestaat niet"),
    ])


def test_yield_csv_row_errors(example_project: Path) -> None:
    csv = example_project / "data/opbrengsten.csv"
    replace_in(csv, "sturing;2023;verwacht;;15.000", "sturing;2023;verwachting;;15.000")
    replace_in(csv, "sturing;2024;verwacht;;25.000", "sturing;twintig;verwacht;;25.000")
    replace_in(csv, "sturing;2025;verwacht;;30.000", "sturing;2025;verwacht;;veel")
    replace_in(csv, "preventie;2022;verwacht;;20.000", "sturing;2022;verwacht;;20.000")
    found = {p.line: (p.message, p.hint) for p in problems_of(example_project)}
    assert found == {
        3: ("`verwachting` in kolom `soort` is geen geldige soort; kies uit: verwacht, gerealiseerd", "bedoelt u `verwacht`?"),
        4: ("`twintig` in kolom `jaar` is geen jaartal", "schrijf een jaar, bijvoorbeeld 2023"),
        5: ("`veel` in kolom `bedrag` is geen bedrag",
            "schrijf een bedrag (19.500 of 19500), of `-` als de opbrengst niet te kwantificeren is"),
        7: ("dubbele regel voor `sturing` verwacht 2022", "eerder al op data/opbrengsten.csv:2"),
    }


def test_missing_progress_is_a_warning_not_an_error(example_project: Path) -> None:
    (example_project / "content/edities/2023-Q3/maatregelen/R.2.yml").unlink()
    project = load_project(ProjectPaths.at(example_project))
    assert [(w.file, w.message) for w in project.problems.warnings] == [
        ("content/edities/2023-Q3/maatregelen", "geen voortgang voor maatregel(en) R.2 in 2023-Q3"),
    ]


def test_project_without_measures_has_no_measures_and_no_errors(example_project: Path) -> None:
    (example_project / "content/maatregelen.yml").unlink()
    (example_project / "data/opbrengsten.csv").unlink()
    for period in ("2023-Q2", "2023-Q3"):
        shutil.rmtree(example_project / f"content/edities/{period}/maatregelen")
        (example_project / f"content/edities/{period}/maatregelen.yml").unlink()
    # 2023-Q2 is published: re-freeze it as the developer flow in docs/dev/editions.md does
    publish(ProjectPaths.at(example_project), "2023-Q2", again=True)
    project = load_project(ProjectPaths.at(example_project))
    assert project.measures is None
    assert not project.problems.items


def test_progress_without_definitions_is_an_error(example_project: Path) -> None:
    (example_project / "content/maatregelen.yml").unlink()
    found = {p.file: p.message for p in problems_of(example_project)}
    assert found["content/edities/2023-Q2/maatregelen"] == (
        "voortgang van maatregelen, maar content/maatregelen.yml ontbreekt"
    )
    assert "content/edities/2023-Q3/maatregelen.yml" in found


def test_cli_prints_every_measures_problem_with_file_and_line(example_project: Path, capsys) -> None:
    path = example_project / "content/edities/2023-Q2/maatregelen/1.1.1.yml"
    replace_in(path, "  resultaat: oranje", "  resultaat: paars")
    replace_in(path, "planning:\n  huidig: Q2 2023", "planing:\n  huidig: Q2 2023")
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    rel = "content/edities/2023-Q2/maatregelen/1.1.1.yml"
    assert f"{rel}:{line_of(path, 'resultaat: paars')}: fout: `paars` is geen geldige status" in err
    assert f"{rel}:{line_of(path, 'planing:')}: fout: onbekende sleutel `planing`" in err
    assert "Traceback" not in err
