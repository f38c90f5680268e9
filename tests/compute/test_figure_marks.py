"""Issue 16 points 7-9: ratios with their basis, bounds and estimates, figures of another period.

Each case is written from the seed's own text (../shared/seeds/): 000's KPI 9 "75%" on
"89 casussen" and KPI 1 "het aantal metingen is nog erg laag"; 000's "call back: <120 min.
(norm: 15 min.)" and "Waar cijfers ontbreken, geven we een inschatting"; 003's "< € 7.000"
and "> € 8.000"; 000's "KPI 10 (H2 2022)" in its Q1 2023 report and 004's satisfaction
grade of 2020 in a quarterly dashboard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.charts.indicator import indicator_specs
from generator.charts.table import csv_bytes, data_table
from generator.compute.status import bound_status
from generator.core import formatting as fmt
from generator.core.paths import ProjectPaths
from generator.core.periods import Period
from generator.core.problems import ValidationFailed
from generator.core.targets import parse_target
from generator.site.build import check

HEADER = "indicator;reeks;periode;waarde;teken;schatting;teller;noemer\n"
EXTRA = "data/indicatoren-aanvullend.csv"


def _extra(project: Path, *rows: str) -> None:
    """Replace the example's extra figures file (its Q3 rows go back as plain rows)."""
    plain = ["wachttijden;Thuishulp Lindehof;2023-Q3;26;;;;", "wachttijden;Zorgcollectief Waardland;2023-Q3;74;;;;"]
    keys = {";".join(r.split(";")[:3]) for r in rows}
    kept = [r for r in plain if ";".join(r.split(";")[:3]) not in keys]
    if not any(r.startswith("doelbereik;Doelbereik;2023-Q3;") for r in rows):
        kept.append("doelbereik;Doelbereik;2023-Q3;82;;;;")
    (project / EXTRA).write_text(HEADER + "\n".join(kept + list(rows)) + "\n", encoding="utf-8")


def _set_in_indicators(project: Path, after: str, line: str) -> None:
    path = project / "content/indicatoren.yml"
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, after + line, 1), encoding="utf-8")


def _series(computed, period: str, ind_id: str, name: str = ""):
    edition = next(e for e in computed.editions if e.summary.period == period)
    ind = next(i for g in edition.goals for i in g.indicators if i.id == ind_id)
    return ind, next(s for s in ind.series if s.name == name)


def _errors(project: Path) -> list[tuple[str, int | None, str]]:
    with pytest.raises(ValidationFailed) as exc:
        check(ProjectPaths.at(project))
    return [(p.file, p.line, p.message) for p in exc.value.problems.errors]


# -- 7. ratios with their basis ------------------------------------------------------------

def test_kpi9_75_percent_on_89_cases_shows_its_basis(example_project: Path) -> None:
    """000 KPI 9: "We halen een doelbereik van 75%" ... "89"; "Doel: >80%", "-6.25%"."""
    _extra(example_project, "doelbereik;Doelbereik;2023-Q3;75;;;;89")
    _, s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "doelbereik", "Doelbereik")
    assert (s.value, s.value_text, s.basis_text) == (75, "75%", "n = 89")
    assert s.deviation_text == "-6,25%"
    assert s.history[-1].basis_text == "n = 89" and s.history[-2].basis_text is None


def test_teller_and_noemer_give_the_value(example_project: Path) -> None:
    _extra(example_project, "doelbereik;Doelbereik;2023-Q3;;;;67;89")
    _, s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "doelbereik", "Doelbereik")
    assert s.value == pytest.approx(67 / 89 * 100)
    assert (s.value_text, s.basis_text, s.status) == ("75%", "n = 89", "rood")


