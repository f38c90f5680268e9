"""One look for every chart: palette, fonts, axis formats.

Palette: the Okabe-Ito colours that reach 3:1 against white (WCAG 2.1 non-text
contrast), distinguishable with the common colour-vision deficiencies, plus two dark
neutrals. Series are told apart by point shape and legend too, never by colour alone.
"""

from __future__ import annotations

from typing import Protocol


class ChartSpecLike(Protocol):
    phone: bool

# Series colours (contrast against white in brackets).
PALETTE = [
    "#0072B2",  # blue (5.2:1)
    "#D55E00",  # vermillion (3.9:1)
    "#009E73",  # bluish green (3.4:1)
    "#CC79A7",  # reddish purple (3.1:1)
    "#5F6368",  # grey (6.1:1)
    "#8C6D00",  # dark ochre (4.9:1)
]
# Point shapes per series, in the same order: a second cue next to colour.
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"]

# Periods side by side in grouped bars: one hue, light (old) to dark (current).
# Order and lightness carry the meaning; every bar also has a dark outline (>= 3:1).
SEQUENTIAL = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C"]
BAR_OUTLINE = "#1B3A5C"

INK = "#1F2328"  # text (15:1)
MUTED = "#4A4F57"  # secondary text, target lines (8:1)
GRID = "#E1E4E8"
AXIS = "#6E7781"  # axis lines (4.6:1)
TARGET = "#1F2328"
TARGET_BAND = "#8FD3B4"  # range targets: a light band behind the data, edged by dashed lines
CURRENT_BAND = "#F2F4F7"
BUDGET = "#FFFFFF"  # budget bars: outlined, unfilled
FAVOURABLE = "#1A6B35"
UNFAVOURABLE = "#A3161D"

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"

# The whole SVG (axes and legend included; Vega-Lite fits the plot into it), so that
# the chart is drawn at its own size and its 13 px text stays 13 px on screen: the
# chart column is 646 px wide at 1280 px and 316 px at 390 px.
WIDTH = 640
HEIGHT = 280
PHONE_WIDTH = 310
PHONE_HEIGHT = 240
MIN_FONT = 12  # no chart text smaller: the browser test measures it on screen
LABEL_SIZE = 13  # axis and legend labels (CONFIG)
VEGA_LABEL_LIMIT = 180  # Vega's own axis labelLimit, where an axis sets none
VEGA_LEGEND_TITLE_LIMIT = 180  # Vega's own legend titleLimit


def width(spec: "ChartSpecLike") -> int:
    return PHONE_WIDTH if spec.phone else WIDTH


def height(spec: "ChartSpecLike") -> int:
    return PHONE_HEIGHT if spec.phone else HEIGHT


def tick_count(spec: "ChartSpecLike") -> int:
    return 4 if spec.phone else 6

# Vega-Lite config shared by all charts.
CONFIG = {
    "font": FONT,
    "background": "#ffffff",
    "padding": {"left": 4, "right": 12, "top": 8, "bottom": 4},
    "aria": False,  # the whole SVG is one image with a text alternative; no per-mark labels
    "view": {"stroke": None},
    "axis": {
        "labelColor": INK,
        "titleColor": INK,
        "labelFontSize": 13,
        "titleFontSize": 13,
        "titleFontWeight": "normal",
        "gridColor": GRID,
        "domainColor": AXIS,
        "tickColor": AXIS,
        "labelPadding": 4,
    },
    "legend": {
        "labelColor": INK,
        "titleColor": INK,
        "labelFontSize": 13,
        "titleFontSize": 13,
        "titleFontWeight": "normal",
        "orient": "bottom",
        "direction": "horizontal",
        "columns": 4,
        "symbolStrokeWidth": 2,
        "labelLimit": 260,
    },
    "text": {"color": INK, "fontSize": 13},
}


# A phone has room for one legend entry per row, and for shorter axis labels.
PHONE_CONFIG = {
    **CONFIG,
    "legend": {**CONFIG["legend"], "columns": 1, "labelLimit": 270},
}


def number_format(unit: str, decimals: int) -> str:
    """d3-format pattern for axis labels; vl-convert applies the nl-NL locale (1.234,5)."""
    if unit == "euro":
        return f"$,.{decimals}f"  # the nl-NL currency prefix is "€ "
    return f",.{decimals}f"


def axis_label_expr(unit: str) -> str | None:
    """Unit on the axis like the site writes it: 79% · € 1.800 · € 2,5 mln."""
    if unit == "percentage":
        return "datum.label + '%'"
    if unit == "euro":
        # Millions would make wide labels: "€ 12,5 mln" as Dutch budgets write them.
        return (
            "(datum.value < 0 ? '-' : '') + '€ ' + (abs(datum.value) >= 1000000"
            " ? format(abs(datum.value) / 1000000, ',.1~f') + ' mln' : format(abs(datum.value), ',.0f'))"
        )
    return None


UNIT_TITLES = {
    "percentage": "Percentage",
    "euro": "Bedrag",
    "aantal": "Aantal",
    "dagen": "Dagen",
    "weken": "Weken",
    "maanden": "Maanden",
    "rapportcijfer": "Rapportcijfer",
    "uren": "Uren",
    "minuten": "Minuten",
}
