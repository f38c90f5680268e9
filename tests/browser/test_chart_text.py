"""Chart text as a reader sees it: inside its chart, never on top of other text, never tiny.

On every page of the example with a chart, at desktop (1280 px) and phone (390 px) width,
every visible SVG text element of every visible chart is measured in Chromium:
- its box lies inside its chart's SVG box (nothing clipped: "nanciering derden");
- it overlaps no other text of the same chart ("€ 10 mln€ 12 mln");
- it renders at 12 px or more (font size times the SVG's scale on screen).
"""

from __future__ import annotations

import os

from dataclasses import dataclass

import pytest

from pagecheck import CHART_VISIBILITY_JS, DESKTOP, PHONE, chart_pages_of

MIN_PX = 12.0
TOLERANCE = 0.5  # px: anti-aliasing and rounding of glyph boxes

# Runs in the page: one record per visible chart SVG, with its problems.
MEASURE_JS = """
([minPx, tol]) => {""" + CHART_VISIBILITY_JS + """
  const out = [];
  for (const svg of document.querySelectorAll('svg.rp-chart__svg')) {
    if (!visible(svg)) continue;
    const box = svg.getBoundingClientRect();
    const fig = svg.closest('figure');
    const chart = fig ? fig.id : '?';
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && visible(t) && shown(t, svg));
    const rects = texts.map(t => t.getBoundingClientRect());
    const clipped = [], overlapping = [], small = [];
    texts.forEach((t, i) => {
      const r = rects[i];
      if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol)
        clipped.push(t.textContent.trim());
      // the scale on screen: the length of the CTM's first column (rotation moves it into b)
      const m = t.getScreenCTM();
      const scale = Math.hypot(m.a, m.b);
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < minPx - 0.05) small.push([t.textContent.trim(), Math.round(size * 10) / 10]);
      for (let j = i + 1; j < texts.length; j++) {
        const s = rects[j];
        const w = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const h = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (w > tol && h > tol) overlapping.push([t.textContent.trim(), texts[j].textContent.trim()]);
      }
    });
    out.push({chart, texts: texts.length, clipped, overlapping, small});
  }
  return out;
}
"""


@dataclass
class ChartText:
    url: str
    chart: str
    texts: int
    clipped: list[str]
    overlapping: list[list[str]]
    small: list[list]


@pytest.fixture(scope="module")
def chart_pages(built_site, site_pages: list[str]) -> list[str]:
    return chart_pages_of(built_site, site_pages)


def _measure(browser, site_url: str, pages: list[str], viewport: dict) -> list[ChartText]:
    context = browser.new_context(viewport=viewport, locale="nl-NL", service_workers="block")
    page = context.new_page()
    out: list[ChartText] = []
    try:
        for rel in pages:
            page.goto(site_url + rel, wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            for c in page.evaluate(MEASURE_JS, [MIN_PX, TOLERANCE]):
                out.append(ChartText(url=rel, **c))
    finally:
        context.close()
    return out


@pytest.fixture(scope="module", params=[DESKTOP, PHONE], ids=["1280", "390"])
def measured(request, browser, site_url: str, chart_pages: list[str]) -> tuple[int, list[ChartText]]:
    return request.param["width"], _measure(browser, site_url, chart_pages, request.param)


def test_every_chart_page_is_measured(measured, chart_pages: list[str]) -> None:
    width, charts = measured
    # The floor holds for the example; another project (RAPPORTAGE_BROWSER_PROJECT) is smaller.
    example = not os.environ.get("RAPPORTAGE_BROWSER_PROJECT")
    assert len(chart_pages) >= (20 if example else 1)
    # every page with a chart shows at least one chart at this width
    assert {c.url for c in charts} == set(chart_pages), width
    assert sum(c.texts for c in charts) > (500 if example else 0)


def test_no_chart_text_is_clipped(measured) -> None:
    width, charts = measured
    clipped = [(c.url, c.chart, t) for c in charts for t in c.clipped]
    assert clipped == [], f"{len(clipped)} clipped at {width}px"


def test_no_chart_text_overlaps_other_text(measured) -> None:
    width, charts = measured
    pairs = [(c.url, c.chart, *p) for c in charts for p in c.overlapping]
    assert pairs == [], f"{len(pairs)} overlapping pairs at {width}px"


def test_no_chart_text_renders_under_12px(measured) -> None:
    width, charts = measured
    small = [(c.url, c.chart, *s) for c in charts for s in c.small]
    assert small == [], f"{len(small)} text elements under {MIN_PX}px at {width}px"
