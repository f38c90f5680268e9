"""The chart on the KPI-across-editions page (point 9 of issue 17): its data table shows
what the page's tables show, edition by edition and series by series."""

from __future__ import annotations

import re

from generator.charts.history import history_specs
from generator.charts.table import data_table
from generator.compute.views import EditionRef, KpiHistoryCell, KpiHistoryRow, KpiHistoryView


def _history(editions: int) -> KpiHistoryView:
    rows = []
    for i, (period, label, value, text) in enumerate([("2023-Q3", "Q3 2023", 68.0, "68 dagen"), ("2023-Q2", "Q2 2023", None, "geen gegevens"),
                                                       ("2023-Q1", "Q1 2023", 95.0, "95 dagen")][:editions]):
        rows.append(KpiHistoryRow(
            edition=EditionRef(period=period, label=label, title=label, status="gepubliceerd", url=f"{period.lower()}/"),
            indicator_url=f"{period.lower()}/kpi/wachttijden/", period_label=label, corrected=False,
            cells=[KpiHistoryCell(series="Wijkteam Jeugd", value_text=text, target_text="maximaal 56 dagen", status="rood",
                                  status_word="Niet gehaald", value=value, target="<= 56")],
        ))
    return KpiHistoryView(id="wachttijden", number="6", title="Wachttijden", series=["Wijkteam Jeugd"], rows=rows,
                          url="kpi/wachttijden/", series_units={"Wijkteam Jeugd": "dagen"}, direction="lager is beter")


def test_oldest_edition_left_a_missing_figure_is_no_figure_and_targets_per_edition():
    [spec] = history_specs(_history(3))
    assert spec.kind == "lijn" and spec.unit == "dagen"
    assert spec.xs() == ["2023-Q1", "2023-Q2", "2023-Q3"] and spec.current == "2023-Q3"
    assert [r.value for r in spec.rows] == [95.0, None, 68.0]
    assert {(t.x, t.comparator, t.value) for t in spec.targets} == {(p, "<=", 56) for p in spec.xs()}


def test_one_edition_gives_no_chart():
    assert history_specs(_history(1)) == []


def test_series_in_different_units_never_share_an_axis():
    h = _history(3)
    h = h.model_copy(update={"series": ["Wijkteam Jeugd", "Respons"],
                             "series_units": {"Wijkteam Jeugd": "dagen", "Respons": "percentage"}})
    specs = history_specs(h)
    assert [(s.unit, s.series_order) for s in specs] == [("dagen", ["Wijkteam Jeugd"])]  # Respons has no figure: no chart


def test_every_history_page_of_the_example_has_a_chart_that_matches_its_tables(built_example):
    pages = sorted((built_example.site / "kpi").glob("*/index.html"))
    assert len(pages) == 14
    for page in pages:
        html = page.read_text(encoding="utf-8")
        charts = re.findall(r'<table class="rp-table rp-chart__table">(.*?)</table>', html, re.S)
        if html.count('<tr><th scope="row"><a ') < 2:  # one edition is a point, not a course (MIN_EDITIONS)
            assert not charts, f"{page}: a chart of one edition"
            continue
        assert charts, f"{page}: no chart"
        shown = {}
        for chart in charts:
            head = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', chart)
            chart_rows = re.findall(r'<tr[^>]*><th scope="row">([^<]*)(?:<span class="rp-sr-only">[^<]*</span>)?</th>(.*?)</tr>', chart, re.S)
            shown |= {(period, head[1 + i]): cell
                      for period, cells in chart_rows
                      for i, cell in enumerate(re.findall(r"<td[^>]*>([^<]*)</td>", cells)) if 1 + i < len(head)}
        tables = re.findall(r'<caption>KPI [^<]*?(?: – ([^<]*))?, per editie</caption>.*?<tbody>(.*?)</tbody>', html, re.S)
        assert tables
        compared = 0
        for series, body in tables:
            for label, value in re.findall(r'<th scope="row"><a [^>]*>([^<]*)</a></th><td>.*?</td><td class="rp-num">([^<]*)', body, re.S):
                key = (label, series or "Waarde")
                assert key in shown, f"{page}: {key} not in the chart's table"
                assert shown[key] == value, f"{page}: {key}: chart {shown[key]!r}, table {value!r}"
                compared += 1
        assert compared >= 3, page
