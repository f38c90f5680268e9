"""End-to-end: build the example project and read the HTML as a reader's browser gets it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(built_example) -> Path:
    return built_example.project


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def series_card(page: BeautifulSoup, name: str):
    for card in page.select(".rp-series"):
        heading = card.select_one(".rp-series__name")
        if heading and heading.get_text(strip=True) == name:
            return card
    raise AssertionError(f"no series card {name!r}")


def facts(card) -> dict[str, str]:
    return {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in card.select(".rp-series__facts > div")
    }


def test_one_page_per_kpi_per_edition(built: Path):
    site = built / "site"
    for edition in ("2023-q1", "2023-q2", "2023-q3"):
        pages = sorted(p.parent.name for p in (site / edition / "kpi").glob("*/index.html"))
        assert len(pages) == (14 if edition == "2023-q3" else 11), edition  # tevredenheid-inwoners, aanmeldingen, meldingen-veilig-thuis: vanaf 2023-Q3
    assert "eigen-regie" in pages and "wachttijden" in pages


def test_overview_card_value_target_deviation_and_status(built: Path):
    page = soup(built / "site/2023-q1/index.html")
    assert page.html["lang"] == "nl"
    assert len(page.select("article.rp-card")) == 11
    jeugd = series_card(page, "Jeugd")
    assert jeugd.select_one(".rp-series__value").get_text(strip=True) == "79%"
    assert facts(jeugd) == {"Doel": "minimaal 80%", "Afwijking": "-1,25%", "T.o.v. Q4 2022": "-1 procentpunt"}
    badge = jeugd.select_one(".rp-status")
    assert badge.get_text(strip=True) == "Bijna gehaald"
    assert "rp-status--oranje" in badge["class"]
    assert badge.find("svg") is not None  # an icon shape, not colour alone


def test_kpi_page_lower_is_better_and_history(built: Path):
    page = soup(built / "site/2023-q1/kpi/kosten-per-klant/index.html")
    assert page.h1.get_text(strip=True) == "KPI 5: Kosten per klant"
    card = page.select_one(".rp-series")
    assert card.select_one(".rp-series__value").get_text(strip=True) == "€ 1.805"
    assert facts(card)["Doel"] == "minder dan € 1.700"
    assert facts(card)["Afwijking"] == "-6,18%"  # (1805 - 1700) / 1700, flipped: worse
    table = page.select_one("table.rp-table:not(.rp-chart__table)")  # the history table, not a chart's data table
    assert table.caption.get_text(strip=True) == "Verloop kosten per klant"
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    assert rows[0][:3] == ["Q1 2023", "€ 1.805", "minder dan € 1.700"]
    assert rows[-1][0] == "Q1 2022"
    headings = [h.get_text(strip=True) for h in page.find_all("h2")]
    assert headings[:2] == ["Toelichting", "Aandacht"] and "Over deze indicator" in headings


def test_missing_figure_reads_geen_gegevens(built: Path):
    page = soup(built / "site/2023-q1/kpi/klanttevredenheid/index.html")
    card = series_card(page, "Wijkteam")
    assert card.select_one(".rp-series__value").get_text(strip=True) == "geen gegevens"
    assert card.select_one(".rp-status").get_text(strip=True) == "Geen gegevens"


def test_status_override_shows_reason(built: Path):
    page = soup(built / "site/2023-q1/kpi/eigen-regie/index.html")
    card = series_card(page, "Wmo")
    assert card.select_one(".rp-status").get_text(strip=True) == "Bijna gehaald"
    override = card.select_one(".rp-series__override").get_text(" ", strip=True)
    assert override.startswith("Status handmatig vastgesteld (berekend: gehaald):")


def test_home_lists_editions_newest_published_first(built: Path):
    page = soup(built / "site/index.html")
    rows = [tr.find_all(["th", "td"]) for tr in page.select("table.rp-editions tbody tr")]
    assert [r[1].get_text(strip=True) for r in rows] == ["Q2 2023", "Q1 2023", "Q3 2023"]
    assert [r[2].get_text(strip=True) for r in rows] == ["Gepubliceerd", "Gepubliceerd", "Concept"]


def test_search_index_is_dutch_and_local(built: Path):
    index = (built / "site/search/search_index.json").read_text(encoding="utf-8")
    assert '"lang":["nl"]' in index.replace(" ", "")
    assert "Ervaren eigen regie" in index


EXTERNAL = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']\s*(?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//)""", re.I)


def test_site_refers_to_no_other_host(built: Path):
    offenders = []
    for path in (built / "site").rglob("*"):
        if path.suffix in (".html", ".svg"):
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [f"{path.name}: {m.group(0)}" for m in EXTERNAL.finditer(text)]
        if path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [f"{path.name}: {m.group(0)}" for m in CSS_EXTERNAL.finditer(text)]
    assert offenders == []


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def test_failed_build_keeps_previous_site(built: Path, capsys):
    before = tree_digest(built / "site")
    path = built / "content/indicatoren.yml"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("titel: Ervaren eigen regie", "titel: [kapot"), encoding="utf-8")
        assert main(["build", "--project", str(built)]) == 1
    finally:
        path.write_text(original, encoding="utf-8")
    err = capsys.readouterr().err
    assert (
        "content/indicatoren.yml:9: fout: YAML kan niet gelezen worden: een lijst tussen [ en ] is niet goed "
        "afgesloten (zet tekst met [ tussen aanhalingstekens) (begonnen op regel 8)"
    ) in err
    assert tree_digest(built / "site") == before
    assert not list(built.glob(".site-new-*"))


def test_site_folder_is_readable_by_a_web_server(built: Path):
    import os
    import stat

    umask = os.umask(0)
    os.umask(umask)
    mode = stat.S_IMODE((built / "site").stat().st_mode)
    assert mode == 0o777 & ~umask
    assert mode & stat.S_IROTH and mode & stat.S_IXOTH or umask & 0o005
