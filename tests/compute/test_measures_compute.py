"""Computed figures of the measures part: totals with dashes, counts, status changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compute import yields as ycalc
from generator.compute.measures import compute_measures, detect_changes
from generator.compute.views import EditionView, YieldCell
from generator.model.measures import MeasuresInput
from generator.model.measures_schema import MeasureProgress, MeasuresFile, Pillar
from generator.site.build import load as load_project
from generator.site.build import compute
from generator.model.yields import YieldEntry, YieldKey
from generator.core.periods import Period
from generator.core.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[2]

AMOUNT = ycalc.amount_cell
DASH = ycalc.NOT_QUANTIFIABLE
EMPTY = ycalc.NO_AMOUNT


# --- sums: "-" is not 0 -------------------------------------------------------


def test_sum_leaves_dash_out_and_marks_the_total_partial() -> None:
    total = ycalc.sum_cells([AMOUNT(19_500), DASH, AMOUNT(37_400)])
    assert (total.value, total.text, total.partial) == (56_900, "€ 56.900", True)


def test_sum_of_amounts_only_is_complete() -> None:
    total = ycalc.sum_cells([AMOUNT(12_500), AMOUNT(0), AMOUNT(33_000)])
    assert (total.value, total.text, total.partial) == (45_500, "€ 45.500", False)


def test_sum_of_dashes_is_a_dash_not_zero() -> None:
    total = ycalc.sum_cells([DASH, DASH])
    assert (total.kind, total.value, total.text) == ("niet-kwantificeerbaar", None, "-")


def test_sum_of_nothing_is_empty_not_zero() -> None:
    assert ycalc.sum_cells([EMPTY, EMPTY]) == EMPTY
    assert ycalc.sum_cells([]) == EMPTY


def test_zero_is_an_amount() -> None:
    total = ycalc.sum_cells([AMOUNT(0), AMOUNT(0)])
    assert (total.kind, total.value, total.text, total.partial) == ("bedrag", 0, "€ 0", False)


def test_difference_only_between_amounts() -> None:
    assert ycalc.difference_cell(AMOUNT(19_500), AMOUNT(0)).text == "+€ 19.500"
    assert ycalc.difference_cell(AMOUNT(10_000), AMOUNT(12_500)).text == "-€ 2.500"
    assert ycalc.difference_cell(AMOUNT(0), AMOUNT(0)).text == "€ 0"
    assert ycalc.difference_cell(DASH, AMOUNT(33_000)) == DASH
    assert ycalc.difference_cell(EMPTY, AMOUNT(33_000)) == EMPTY


def _measures(rows: list[tuple[str, int, str, str, str]]) -> MeasuresInput:
    """A programme shaped like the seed report's conclusion table."""
    raw_pillars = [
        {"id": "voorwaarden", "titel": "Voorwaardenscheppend"},
        {"id": "preventie", "titel": "Transformatie/preventie"},
        {"id": "toegang", "titel": "Doorontwikkeling toegang"},
        {"id": "regio", "titel": "Regionale inkoop"},
    ]
    settings = MeasuresFile.model_validate({"pijlers": raw_pillars, "maatregelen": []})
    pillars = [Pillar.model_validate(p) for p in raw_pillars]
    yields = {}
    for line, (pillar, year, kind, part, amount) in enumerate(rows, start=2):
        value = None if amount == "-" else float(amount)
        yields[YieldKey(pillar, year, kind, part)] = YieldEntry(value, "data/opbrengsten.csv", line)
    return MeasuresInput(settings, pillars, [], {}, yields)


SEED_LIKE = [
    ("voorwaarden", 2019, "verwacht", "", "0"),
    ("voorwaarden", 2019, "gerealiseerd", "", "19500"),
    ("preventie", 2019, "verwacht", "", "33000"),
    ("preventie", 2019, "gerealiseerd", "", "-"),
    ("toegang", 2019, "verwacht", "", "12500"),
    ("toegang", 2019, "gerealiseerd", "", "37400"),
    ("regio", 2019, "verwacht", "productiviteit", "0"),
    ("regio", 2019, "verwacht", "dyslexie", "0"),
    ("regio", 2020, "verwacht", "productiviteit", "63000"),
    ("regio", 2020, "verwacht", "dyslexie", "1750"),
    ("regio", 2019, "gerealiseerd", "", "0"),
]
LABELS = {"voorwaarden": "Voorwaardenscheppend", "preventie": "Transformatie/preventie",
          "toegang": "Doorontwikkeling toegang", "regio": "Regionale inkoop"}


