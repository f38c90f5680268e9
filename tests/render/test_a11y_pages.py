"""WCAG 2.1 AA basics on every page of the built example site (parsed HTML, no browser)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.compute.status import STATUS
from tests.contrast import contrast

REPO = Path(__file__).resolve().parents[2]
CSS = REPO / "templates" / "assets" / "rapportage.css"


@pytest.fixture(scope="session")
def site_pages(built_example) -> dict[str, BeautifulSoup]:
    site = built_example.site
    return {
        p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(site.rglob("*.html"))
    }


def _content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner") or soup.select_one("main") or soup.body


def _redirect(soup: BeautifulSoup) -> bool:
    # /laatste/ only forwards to the newest edition: one sentence, no repeated blocks to skip.
    return soup.find("meta", attrs={"http-equiv": "refresh"}) is not None


def test_site_has_every_page(site_pages: dict[str, BeautifulSoup]) -> None:
    assert "toegankelijkheid/index.html" in site_pages
    assert len([p for p in site_pages if "/kpi/" in p]) == 36


def test_every_page_is_dutch(site_pages: dict[str, BeautifulSoup]) -> None:
    assert {path: soup.html.get("lang") for path, soup in site_pages.items() if soup.html.get("lang") != "nl"} == {}


def test_every_page_has_a_skip_link_to_its_content(site_pages: dict[str, BeautifulSoup]) -> None:
    for path, soup in site_pages.items():
        if _redirect(soup):
            continue
        skip = soup.select_one("a.md-skip")
        assert skip is not None, path
        assert skip.get_text(strip=True) == "Ga naar inhoud", path
        target = skip["href"].removeprefix("#")
        assert soup.find(id=target) is not None, f"{path}: {target} bestaat niet"
        assert soup.find(id=target).find_parent("article") is not None, path


def test_tables_have_captions_and_header_cells(site_pages: dict[str, BeautifulSoup]) -> None:
    tables = 0
    for path, soup in site_pages.items():
        for table in _content(soup).find_all("table"):
            tables += 1
            if path.startswith("handleiding/"):
                # The editors' guide is plain Markdown (no caption syntax): header cells only.
                assert table.select("thead th"), f"{path}: tabel zonder kopcellen"
                continue
            caption = table.find("caption")
            assert caption is not None and caption.get_text(strip=True), f"{path}: tabel zonder bijschrift"
            headers = table.select("thead th")
            assert headers and all(th.get("scope") in ("col", "colgroup") for th in headers), f"{path}: {caption.get_text()}"
            for row in table.select("tbody tr, tfoot tr"):
                assert row.find("th", scope=("row", "rowgroup")) is not None, f"{path}: rij zonder kopcel in {caption.get_text()}"
    assert tables >= 2 * 33 + 1  # a history table per series on each KPI page, and the editions table


def test_status_badges_carry_a_word_and_an_icon(site_pages: dict[str, BeautifulSoup]) -> None:
    seen: set[str] = set()
    for path, soup in site_pages.items():
        for badge in soup.select(".rp-status"):
            status = next(c.removeprefix("rp-status--") for c in badge["class"] if c.startswith("rp-status--"))
            seen.add(status)
            word = badge.select_one(".rp-status__word")
            assert word is not None and word.get_text(strip=True), path
            icon = badge.select_one("svg.rp-icon")
            assert icon is not None and icon.get("aria-hidden") == "true", f"{path}: badge {status} zonder pictogram"
    assert set(STATUS) <= seen


def test_each_status_has_its_own_icon_shape(site_pages: dict[str, BeautifulSoup]) -> None:
    legend = site_pages["2023-q1/index.html"].select(".rp-legend .rp-status")
    shapes = {b["class"][1]: str(b.select_one("svg")) for b in legend}
    assert len(shapes) == len(STATUS)
    assert len(set(shapes.values())) == len(STATUS)


def test_charts_and_images_have_text_alternatives(site_pages: dict[str, BeautifulSoup]) -> None:
    charts = 0
    for path, soup in site_pages.items():
        for img in soup.find_all("img"):
            assert img.get("alt", "").strip(), f"{path}: afbeelding zonder alt-tekst: {img.get('src')}"
        for svg in _content(soup).find_all("svg"):
            if svg.get("aria-hidden") == "true" or svg.find_parent(attrs={"aria-hidden": "true"}):
                continue  # decorative: the word next to it carries the meaning
            named = svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title")
            assert svg.get("role") == "img" and named, f"{path}: grafiek zonder tekstalternatief"
            # One image: no part of it is announced on its own (axe: svg-img-alt).
            assert svg.find(attrs={"role": True}) is None, f"{path}: onderdeel van een grafiek met een eigen rol"
            charts += 1
        for figure in _content(soup).select("figure, .rp-chart"):
            text = figure.find("figcaption") or figure.get("aria-label") or figure.get("aria-describedby")
            assert text, f"{path}: figuur zonder beschrijving"
    assert charts >= 3 * 11  # a chart on every KPI page of every edition


def test_search_dialog_is_named(site_pages: dict[str, BeautifulSoup]) -> None:
    for path, soup in site_pages.items():
        if _redirect(soup):
            continue
        dialog = soup.select_one(".md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label") == "Zoeken", path


def test_no_absolute_links_or_sources(site_pages: dict[str, BeautifulSoup]) -> None:
    for path, soup in site_pages.items():
        for tag in soup.find_all(src=True):
            assert not re.match(r"^(https?:)?//", tag["src"]), f"{path}: {tag['src']}"
        for tag in soup.find_all(["link", "script"], href=True):
            assert not re.match(r"^(https?:)?//", tag["href"]), f"{path}: {tag['href']}"


def test_footer_links_to_the_accessibility_statement(site_pages: dict[str, BeautifulSoup]) -> None:
    for path, soup in site_pages.items():
        if _redirect(soup):
            continue
        link = soup.select_one("footer a.rp-footer-link")
        assert link is not None and link.get_text(strip=True) == "Toegankelijkheidsverklaring", path
    assert site_pages["2023-q1/kpi/eigen-regie/index.html"].select_one("footer a.rp-footer-link")["href"] == "../../../toegankelijkheid/"
    assert site_pages["index.html"].select_one("footer a.rp-footer-link")["href"] == "toegankelijkheid/"


def test_no_pdf_link_without_pdf(site_pages: dict[str, BeautifulSoup]) -> None:
    # `rapportage build` without --pdf makes no PDF, so it must not link to one.
    assert site_pages["2023-q1/index.html"].select("a[download]") == []


# --- colour contrast of the status colours, computed from the stylesheet -------------------------

def _css_colours(path: Path) -> dict[str, str]:
    return dict(re.findall(r"--(rp-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", path.read_text(encoding="utf-8")))


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", ["groen", "oranje", "rood", "afgerond", "neutraal"])
def test_status_colours_meet_aa_contrast(name: str) -> None:
    colours = _css_colours(CSS)
    text, tint = colours[f"rp-{name}"], colours[f"rp-{name}-bg"]
    assert contrast(text, tint) >= 4.5, f"{name}: woord op achtergrond"
    assert contrast(text, "#ffffff") >= 4.5, f"{name}: tekst op de witte pagina"
    # The icon draws white marks on the status colour: a graphical object needs 3:1.
    assert contrast("#ffffff", text) >= 3.0


def test_every_status_has_a_colour_rule() -> None:
    css = CSS.read_text(encoding="utf-8")
    for status in STATUS:
        assert re.search(rf"\.rp-status--{status}\b[^{{]*\{{[^}}]*color:[^}}]*background:", css), status