def test_few_measurements_warn_with_file_and_line(example_project: Path) -> None:
    """000 KPI 1: "Het aantal metingen in 2023 is echter nog erg laag"."""
    _set_in_indicators(example_project, "    titel: Ervaren eigen regie\n", "    minimale_n: 30\n")
    csv = example_project / "data/indicatoren.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("eigen-regie;Jeugd;2023-Q3;83\n", ""), encoding="utf-8")
    _extra(example_project, "eigen-regie;Jeugd;2023-Q3;;;;10;12")
    computed = check(ProjectPaths.at(example_project))
    warnings = [(p.file, p.line, p.message) for p in computed.model.problems.warnings]
    line = HEADER.count("\n") + 3 + 1  # header, two kept rows, doelbereik, then ours
    assert (EXTRA, line, "het cijfer van `eigen-regie` / Jeugd in 2023-Q3 rust op n = 12, minder dan `minimale_n` (30)") in warnings
    _, s = _series(computed, "2023-Q3", "eigen-regie", "Jeugd")
    assert (s.value_text, s.basis_text, s.small_basis) == ("83%", "n = 12", True)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("doelbereik;Doelbereik;2023-Q3;;;;41;", "kolom `teller` is ingevuld maar `noemer` niet"),
        ("doelbereik;Doelbereik;2023-Q3;;;;0;0", "kolom `noemer` is 0: een aandeel van niets bestaat niet"),
        ("doelbereik;Doelbereik;2023-Q3;90;;;41;50", "`waarde` 90 past niet bij teller/noemer (41/50 = 82)"),
        ("doelbereik;Doelbereik;2023-Q3;82;;;veel;50", "`veel` in kolom `teller` is geen getal"),
        ("doelbereik;Doelbereik;2023-Q3;82;ongeveer;;;", "`ongeveer` in kolom `teken` is geen teken"),
        ("doelbereik;Doelbereik;2023-Q3;82;;misschien;;", "`misschien` in kolom `schatting` is geen ja of nee"),
        ("doelbereik;Doelbereik;2023-Q3;;<;;;", "een teken of schatting zonder cijfer"),
    ],
)
def test_bad_marks_are_dutch_errors_with_file_and_line(example_project: Path, row: str, message: str) -> None:
    _extra(example_project, row)
    line = HEADER.count("\n") + 2 + 1
    assert (EXTRA, line, message) in _errors(example_project)


# -- 8. bounds and estimates ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "comparator", "target", "tolerance", "expected"),
    [
        (120, "<", "<= 120", None, "groen"),  # "< 120" against "<= 120": every such figure passes
        (120, "<", "<= 15", 5, "onbekend"),  # 000: call back "<120 min." against "norm: 15 min."
        (120, "<", ">= 130", 5, "rood"),  # every figure under 120 misses ">= 130": known, not unknown
        (120, "<", ">= 100", 5, "onbekend"),
        (7000, "<", "<= 7000", None, "groen"),  # 003: "< € 7.000"
        (8000, ">", "<= 7000", 100, "rood"),  # 003: "> € 8.000"
        (8000, ">", ">= 7500", None, "groen"),
        (50, "<", "tussen 40 en 60", 2, "onbekend"),
        (28, None, "<= 56", 14, "groen"),  # no comparator: as before
    ],
)
def test_status_of_a_bound(value, comparator, target, tolerance, expected) -> None:
    assert bound_status(value, comparator, parse_target(target), tolerance) == expected


def test_a_bound_on_the_card_history_chart_and_csv(example_project: Path) -> None:
    """The example: Thuishulp Lindehof "<28" (000: "Minder dan 28 dagen") against "maximaal 56 dagen"."""
    computed = check(ProjectPaths.at(example_project))
    ind, s = _series(computed, "2023-Q3", "wachttijden", "Thuishulp Lindehof")
    assert (s.value_text, s.status, s.deviation, s.change, s.status_note) == ("< 28 dagen", "groen", None, None, None)
    assert s.history[-1].value_text == "< 28 dagen" and s.history[-1].comparator == "<"
    spec = indicator_specs(ind, "2023-Q3")[0]
    table = data_table(spec)
    cells = dict((header, [c.text for c in row]) for header, row in table.rows)
    assert "< 28 dagen" in cells["Thuishulp Lindehof"]
    assert any("grens" in n for n in table.notes)
    assert "Thuishulp Lindehof;29;28;30;<28;" in csv_bytes(spec).decode("utf-8-sig")


def test_an_unknown_status_says_why(example_project: Path) -> None:
    _extra(example_project, "wachttijden;Thuishulp Lindehof;2023-Q3;<120;;;;")
    _, s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "wachttijden", "Thuishulp Lindehof")
    assert (s.status, s.status_word) == ("onbekend", "Onbekend")
    assert s.status_note == ("Het cijfer is een grens (< 120 dagen): daarmee valt niet te zeggen of de streefwaarde "
                             "(maximaal 56 dagen) gehaald is.")