def test_conclusion_table_totals_per_cluster_with_a_dash() -> None:
    conclusion = ycalc.conclusion(_measures(SEED_LIKE), 2019, LABELS)
    assert conclusion is not None
    table = [(r.label, r.expected.text, r.realised.text) for r in conclusion.rows]
    assert table == [
        ("Voorwaardenscheppend", "€ 0", "€ 19.500"),
        ("Transformatie/preventie", "€ 33.000", "-"),
        ("Doorontwikkeling toegang", "€ 12.500", "€ 37.400"),
        ("Regionale inkoop", "€ 0", "€ 0"),
    ]
    total = conclusion.total
    assert (total.expected.value, total.expected.partial) == (45_500, False)
    # The dash is left out, not added as 0 - and the total says so.
    assert (total.realised.value, total.realised.text, total.realised.partial) == (56_900, "€ 56.900", True)
    assert total.difference.text == "+€ 11.400"
    assert conclusion.notes == [
        ycalc.DASH_NOTE,
        "* Het totaal van de gerealiseerde opbrengst 2019 telt niet mee: Transformatie/preventie (niet te kwantificeren).",
    ]


def test_yield_table_sums_parts_per_year() -> None:
    measures = _measures(SEED_LIKE)
    table = ycalc.yield_table(measures, measures.pillars[3], "Financiële opbrengst Regionale inkoop")
    assert table is not None
    assert table.years == [2019, 2020]
    rows = {r.label: [c.text for c in r.cells] for r in table.rows}
    assert rows == {
        "Verwachte opbrengst: productiviteit": ["€ 0", "€ 63.000"],
        "Verwachte opbrengst: dyslexie": ["€ 0", "€ 1.750"],
        "Verwachte opbrengst totaal": ["€ 0", "€ 64.750"],
        "Gerealiseerde opbrengst": ["€ 0", ""],
        "Verschil (gerealiseerd min verwacht)": ["€ 0", ""],
    }
    assert [(p.year, p.kind, p.value) for p in table.points] == [
        (2019, "verwacht", 0), (2020, "verwacht", 64_750), (2019, "gerealiseerd", 0),
    ]
    assert table.summary == (
        "Financiële opbrengst Regionale inkoop. 2019: verwacht € 0, gerealiseerd € 0; "
        "2020: verwacht € 64.750, gerealiseerd nog geen bedrag."
    )


def test_yield_table_keeps_dash_distinct_from_zero() -> None:
    measures = _measures(SEED_LIKE)
    table = ycalc.yield_table(measures, measures.pillars[1], "Financiële opbrengst Transformatie/preventie")
    assert table is not None
    realised = next(r for r in table.rows if r.kind == "gerealiseerd")
    assert [(c.kind, c.text) for c in realised.cells] == [("niet-kwantificeerbaar", "-"), ("geen", "")]
    assert ycalc.DASH_NOTE in table.notes
    assert all(p.kind == "verwacht" for p in table.points)


def test_conclusion_year_defaults_to_latest_realised_year() -> None:
    measures = _measures(SEED_LIKE)
    assert ycalc.conclusion_year(measures, 2020, None) == 2019
    assert ycalc.conclusion_year(measures, 2020, 2020) == 2020


# --- status changes -----------------------------------------------------------


def progress(financieel: str, resultaat: str, planning: str, huidig: str | None = None, nieuw: str | None = None) -> MeasureProgress:
    data: dict = {"status": {"financieel": financieel, "resultaat": resultaat, "planning": planning}}
    if huidig:
        data["planning"] = {"huidig": huidig, **({"nieuw": nieuw} if nieuw else {})}
    return MeasureProgress.model_validate(data)


def test_status_change_orange_to_green_is_an_improvement() -> None:
    items = detect_changes(progress("groen", "groen", "groen"), progress("groen", "oranje", "groen"), True)
    assert [(i.kind, i.dimension_label, i.from_status, i.to_status, i.direction) for i in items] == [
        ("status", "Resultaat op actieniveau", "oranje", "groen", "verbeterd"),
    ]
    assert items[0].text == "Resultaat op actieniveau: van oranje naar groen (verbeterd)"


