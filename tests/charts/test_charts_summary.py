"""The Dutch text alternative says what the chart shows, with the page's number formats."""

from __future__ import annotations

import chart_samples as samples
from generator.charts.model import ChartRow
from generator.charts.summary import summarise


def test_trend_with_target_and_a_gap():
    assert summarise(samples.line_one()) == (
        "Van Q1 2022 tot Q1 2023 steeg ervaren eigen regie van 74% naar 79%; de streefwaarde is minimaal 80%. "
        "Geen cijfer voor Q3 2022; de lijn is daar onderbroken."
    )


def test_two_series_with_their_own_targets_and_a_note():
    assert summarise(samples.line_two()) == (
        "Van Q1 2022 tot Q1 2023 steeg Jeugd van 41% naar 46% en bleef Wmo gelijk op 79%; "
        "de streefwaarde is minimaal 50% voor Jeugd en minimaal 80% voor Wmo. "
        "Opmerking bij Q1 2023: Nieuwe definitie."
    )


def test_falling_line_with_a_peak_and_a_changed_target():
    spec = samples.bars().model_copy(update={"kind": "lijn", "rows": samples.rows("", [1810, 1900, 1750, 1720, 1690])})
    assert summarise(spec) == (
        "Van Q1 2022 tot Q1 2023 daalde kosten per klant van € 1.810 naar € 1.690; "
        "de streefwaarde is minder dan € 1.700 (eerder minder dan € 1.650). "
        "Het hoogste punt was € 1.900 in Q2 2022."
    )


def test_current_period_without_a_figure_is_said_not_zero():
    spec = samples.line_one().model_copy(update={"rows": samples.rows("", [74, 76, 77, 78, None])})
    text = summarise(spec)
    assert "van 74% naar 78%" in text
    assert text.endswith("Voor Q1 2023 is er (nog) geen cijfer.")
    assert " 0%" not in text


def test_grouped_names_who_misses_the_norm():
    assert summarise(samples.grouped()) == (
        "Wachttijd per aanbieder in Q3 2023: Wijkteam Jeugd 68 dagen, Wijkteam Wmo 39 dagen, "
        "Thuishulp Lindehof 26 dagen en Zorgcollectief Waardland 74 dagen. "
        "De norm is maximaal 56 dagen; 2 van de 4 halen de norm niet: Wijkteam Jeugd en Zorgcollectief Waardland. "
        "Ter vergelijking toont de grafiek ook Q2 2023."
    )


def test_stacked_totals_and_shares():
    assert summarise(samples.stacked()) == (
        "In Q1 2023 totaal 928: Licht 470 (51%), Middel 330 (36%) en Zwaar 128 (14%). "
        "Van Q1 2022 tot Q1 2023 steeg het totaal van 840 naar 928. "
        "Het totaal van Q3 2022 is onvolledig, omdat een cijfer ontbreekt."
    )


def test_shares_as_the_report_writes_them():
    expected = "Verdeling van uitgaven naar wet: Jeugd 66%, Wmo 19%, Participatiewet 6% en Overig 10%; totaal € 10.100.000."
    assert summarise(samples.shares()) == expected
    assert summarise(samples.shares("balk")) == expected


def test_shares_leave_out_a_part_without_figure():
    spec = samples.shares().model_copy(update={"rows": [
        ChartRow(x="2024-H1", series="Jeugd", value=75), ChartRow(x="2024-H1", series="Wmo", value=25),
        ChartRow(x="2024-H1", series="Overig", value=None),
    ]})
    assert summarise(spec) == (
        "Verdeling van uitgaven naar wet: Jeugd 75% en Wmo 25%; totaal € 100. "
        "Geen cijfer van Overig; die telt niet mee in het totaal."
    )


def test_horizontal_lists_high_to_low_with_semicolons_between_decimal_commas():
    assert summarise(samples.horizontal()) == (
        "Rapportcijfer per gemeente, van hoog naar laag: Molenrijk 7,8; Lindewaard 7,4 en Beekdorp 6,9. "
        "Geen cijfer van Oosterveld. De streefwaarde is minimaal 7; 1 van de 3 haalt de streefwaarde niet: Beekdorp."
    )


def test_budget_totals_and_biggest_differences():
    assert summarise(samples.budget()) == (
        "Totaal begroting € 16.250.000 en prognose € 16.970.000: verschil € 720.000 nadeel. "
        "Grootste nadeel: Jeugdhulp ZIN (€ 900.000). Grootste voordeel: Wmo begeleiding (€ 250.000)."
    )


def test_no_figures_at_all():
    spec = samples.line_one().model_copy(update={"rows": samples.rows("", [None] * 5), "targets": []})
    assert summarise(spec) == "Voor Q1 2023 is er (nog) geen cijfer."
