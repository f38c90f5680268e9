"""Every page of the example site in headless Chromium: offline, axe-clean, readable contrast.

One pass over all pages (desktop width) collects what each test asserts, so the
suite loads every page once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from pagecheck import AXE_JS, AXE_VERSION, DESKTOP, PHONE, RequestLog

SEVERE = ("serious", "critical")

# Computed in the page: the contrast of every status badge's text and icon against its own background.
BADGE_CONTRAST_JS = """
() => {
  const rgb = (s) => s.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  return [...document.querySelectorAll('.rp-status')].map(el => {
    const style = getComputedStyle(el);
    const word = el.querySelector('.rp-status__word');
    const icon = el.querySelector('svg.rp-icon');
    return {
      cls: el.className,
      word: word ? word.textContent.trim() : '',
      icon: !!icon && icon.getBoundingClientRect().width > 0,
      ratio: ratio(rgb(style.color), rgb(style.backgroundColor)),
      bgAlpha: rgb(style.backgroundColor)[3] ?? 1,
    };
  });
}
"""


@dataclass
class PageReport:
    url: str
    status: int | None
    foreign: list[str]
    failed: list[str]
    lang: str | None
    violations: list[dict]
    badges: list[dict] = field(default_factory=list)


# The WCAG 2.1 A and AA rules: the level the site claims in its accessibility statement.
AXE_RUN = "axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_JS))
    assert page.evaluate("axe.version") == AXE_VERSION
    return page.evaluate(AXE_RUN)["violations"]


# Pages checked side by side: axe runs in each page's own renderer process, so two
# pages in flight keep both cores busy.
IN_FLIGHT = 2


@pytest.fixture(scope="module")
def reports(browser, site_url: str, site_pages: list[str]) -> list[PageReport]:
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", service_workers="block")
    context.add_init_script(path=str(AXE_JS))
    slots = []
    for _ in range(IN_FLIGHT):
        log = RequestLog(site_url)
        page = context.new_page()
        page.route("**/*", log.route)
        page.on("request", log.observe)
        page.on("requestfailed", log.request_failed)
        page.on("response", log.response)
        slots.append((page, log))

    def start(slot, rel: str):
        page, log = slot
        log.foreign, log.failed = [], []
        response = page.goto(site_url + rel, wait_until="load")
        page.evaluate(f"() => {{ window.__axe = {AXE_RUN}; }}")  # started, not awaited
        return rel, response.status if response else None

    def finish(slot, rel: str, status: int | None) -> PageReport:
        page, log = slot
        assert page.evaluate("axe.version") == AXE_VERSION
        return PageReport(
            url=site_url + rel,
            status=status,
            lang=page.evaluate("document.documentElement.lang"),
            violations=page.evaluate("window.__axe")["violations"],
            badges=page.evaluate(BADGE_CONTRAST_JS),
            foreign=list(log.foreign),
            failed=list(log.failed),
        )

    out: list[PageReport] = []
    try:
        pending = list(site_pages)
        while pending:
            batch = [(slot, *start(slot, rel)) for slot, rel in zip(slots, pending[:IN_FLIGHT])]
            pending = pending[IN_FLIGHT:]
            out.extend(finish(slot, rel, status) for slot, rel, status in batch)
    finally:
        context.close()
    return out


def test_every_page_is_checked(reports: list[PageReport], site_pages: list[str]) -> None:
    urls = {r.url.split("/", 3)[3] for r in reports}
    # the home page, the edition overviews, KPI, measure and free pages, the accessibility statement, 404
    assert {"", "2023-q1/", "2023-q1/kpi/eigen-regie/", "toegankelijkheid/", "404.html"} <= urls
    assert len(reports) == len(site_pages) >= 90
    assert all(r.status == 200 for r in reports), [(r.url, r.status) for r in reports if r.status != 200]


def test_latest_address_forwards_to_the_newest_published_edition(page_factory, site_url: str, redirect_pages: list[str]) -> None:
    assert redirect_pages == ["laatste/"]
    page = page_factory()
    page.goto(site_url + "laatste/")
    page.wait_for_url(site_url + "2023-q2/")
    assert page.locator("h1").first.inner_text() == "Kwartaalrapportage Q2 2023"
    assert page.request_log.foreign == [] and page.request_log.failed == []


def test_no_request_leaves_the_local_server(reports: list[PageReport]) -> None:
    foreign = {r.url: r.foreign for r in reports if r.foreign}
    assert foreign == {}


def test_no_local_request_fails(reports: list[PageReport]) -> None:
    failed = {r.url: r.failed for r in reports if r.failed}
    assert failed == {}


def test_axe_finds_no_serious_or_critical_violation(reports: list[PageReport]) -> None:
    found = {
        r.url: [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in r.violations if v["impact"] in SEVERE]
        for r in reports
    }
    assert {url: v for url, v in found.items() if v} == {}


def test_axe_colour_contrast_rule_passes(reports: list[PageReport]) -> None:
    assert [r.url for r in reports if any(v["id"] == "color-contrast" for v in r.violations)] == []


def test_every_page_is_dutch(reports: list[PageReport]) -> None:
    assert {r.url: r.lang for r in reports if r.lang != "nl"} == {}


def test_status_badges_have_word_icon_and_aa_contrast(reports: list[PageReport]) -> None:
    badges = [(r.url, b) for r in reports for b in r.badges]
    assert len(badges) > 100  # legend, summary, cards and history tables on every edition page
    assert [b for _, b in badges if not b["word"]] == []
    assert [b for _, b in badges if not b["icon"]] == []
    assert [b for _, b in badges if b["bgAlpha"] < 1] == []  # an opaque tint: the ratio is the real one
    low = sorted({(b["cls"], round(b["ratio"], 2)) for _, b in badges if b["ratio"] < 4.5})
    assert low == []


def test_axe_at_phone_width(page_factory, site_url: str) -> None:
    """The overview and a KPI page at 390 px: the same axe rules, no horizontal scrolling."""
    for rel in ("2023-q1/", "2023-q1/kpi/wachttijden/"):
        page = page_factory(PHONE)
        page.goto(site_url + rel, wait_until="load")
        assert [v["id"] for v in run_axe(page) if v["impact"] in SEVERE] == [], rel
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{rel} scrolls sideways by {overflow}px at 390px"
