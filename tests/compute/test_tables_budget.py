"""Budget tables (soort: begroting): difference, V/N, deviation %, subtotals, totals."""

from __future__ import annotations

import pytest

from tables_util import column, compute_tables, messages, texts

# Report 002 (seeds/002), "Jeugd & Wmo - Begroting versus Prognose 2024", bedragen x € 1.000:
# label, budget, forecast, and what the report prints: difference, V/N, deviation %.
SEED_002 = [
    ("Jeugd zorg in natura (ZIN)", "4.984", "6.069", -1084, "N", -22),
    ("Jeugd pers.geb. budget (PGB)", "33", "12", 21, "V", 63),
    ("Wmo begeleiding ZIN", "1.772", "1.590", 182, "V", 10),
    ("Wmo begeleiding PGB", "159", "117", 42, "V", 26),
    ("Wmo huishoudelijke hulp ZIN", "1.839", "1.825", 14, "V", 1),
    ("Wmo huishoudelijke hulp PGB", "29", "29", 0, "", 0),
    ("Wmo hulpmiddelen", "633", "547", 85, "V", 13),
    ("Wmo regiotaxi", "228", "253", -25, "N", -11),
    ("Wmo eigen bijdrage", "-83", "-98", 15, "V", -18),
]
SEED_002_TOTAL = ("Totaal ZIN en PGB", "9.595", "10.341", -746, "N", -7.8)

TABLE_002 = """
tabellen:
  - id: prognose-2024
    titel: Jeugd en Wmo, begroting versus prognose 2024
    soort: begroting
    bestand: prognose-2024.csv
    eenheid: euro_x1000
    bedragen_in_bestand: euro_x1000
    decimalen_procent: {pct}
    kolommen:
      omschrijving: Post
      begroting: Begroting 2024 na 1e firap
      prognose: Prognose 2024
"""


def _seed_csv(rows, total=None) -> str:
    lines = ["Post;Soort;Begroting 2024 na 1e firap;Prognose 2024"]
    lines += [f"{label};;{b};{f}" for label, b, f, *_ in rows]
    if total:
        lines.append(f"{total[0]};totaal;{total[1]};{total[2]}")
    return "\n".join(lines) + "\n"


def _number(text: str) -> float:
    return float(text.replace("%", "").replace(".", "").replace(",", "."))


def test_report_002_recomputed_from_its_own_budget_and_forecast(tmp_path) -> None:
    views, problems = compute_tables(tmp_path, TABLE_002.format(pct=0), {"prognose-2024.csv": _seed_csv(SEED_002)})
    assert messages(problems) == []
    view = views["prognose-2024"]
    assert [c.header for c in view.columns] == [
        "Post", "Begroting 2024 na 1e firap", "Prognose 2024", "Verschil", "V/N", "Afwijking"]
    assert view.unit_text == "bedragen x € 1.000"
    rows = texts(view)
    for (label, budget, forecast, diff, letter, pct), row in zip(SEED_002, rows):
        assert row[0] == label
        assert row[1] == budget and row[2] == forecast  # shown as the report shows them
        # The report computed from unrounded euros; from its rounded columns we may differ by 1.
        assert abs(_number(row[3]) - diff) <= 1, label
        assert row[4] == letter, label
        # Deviation = difference / |budget|: its sign agrees with V/N. The report prints -18%
        # next to "15 V" for the income line (it divided by the negative budget).
        expected_pct = abs(pct) if label == "Wmo eigen bijdrage" else pct
        assert abs(_number(row[5]) - expected_pct) <= 1, label
        assert (row[5].startswith("-")) == (letter == "N"), label
    # Exact where the rounded columns agree with the report.
    assert rows[0][3:] == ["-1.085", "N", "-22%"]
    assert rows[5][3:] == ["0", "", "0%"]  # no letter for a zero difference
    assert rows[8][1:] == ["-83", "-98", "15", "V", "18%"]  # income line, same rule
    total = rows[-1]
    assert view.rows[-1].kind == "totaal"
    assert total == ["Totaal", "9.594", "10.344", "-750", "N", "-8%"]


