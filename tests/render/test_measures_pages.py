"""The built measures pages: overview matrix, legend, counts, changes, pillar and measure pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


REPO = Path(__file__).resolve().parents[2]

LEGEND = [
    ("Groen", "Groen staat voor een actie die/resultaat dat volgens planning loopt."),
    ("Oranje", "Oranje staat voor een actie die/resultaat dat niet volgens de planning loopt."),
    ("Rood", "Rood staat voor een actie die (vooralsnog) geen doorgang heeft of resultaat dat "
             "(vooralsnog) niet behaald wordt."),
    ("Afgerond", "De vlag staat voor een actie/resultaat die afgerond/behaald is."),
]


@pytest.fixture(scope="module")
def site(built_example) -> Path:
    return built_example.site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def test_overview_matrix_lists_every_measure_with_three_statuses(site: Path) -> None:
    soup = page(site, "2023-q3/maatregelen")
    matrix = soup.select_one("table.rp-matrix")
    assert words(matrix.caption) == "Status per maatregel, Q3 2023"
    assert [words(th) for th in matrix.select("thead th")] == [
        "Maatregel", "Financiële haalbaarheid", "Resultaat op actieniveau", "Planning",
    ]
    assert [words(th) for th in matrix.select("th[scope=rowgroup]")] == [
        "Pijler 1: Sturing en informatie", "Pijler 2: Preventie en samenwerking",
        "Pijler 3: Toegang en werkwijze wijkteam", "Regionale maatregelen",
    ]
    rows = {}
    for tr in matrix.select("tbody tr"):
        head = tr.select_one("th[scope=row]")
        if head is None:
            continue
        number = words(head.select_one(".rp-matrix__number"))
        rows[number] = [
            (td["data-dimensie"], td.select_one(".rp-status")["class"][1], words(td.select_one(".rp-status__word")))
            for td in tr.select("td")
        ]
    assert list(rows) == ["1.1.1", "1.1.2", "2.1.1", "2.1.2", "2.1.3", "3.1.1", "3.1.2", "3.1.3", "3.2.1 t/m 3.2.4", "R.1", "R.2"]
    assert rows["2.1.3"] == [
        ("financieel", "rp-status--rood", "Rood"),
        ("resultaat", "rp-status--rood", "Rood"),
        ("planning", "rp-status--oranje", "Oranje"),
    ]
    assert rows["1.1.2"][1:] == [("resultaat", "rp-status--afgerond", "Afgerond"), ("planning", "rp-status--afgerond", "Afgerond")]
    # every status has an icon and a word, never colour alone
    for badge in matrix.select(".rp-status"):
        assert badge.select_one("svg.rp-icon") is not None and words(badge)
    # a changed status says what it was
    cell = matrix.select_one('a[href="preventie/2.1.3/"]').find_parent("tr").select("td")[0]
    assert words(cell.select_one(".rp-was")) == "verslechterd, was oranje"


def test_legend_has_exactly_the_reports_meanings(site: Path) -> None:
    soup = page(site, "2023-q2/maatregelen")
    legend = soup.select_one(".rp-legend--measures")
    items = [(words(li.select_one(".rp-status__word")), words(li.select_one(".rp-legend__meaning"))) for li in legend.select("li")]
    assert items == LEGEND
    flag = legend.select(".rp-status")[3]
    assert "rp-status--afgerond" in flag["class"]


def test_counts_per_status_and_dimension(site: Path) -> None:
    table = page(site, "2023-q2/maatregelen").select_one("table.rp-counts")
    assert words(table.caption) == "Aantal maatregelen per status (10 maatregelen)"
    rows = [[words(c) for c in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert rows == [
        ["Groen", "6", "6", "7"],
        ["Oranje", "4", "3", "2"],
        ["Rood", "0", "0", "0"],
        ["Afgerond", "0", "1", "1"],
    ]


def test_changes_since_previous_edition(site: Path) -> None:
    soup = page(site, "2023-q3/maatregelen")
    heading = soup.find("h2", id="wijzigingen-sinds-q2-2023")
    assert heading is not None
    changes = heading.find_next_sibling("ul", class_="rp-changes")
    entries = {words(li.find("a")): [words(x) for x in li.select(".rp-change")] for li in changes.find_all("li", recursive=False)}
    assert entries["1.1.1 Dashboard zorggebruik en zorgkosten"] == [
        "Resultaat op actieniveau: van Oranje naar Groen (verbeterd)",
        "Planning: van Oranje naar Groen (verbeterd)",
    ]
    assert "Planning verschoven: Q3 2023 → Q1 2024" in entries["2.1.2 Samenwerking met onderwijs en kinderopvang"]
    assert "2.1.1 Samenwerking met huisartsen" not in entries
    # The first edition with measures has nothing to compare against, and says so.
    q2 = page(site, "2023-q2/maatregelen")
    assert "Dit is de eerste rapportage over de maatregelen" in words(q2.find("h2", id="wijzigingen").find_next_sibling("p"))


def test_conclusion_table_with_dash_and_partial_total(site: Path) -> None:
    table = page(site, "2023-q3/maatregelen").select_one("table.rp-conclusion")
    assert words(table.caption) == "Verwachte en gerealiseerde opbrengst 2022 per pijler"
    body = [[words(c) for c in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert body[1] == ["Preventie en samenwerking", "€ 20.000", "-", "-"]
    assert table.select("tbody tr")[1].select("td")[1].abbr["title"] == "niet te kwantificeren"
    total = [words(c) for c in table.select("tfoot tr th, tfoot tr td")]
    assert total == ["Totaal", "€ 40.000", "€ 40.700 *", "+€ 700 *"]
    notes = words(table.find_parent("div").find_next_sibling("div", class_="rp-notes"))
    assert "telt niet mee: Preventie en samenwerking (niet te kwantificeren)" in notes


def test_pillar_page_has_yield_table_per_year(site: Path) -> None:
    soup = page(site, "2023-q2/maatregelen/regionaal")
    assert words(soup.find("h1")) == "Regionale maatregelen"
    table = soup.select_one("table.rp-yield")
    assert words(table.caption) == "Financiële opbrengst Regionale maatregelen"
    assert [words(th) for th in table.select("thead th")] == ["Opbrengst", "2022", "2023", "2024", "2025"]
    rows = {words(tr.th): [words(td) for td in tr.select("td")] for tr in table.select("tbody tr")}
    assert rows["Verwachte opbrengst totaal"] == ["€ 0", "€ 54.000", "€ 110.000", "€ 166.000"]
    assert rows["Gerealiseerde opbrengst"] == ["€ 0", "geen bedrag", "geen bedrag", "geen bedrag"]
    matrix = soup.select_one("table.rp-matrix")
    assert [words(a) for a in matrix.select("th[scope=row] a")] == [
        "R.1 Productiviteit binnen de tarieven van de regionale inkoop",
        "R.2 Financiële spelregels in de contracten",
    ]


def test_measure_page(site: Path) -> None:
    soup = page(site, "2023-q3/maatregelen/preventie/2.1.3")
    assert words(soup.find("h1")) == "Maatregel 2.1.3: Buurtkamers als laagdrempelige ontmoetingsplek"
    statuses = [
        (words(li.select_one(".rp-measure-status__label")), words(li.select_one(".rp-status__word")), words(li.select_one(".rp-was")))
        for li in soup.select(".rp-measure-status__item")
    ]
    assert statuses == [
        ("Financiële haalbaarheid", "Rood", "verslechterd, vorige editie: oranje"),
        ("Resultaat op actieniveau", "Rood", "verslechterd, vorige editie: oranje"),
        ("Planning", "Oranje", "verslechterd, vorige editie: groen"),
    ]
    assert words(soup.select_one(".rp-planning")) == "Huidige planning: Q3 2023 → Nieuwe planning: Q1 2024"
    assert [words(li) for li in soup.select(".rp-intended li")][0] == (
        "Een buurtkamer in elk van de drie kernen, gedragen door vrijwilligers."
    )
    assert len(soup.select(".rp-risks li")) == 2
    assert "Eigenaar: Welzijn Lindewaard" in words(soup.select_one(".rp-meta"))


def test_edition_without_measures_has_no_measures_pages(site: Path) -> None:
    assert not (site / "2023-q1" / "maatregelen").exists()
    q1 = page(site, "2023-q1")
    assert q1.select_one(".rp-summary--measures") is None
    q3 = page(site, "2023-q3")
    summary = q3.select_one(".rp-summary--measures")
    assert summary.find("a", href="maatregelen/") is not None
    assert "8 maatregelen gewijzigd sinds Q2 2023" in words(summary)  # 3.2.1 t/m 3.2.4 is new


def test_measures_pages_are_in_the_navigation(site: Path) -> None:
    # navigation.prune renders the open section only: look from inside it.
    soup = page(site, "2023-q2/maatregelen/sturing/1.1.2")
    nav = [words(a) for a in soup.select("nav.md-nav--primary .md-nav__link")]
    assert "Pijler 1: Sturing en informatie" in nav
    assert "1.1.2 Opdrachtgeverschap Inkoopbureau Waardland versterken" in nav


def test_measures_pages_link_nowhere_else(site: Path) -> None:
    for html in (site / "2023-q3" / "maatregelen").rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("[href], [src]"):
            target = tag.get("href") or tag.get("src")
            assert not target.startswith(("http://", "https://", "//")), (html, target)
