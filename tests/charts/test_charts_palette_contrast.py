"""Chart series colours reach 3:1 against the white chart background (WCAG 2.1 SC 1.4.11)."""

from __future__ import annotations

import pytest

from generator.charts import theme
from tests.contrast import contrast


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colour", [*theme.PALETTE, theme.BAR_OUTLINE, theme.FAVOURABLE,
                                    theme.UNFAVOURABLE, theme.TARGET, theme.AXIS])
def test_series_and_mark_colours_reach_3_to_1_on_white(colour: str) -> None:
    assert theme.CONFIG["background"].lower() == "#ffffff"
    assert contrast(colour, "#FFFFFF") >= 3.0, f"{colour}: {contrast(colour, '#FFFFFF'):.2f}:1"


def test_series_colours_are_distinct() -> None:
    assert len({c.lower() for c in theme.PALETTE}) == len(theme.PALETTE) == len(theme.SHAPES)