def test_report_002_stated_total_is_checked_and_named_by_file_and_row(tmp_path) -> None:
    # The report's own total (9.595) is the sum of unrounded amounts; the rounded lines add
    # up to 9.594. A stated total that does not match is an error with file and line.
    csv = _seed_csv(SEED_002, SEED_002_TOTAL)
    views, problems = compute_tables(tmp_path, TABLE_002.format(pct=1), {"prognose-2024.csv": csv})
    assert "prognose-2024" not in views
    assert messages(problems) == [
        "data/prognose-2024.csv:11: fout: kolom `Begroting 2024 na 1e firap`: totaal `Totaal ZIN en PGB` is € 9.595.000, "
        "maar alle regels erboven tellen op tot € 9.594.000\n"
        "    tip: controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
        "data/prognose-2024.csv:11: fout: kolom `Prognose 2024`: totaal `Totaal ZIN en PGB` is € 10.341.000, "
        "maar alle regels erboven tellen op tot € 10.344.000\n"
        "    tip: controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
    ]


SEED_002_ALL = SEED_002 + [("Voordeel afrekening 2023", "0", "-4", 4, "V", None)]


def test_report_002_stated_total_within_the_rounding_is_shown_as_stated(tmp_path) -> None:
    # "x € 1.000, afgerond": the report's total 9.595 / 10.341 is the sum of unrounded
    # amounts; its ten rounded lines add up to 9.594 / 10.340. With `afgerond_op: 1` the
    # stated total is shown as the report shows it, with a note on the difference.
    csv = _seed_csv(SEED_002_ALL, SEED_002_TOTAL)
    yml = TABLE_002.format(pct=1) + "    afgerond_op: 1\n"
    views, problems = compute_tables(tmp_path, yml, {"prognose-2024.csv": csv})
    assert messages(problems) == []
    view = views["prognose-2024"]
    assert texts(view)[-1] == ["Totaal ZIN en PGB", "9.595a", "10.341a", "-746", "N", "-7,8%"]  # as the report, marked
    total = view.rows[-1]
    assert total.kind == "totaal"
    assert [total.cells[1].note, total.cells[2].note] == ["a", "a"]
    assert total.cells[1].value == 9595000
    assert view.notes[1:] == [
        "a Totaal ZIN en PGB (Begroting 2024 na 1e firap): 9.595 zoals de bron het geeft; "
        "de afgeronde regels tellen op tot 9.594 (afrondingsverschil).",
        "a Totaal ZIN en PGB (Prognose 2024): 10.341 zoals de bron het geeft; "
        "de afgeronde regels tellen op tot 10.340 (afrondingsverschil).",
    ]


def test_report_002_stated_total_beyond_the_rounding_is_still_an_error(tmp_path) -> None:
    # Ten rounded lines and a rounded total are at most 5,5 (x € 1.000) apart; 9.601 is not rounding.
    csv = _seed_csv(SEED_002_ALL, ("Totaal ZIN en PGB", "9.601", "10.341"))
    yml = TABLE_002.format(pct=1) + "    afgerond_op: 1\n"
    views, problems = compute_tables(tmp_path, yml, {"prognose-2024.csv": csv})
    assert "prognose-2024" not in views
    assert messages(problems) == [
        "data/prognose-2024.csv:12: fout: kolom `Begroting 2024 na 1e firap`: totaal `Totaal ZIN en PGB` is € 9.601.000, "
        "maar alle regels erboven tellen op tot € 9.594.000; dat is meer dan de afronding van 10 afgeronde cijfers "
        "kan verklaren (hoogstens € 5.500)\n"
        "    tip: controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
    ]


def test_rounding_must_be_positive(tmp_path) -> None:
    csv = _seed_csv(SEED_002_ALL, SEED_002_TOTAL)
    yml = TABLE_002.format(pct=1) + "    afgerond_op: 0\n"
    views, problems = compute_tables(tmp_path, yml, {"prognose-2024.csv": csv})
    assert views == {}
    assert any("afgerond_op" in m for m in messages(problems))