def test_an_estimate_is_neither_measured_nor_missing(example_project: Path) -> None:
    """000: "Waar cijfers ontbreken, geven we een inschatting"; the example's Waardland 74 days."""
    computed = check(ProjectPaths.at(example_project))
    ind, s = _series(computed, "2023-Q3", "wachttijden", "Zorgcollectief Waardland")
    assert (s.value, s.value_text, s.estimate, s.status) == (74, "74 dagen (schatting)", True, "rood")
    assert s.history[-1].value_text == "74 dagen (schatting)"
    assert s.history[-2].value_text == "61 dagen" and not s.history[-2].estimate
    missing = s.history[-3]  # Q1 2023: an empty cell, "geen gegevens", not an estimate
    assert (missing.period, missing.value, missing.value_text, missing.estimate) == ("2023-Q1", None, fmt.NO_FIGURE, False)
    spec = indicator_specs(ind, "2023-Q3")[0]
    row = dict(data_table(spec).rows)["Zorgcollectief Waardland"]
    assert "74 dagen (schatting)" in [c.text for c in row]
    assert "Zorgcollectief Waardland;58;;61;74 (schatting);" in csv_bytes(spec).decode("utf-8-sig")


# -- 9. figures of another period ------------------------------------------------------------

def test_a_half_year_figure_in_a_quarterly_edition_shows_its_own_period(example_project: Path) -> None:
    """000: "KPI 10: Samenwerking in de keten (H2 2022)" in the Q1 2023 report: "Deze scores zijn o.b.v.
    het laatste onderzoek in H2 2022"."""
    _set_in_indicators(example_project, "    titel: Samenwerking in de keten\n", "    meetfrequentie: halfjaar\n")
    csv = example_project / "data/indicatoren.csv"
    csv.write_text("".join(line for line in csv.read_text(encoding="utf-8").splitlines(keepends=True)
                           if not line.startswith("samenwerking-keten;")), encoding="utf-8")
    _extra(example_project, "samenwerking-keten;Ketenpartners;2022-H1;7,0;;;;", "samenwerking-keten;Ketenpartners;2022-H2;7,2;;;;",
           "samenwerking-keten;Cliënten Jeugd;2022-H2;88;;;;", "samenwerking-keten;Cliënten Wmo;2022-H2;100;;;;")
    ind, s = _series(check(ProjectPaths.at(example_project), unfreeze=frozenset({Period.parse("2023-Q1")})),
                     "2023-Q1", "samenwerking-keten", "Ketenpartners")
    assert (s.value_text, s.measured_period, s.measured_period_label) == ("7,2", "2022-H2", "2e halfjaar 2022")
    assert s.status == "rood" and s.deviation_text == "-10,00%"  # 000: "7,20 Doel: >8 --10%"
    assert [r.period for r in s.history] == ["2022-H1", "2022-H2"]
    assert s.previous_period_label == "1e halfjaar 2022"
    spec = indicator_specs(ind, "2023-Q1")[0]
    assert spec.current == "2022-H2" and spec.xs() == ["2022-H1", "2022-H2"]


def test_the_example_shows_a_year_figure_in_its_quarterly_concept(example_project: Path) -> None:
    """004: the satisfaction grade of 2020 (a 7) in the Q1 2021 dashboard; the example: 2022's 7,0 in Q3 2023."""
    _, s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "tevredenheid-inwoners")
    assert (s.value_text, s.measured_period_label, s.status) == ("7,0", "2022", "groen")
    assert [r.period for r in s.history] == ["2021", "2022"]


def test_a_year_figure_without_its_frequency_is_an_error_at_its_line(example_project: Path) -> None:
    """004: "Klanttevredenheid 2020: 7" in a Q1 2021 dashboard; today it was silently never shown."""
    csv = example_project / "data/indicatoren.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("klanttevredenheid;Wijkteam;"))
    lines.insert(at, "klanttevredenheid;Wijkteam;2021;7\n")
    csv.write_text("".join(lines), encoding="utf-8")
    errors = _errors(example_project)
    assert ("data/indicatoren.csv", at + 1,
            "2021 is een cijfer per jaar, maar de edities verschijnen per kwartaal: zo wordt het cijfer van "
            "`klanttevredenheid` nooit getoond") in errors


def test_a_year_figure_with_meetfrequentie_jaar_is_the_latest_measurement(example_project: Path) -> None:
    _set_in_indicators(example_project, "    titel: Klanttevredenheid\n", "    meetfrequentie: jaar\n")
    _extra(example_project, "klanttevredenheid;Wijkteam;2022;7;;;;", "klanttevredenheid;Ingekochte zorg;2022;7,2;;;;",
           "klanttevredenheid;Wijkteam;2023;7,5;;;;")
    computed = check(ProjectPaths.at(example_project))
    _, s = _series(computed, "2023-Q3", "klanttevredenheid", "Wijkteam")
    # 2023 has not ended by Q3 2023: the latest measurement is 2022's.
    assert (s.value_text, s.measured_period_label, s.status) == ("7,0", "2022", "oranje")  # 7,0 against ">= 7,5", tolerance 0,5
