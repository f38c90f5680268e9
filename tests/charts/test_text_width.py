"""Label limits are dropped only where they can never cut a text (charts/text_width.py).

The oracle is vl-convert itself: Vega cuts a text with a limit when it measures it as wide
as the limit or wider, and then draws it ending in "…".
"""

from __future__ import annotations

import html
import random
import re
from typing import Any

import pytest
import vl_convert

import chart_samples as samples
from generator.charts import text_width, theme
from generator.charts.fonts import bundled_fonts_only
from generator.charts.model import ChartRow, ChartSpec
from generator.charts.render import LOCALE
from generator.charts.spec import vegalite

bundled_fonts_only()  # measure with the fonts a build draws with (a no-op if this process drew before)

STYLES = [("normal", "normal"), ("bold", "normal"), ("normal", "italic"), ("bold", "italic")]


def drawn(texts: list[str], limits: list[float], size: float, weight: str, style: str) -> list[str]:
    """The texts as vl-convert draws them, each with its limit."""
    values = [{"t": t, "l": lim, "i": i} for i, (t, lim) in enumerate(zip(texts, limits))]
    vg = {"width": 10, "height": 10, "data": [{"name": "d", "values": values}],
          "marks": [{"type": "text", "from": {"data": "d"}, "encode": {"enter": {
              "text": {"field": "t"}, "limit": {"field": "l"}, "x": {"value": 0}, "y": {"field": "i"},
              "font": {"value": theme.FONT}, "fontSize": {"value": size},
              "fontWeight": {"value": weight}, "fontStyle": {"value": style}}}}]}
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", vl_convert.vega_to_svg(vg))]


@pytest.mark.parametrize("weight,style", STYLES)
def test_the_bound_of_every_character_holds(weight, style):
    # Eight of a character at 13 px: an advance 0.005 em too small already gets the text cut.
    texts = ["l l l l l l l l" if c in " \u00a0" else c * 8 for c in text_width.ADVANCE]
    limits = [text_width.widest(t, 13) for t in texts]
    assert drawn(texts, limits, 13, weight, style) == texts


@pytest.mark.parametrize("weight,style", STYLES)
def test_the_bound_holds_for_pairs_and_words(weight, style):
    chars = sorted(text_width.ADVANCE)
    rnd = random.Random(7)
    texts = [a + b for a in "fr’ÆW1@" for b in chars] + [b + a for a in "’1W" for b in chars]
    texts += ["".join(rnd.choice(chars) for _ in range(rnd.randint(3, 30))) for _ in range(300)]
    texts += ["Financiering derden", "Zorgcollectief Waardland", "’t Hof", "Jeugdhulp", "€ 12,5 mln", "−1.234.567,8%"]
    texts = [t for t in texts if t.strip() == t]
    assert drawn(texts, [text_width.widest(t, 100) for t in texts], 100, weight, style) == texts


def test_a_text_that_can_reach_the_limit_keeps_it():
    assert text_width.label_limit(["Q1 2023", "Q2 2023"], 13, 90) == 0
    assert text_width.label_limit(["Financiering derden"], 13, 110) == 110
    assert text_width.label_limit(["Financiering derden"], 13, 110, split=True) == 0  # two lines
    assert text_width.label_limit(["Jeugdhulp 給"], 13, 220) == 220  # another script: another font
    # Vega cuts at the limit itself: a bound equal to the limit keeps it.
    limit = int(text_width.widest("WWWW", 13))
    assert text_width.label_limit(["WWWW"], 13, limit) == limit


# What the limits were before they could be dropped, per place.
def restore_limits(vl: dict[str, Any], phone: bool) -> dict[str, Any]:
    def walk(node: Any, channel: str | None = None) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, channel)
        elif isinstance(node, dict):
            axis = node.get("axis")
            if isinstance(axis, dict) and axis.get("labelLimit") == 0:
                if node.get("type") == "quantitative":
                    axis["labelLimit"] = 180  # Vega's own
                elif channel == "x":
                    axis["labelLimit"] = 90 if phone else 160
                else:
                    axis["labelLimit"] = 110 if phone else 220
            for key, value in node.items():
                walk(value, key if key in ("x", "y") else channel)

    walk(vl)
    legend = dict(vl["config"]["legend"])
    if legend["labelLimit"] == 0:
        legend["labelLimit"] = 270 if phone else 260
    if legend.get("titleLimit") == 0:
        legend["titleLimit"] = 180  # Vega's own
    vl["config"] = {**vl["config"], "legend": legend}
    return vl


def long_names() -> list[ChartSpec]:
    """Categories and series near and over the limits, on both sides of them."""
    names = ["Jeugdhulp", "Wilgenstroom", "Financiering derden", "Zorgcollectief Waardland-Oost",
             "Maatschappelijke ondersteuning en participatie", "’t Hof", "WWWWWWWW", "Mmmmmmmmmmmm"]
    series = ["Verwacht", "Gerealiseerd in het lopende begrotingsjaar tot en met het derde kwartaal"]
    out = []
    for kind in ("horizontaal", "gegroepeerd", "begroting", "vergelijking", "staven"):
        rows = [ChartRow(x=n, series=s, value=100 + 37 * i + 11 * j) for i, n in enumerate(names) for j, s in enumerate(series)]
        out.append(ChartSpec(id=f"lang-{kind}", kind=kind, title="Lange namen", unit="euro", x_title="Regel",
                             x_is_period=False, series_title="Reeks" if kind != "gegroepeerd" else "Reeks " * 40, rows=rows))
    return out


CASES = [f() for f in samples.ALL] + [samples.panels_long_names(), samples.shares("balk")] + long_names()


@pytest.mark.parametrize("spec", CASES, ids=lambda s: f"{s.kind}-{s.id}")
@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_dropping_the_limits_changes_no_picture(spec, phone):
    spec = spec.model_copy(update={"phone": phone})
    vl = vegalite(spec)
    now = vl_convert.vegalite_to_svg(vl, format_locale=LOCALE, time_format_locale=LOCALE)
    before = vl_convert.vegalite_to_svg(restore_limits(vl, phone), format_locale=LOCALE, time_format_locale=LOCALE)
    assert now == before


def test_long_names_are_still_cut_on_a_phone():
    svg = vl_convert.vegalite_to_svg(vegalite(long_names()[0].model_copy(update={"phone": True})), format_locale=LOCALE)
    assert "…" in html.unescape(svg)
