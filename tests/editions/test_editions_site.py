"""Editions on the built site: stable addresses, /laatste/, banners with links to the same
page in other editions, what changed, KPI history, reproducible output, reuse of frozen pages."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.site.build import build
from generator.core.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, object, object]:
    """The example built twice into two folders, with a render cache in between."""
    project = tmp_path_factory.mktemp("editions") / "project"
    project.mkdir()
    for name in ("content", "data"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    paths = ProjectPaths.at(project)
    first = build(paths, site_dir=project / "site-a")
    second = build(paths, site_dir=project / "site-b")
    return project / "site-a", project / "site-b", first, second


def gzip_mtime(path: Path) -> dt.datetime:
    """The timestamp in a gzip header (bytes 4-7, little endian), truncated to the day as MkDocs does."""
    seconds = struct.unpack("<I", path.read_bytes()[4:8])[0]
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def article(site: Path, rel: str):
    return soup(site, rel).select_one("article")


def test_every_edition_at_a_stable_address(built) -> None:
    site = built[0]
    for slug in ("2023-q1", "2023-q2", "2023-q3"):
        assert (site / slug / "index.html").is_file()
        assert (site / slug / "wijzigingen" / "index.html").is_file()
        assert (site / slug / "kpi" / "eigen-regie" / "index.html").is_file()


def test_home_lists_editions_newest_published_first(built) -> None:
    """Issue 14 point 4: a reader meets the newest published edition first, the concept after;
    a concept's date is the intended one, never shown as a publication date (point 6)."""
    page = article(built[0], "index.html")
    rows = page.select("table.rp-editions tbody tr")
    assert [[c.get_text(" ", strip=True) for c in r.find_all(["th", "td"])] for r in rows] == [
        ["Kwartaalrapportage Q2 2023", "Q2 2023", "Gepubliceerd", "21 augustus 2023"],
        ["Kwartaalrapportage Q1 2023", "Q1 2023", "Gepubliceerd", "15 mei 2023"],
        ["Kwartaalrapportage Q3 2023", "Q3 2023", "Concept", "nog niet beoogd: 13 november 2023"],
    ]
    assert [th.get_text() for th in page.select("table.rp-editions thead th")][-1] == "Gepubliceerd op"
    assert page.find("a", string="laatste editie")["href"] == "laatste/"
    assert page.find("a", string="KPI 1: Ervaren eigen regie")["href"] == "kpi/eigen-regie/"


def test_laatste_redirects_to_newest_published_edition(built) -> None:
    page = soup(built[0], "laatste/index.html")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../2023-q2/"
    link = page.find("a")
    assert (link["href"], link.get_text()) == ("../2023-q2/", "Kwartaalrapportage Q2 2023")
    assert page.find("script") is None


def test_banner_names_the_edition_and_links_the_same_page_elsewhere(built) -> None:
    banner = article(built[0], "2023-q1/kpi/eigen-regie/index.html").select_one(".rp-edition-banner")
    assert banner.p.get_text(" ", strip=True).startswith("Kwartaalrapportage Q1 2023 · editie Q1 2023 · gepubliceerd op 15 mei 2023")
    others = banner.select_one(".rp-edition-banner__others")
    assert others.get_text(" ", strip=True).startswith("Deze pagina in andere edities:")
    assert [(a.get_text(), a["href"]) for a in others.find_all("a")] == [
        ("Q2 2023", "../../../2023-q2/kpi/eigen-regie/"),
        ("Q3 2023", "../../../2023-q3/kpi/eigen-regie/"),
    ]
    assert "(concept)" in others.get_text()
    overview = article(built[0], "2023-q3/index.html").select_one(".rp-edition-banner__others")
    assert [a["href"] for a in overview.find_all("a")] == ["../2023-q2/", "../2023-q1/"]


def test_what_changed_page(built) -> None:
    page = article(built[0], "2023-q3/wijzigingen/index.html")
    crossed = [li.get_text(" ", strip=True) for li in page.select("ul.rp-changes li")]
    assert crossed[0] == "KPI 3: Verhouding groepsverblijf t.o.v. pleegzorg : haalt de streefwaarde nu (41% → 39%)"
    assert len(crossed) == 5
    table = page.find("caption", string="KPI's met een andere status dan in Q2 2023").parent
    assert len(table.select("tbody tr")) == 9
    assert "Er zijn geen eerdere cijfers herzien." in page.get_text()
    planning = page.find("caption", string="Maatregelen waarvan de planning is verschoven").parent
    assert [[c.get_text(" ", strip=True) for c in r.find_all(["th", "td"])] for r in planning.select("tbody tr")] == [
        ["2.1.2 Samenwerking met onderwijs en kinderopvang", "Q3 2023", "Q1 2024"],
        ["2.1.3 Buurtkamers als laagdrempelige ontmoetingsplek", "Q3 2023", "Q1 2024"],
    ]
    assert planning.select_one("tbody a")["href"] == "../maatregelen/preventie/2.1.2/"
    first = article(built[0], "2023-q1/wijzigingen/index.html")
    assert "Dit is de eerste editie" in first.get_text()
    assert article(built[0], "2023-q3/index.html").find("a", string="Wat is er veranderd sinds de vorige editie?")["href"] == "wijzigingen/"


def test_kpi_history_across_editions(built) -> None:
    page = article(built[0], "kpi/eigen-regie/index.html")
    jeugd, wmo = page.select("table.rp-kpi-history")
    assert jeugd.caption.get_text() == "KPI 1: Ervaren eigen regie – Jeugd, per editie"
    rows = jeugd.select("tbody tr")
    assert [[c.get_text(" ", strip=True) for c in r.find_all(["th", "td"])] for r in rows] == [
        ["Q3 2023", "Concept", "83%", "minimaal 80%", "Gehaald"],
        ["Q2 2023", "Gepubliceerd", "81%", "minimaal 80%", "Gehaald"],
        ["Q1 2023", "Gepubliceerd", "79%", "minimaal 80%", "Bijna gehaald"],
    ]
    assert [r.find_all("td")[1].get_text() for r in wmo.select("tbody tr")] == ["82%", "85%", "84%"]
    assert rows[2].th.a["href"] == "../../2023-q1/kpi/eigen-regie/"
    kpi_page = article(built[0], "2023-q2/kpi/eigen-regie/index.html")
    assert kpi_page.find("a", string="Deze KPI in alle edities")["href"] == "../../../kpi/eigen-regie/"


def test_two_builds_are_byte_identical(built, monkeypatch) -> None:
    a, b = built[0], built[1]
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(rel) for rel in files_a if (a / rel).read_bytes() != (b / rel).read_bytes()]
    assert different == []
    # without SOURCE_DATE_EPOCH the sitemap is dated by the newest edition, not by the clock
    assert gzip_mtime(a / "sitemap.xml.gz") == dt.datetime(2023, 11, 13, tzinfo=dt.timezone.utc)


def test_frozen_editions_are_not_rendered_again(built) -> None:
    first, second = built[2], built[3]
    assert first.frozen == 2 and second.frozen == 2
    assert second.reused == 2  # both frozen editions came from the render cache


def test_source_date_epoch_is_respected(tmp_path, monkeypatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("content", "data"):
        shutil.copytree(REPO / name, project / name)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    build(ProjectPaths.at(project))
    assert gzip_mtime(project / "site" / "sitemap.xml.gz") == dt.datetime(2023, 11, 14, tzinfo=dt.timezone.utc)
