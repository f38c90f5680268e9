"""The data table and CSV behind each chart kind."""

from __future__ import annotations

import chart_samples as samples
from generator.charts.table import csv_bytes, data_table


def cells(table):
    return {header: [c.text for c in row] for header, row in table.rows}


def csv_lines(spec):
    data = csv_bytes(spec)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    return data.decode("utf-8-sig").split("\r\n")[:-1]


def test_trend_table_keeps_no_figure_distinct_from_zero():
    table = data_table(samples.line_one())
    assert table.corner == "Periode" and [c.header for c in table.columns] == ["Waarde", "Streefwaarde"]
    assert cells(table)["Q3 2022"] == ["geen gegevens", "minimaal 80%"]
    assert table.current == "Q1 2023"
    assert csv_lines(samples.line_one()) == [
        "Periode;Waarde (%);Streefwaarde", "Q1 2022;74;>= 80", "Q2 2022;76;>= 80",
        "Q3 2022;;>= 80", "Q4 2022;78;>= 80", "Q1 2023;79;>= 80",
    ]


def test_per_series_targets_get_a_column_each():
    table = data_table(samples.line_two())
    assert [c.header for c in table.columns] == ["Jeugd", "Wmo", "Streefwaarde Jeugd", "Streefwaarde Wmo"]
    assert cells(table)["Q1 2023"] == ["46%", "79%", "minimaal 50%", "minimaal 80%"]


def test_stacked_table_has_totals_and_says_when_one_is_incomplete():
    rows = cells(data_table(samples.stacked()))
    assert rows["Q1 2022"] == ["420", "300", "120", "840"]
    assert rows["Q3 2022"] == ["445", "geen gegevens", "125", "onvolledig"]


def test_shares_table_with_shares_and_total():
    table = data_table(samples.shares())
    assert cells(table) == {
        "Jeugd": ["€ 6.630.000", "65,6%"], "Wmo": ["€ 1.910.000", "18,9%"],
        "Participatiewet": ["€ 580.000", "5,7%"], "Overig": ["€ 980.000", "9,7%"],
        "Totaal": ["€ 10.100.000", "100%"],
    }
    assert csv_lines(samples.shares())[:2] == ["Wet;Waarde (€);Aandeel (%)", "Jeugd;6630000;65,6"]


def test_budget_table_difference_vn_and_deviation():
    table = data_table(samples.budget())
    assert [c.header for c in table.columns] == ["Begroting", "Prognose", "Verschil", "V/N", "Afwijking"]
    assert cells(table) == {
        "Jeugdhulp ZIN": ["€ 12.500.000", "€ 13.400.000", "-€ 900.000", "N", "-7,20%"],
        "Wmo begeleiding": ["€ 4.200.000", "€ 3.950.000", "€ 250.000", "V", "+5,95%"],
        "Eigen bijdrage": ["-€ 450.000", "-€ 380.000", "-€ 70.000", "N", "-15,56%"],
        "Totaal": ["€ 16.250.000", "€ 16.970.000", "-€ 720.000", "N", "-4,43%"],
    }
    assert csv_lines(samples.budget())[3] == "Eigen bijdrage;-450000;-380000;-70000;N;-15,56"


def test_horizontal_table_in_chart_order():
    table = data_table(samples.horizontal())
    assert [h for h, _ in table.rows] == ["Molenrijk", "Lindewaard", "Beekdorp", "Oosterveld"]
    assert cells(table)["Oosterveld"] == ["geen gegevens", "minimaal 7"]
