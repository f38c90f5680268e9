"""Keyboard and offline search, as a reader without a mouse or internet would use the site."""

from __future__ import annotations

import re

import pytest

ACTIVE = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  return {tag: e.tagName, cls: String(e.className), text: (e.textContent || '').trim(),
          href: e.getAttribute('href'), visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
          summary: e.tagName === 'SUMMARY', open: e.tagName === 'SUMMARY' ? e.parentElement.open : null};
}"""


def tab_to(page, wanted, limit: int = 120) -> dict:
    """Press Tab until `wanted(active_element_info)` holds; fail if it never does."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if wanted(info):
            return info
        seen.append(info["text"][:30] or info["tag"])
    pytest.fail(f"niet bereikbaar met Tab; wel bereikt: {seen[:40]}")


def test_skip_link_is_first_and_jumps_to_the_content(page_factory, site_url: str) -> None:
    page = page_factory()
    page.goto(site_url + "2023-q1/kpi/eigen-regie/", wait_until="load")
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    assert first["text"] == "Ga naar inhoud" and "md-skip" in first["cls"]
    assert first["visible"], "de link naar de inhoud moet zichtbaar worden als hij focus krijgt"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#kpi-1-ervaren-eigen-regie"
    # The next Tab continues in the content (the edition banner's links), not in the header or menu.
    tab_to(page, lambda i: i["tag"] == "A", limit=5)
    assert page.evaluate("document.activeElement.closest('article.md-content__inner') !== null")
    assert page.evaluate("document.activeElement.closest('.md-header, .md-sidebar') === null")


def test_navigation_works_from_the_keyboard(page_factory, site_url: str) -> None:
    page = page_factory()
    page.goto(site_url, wait_until="load")
    tab_to(page, lambda i: i["tag"] == "A" and "md-nav__link" in i["cls"] and i["text"] == "Q1 2023")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "2023-q1/"
    # From the overview, on to a KPI page: its card link is reachable with Tab.
    tab_to(page, lambda i: i["tag"] == "A" and (i["href"] or "").endswith("kpi/wachttijden/") and "md-nav" not in i["cls"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "2023-q1/kpi/wachttijden/"
    assert page.locator("h1").first.inner_text() == "KPI 6: Wachttijden"
    # And back to the overview through the breadcrumb.
    tab_to(page, lambda i: i["text"] == "Overzicht Q1 2023")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "2023-q1/"


def test_footer_links_to_the_accessibility_statement(page_factory, site_url: str) -> None:
    page = page_factory()
    page.goto(site_url + "2023-q2/kpi/doorstroom/", wait_until="load")
    tab_to(page, lambda i: i["text"] == "Toegankelijkheidsverklaring")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "toegankelijkheid/"
    assert page.locator("h1").first.inner_text() == "Toegankelijkheidsverklaring"


def test_data_table_toggles_work_from_the_keyboard(page_factory, site_url: str, built_site) -> None:
    """Every disclosure (details/summary, e.g. 'toon de tabel') on the KPI pages opens and closes with the keyboard."""
    pages = [p for p in sorted(built_site.glob("*/kpi/*/index.html")) if "<details" in p.read_text(encoding="utf-8")]
    if not pages:
        pytest.skip("de site heeft (nog) geen uitklapbare tabellen")
    page = page_factory()
    for path in pages[:3]:
        rel = path.parent.relative_to(built_site).as_posix() + "/"
        page.goto(site_url + rel, wait_until="load")
        count = page.locator("main details > summary").count()
        assert count > 0, rel
        for _ in range(count):
            info = tab_to(page, lambda i: i["summary"] and not i["open"])
            page.keyboard.press("Enter")
            assert page.evaluate(ACTIVE)["open"] is True, rel
            table = page.evaluate("document.activeElement.parentElement.querySelector('table')")
            assert table is not None, f"{rel}: '{info['text']}' opent geen tabel"
            page.keyboard.press("Space")
            assert page.evaluate(ACTIVE)["open"] is False, rel
            page.keyboard.press("Enter")  # leave it open, so the next Tab finds the next closed one


def test_search_works_offline(page_factory, site_url: str) -> None:
    page = page_factory()
    page.goto(site_url, wait_until="load")
    page.keyboard.press("s")  # Material's shortcut to the search box
    assert "md-search__input" in page.evaluate(ACTIVE)["cls"]
    page.keyboard.type("wachttijd")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => [e.getAttribute('href'), e.textContent.trim()])"
    )
    hrefs = [href for href, _ in results]
    assert any(re.search(r"/2023-q1/kpi/wachttijden/", h) for h in hrefs), hrefs
    assert page.locator(".md-search-result__meta").inner_text().strip() != ""
    # Choose a result with the keyboard.
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate(ACTIVE)
    assert chosen["tag"] == "A" and "wachttijden" in chosen["href"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/kpi/wachttijden/" in page.url
    # The search index, its worker and the Dutch stemmer all came from the local server.
    assert page.request_log.foreign == []


def test_phone_menu_opens_by_keyboard_and_reaches_a_link(page_factory, site_url: str) -> None:
    from pagecheck import PHONE

    page = page_factory(PHONE)
    page.goto(site_url + "2023-q3/", wait_until="load")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    tab_to(page, lambda i: i["tag"] == "LABEL" and "md-header__button" in i["cls"], limit=10)
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    # The drawer's links are the next tab stops, and they are on screen.
    link = tab_to(page, lambda i: i["tag"] == "A" and "md-nav__link" in i["cls"], limit=10)
    assert link["visible"], f"de menulink {link['text']!r} moet zichtbaar zijn"
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")


def test_phone_menu_opens_by_space(page_factory, site_url: str) -> None:
    from pagecheck import PHONE

    page = page_factory(PHONE)
    page.goto(site_url + "2023-q3/", wait_until="load")
    tab_to(page, lambda i: i["tag"] == "LABEL" and "md-header__button" in i["cls"], limit=10)
    before = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert page.evaluate("window.scrollY") == before, "spatie mag de pagina niet scrollen"


def test_search_button_reachable_by_tab(page_factory, site_url: str) -> None:
    from pagecheck import PHONE

    page = page_factory(PHONE)
    page.goto(site_url + "2023-q3/", wait_until="load")
    found = tab_to(page, lambda i: i["tag"] == "LABEL" and i["text"] == "Zoeken", limit=15)
    assert found["visible"]
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__search').checked")
