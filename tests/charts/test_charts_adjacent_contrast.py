"""Adjacent series stay apart (NL Design System "Grafieken", Chartability): two series
colours that touch need 3:1 between them, or a separator that has 3:1 against both.

Six categorical colours that each reach 3:1 on white cannot also reach 3:1 pairwise (their
luminances lie too close together), so every kind whose series touch draws an edge: a white
gap (each colour has >= 3:1 against white) or a dark outline with >= 3:1 against each fill.
Lines and points are told apart by shape (and the target line by dash), never by colour alone.
"""

from __future__ import annotations

import chart_samples as samples
import pytest

from generator.charts import theme
from generator.charts.kinds import KINDS
from tests.contrast import contrast

WHITE = "#ffffff"


def _marks(node):
    if isinstance(node, dict):
        if "mark" in node:
            mark = node["mark"] if isinstance(node["mark"], dict) else {"type": node["mark"]}
            yield mark, node.get("encoding", {})
        for value in node.values():
            yield from _marks(value)
    elif isinstance(node, list):
        for value in node:
            yield from _marks(value)


def _fills(encoding) -> list[str]:
    scale = (encoding.get("color") or encoding.get("fill") or {}).get("scale") or {}
    return [c for c in scale.get("range", []) if isinstance(c, str) and c.startswith("#")]


@pytest.mark.parametrize("sample", samples.ALL, ids=lambda fn: fn().id + "-" + fn().kind)
def test_touching_series_are_separated_by_an_edge_of_3_to_1(sample) -> None:
    spec = sample()
    for mark, encoding in _marks(KINDS[spec.kind].vegalite(spec)):
        fills = _fills(encoding)
        if mark.get("type") not in ("bar", "arc") or len(fills) < 2:
            continue
        pairs = [(a, b) for a, b in zip(fills, fills[1:]) if contrast(a, b) < 3.0]
        if not pairs:
            continue
        edge, width = mark.get("stroke"), mark.get("strokeWidth", 0)
        assert edge and width >= 0.5, f"{spec.kind}: aangrenzende kleuren {pairs} zonder rand"
        offset = encoding.get("xOffset") or encoding.get("yOffset") or {}
        gap = edge.lower() == WHITE or (offset.get("scale") or {}).get("paddingInner", 0) > 0
        for colour in fills:
            if colour.lower() in (edge.lower(), WHITE):
                continue  # an unfilled bar (budget): the edge is the mark itself
            # Each fill is set off by the outline, or by the white gap next to it.
            best = max(contrast(colour, edge), contrast(colour, WHITE) if gap else 0)
            assert best >= 3.0, f"{spec.kind}: {colour} tegen rand {edge}: {best:.2f}:1"


def test_every_palette_colour_has_a_separator_of_3_to_1() -> None:
    # Series colours meet a white gap; the light-to-dark period fills meet their outline or the gap.
    for colour in theme.PALETTE:
        assert contrast(colour, WHITE) >= 3.0, colour
    for colour in theme.SEQUENTIAL:
        assert max(contrast(colour, WHITE), contrast(colour, theme.BAR_OUTLINE)) >= 3.0, colour


def test_series_lines_differ_by_shape() -> None:
    spec = samples.line_two()
    shapes = [enc["shape"]["scale"]["range"] for _, enc in _marks(KINDS[spec.kind].vegalite(spec))
              if "shape" in enc and "scale" in enc["shape"]]
    assert shapes and all(len(set(r)) == len(r) >= 2 for r in shapes)
