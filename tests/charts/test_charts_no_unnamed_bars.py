"""Issue 18: Vega leaves out an axis label that would touch its neighbour (labelOverlap).
For a value tick or a period in a row of periods that is harmless; for a category (a
provider, a team) it leaves a bar without a name. At phone width the grouped bars of
wait times per provider lost "Zorgcollectief Waardland" that way; now no drawn chart hides
a category name, on the desk or on the phone."""

from __future__ import annotations

import re

import pytest

import chart_samples as samples
from generator.charts.render import render_svg

HIDDEN = re.compile(r'<text[^>]*opacity="0"[^>]*>(.*?)</text>', re.S)
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
HARMLESS = re.compile(rf"^(?:[-−€\s\d.,%]+(?:mln|dzd)?|Q\d \d{{4}}|\d{{4}}(?:-H\d)?|[HQ]\d|(?:{MONTHS}) \d{{4}})$")


def _hidden_words(svg: str) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", " ", m).split()) for m in HIDDEN.findall(svg)]


@pytest.mark.parametrize("make", samples.ALL, ids=lambda m: m.__name__)
@pytest.mark.parametrize("phone", [False, True], ids=["scherm", "telefoon"])
def test_no_category_name_is_left_out(make, phone) -> None:
    spec = make().model_copy(update={"phone": phone})
    hidden = [w for w in _hidden_words(render_svg(spec)) if not HARMLESS.match(w)]
    assert hidden == [], f"{spec.kind}: labels left out of the drawing: {hidden}"


def test_the_example_hides_no_category_name(built_example) -> None:
    hidden = {}
    for page in built_example.site.rglob("*.html"):
        words = [w for w in _hidden_words(page.read_text(encoding="utf-8")) if not HARMLESS.match(w)]
        if words:
            hidden[str(page.relative_to(built_example.site))] = words
    assert hidden == {}
