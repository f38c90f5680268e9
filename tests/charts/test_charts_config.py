"""`grafiek:` in content/indicatoren.yml: Dutch errors with lines, and the charts it gives a KPI page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.charts.indicator import indicator_specs
from generator.site.build import load as load_project
from generator.site.build import compute, load
from generator.core.problems import ValidationFailed
from generator.core.paths import ProjectPaths

WAIT_CHART = """    grafiek:
      soort: gegroepeerd              # per team en aanbieder de laatste vier kwartalen naast elkaar
      titel: Wachttijd per team en aanbieder
      perioden: 4
      naam_streefwaarde: Norm
"""


def replace_wait_chart(project: Path, text: str) -> int:
    """Put `text` where the wachttijden chart is; returns the line number of its `grafiek:`."""
    path = project / "content" / "indicatoren.yml"
    source = path.read_text(encoding="utf-8")
    assert WAIT_CHART in source
    line = source[: source.index(WAIT_CHART)].count("\n") + 1
    path.write_text(source.replace(WAIT_CHART, text), encoding="utf-8")
    return line


def problems_of(project: Path) -> list[tuple[int | None, str, str | None]]:
    with pytest.raises(ValidationFailed) as failed:
        load(ProjectPaths.at(project))
    return [(p.line, p.message, p.hint) for p in failed.value.problems.sorted()]


def test_schema_errors_in_dutch_with_their_lines(example_project):
    at = replace_wait_chart(example_project, """    grafiek:
      soort: gegroepperd
      kleur: rood
      as: {min: 10, max: 5}
      perioden: 0
      annotaties:
        - periode: 2023-Q5
          tekst: Verkeerd kwartaal
""")
    assert problems_of(example_project) == [
        (at + 1, "`gegroepperd` is geen geldige waarde voor `soort`; kies uit: lijn, staven, gegroepeerd, "
                 "gestapeld, aandelen, horizontaal, begroting, staven en lijn, vergelijking, panelen, geen", "bedoelt u `gegroepeerd`?"),
        (at + 2, "onbekende sleutel `kleur`", "toegestane sleutels: `soort`, `titel`, `reeksen`, `as`, `annotaties`, "
                 "`perioden`, `vorm`, `toon_streefwaarde`, `naam_streefwaarde`, `uitgelicht`"),
        (at + 3, "`as`: `min` moet kleiner zijn dan `max`", "bijvoorbeeld `as: {min: 0, max: 100}`"),
        (at + 4, "`perioden` moet minimaal 1 zijn, niet `0`", None),
        (at + 6, "`2023-Q5` is geen geldige periode; schrijf bijvoorbeeld 2023-Q1, 2024-H1, 2023, 2023-10 of 2019-10..2020-03", None),
    ]


def test_series_must_exist_and_kinds_must_fit_them(example_project):
    at = replace_wait_chart(example_project, """    grafiek:
      soort: begroting
      reeksen:
        - Wijkteam Jeud
        - Toegang
        - Thuishulp Lindehof
        - Wijkteam Wmo
