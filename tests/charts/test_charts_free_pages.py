"""Charts of tables on free pages ({{ grafiek("id") }}) and the yield chart of measures."""

from __future__ import annotations

from pathlib import Path

from generator.charts.tables import ChartError, default_config, table_chart_problem, table_spec
from generator.charts.yields import yield_spec
from generator.compute.views import ChartConfigView
from generator.site.build import check
from generator.core.problems import ValidationFailed
from generator.core.paths import ProjectPaths
from tables_util import write

REPO = Path(__file__).resolve().parents[2]
PAGE = "content/edities/2023-Q3/paginas/grafiek.md"  # the concept: published editions do not change


def q3():
    editions = check(ProjectPaths.at(REPO)).editions
    return next(e for e in editions if e.summary.period == "2023-Q3")


def table(edition, table_id):
    return next(b.table for p in edition.pages for b in p.blocks if b.table is not None and b.table.id == table_id)


def test_budget_table_gives_budget_against_forecast_per_line():
    spec = table_spec(table(q3(), "financieel-overzicht"))
    assert spec.kind == "begroting" and spec.unit == "euro"
    # lines only: the subtotal and total rows are what the chart adds up itself
    assert spec.xs() == ["Jeugdzorg", "Wmo", "Wijkteam", "Overhead", "Financiering derden"]
    assert spec.series_names() == ["Begroting 2023", "Verwachting 2023"]
    assert spec.value_at("Financiering derden", "Verwachting 2023") == -74000


def test_quarter_table_draws_its_quarters_until_the_edition():
    t = table(q3(), "klachten-bezwaren-kwartaal")
    spec = table_spec(t, t.chart)
    assert spec.kind == "gestapeld" and spec.title == "Klachten per wet en kwartaal"
    assert spec.xs() == ["q1", "q2", "q3"]  # Q4 is after the edition: not drawn
    assert spec.series_names() == ["Klachten Wmo", "Klachten Jeugdwet"]
    assert spec.current == "q3" and spec.x_label("q3") == "Q3"


def test_shares_and_cross_tables_have_defaults():
    edition = q3()
    shares = table_spec(table(edition, "kostenverdeling"))
    assert shares.kind == "aandelen" and shares.series_names() == ["Jeugdzorg", "Wmo", "Wijkteam", "Overhead"]
    cross = table_spec(table(edition, "klachten-per-wet"))
    assert cross.kind == "gegroepeerd"
    assert cross.xs() == ["Jeugdwet", "Wmo"] and cross.series_names() == ["Afgehandeld", "Deels afgehandeld", "Lopend"]


def test_settings_that_do_not_fit_the_table():
    edition = q3()
    quarters = table(edition, "klachten-bezwaren-kwartaal")
    try:
        table_spec(quarters, ChartConfigView(kind="begroting"))
    except ChartError as exc:
        assert str(exc) == (
            "een grafiek van soort `begroting` past alleen bij een tabel van soort `begroting`; "
            "`klachten-bezwaren-kwartaal` is `kwartalen`"
        )
    else:
        raise AssertionError("no error")
    try:
        table_spec(quarters, ChartConfigView(kind="lijn", series=["Klachten Wmoo"]))
    except ChartError as exc:
        assert str(exc) == (
            "regel `Klachten Wmoo` onder `grafiek: reeksen` bestaat niet in tabel `klachten-bezwaren-kwartaal`; "
            "bedoelt u `Klachten Wmo`?"
        )
    else:
        raise AssertionError("no error")


def test_a_quarter_table_draws_two_or_three_of_its_lines_as_panels():
    quarters = table(q3(), "klachten-bezwaren-kwartaal")
    spec = table_spec(quarters, ChartConfigView(kind="panelen", series=["Klachten Wmo", "Klachten Jeugdwet"]))
    assert spec.kind == "panelen" and spec.series_names() == ["Klachten Wmo", "Klachten Jeugdwet"]
    assert spec.xs() == ["q1", "q2", "q3"]
    try:
        table_spec(quarters, ChartConfigView(kind="panelen"))
    except ChartError as exc:
        lines = len([r for r in quarters.rows if r.kind == "regel"])
        assert str(exc) == (
            f"tabel `klachten-bezwaren-kwartaal`: een grafiek van soort `panelen` toont 2 of 3 reeksen, elk in een eigen "
            f"paneel (nu: {lines}); kies ze met `reeksen`, bijvoorbeeld `reeksen: [Tijdig afgehandeld, Afgehandelde aanvragen]`"
        )
    else:
        raise AssertionError("no error")


def test_table_chart_problem_is_the_message_of_the_default_chart():
    edition = q3()
    budget = table(edition, "financieel-overzicht")
    assert table_chart_problem(budget) is None and default_config(budget).kind == "begroting"
    quarters = table(edition, "klachten-bezwaren-kwartaal")
    wrong = quarters.model_copy(update={"chart": ChartConfigView(kind="begroting")})
    assert table_chart_problem(wrong) == (
        "een grafiek van soort `begroting` past alleen bij een tabel van soort `begroting`; "
        "`klachten-bezwaren-kwartaal` is `kwartalen`"
    )
    text = quarters.model_copy(update={"kind": "tekst"})
    assert table_chart_problem(text) == "tabel `klachten-bezwaren-kwartaal` is een teksttabel; daar kan geen grafiek van"


def test_directive_errors_on_the_page_line(example_project):
    write(example_project / PAGE, """
    ---
    titel: Grafieken
    ---
    {{ grafiek("klachten") }}

    {{ grafiek("kostenverdeeling") }}
    """)
    try:
        check(ProjectPaths.at(example_project))
    except ValidationFailed as failed:
        problems = [p.format() for p in failed.problems.sorted()]
    else:
        raise AssertionError("no error")
    assert problems == [
        f"{PAGE}:4: fout: tabel `klachten` is een teksttabel; daar kan geen grafiek van\n"
        "    tip: pas `grafiek:` van de tabel aan in content/edities/2023-Q3/tabellen.yml",
        f"{PAGE}:6: fout: tabel `kostenverdeeling` bestaat niet in deze editie\n    tip: bedoelt u `kostenverdeling`?",
    ]


def test_yield_chart_keeps_not_quantifiable_apart_from_zero():
    pillar = next(p for p in q3().measures.pillars if p.yields and p.id == "preventie")
    spec = yield_spec(pillar.yields)
    assert spec.kind == "staven" and spec.unit == "euro"
    assert spec.series_names() == ["Verwachte opbrengst", "Gerealiseerde opbrengst"]
    assert spec.value_at("2022", "Verwachte opbrengst") == 20000
    assert spec.value_at("2022", "Gerealiseerde opbrengst") is None  # "-" in the report: not 0
