"""A chart never says what its text alternative and its table do not (issue 17).

On every page with a chart, at desktop (1280 px) and phone (390 px) width, for every
visible chart as Chromium shows it:
- the figure has an accessible name (its title) and a Dutch summary;
- every figure written on the chart (value labels, the norm's label, annotations) is a
  figure of its data table or its summary: "±74" must be the table's "74 (schatting)",
  "€ 11,4 mln" one of the table's amounts, rounded as shown.
Axis ticks are left out: they are a scale, not figures of the data.
"""

from __future__ import annotations

import re

import pytest

from pagecheck import CHART_VISIBILITY_JS, DESKTOP, PHONE, chart_pages_of

# Runs in the page: per visible chart SVG its title, summary, table text and written figures.
READ_JS = """
() => {""" + CHART_VISIBILITY_JS + """
  const out = [];
  for (const svg of document.querySelectorAll('svg.rp-chart__svg')) {
    if (!visible(svg)) continue;
    const fig = svg.closest('figure');
    const named = fig && fig.getAttribute('aria-labelledby') ? document.getElementById(fig.getAttribute('aria-labelledby')) : null;
    const summary = fig ? fig.querySelector('.rp-chart__summary') : null;
    const data = fig ? fig.querySelector('.rp-chart__data') : null;
    const written = [...svg.querySelectorAll('g.role-mark text')]
      .filter(t => t.textContent.trim() && shown(t, svg)).map(t => t.textContent.trim());
    out.push({
      chart: fig ? fig.id : '?',
      name: named ? named.textContent.trim() : '',
      summary: summary ? summary.textContent.trim() : '',
      table: data ? [...data.querySelectorAll('caption, th, td, p')].map(e => e.textContent).join(' | ') : '',
      written,
    });
  }
  return out;
}
"""

_NUMBER = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?|\d+")
_SCALE = {"mln": 1e6, "mld": 1e9, "dzd": 1e3, "k": 1e3}


def _numbers(text: str) -> list[tuple[float, float]]:
    """(value, half of its last shown digit) for every Dutch-written number in `text`,
    with "mln" / "dzd" after it taken into account."""
    out = []
    for m in re.finditer(rf"({_NUMBER.pattern})\s*(mln|mld|dzd|k)?\b", text):
        digits, scale = m.group(1), _SCALE.get(m.group(2) or "", 1.0)
        decimals = len(digits.split(",")[1]) if "," in digits else 0
        value = float(digits.replace(".", "").replace(",", "."))
        out.append((value * scale, 0.5 * 10 ** -decimals * scale))
    return out


def _unexplained(chart: dict) -> list[str]:
    known = [v for v, _ in _numbers(chart["table"] + " " + chart["summary"])]
    missing = []
    for text in chart["written"]:
        for value, slack in _numbers(text):
            if not any(abs(value - k) <= slack + 1e-9 for k in known):
                missing.append(text)
    return missing


@pytest.fixture(scope="module")
def chart_pages(built_site, site_pages: list[str]) -> list[str]:
    return chart_pages_of(built_site, site_pages)


@pytest.fixture(scope="module", params=[DESKTOP, PHONE], ids=["1280", "390"])
def read(request, browser, site_url: str, chart_pages: list[str]) -> tuple[int, list[tuple[str, dict]]]:
    context = browser.new_context(viewport=request.param, locale="nl-NL", service_workers="block")
    page = context.new_page()
    out = []
    try:
        for rel in chart_pages:
            page.goto(site_url + rel, wait_until="load")
            out += [(rel, c) for c in page.evaluate(READ_JS)]
    finally:
        context.close()
    return request.param["width"], out


def test_every_chart_has_a_name_and_a_summary(read) -> None:
    width, charts = read
    assert charts
    nameless = [(url, c["chart"]) for url, c in charts if not c["name"] or len(c["summary"]) < 20]
    assert nameless == [], f"charts without a title or summary at {width}px"


def test_every_figure_on_a_chart_is_in_its_table_or_summary(read) -> None:
    width, charts = read
    assert sum(len(c["written"]) for _, c in charts) > 0
    print(f"{width}px: {len(charts)} charts, {sum(len(c['written']) for _, c in charts)} written figures checked")
    wrong = [(url, c["chart"], t) for url, c in charts for t in _unexplained(c)]
    assert wrong == [], f"{len(wrong)} figures on charts at {width}px that neither table nor summary states: {wrong[:20]}"


def test_the_check_finds_a_figure_the_table_does_not_state() -> None:
    """The comparison itself: a label the table does not have is reported, a rounded one is not."""
    chart = {"table": "Jeugdzorg € 11.364.000 Wmo 74 (schatting) 7,3", "summary": "De norm is maximaal 56 dagen.",
             "written": ["€ 11,4 mln", "±74", "7,3", "Norm: maximaal 56 dagen", "75", "€ 12 mln"]}
    assert _unexplained(chart) == ["75", "€ 12 mln"]