""")
    assert problems_of(example_project) == [
        (at + 1, "een grafiek van soort `begroting` vergelijkt precies twee reeksen (begroting en prognose of realisatie)",
         "kies ze met `reeksen: [Begroting, Prognose]`"),
        (at + 3, "reeks `Wijkteam Jeud` bestaat niet bij `wachttijden`", "bedoelt u `Wijkteam Jeugd`?"),
    ]


def add_chart(project: Path, after: str, chart: str) -> None:
    path = project / "content" / "indicatoren.yml"
    source = path.read_text(encoding="utf-8")
    assert after in source
    path.write_text(source.replace(after, after + chart), encoding="utf-8")


def test_shares_cannot_add_up_percentages(example_project):
    add_chart(example_project, "    bron: Samenwerkingsmonitor ketenpartners en cliëntervaringsonderzoek (CEO)\n",
              "    grafiek:\n      soort: aandelen\n")
    ((line, message, hint),) = problems_of(example_project)
    assert message == (
        "een grafiek van soort `aandelen` telt reeksen bij elkaar op; dat kan niet met de eenheid percentage, rapportcijfer"
    )
    assert hint == "kies `lijn`, `staven` of `gegroepeerd`, of reeksen met aantallen of bedragen"


def set_kind(project: Path, old: str, new: str) -> None:
    path = project / "content" / "indicatoren.yml"
    source = path.read_text(encoding="utf-8")
    assert source.count(f"soort: {old}") == 1
    path.write_text(source.replace(f"soort: {old}", f"soort: {new}"), encoding="utf-8")


def test_budget_needs_one_unit(example_project):
    # doelbereik: a percentage and a count (the example draws them as `panelen`)
    set_kind(example_project, "panelen", "begroting")
    ((line, message, hint),) = problems_of(example_project)
    assert message == (
        "een grafiek van soort `begroting` telt reeksen bij elkaar op of vergelijkt ze; "
        "dat kan alleen met reeksen in dezelfde eenheid (nu: aantal, percentage)"
    )


@pytest.fixture(scope="module")
def editions():
    root = Path(__file__).resolve().parents[2]
    return {e.summary.period: e for e in compute(load(ProjectPaths.at(root))).editions}


def indicator(edition, indicator_id):
    return next(i for g in edition.goals for i in g.indicators if i.id == indicator_id)


def test_default_is_a_trend_per_series_with_target_and_current_period(editions):
    ind = indicator(editions["2023-Q2"], "gebruik-e-health")
    (spec,) = indicator_specs(ind, "2023-Q2")
    assert spec.kind == "lijn" and spec.title == "Gebruik e-health" and spec.unit == "percentage"
    assert spec.xs() == ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"]  # up to the edition
    assert spec.current == "2023-Q2" and spec.x_label("2023-Q2") == "Q2 2023"
    assert [(t.x, t.comparator, t.value) for t in spec.targets][-3:] == [
        ("2022-Q4", ">=", 8), ("2023-Q1", ">=", 10), ("2023-Q2", ">=", 10)]


def test_a_missing_figure_stays_none_in_the_chart(editions):
    ind = indicator(editions["2023-Q3"], "wachttijden")
    (spec,) = indicator_specs(ind, "2023-Q3")
    assert spec.value_at("Jeugdhulp Wilgenstroom", "Q1 2023") is None
    assert spec.value_at("Jeugdhulp Wilgenstroom", "Q2 2023") == 64


def test_wait_times_are_grouped_per_provider_against_the_norm(editions):
    ind = indicator(editions["2023-Q3"], "wachttijden")
    (spec,) = indicator_specs(ind, "2023-Q3")
    assert spec.kind == "gegroepeerd" and spec.title == "Wachttijd per team en aanbieder"
    assert spec.series_names() == ["Q4 2022", "Q1 2023", "Q2 2023", "Q3 2023"]
    assert spec.xs()[:2] == ["Wijkteam Jeugd", "Wijkteam Wmo"] and len(spec.xs()) == 6
    assert [(t.comparator, t.value, t.x) for t in spec.targets] == [("<=", 56, None)]
    assert spec.target_name == "Norm" and spec.current == "Q3 2023"


def test_a_bar_never_labels_a_bound_or_an_estimate_as_a_measured_figure(editions):
    """Issue 16 point 8: Thuishulp Lindehof "< 28 dagen" and Zorgcollectief Waardland "74 dagen
    (schatting)" in Q3 2023: the value labels on the bars say "<28" and "±74", as the data
    table and the summary say "< 28" and "(schatting)"."""
    import json

    from generator.charts.kinds import gegroepeerd

    ind = indicator(editions["2023-Q3"], "wachttijden")
    (spec,) = indicator_specs(ind, "2023-Q3")
    found: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            if {"xl", "s", "t"} <= node.keys() and node["s"] == "Q3 2023":
                found[node["xl"]] = node["t"]
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(json.dumps(gegroepeerd.vegalite(spec))))
    assert found["Thuishulp Lindehof"] == "<28"
    assert found["Zorgcollectief Waardland"] == "±74"
    assert found["Wijkteam Jeugd"] == "68"  # a measured figure keeps its plain label


def test_panels_need_two_or_three_series(example_project):
    add_chart(example_project, "    bron: Samenwerkingsmonitor ketenpartners en cliëntervaringsonderzoek (CEO)\n",
              "    grafiek:\n      soort: panelen\n      reeksen: [Ketenpartners]\n")
    ((line, message, hint),) = problems_of(example_project)
    assert message == "een grafiek van soort `panelen` toont 2 of 3 reeksen, elk in een eigen paneel (nu: 1)"
    assert hint == "kies ze met `reeksen`, bijvoorbeeld `reeksen: [Tijdig afgehandeld, Afgehandelde aanvragen]`"
    source = (example_project / "content" / "indicatoren.yml").read_text(encoding="utf-8").splitlines()
    assert source[line - 1].strip() == "soort: panelen" and "Ketenpartners" in source[line]


def test_panels_keep_each_series_in_its_own_unit_on_one_time_axis(editions):
    # doelbereik in the concept edition: `soort: panelen`, a percentage with its target and a count
    ind = indicator(editions["2023-Q3"], "doelbereik")
    (spec,) = indicator_specs(ind, "2023-Q3")
    assert (spec.kind, spec.id, spec.title) == ("panelen", "doelbereik", "Doelbereik en casussen met doelen")
    assert spec.series_names() == ["Doelbereik", "Casussen met doelen"]
    assert spec.series_units == {"Doelbereik": "percentage", "Casussen met doelen": "aantal"}
    assert spec.xs()[0] == "2022-Q1" and spec.current == "2023-Q3"
    assert spec.value_at("2023-Q3", "Doelbereik") == 82 and spec.value_at("2023-Q3", "Casussen met doelen") == 196
    assert {t.series for t in spec.targets} == {"Doelbereik"}


def test_series_with_different_units_get_a_chart_each(editions):
    # The published 2023-Q2 keeps the charts it was frozen with: a line per unit.
    ind = indicator(editions["2023-Q2"], "doelbereik")
    specs = indicator_specs(ind, "2023-Q2")
    assert [(s.id, s.unit, s.title) for s in specs] == [
        ("doelbereik", "percentage", "Doelbereik"),
        ("doelbereik-casussen-met-doelen", "aantal", "Doelbereik: Casussen met doelen"),
    ]
    assert specs[1].targets == []


def test_axis_and_annotations_from_yaml(editions):
    ind = indicator(editions["2023-Q3"], "klanttevredenheid")
    (spec,) = indicator_specs(ind, "2023-Q3")
    assert (spec.axis_min, spec.axis_max) == (6, 9)
    assert [(n.x, n.text) for n in spec.notes] == [("2023-Q2", "Eerste meting wijkteam")]
    # The Q1 edition does not reach Q2 yet: its chart has no such note.
    (early,) = indicator_specs(indicator(editions["2023-Q1"], "klanttevredenheid"), "2023-Q1")
    assert early.notes == []


def test_yes_and_no_in_dutch(example_project):
    replace_wait_chart(example_project, "    grafiek:\n      toon_streefwaarde: nee\n")
    project = load_project(ProjectPaths.at(example_project))
    chart = next(i for i in project.indicators if i.id == "wachttijden").chart
    assert chart.show_target is False and chart.kind == "lijn"
    replace = example_project / "content" / "indicatoren.yml"
    replace.write_text(replace.read_text(encoding="utf-8").replace("toon_streefwaarde: nee", "toon_streefwaarde: misschien"), encoding="utf-8")
    ((_, message, _),) = problems_of(example_project)
    assert message == "`toon_streefwaarde` moet ja of nee zijn (true/false), niet `misschien`"


def test_highlight_names_a_series_of_a_comparison(example_project):
    at = replace_wait_chart(example_project, """    grafiek:
      soort: vergelijking
      uitgelicht: Wijkteam Jeud
""")
    assert problems_of(example_project) == [
        (at + 2, "`uitgelicht`: reeks `Wijkteam Jeud` bestaat niet bij `wachttijden`", "bedoelt u `Wijkteam Jeugd`?"),
    ]


def test_highlight_only_on_a_comparison(example_project):
    at = replace_wait_chart(example_project, """    grafiek:
      soort: horizontaal
      uitgelicht: Wijkteam Jeugd
""")
    assert problems_of(example_project) == [
        (at + 2, "`uitgelicht` hoort alleen bij een grafiek van soort `vergelijking`",
         "kies `soort: vergelijking` of laat `uitgelicht` weg"),
    ]