def test_empty_total_cells_are_computed_with_one_decimal_percentage(tmp_path) -> None:
    rows = SEED_002 + [("Voordeel afrekening 2023", "0", "-4", 4, "V", None)]
    csv = _seed_csv(rows, ("Totaal ZIN en PGB", "", ""))
    views, problems = compute_tables(tmp_path, TABLE_002.format(pct=1), {"prognose-2024.csv": csv})
    assert messages(problems) == []
    view = views["prognose-2024"]
    assert texts(view)[-2] == ["Voordeel afrekening 2023", "0", "-4", "4", "V", "–"]  # no % of a zero budget
    assert texts(view)[-1] == ["Totaal ZIN en PGB", "9.594", "10.340", "-746", "N", "-7,8%"]  # as the report
    assert len(view.rows) == len(rows) + 1  # the stated total row replaces the automatic one


def test_missing_budget_is_no_figure_and_warns(tmp_path) -> None:
    # The report leaves the budget of "Voordeel afrekening 2023" empty and still shows 4 V;
    # here an empty cell is "no figure", so the difference is not computed, with a warning.
    csv = "Post;Begroting 2024 na 1e firap;Prognose 2024\nWmo regiotaxi;228;253\nVoordeel afrekening 2023;;-4\n"
    views, problems = compute_tables(tmp_path, TABLE_002.format(pct=0), {"prognose-2024.csv": csv})
    assert [p.severity for p in problems] == ["waarschuwing"]
    assert problems.items[0].line == 3
    assert "Begroting 2024 na 1e firap ontbreekt" in problems.items[0].message
    assert texts(views["prognose-2024"])[1] == ["Voordeel afrekening 2023", "–", "-4", "–", "–", "–"]
    # the forecast still counts in the total; the budget total is that of the other line
    assert texts(views["prognose-2024"])[-1] == ["Totaal", "228", "249", "-21", "N", "-9%"]


REPORT_000 = """
tabellen:
  - id: financieel-overzicht
    titel: Financieel overzicht
    soort: begroting
    bestand: overzicht.csv
    kolommen: {begroting: Begroting 2023, prognose: Verwachting 2023}
"""


def test_report_000_subtotal_total_and_euro_amounts(tmp_path) -> None:
    csv = """
    omschrijving;soort;Begroting 2023;Verwachting 2023
    Jeugdzorg;;€ 11.364.000;€ 11.919.000
    WMO;;€ 8.512.000;€ 8.852.000
    Wijkteam;;€ 4.424.000;€ 4.229.000
    Overhead;;€ 2.290.000;€ 2.416.000
    Totale kosten;subtotaal;€ 26.590.000;€ 27.416.000
    Financiering derden;;€ -43.000;€ -67.000
    Te financieren door de gemeente;totaal;;
    """
    views, problems = compute_tables(tmp_path, REPORT_000, {"overzicht.csv": csv})
    assert messages(problems) == []
    view = views["financieel-overzicht"]
    assert [r.kind for r in view.rows] == ["regel"] * 4 + ["subtotaal", "regel", "totaal"]
    assert column(view, "verschil") == ["-€ 555.000", "-€ 340.000", "€ 195.000", "-€ 126.000", "-€ 826.000",
                                        "€ 24.000", "-€ 802.000"]
    assert column(view, "vn") == ["N", "N", "V", "N", "N", "V", "N"]
    assert texts(view)[-1][1:3] == ["€ 26.547.000", "€ 27.349.000"]
    assert view.unit_text is None
    assert view.rows[-1].cells[4].title == "nadeel"


def test_subtotal_sums_only_the_lines_since_the_previous_subtotal(tmp_path) -> None:
    csv = """
    omschrijving;soort;begroting;prognose
    A;;10;12
    B;;5;5
    Jeugd;subtotaal;15;17
    C;;100;90
    Wmo;subtotaal;100;90
    Sociaal domein;totaal;115;107
    """
    views, problems = compute_tables(tmp_path, REPORT_000.replace("kolommen: {begroting: Begroting 2023, prognose: Verwachting 2023}", ""),
                                     {"overzicht.csv": csv})
    assert messages(problems) == []
    assert column(views["financieel-overzicht"], "verschil") == ["-€ 2", "€ 0", "-€ 2", "€ 10", "€ 10", "€ 8"]
    assert column(views["financieel-overzicht"], "vn") == ["N", "", "N", "V", "V", "V"]