def test_flag_and_red_changes() -> None:
    items = detect_changes(progress("rood", "afgerond", "groen"), progress("oranje", "groen", "groen"), True)
    assert [(i.from_status, i.to_status, i.direction) for i in items] == [
        ("oranje", "rood", "verslechterd"), ("groen", "afgerond", "verbeterd"),
    ]


def test_planning_moved_since_previous_edition() -> None:
    before = progress("groen", "groen", "groen", "Q4 2023")
    now = progress("groen", "groen", "oranje", "Q4 2023", "Q2 2024")
    texts = [i.text for i in detect_changes(now, before, True)]
    assert texts == ["Planning: van groen naar oranje (verslechterd)", "Planning verschoven: Q4 2023 → Q2 2024"]


def test_planning_that_moved_last_time_is_no_new_change() -> None:
    before = progress("groen", "groen", "oranje", "Q2 2023", "Q4 2023")
    now = progress("groen", "groen", "oranje", "Q4 2023")
    assert detect_changes(now, before, True) == []


def test_unchanged_measure_has_no_changes_and_new_measure_is_marked() -> None:
    same = progress("groen", "oranje", "groen", "Doorlopend")
    assert detect_changes(same, same, True) == []
    assert [i.text for i in detect_changes(same, None, True)] == ["Nieuw in deze rapportage"]
    assert detect_changes(same, None, False) == []


# --- the example project --------------------------------------------------------


@pytest.fixture(scope="module")
def example_views() -> dict[str, EditionView]:
    project = load_project(ProjectPaths.at(REPO))
    return {e.summary.period: e for e in compute(project).editions}


def test_example_counts_and_changes(example_views: dict[str, EditionView]) -> None:
    assert example_views["2023-Q1"].measures is None
    q3 = example_views["2023-Q3"].measures
    assert q3 is not None
    assert [d.label for d in q3.dimensions] == ["Financiële haalbaarheid", "Resultaat op actieniveau", "Planning"]
    assert {r.status: r.counts for r in q3.counts} == {
        "groen": [7, 5, 6], "oranje": [3, 2, 2], "rood": [1, 1, 0], "afgerond": [0, 3, 3],
    }  # with 3.2.1 t/m 3.2.4 (groen, oranje, groen), new in Q3
    assert q3.previous_label == "Q2 2023"
    changed = {c.number: [i.text for i in c.items] for c in q3.changes}
    assert changed["1.1.1"] == [
        "Resultaat op actieniveau: van oranje naar groen (verbeterd)",
        "Planning: van oranje naar groen (verbeterd)",
    ]
    assert changed["2.1.3"][-1] == "Planning verschoven: Q3 2023 → Q1 2024"
    assert set(changed) == {"1.1.1", "1.1.2", "2.1.2", "2.1.3", "3.1.2", "3.1.3", "3.2.1 t/m 3.2.4", "R.1"}
    assert changed["3.2.1 t/m 3.2.4"] == ["Nieuw in deze rapportage"]


def test_example_conclusion_leaves_prevention_dash_out(example_views: dict[str, EditionView]) -> None:
    q2 = example_views["2023-Q2"].measures
    assert q2 is not None and q2.conclusion is not None
    c = q2.conclusion
    assert c.year == 2022
    assert [(r.label, r.expected.text, r.realised.text) for r in c.rows] == [
        ("Sturing en informatie", "€ 5.000", "€ 12.400"),
        ("Preventie en samenwerking", "€ 20.000", "-"),
        ("Toegang en werkwijze wijkteam", "€ 15.000", "€ 28.300"),
        ("Regionale maatregelen", "€ 0", "€ 0"),
    ]
    assert (c.total.expected.text, c.total.realised.text, c.total.realised.partial) == ("€ 40.000", "€ 40.700", True)


def test_measures_view_survives_json_round_trip(example_views: dict[str, EditionView]) -> None:
    # The editions feature freezes an edition by storing its views as JSON.
    edition = example_views["2023-Q3"]
    again = EditionView.model_validate_json(edition.model_dump_json())
    assert again == edition
    assert again.measures is not None and isinstance(again.measures.conclusion.total.realised, YieldCell)


def test_compute_measures_without_measures_is_none() -> None:
    assert compute_measures(None, Period.parse("2023-Q2")) is None
