"""Issue 16 points 7-9 on the built pages: basis, bound, estimate and period on the card (the example)."""

from __future__ import annotations


def test_the_card_shows_basis_bound_estimate_and_period(built_example) -> None:
    page = (built_example.site / "2023-q3/kpi/wachttijden/index.html").read_text(encoding="utf-8")
    assert "&lt; 28 dagen" in page and "74 dagen (schatting)" in page
    assert "Niet exact gemeten: " in page  # the chart's text alternative names them
    page = (built_example.site / "2023-q3/kpi/doelbereik/index.html").read_text(encoding="utf-8")
    assert "<dt>Aantal</dt><dd>n = 50</dd>" in page
    page = (built_example.site / "2023-q3/kpi/tevredenheid-inwoners/index.html").read_text(encoding="utf-8")
    assert "laatste meting: 2022" in page