def test_wrong_subtotal_names_file_row_and_column(tmp_path) -> None:
    csv = "omschrijving;soort;begroting;prognose\nA;;10;12\nB;;5;5\nJeugd;subtotaal;16;17\n"
    yml = REPORT_000.replace("kolommen: {begroting: Begroting 2023, prognose: Verwachting 2023}", "")
    views, problems = compute_tables(tmp_path, yml, {"overzicht.csv": csv})
    assert views == {}
    assert messages(problems) == [
        "data/overzicht.csv:4: fout: kolom `begroting`: subtotaal `Jeugd` is € 16, maar de regels sinds het vorige "
        "subtotaal tellen op tot € 15\n"
        "    tip: controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
    ]


@pytest.mark.parametrize("unit,expected", [("euro", "-€ 1.084.478"), ("euro_x1000", "-1.084")])
def test_unit_per_table(tmp_path, unit: str, expected: str) -> None:
    yml = f"""
    tabellen:
      - id: t
        titel: T
        soort: begroting
        bestand: t.csv
        eenheid: {unit}
    """
    csv = "omschrijving,begroting,prognose\nJeugd ZIN,\"4.984.312\",\"6.068.790\"\n"
    views, problems = compute_tables(tmp_path, yml, {"t.csv": csv})
    assert messages(problems) == []
    assert column(views["t"], "verschil")[0] == expected
    assert views["t"].rows[0].cells[3].value == -1084478  # raw figure stays in euros


def test_unknown_row_kind_and_missing_column(tmp_path) -> None:
    csv = "omschrijving;soort;begroting\nA;subtotal;10\n"
    yml = REPORT_000.replace("kolommen: {begroting: Begroting 2023, prognose: Verwachting 2023}", "")
    _, problems = compute_tables(tmp_path, yml, {"overzicht.csv": csv})
    assert messages(problems) == [
        "data/overzicht.csv:1: fout: kolom `prognose` ontbreekt\n"
        "    tip: kolommen in het bestand: `omschrijving`, `soort`, `begroting`; noem de kolom `prognose`, of wijs in "
        "content/edities/2023-Q2/tabellen.yml met `kolommen:` de juiste kolom aan",
    ]
    csv = "omschrijving;soort;begroting;prognose\nA;subtotal;10;11\n"
    _, problems = compute_tables(tmp_path, yml, {"overzicht.csv": csv})
    assert messages(problems) == [
        "data/overzicht.csv:2: fout: kolom `soort`: `subtotal` is geen soort regel; kies uit: regel, subtotaal, totaal\n"
        "    tip: bedoelt u `subtotaal`?",
    ]


def test_configured_column_that_does_not_exist_points_at_the_yaml(tmp_path) -> None:
    csv = "omschrijving;Begroting 2023;Prognose 2023\nA;10;11\n"
    _, problems = compute_tables(tmp_path, REPORT_000, {"overzicht.csv": csv})
    assert messages(problems) == [
        "content/edities/2023-Q2/tabellen.yml:6: fout: kolom `Verwachting 2023` bestaat niet in data/overzicht.csv\n"
        "    tip: bedoelt u `Begroting 2023`? kolommen in het bestand: `omschrijving`, `Begroting 2023`, `Prognose 2023`",
    ]


