"""Charts in the built site: inline SVG with title and description, caption, table, CSV."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup


REPO = Path(__file__).resolve().parents[2]

WAIT_SUMMARY = (
    "Wachttijd per team en aanbieder in Q3 2023: Wijkteam Jeugd 68 dagen, Wijkteam Wmo 39 dagen, "
    "Toegang 21 dagen, Thuishulp Lindehof < 28 dagen, Jeugdhulp Wilgenstroom 57 dagen en "
    "Zorgcollectief Waardland 74 dagen (schatting). De norm is maximaal 56 dagen; 3 van de 6 halen de norm niet: "
    "Wijkteam Jeugd, Jeugdhulp Wilgenstroom en Zorgcollectief Waardland. "
    "Ter vergelijking toont de grafiek ook Q4 2022, Q1 2023 en Q2 2023. "
    "Niet exact gemeten: Thuishulp Lindehof Q3 2023: < 28 dagen en Zorgcollectief Waardland Q3 2023: 74 dagen (schatting)."
)


@pytest.fixture(scope="module")
def site(built_example) -> Path:
    assert built_example.result.charts.charts >= 33  # one or more per KPI page, three editions
    return built_example.site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_chart_block_has_svg_with_title_and_description(site):
    soup = page(site, "2023-q3/kpi/wachttijden")
    (figure,) = soup.select("figure.rp-chart")
    assert figure["id"] == "grafiek-wachttijden"
    assert figure.select_one(".rp-chart__title").get_text() == "Wachttijd per team en aanbieder"
    assert figure.select_one(".rp-chart__summary").get_text() == WAIT_SUMMARY
    svg = figure.select_one(".rp-chart__image > svg")
    assert svg["role"] == "img"
    title = svg.find("title")
    desc = svg.find("desc")
    assert svg["aria-labelledby"] == title["id"] and svg["aria-describedby"] == desc["id"]
    assert title.get_text() == "Wachttijd per team en aanbieder"
    assert desc.get_text() == WAIT_SUMMARY
    words = [t.get_text() for t in svg.find_all("text")]
    assert "Norm: maximaal 56 dagen" in words and "geen cijfer" in words and "Wijkteam" in " ".join(words)


def test_data_table_behind_a_native_toggle(site):
    figure = page(site, "2023-q3/kpi/wachttijden").select_one("figure.rp-chart")
    details = figure.select_one("details.rp-chart__data")
    assert details.find("summary").get_text() == "Toon tabel bij Wachttijd per team en aanbieder"
    table = details.find("table")
    assert table.find("caption").get_text() == "Wachttijd per team en aanbieder"
    headers = [th.get_text() for th in table.select("thead th")]
    assert headers == ["Reeks", "Q4 2022", "Q1 2023", "Q2 2023", "Q3 2023", "Norm"]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")}
    assert rows["Jeugdhulp Wilgenstroom"] == ["71 dagen", "geen gegevens", "64 dagen", "57 dagen", "maximaal 56 dagen"]
    assert all(tr.th["scope"] == "row" for tr in table.select("tbody tr"))


def test_csv_download_is_a_relative_link_to_a_file_in_the_site(site):
    figure = page(site, "2023-q3/kpi/wachttijden").select_one("figure.rp-chart")
    link = figure.select_one(".rp-chart__download a")
    href = link["href"]
    assert not href.startswith(("http:", "https:", "/"))
    assert link["download"] == "wachttijden.csv"
    target = urljoin("/2023-q3/kpi/wachttijden/", href).lstrip("/")
    data = (site / target).read_bytes()
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Reeks;Q4 2022 (dagen);Q1 2023 (dagen);Q2 2023 (dagen);Q3 2023 (dagen);Norm"
    assert "Jeugdhulp Wilgenstroom;71;;64;57;<= 56" in lines  # no figure: empty, not 0


def test_every_kpi_page_has_a_chart(site):
    pages = sorted(site.glob("2023-q*/kpi/*/index.html"))
    assert len(pages) == 36
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        figures = soup.select("figure.rp-chart")
        assert figures, path
        for figure in figures:
            assert figure.select_one("svg[role=img] > title").get_text().strip(), path
            assert figure.select_one("svg[role=img] > desc").get_text().strip(), path
            assert figure.select_one("details table caption"), path
            for tag in figure.find_all(True):
                for attr in ("src", "href"):
                    assert not str(tag.get(attr, "")).startswith(("http:", "https:", "//")), path
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert not [i for i, n in Counter(ids).items() if n > 1], path


def test_two_units_give_two_charts_with_their_own_ids_and_files(site):
    # The published Q2 keeps its charts (the concept Q3 draws doelbereik as `panelen`)
    soup = page(site, "2023-q2/kpi/doelbereik")
    figures = soup.select("figure.rp-chart")
    assert [f["id"] for f in figures] == ["grafiek-doelbereik", "grafiek-doelbereik-casussen-met-doelen"]
    hrefs = [f.select_one(".rp-chart__download a")["href"] for f in figures]
    assert hrefs == ["../grafieken/doelbereik.csv", "../grafieken/doelbereik-casussen-met-doelen.csv"]


def test_panels_are_one_chart_with_both_measures_in_text_and_table(site):
    (figure,) = page(site, "2023-q3/kpi/doelbereik").select("figure.rp-chart.rp-chart--panelen")
    summary = figure.select_one(".rp-chart__summary").get_text()
    assert summary.startswith(
        "Doelbereik en casussen met doelen: twee panelen onder elkaar met dezelfde perioden, "
        "boven Doelbereik (percentage) en onder Casussen met doelen (aantal).")
    assert "steeg Doelbereik van 71% naar 82%; de streefwaarde is minimaal 80%" in summary
    assert "steeg Casussen met doelen van 12 naar 196" in summary
    headers = [th.get_text() for th in figure.select("details table thead th")]
    assert headers == ["Periode", "Doelbereik", "Streefwaarde Doelbereik", "Casussen met doelen"]
    current = figure.select_one("tbody tr.rp-current")
    assert [c.get_text() for c in current.find_all(["th", "td"])] == ["Q3 2023 (deze editie)", "82%", "minimaal 80%", "196"]
    for svg in figure.select("svg"):  # screen and phone form: both headings, the periods once
        words = [t.get_text() for t in svg.select("text")]
        assert "Doelbereik (percentage)" in words and "Casussen met doelen (aantal)" in words
        assert [w.replace(" ", "") for w in words].count("Q32023") == 1  # on a phone in two lines (tspans)


def test_line_chart_page_shows_target_and_current_period(site):
    figure = page(site, "2023-q2/kpi/gebruik-e-health").select_one("figure.rp-chart")
    assert figure.select_one(".rp-chart__summary").get_text() == (
        "Van Q1 2022 tot Q2 2023 steeg gebruik e-health van 5% naar 12%; "
        "de streefwaarde is minimaal 10% (eerder minimaal 8%)."
    )
    current = figure.select_one("tbody tr.rp-current")
    assert current.th.get_text() == "Q2 2023 (deze editie)"
    words = [t.get_text() for t in figure.select("svg text")]
    assert "Streefwaarde (nu minimaal 10%)" in words
    assert "Q3 2023" not in words  # the Q2 edition does not show later figures


def test_free_page_embeds_table_charts(site):
    soup = page(site, "2023-q3/financiele-verantwoording")
    figures = {f["id"]: f for f in soup.select("figure.rp-chart")}
    assert list(figures) == ["grafiek-financieel-overzicht", "grafiek-kostenverdeling"]
    budget = figures["grafiek-financieel-overzicht"]
    assert budget.select_one(".rp-chart__summary").get_text() == (
        "Totaal begroting 2023 € 26.547.000 en verwachting 2023 € 27.577.000: verschil € 1.030.000 nadeel. "
        "Grootste nadeel: Jeugdzorg (€ 646.000). Grootste voordeel: Wijkteam (€ 123.000)."
    )
    words = [t.get_text() for t in budget.select("svg text")]
    assert "N € 646.000" in words and "V € 123.000" in words
    href = budget.select_one(".rp-chart__download a")["href"]
    assert href == "../grafieken/financieel-overzicht.csv"
    assert (site / "2023-q3/grafieken/financieel-overzicht.csv").read_text(encoding="utf-8-sig").splitlines()[1] == (
        "Jeugdzorg;11364000;12010000;-646000;N;-5,68"
    )
    shares = figures["grafiek-kostenverdeling"].select_one(".rp-chart__summary").get_text()
    assert shares == "Verdeling van de verwachte kosten 2023: Jeugdzorg 43%, Wmo 32%, Wijkteam 16% en Overhead 9%; totaal € 27.651.000."


def test_measures_pillar_page_has_the_yield_chart(site):
    soup = page(site, "2023-q3/maatregelen/preventie")
    (figure,) = soup.select("figure.rp-chart")
    summary = figure.select_one(".rp-chart__summary").get_text()
    assert summary.startswith("Financiële opbrengst Preventie en samenwerking. 2022: verwacht € 20.000, gerealiseerd niet te kwantificeren;")
    assert figure.select_one("svg > desc").get_text() == summary
    assert "geen cijfer" in [t.get_text() for t in figure.select("svg text")]
    assert not soup.select("p.rp-chart-summary")  # the summary shows once, in the chart's caption
