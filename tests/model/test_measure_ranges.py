"""Issue 16 point 11b: measure numbers as ranges, as report 001 writes them
("1.3.1 t/m 1.3.8 uit PvA Status Resultaten (op actieniveau)").

The example's concept edition 2023-Q3 has one such entry: "3.2.1 t/m 3.2.4", whose progress
is in 3.2.1-3.2.4.yml (a file name has no slash).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.core.problems import Problem, ValidationFailed
from generator.model.measures_schema import covered, file_key, number_range
from generator.site.build import check, load as load_project

RANGE = "3.2.1 t/m 3.2.4"
DEFINITIONS = "content/maatregelen.yml"


def problems_of(project: Path) -> list[Problem]:
    with pytest.raises(ValidationFailed) as failed:
        load_project(ProjectPaths.at(project))
    return failed.value.problems.items


def _write_number(project: Path, number: str) -> int:
    """Replace the example range's number; the line it is on."""
    path = project / DEFINITIONS
    text = path.read_text(encoding="utf-8")
    assert f'nummer: "{RANGE}"' in text
    path.write_text(text.replace(f'nummer: "{RANGE}"', f'nummer: "{number}"', 1), encoding="utf-8")
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if f'"{number}"' in line)


def _add_single(project: Path, number: str) -> int:
    """A single measure `number` after the range; the line of its number."""
    path = project / DEFINITIONS
    entry = f'  - nummer: "{number}"\n    titel: Losse actie\n    pijler: toegang\n    vanaf: 2023-Q3\n\n'
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - nummer: R.1\n", entry + "  - nummer: R.1\n", 1), encoding="utf-8")
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if f'nummer: "{number}"' in line)


def test_range_parts() -> None:
    assert number_range("1.3.1 t/m 1.3.8") == ("1.3", 1, 8)
    assert number_range("1.3.1") is None and covered("1.3.4") == ("1.3", 4, 4) and covered("R.A") is None
    assert file_key("1.3.1 t/m 1.3.8") == "1.3.1-1.3.8" and file_key("1.3.1 tot en met 1.3.8") == "1.3.1-1.3.8"
    assert file_key("R.1") == "R.1"


def test_the_example_range_is_one_measure_shown_as_written(example_project: Path) -> None:
    computed = check(ProjectPaths.at(example_project))
    edition = next(e for e in computed.editions if e.summary.period == "2023-Q3")
    measure = next(m for p in edition.measures.pillars for m in p.measures if m.number == RANGE)
    assert (measure.slug, measure.url) == ("3.2.1-3.2.4", "2023-q3/maatregelen/toegang/3.2.1-3.2.4/")
    assert measure.reported and [s.status for s in measure.statuses] == ["groen", "oranje", "groen"]
    assert not computed.model.problems.warnings


def test_matrix_and_page_show_the_number_as_written(built_example) -> None:
    matrix = (built_example.site / "2023-q3/maatregelen/index.html").read_text(encoding="utf-8")
    assert ('<a href="toegang/3.2.1-3.2.4/"><span class="rp-matrix__number">3.2.1 t/m 3.2.4</span> '
            "Acties uit het plan van aanpak toegang</a>") in matrix
    page = (built_example.site / "2023-q3/maatregelen/toegang/3.2.1-3.2.4/index.html").read_text(encoding="utf-8")
    assert "Maatregel 3.2.1 t/m 3.2.4: Acties uit het plan van aanpak toegang</h1>" in page


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("3.2.4 t/m 3.2.1", "de reeks begint na haar einde: `3.2.4` is groter dan `3.2.1`"),
        ("3.2.1 t/m 3.3.4", "`3.2.1` en `3.3.4` hebben niet hetzelfde begin: een reeks loopt alleen in het laatste deel (1.3.1 t/m 1.3.8)"),
        ("3.2.A t/m 3.2.D", "het laatste deel van `3.2.A` en `3.2.D` moet een getal zijn om een reeks te maken"),
        ("3.2.1 t/m 3.2.400", "een reeks van hoogstens 100 nummers; `3.2.1 t/m 3.2.400` zijn er 400"),
    ],
)
def test_a_bad_range_is_a_dutch_error_at_its_line(example_project: Path, number: str, message: str) -> None:
    line = _write_number(example_project, number)
    found = [(p.file, p.line, p.message) for p in problems_of(example_project) if p.file == DEFINITIONS]
    assert found == [(DEFINITIONS, line, message)]


def test_a_single_measure_inside_a_range_is_an_overlap(example_project: Path) -> None:
    first = _write_number(example_project, RANGE)
    line = _add_single(example_project, "3.2.3")
    found = [(p.file, p.line, p.message, p.hint) for p in problems_of(example_project) if p.file == DEFINITIONS]
    assert found == [(DEFINITIONS, line, f"maatregel 3.2.3 overlapt met maatregel {RANGE} (regel {first})",
                      "elk nummer hoort bij één maatregel: maak de reeks korter of haal de losse maatregel weg")]


def test_two_ranges_that_share_a_number_overlap(example_project: Path) -> None:
    first = _write_number(example_project, RANGE)
    line = _add_single(example_project, "3.2.4 t/m 3.2.6")
    found = [(p.file, p.line, p.message) for p in problems_of(example_project) if p.file == DEFINITIONS]
    assert found == [(DEFINITIONS, line, f"maatregel 3.2.4 t/m 3.2.6 overlapt met maatregel {RANGE} (regel {first})")]


def test_a_measure_next_to_a_range_is_no_overlap(example_project: Path) -> None:
    _add_single(example_project, "3.2.5")
    (example_project / "content/edities/2023-Q3/maatregelen/3.2.5.yml").write_text(
        "status:\n  financieel: groen\n  resultaat: groen\n  planning: groen\n", encoding="utf-8")
    project = load_project(ProjectPaths.at(example_project))
    assert [m.number for m in project.measures.measures if m.pillar == "toegang"][-2:] == [RANGE, "3.2.5"]


def test_progress_for_one_number_of_a_range_names_the_ranges_file(example_project: Path) -> None:
    folder = example_project / "content/edities/2023-Q3/maatregelen"
    (folder / "3.2.2.yml").write_text((folder / "3.2.1-3.2.4.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (p,) = problems_of(example_project)
    assert (p.file, p.line) == ("content/edities/2023-Q3/maatregelen/3.2.2.yml", 1)
    assert p.message == "voortgang voor maatregel `3.2.2`, maar die maatregel staat niet in content/maatregelen.yml"
    assert p.hint == f"3.2.2 valt onder maatregel {RANGE}: zet de voortgang in 3.2.1-3.2.4.yml"


def test_tot_en_met_written_out_is_kept_as_written(example_project: Path) -> None:
    _write_number(example_project, "3.2.1  tot en met 3.2.4")
    project = load_project(ProjectPaths.at(example_project))
    assert "3.2.1 tot en met 3.2.4" in [m.number for m in project.measures.measures]
    q3 = next(e for p, e in project.measures.editions.items() if str(p) == "2023-Q3")
    assert q3.progress["3.2.1 tot en met 3.2.4"].status.result == "oranje"  # still read from 3.2.1-3.2.4.yml
