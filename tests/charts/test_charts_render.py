"""Drawing with vl-convert: gaps, Dutch numbers, no URLs, the cache and the process pool."""

from __future__ import annotations

import re

import pytest

import chart_samples as samples
from generator.charts import render as render_mod
from generator.charts import theme
from generator.render.chart_blocks import inline_svg
from generator.charts.render import ChartCache, cache_key, render_all, render_svg


@pytest.fixture(scope="module")
def line_svg() -> str:
    return render_svg(samples.line_one())


def texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text\b[^>]*>.*?</text>", svg)]


def test_a_missing_period_is_a_gap_in_the_line(line_svg):
    # The data line: the first palette colour, 2.5 wide. One path, two pieces (M ... M ...).
    paths = re.findall(rf'<path[^>]*d="([^"]+)"[^>]*stroke="{theme.PALETTE[0]}" stroke-width="2.5"', line_svg)
    assert len(paths) == 1
    assert paths[0].count("M") == 2
    # and the missing quarter is still on the axis
    assert "Q3 2022" in texts(line_svg)


def test_axis_and_labels_are_dutch(line_svg):
    words = texts(line_svg)
    assert "80%" in words and "Streefwaarde: minimaal 80%" in words
    euro = texts(render_svg(samples.bars()))
    assert "€ 1.500" in euro and "€ 1.805" in euro and "geen cijfer" in euro
    grades = texts(render_svg(samples.horizontal()))
    assert "7,0" in grades and "7,8" in grades


def test_svg_makes_no_requests(line_svg):
    inline = inline_svg(line_svg, "grafiek-x", "Titel", "Samenvatting")
    assert "http" not in inline
    assert not re.search(r'(href|src)="(?!#)', inline)
    assert "@font-face" not in inline and "url(" not in inline.replace("url(#", "")


def test_inline_svg_is_one_labelled_image_with_its_own_ids():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="10" height="10" viewBox="0 0 10 10">'
        '<defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"></g></svg>'
    )
    out = inline_svg(svg, "grafiek-a", "Wachttijd <per> team", "Van Q1 tot Q2 & verder")
    assert out.startswith('<svg width="10" height="10" viewBox="0 0 10 10" class="rp-chart__svg" role="img"')
    assert 'aria-labelledby="grafiek-a-svg-titel"' in out and 'aria-describedby="grafiek-a-svg-beschrijving"' in out
    assert '<title id="grafiek-a-svg-titel">Wachttijd &lt;per&gt; team</title>' in out
    assert '<desc id="grafiek-a-svg-beschrijving">Van Q1 tot Q2 &amp; verder</desc>' in out
    assert 'id="grafiek-a-clip1"' in out and 'url(#grafiek-a-clip1)' in out
    assert "xmlns" not in out


def test_cache_skips_unchanged_charts_and_redraws_a_changed_one(tmp_path):
    cache = ChartCache(tmp_path / "cache")
    first, second = samples.line_one(), samples.grouped()
    svgs, stats = render_all([first, second, first], cache, workers=1)
    assert (stats.charts, stats.rendered, stats.cached) == (2, 2, 0)

    again, stats = render_all([first, second], cache, workers=1)
    assert (stats.rendered, stats.cached) == (0, 2)
    assert again == svgs

    changed = first.model_copy(update={"rows": samples.rows("", [74, 76, 77, 78, 81])})
    assert cache_key(changed) != cache_key(first)
    redrawn, stats = render_all([changed, second], cache, workers=1)
    assert (stats.rendered, stats.cached) == (1, 1)
    assert redrawn[cache_key(changed)] != svgs[cache_key(first)]
    assert "81%" in texts(redrawn[cache_key(changed)])


def test_progress_is_reported(tmp_path):
    seen = []
    render_all([samples.line_one()], ChartCache(tmp_path), workers=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 1), (1, 1)]


def test_misses_are_drawn_in_a_process_pool(tmp_path, monkeypatch):
    monkeypatch.setattr(render_mod, "POOL_THRESHOLD", 2)
    specs = [samples.stacked(), samples.budget()]
    svgs, stats = render_all(specs, ChartCache(tmp_path), workers=2)
    assert stats.workers == 2 and stats.rendered == 2
    assert "onvolledig" in texts(svgs[cache_key(specs[0])])
    assert "N € 900.000" in texts(svgs[cache_key(specs[1])])


@pytest.mark.parametrize("make", samples.ALL + [samples.panels_long_names], ids=lambda f: f.__name__)
def test_every_chart_is_drawn_within_its_column(make):
    """The SVG is never wider than the chart column's width for it (640 px, on a phone
    310 px): a wider one would be scaled down and its 12-13 px text would shrink."""
    for phone, limit in ((False, theme.WIDTH), (True, theme.PHONE_WIDTH)):
        svg = render_svg(make().model_copy(update={"phone": phone}))
        width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg).group(1))
        assert limit - 40 <= width <= limit, (make.__name__, phone, width)