# Report 000 (seeds/000), "Financieel overzicht": costs, "Totale kosten", then the financing
# and "Resultaat". The report writes financing by third parties as a negative amount and its
# result is 27.510.000 + 43.000 - 26.590.000 = 963.000: financing minus costs.
REPORT_000_SECTIONS = """
tabellen:
  - id: financieel-overzicht
    titel: Financieel overzicht
    soort: begroting
    bestand: overzicht.csv
    kolommen: {begroting: Begroting 2023, prognose: Verwachting 2023}
    berekend:
      Resultaat:
        plus: [Financiering gemeente]
        min: [Financiering derden, Totale kosten]
"""
CSV_000_SECTIONS = """
omschrijving;soort;Begroting 2023;Verwachting 2023
Jeugdzorg;;€ 11.364.000;€ 11.919.000
WMO;;€ 8.512.000;€ 8.852.000
Wijkteam;;€ 4.424.000;€ 4.229.000
Overhead;;€ 2.290.000;€ 2.416.000
Totale kosten;subtotaal;€ 26.590.000;€ 27.416.000
Financiering derden;;€ -43.000;€ -67.000
Financiering gemeente;;€ 27.510.000;€ 28.312.000
Resultaat;;{result};€ 963.000
"""


def test_report_000_computed_result_row_and_no_automatic_total(tmp_path) -> None:
    views, problems = compute_tables(tmp_path, REPORT_000_SECTIONS, {"overzicht.csv": CSV_000_SECTIONS.format(result="")})
    assert messages(problems) == []
    view = views["financieel-overzicht"]
    assert [r[0] for r in texts(view)] == ["Jeugdzorg", "WMO", "Wijkteam", "Overhead", "Totale kosten",
                                          "Financiering derden", "Financiering gemeente", "Resultaat"]  # no "Totaal"
    # The report's own columns: Begroting, Verwachting, Verschil.
    assert [r[1:4] for r in texts(view)][4:] == [
        ["€ 26.590.000", "€ 27.416.000", "-€ 826.000"],
        ["-€ 43.000", "-€ 67.000", "€ 24.000"],
        ["€ 27.510.000", "€ 28.312.000", "-€ 802.000"],
        ["€ 963.000", "€ 963.000", "€ 0"],
    ]
    assert [r.kind for r in view.rows][4:] == ["subtotaal", "regel", "regel", "totaal"]


def test_computed_row_not_in_the_file_is_added_and_a_grand_total_only_when_asked(tmp_path) -> None:
    csv = "\n".join(CSV_000_SECTIONS.strip().splitlines()[:-1]) + "\n"
    yml = REPORT_000_SECTIONS + "    totaalregel: ja\n"
    views, problems = compute_tables(tmp_path, yml, {"overzicht.csv": csv})
    assert messages(problems) == []
    rows = texts(views["financieel-overzicht"])
    assert rows[-2][:3] == ["Resultaat", "€ 963.000", "€ 963.000"]
    # asked for: every line, the financing too (which is why it is not the default here)
    assert rows[-1][:3] == ["Totaal", "€ 54.057.000", "€ 55.661.000"]


def test_stated_computed_row_that_differs_names_file_row_and_column(tmp_path) -> None:
    views, problems = compute_tables(tmp_path, REPORT_000_SECTIONS,
                                     {"overzicht.csv": CSV_000_SECTIONS.format(result="€ 877.000")})
    assert views == {}
    assert messages(problems) == [
        "data/overzicht.csv:9: fout: kolom `Begroting 2023`: berekende regel `Resultaat` is € 877.000, maar "
        "`Financiering gemeente` min `Financiering derden` min `Totale kosten` is € 963.000\n"
        "    tip: controleer de regels en `berekend`, of laat de cel leeg: dan rekent rapportage de regel zelf uit",
    ]


def test_computed_row_with_an_unknown_row_names_the_yaml_line(tmp_path) -> None:
    yml = REPORT_000_SECTIONS.replace("plus: [Financiering gemeente]", "plus: [Financiering gemeent]")
    views, problems = compute_tables(tmp_path, yml, {"overzicht.csv": CSV_000_SECTIONS.format(result="")})
    assert views == {}
    [message] = messages(problems)
    assert message.startswith("content/edities/2023-Q2/tabellen.yml:9: fout: ")  # the `plus:` line
    assert "berekende regel `Resultaat`: regel `Financiering gemeent` bestaat niet in data/overzicht.csv" in message
    assert "bedoelt u `Financiering gemeente`?" in message
