"""Generic tables: quarters with year totals, shares, cross-tables, text tables."""

from __future__ import annotations

from tables_util import compute_tables, messages, texts

QUARTERS = """
tabellen:
  - id: jeugdigen
    titel: Unieke jeugdigen per kwartaal
    soort: kwartalen
    bestand: jeugdigen.csv
    geen_som: [Gemeente, Niet gemeente, Unieke jeugdigen]
"""

# Report 004: unique young people per quarter; the year figure is fewer than the sum of
# the quarters (someone helped in two quarters counts once), the total row is a sum of
# the categories. Edition 2021-Q1: Q2-Q4 are still empty.
JEUGDIGEN_2021 = """
omschrijving;soort;Q1 2021;Q2 2021;Q3 2021;Q4 2021;2021
Gemeente;;470;;;;470
Niet gemeente;;1.254;;;;1.254
Unieke jeugdigen;totaal;1.724;;;;1.724
"""


def test_quarters_with_given_year_totals_and_empty_future_quarters(tmp_path) -> None:
    views, problems = compute_tables(tmp_path, QUARTERS, {"jeugdigen.csv": JEUGDIGEN_2021}, period="2021-Q1")
    assert messages(problems) == []
    view = views["jeugdigen"]
    assert [c.header for c in view.columns] == ["Omschrijving", "Q1", "Q2", "Q3", "Q4", "Totaal 2021"]
    assert [c.future for c in view.columns] == [False, False, True, True, True, False]
    assert texts(view) == [
        ["Gemeente", "470", "", "", "", "470*"],
        ["Niet gemeente", "1.254", "", "", "", "1.254*"],
        ["Unieke jeugdigen", "1.724", "", "", "", "1.724*"],
    ]
    assert all(c.future for c in view.rows[0].cells[2:5])
    assert any(n.startswith("* Geen optelling van de kwartalen") for n in view.notes)
    assert "Kwartalen vanaf Q2 2021 liggen na deze editie en zijn nog niet bekend." in view.notes


def test_given_year_total_is_shown_as_given_not_as_a_sum(tmp_path) -> None:
    # 2020 from report 004: quarters 467 484 503 478, the year 531 (not 1.932).
    csv = """
    omschrijving;soort;2020-Q1;2020-Q2;2020-Q3;2020-Q4;totaal 2020
    Gemeente;;467;484;503;478;531
    Gemeente/ niet gemeente;;245;256;247;231;409
    Niet gemeente;;1.243;1.222;1.194;1.234;1.591
    Unieke jeugdigen;totaal;;;;;
    """
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[Gemeente, Gemeente/ niet gemeente, Niet gemeente]")
    views, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2021-Q1")
    assert messages(problems) == []
    view = views["jeugdigen"]
    assert texts(view)[0] == ["Gemeente", "467", "484", "503", "478", "531*"]
    # the total row sums the categories per quarter (as the report: 1.955 1.962 1.944 1.943)
    # and its year sums the given year figures (2.531), marked as not a sum of the quarters
    assert texts(view)[-1] == ["Unieke jeugdigen", "1.955", "1.962", "1.944", "1.943", "2.531*"]


def test_stated_year_total_that_is_not_the_sum_is_an_error_unless_marked(tmp_path) -> None:
    csv = "omschrijving;Q1;Q2;Q3;Q4;totaal\nKlachten;3;4;;;7\nUnieke indieners;5;5;;;9\n"
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[]")
    views, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2023-Q2")
    assert views == {}
    assert messages(problems) == [
        "data/jeugdigen.csv:3: fout: kolom `totaal`: jaartotaal 2023 van `Unieke indieners` is 9, maar de kwartalen "
        "tellen op tot 10\n"
        "    tip: is dit geen optelling (zoals unieke cliënten)? Zet `Unieke indieners` onder `geen_som` in "
        "content/edities/2023-Q2/tabellen.yml; laat de cel anders leeg, dan rekent rapportage het totaal zelf uit",
    ]
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[Unieke indieners]")
    views, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2023-Q2")
    assert messages(problems) == []
    assert texts(views["jeugdigen"]) == [
        ["Klachten", "3", "4", "", "", "7"],
        ["Unieke indieners", "5", "5", "", "", "9*"],
    ]


def test_year_total_is_computed_year_to_date_and_missing_stays_missing(tmp_path) -> None:
    csv = "omschrijving;Q1;Q2;Q3;Q4\nKlachten;3;-;;\nBezwaren;n.v.t.;n.v.t.;;\n"
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[]")
    views, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2023-Q2")
    assert messages(problems) == []
    assert texts(views["jeugdigen"]) == [
        ["Klachten", "3", "–", "", "", "3"],
        ["Bezwaren", "–", "–", "", "", "–"],  # no figure is never summed as 0
    ]
    assert [c.header for c in views["jeugdigen"].columns][-1] == "Totaal 2023"


def test_a_figure_for_a_later_quarter_is_an_error(tmp_path) -> None:
    csv = "omschrijving;Q1;Q2;Q3;Q4\nKlachten;3;4;5;\n"
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[]")
    _, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2023-Q2")
    assert messages(problems) == [
        "data/jeugdigen.csv:2: fout: kolom `Q3`: cijfer voor Q3 2023, maar deze editie gaat over Q2 2023\n"
        "    tip: laat de cellen van latere kwartalen leeg; ze worden getoond als 'nog niet bekend'",
    ]


def test_half_year_edition_shows_two_quarters(tmp_path) -> None:
    csv = "omschrijving;Q1;Q2;Q3;Q4\nKlachten;3;4;;\n"
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[]")
    views, _ = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2024-H1")
    yml = yml.replace("geen_som: []", "geen_som: []\n    jaar: 2024")
    views, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2024-H1")
    assert messages(problems) == []
    assert [c.future for c in views["jeugdigen"].columns[1:5]] == [False, False, True, True]


def test_unknown_quarter_column_and_unknown_not_summed_row(tmp_path) -> None:
    csv = "omschrijving;Q1;Kw 2\nKlachten;3;4\n"
    yml = QUARTERS.replace("[Gemeente, Niet gemeente, Unieke jeugdigen]", "[Unieke klanten]")
    _, problems = compute_tables(tmp_path, yml, {"jeugdigen.csv": csv}, period="2023-Q2")
    assert messages(problems) == [
        "data/jeugdigen.csv:1: fout: kolom `Kw 2` is geen kwartaal en geen jaartotaal\n"
        "    tip: kwartaalkolommen heten Q1 t/m Q4 of 2023-Q1; de jaarkolom heet totaal of 2023",
        "content/edities/2023-Q2/tabellen.yml:6: fout: regel `Unieke klanten` uit `geen_som` staat niet in data/jeugdigen.csv",
    ]


SHARES = """
tabellen:
  - id: hulpvragen
    titel: Hulpvragen naar leefgebied
    soort: aandelen
    bestand: hulpvragen.csv
    kolommen: {omschrijving: Leefgebied, waarde: Aantal}
"""


def test_shares_of_a_total(tmp_path) -> None:
    # Report 002: 66% Wmo, 19% Jeugd, 6% Participatiewet, 10% overig (rounded: 101%).
    csv = "Leefgebied;Aantal\nWmo;1.012\nJeugd;291\nParticipatiewet;92\nOverig;153\n"
    views, problems = compute_tables(tmp_path, SHARES, {"hulpvragen.csv": csv})
    assert messages(problems) == []
    assert texts(views["hulpvragen"]) == [
        ["Wmo", "1.012", "65%"],
        ["Jeugd", "291", "19%"],
        ["Participatiewet", "92", "6%"],
        ["Overig", "153", "10%"],
        ["Totaal", "1.548", "100%"],
    ]
    assert abs(views["hulpvragen"].rows[0].cells[2].value - 1012 / 1548) < 1e-12


def test_shares_skip_missing_and_reject_negative(tmp_path) -> None:
    csv = "Leefgebied;Aantal\nWmo;30\nJeugd;n.v.t.\nOverig;10\n"
    views, problems = compute_tables(tmp_path, SHARES, {"hulpvragen.csv": csv})
    assert texts(views["hulpvragen"]) == [["Wmo", "30", "75%"], ["Jeugd", "–", "–"], ["Overig", "10", "25%"], ["Totaal", "40", "100%"]]
    csv = "Leefgebied;Aantal\nWmo;30\nJeugd;-5\n"
    _, problems = compute_tables(tmp_path, SHARES, {"hulpvragen.csv": csv})
    assert messages(problems) == [
        "data/hulpvragen.csv:3: fout: kolom `Aantal`: `Jeugd` is negatief; een aandeel van een totaal kan alleen van positieve getallen",
    ]


SHARES_GIVEN = """
tabellen:
  - id: hulpvragen
    titel: Hulpvragen naar leefgebied
    soort: aandelen
    bestand: hulpvragen.csv
    eenheid: percentage
    kolommen: {omschrijving: Leefgebied, waarde: Aandeel}
"""


def test_report_002_shares_as_published_are_shown_as_given(tmp_path) -> None:
    # Report 002's "eerste beeld soort hulpvragen": 66% / 19% / 6% / 10%, adding up to 101.
    # Shown as given (never recomputed: from counts 66 becomes 65), with a note on the 101.
    csv = "Leefgebied;Aandeel\nWmo;66%\nJeugd;19%\nPwet;6%\nOverig;10%\n"
    views, problems = compute_tables(tmp_path, SHARES_GIVEN, {"hulpvragen.csv": csv})
    assert messages(problems) == []
    view = views["hulpvragen"]
    assert [c.header for c in view.columns] == ["Leefgebied", "Aandeel"]
    assert texts(view) == [["Wmo", "66%"], ["Jeugd", "19%"], ["Pwet", "6%"], ["Overig", "10%"], ["Totaal", "101%"]]
    assert view.notes == ["De aandelen staan er zoals de bron ze geeft.",
                          "Door afronding tellen de aandelen op tot 101% in plaats van 100%."]
    csv = "Leefgebied;Aandeel\nWmo;66\nJeugd;19\nPwet;5\nOverig;10\n"
    views, problems = compute_tables(tmp_path, SHARES_GIVEN, {"hulpvragen.csv": csv})
    assert messages(problems) == [] and len(views["hulpvragen"].notes) == 1  # 100: no rounding note


def test_given_shares_far_from_100_are_an_error(tmp_path) -> None:
    csv = "Leefgebied;Aandeel\nWmo;66\nJeugd;29\nPwet;6\nOverig;10\n"
    views, problems = compute_tables(tmp_path, SHARES_GIVEN, {"hulpvragen.csv": csv})
    assert views == {}
    assert messages(problems) == [
        "data/hulpvragen.csv:1: fout: de aandelen in kolom `Aandeel` tellen op tot 111%; dat is meer dan afronding "
        "van 4 percentages kan verklaren\n"
        "    tip: controleer de percentages; zijn het geen aandelen van één geheel, kies dan `soort: kwartalen` of `tekst`",
    ]


CROSS = """
tabellen:
  - id: afschalen
    titel: Succesvol afschalen naar wet en omvang aanbieder
    soort: kruistabel
    bestand: survey.csv
    rijen: [Wet, Omvang]
    kolom: Antwoord
    waarde: Aantal
    kolomvolgorde: [Ja, Nee, Soms]
"""


def test_cross_table_with_grand_totals(tmp_path) -> None:
    # Report 003 "Som van Aantal": part of it, with a combination nobody answered.
    csv = """
    Wet;Omvang;Antwoord;Aantal
    Jeugd;Klein;Ja;8
    Jeugd;Klein;Soms;12
    Jeugd;Middel;Ja;8
    Jeugd;Middel;Nee;2
    Jeugd;Middel;Soms;5
    Wmo;Klein;Ja;1
    Wmo;Klein;Nee;3
    Wmo;Klein;Soms;5
    Wmo;Klein;Soms;0
    """
    views, problems = compute_tables(tmp_path, CROSS, {"survey.csv": csv})
    assert messages(problems) == []
    view = views["afschalen"]
    assert [c.header for c in view.columns] == ["Wet", "Omvang", "Ja", "Nee", "Soms", "Totaal"]
    assert [c.row_header for c in view.columns] == [True, True, False, False, False, False]
    assert texts(view) == [
        ["Jeugd", "Klein", "8", "–", "12", "20"],
        ["Jeugd", "Middel", "8", "2", "5", "15"],
        ["Wmo", "Klein", "1", "3", "5", "9"],
        ["Totaal", "", "17", "5", "22", "44"],
    ]


def test_cross_table_counts_rows_without_a_value_column(tmp_path) -> None:
    yml = """
    tabellen:
      - id: klachten-per-wet
        titel: Klachten naar wet en status
        soort: kruistabel
        bestand: klachten.csv
        rijen: Wet
        kolom: Status
        kolomvolgorde: [Afgehandeld, Deels afgehandeld, Lopend]
    """
    csv = "Wet;Status\nWmo;Afgehandeld\nJeugdwet;Lopend\nWmo;Lopend\n"
    views, problems = compute_tables(tmp_path, yml, {"klachten.csv": csv})
    assert messages(problems) == []
    assert texts(views["klachten-per-wet"]) == [
        ["Wmo", "1", "0", "1", "2"],
        ["Jeugdwet", "0", "0", "1", "1"],
        ["Totaal", "1", "0", "2", "3"],
    ]
    _, problems = compute_tables(tmp_path, yml.replace("Lopend]", "Lopnd]"), {"klachten.csv": csv})
    assert messages(problems) == [
        "content/edities/2023-Q2/tabellen.yml:8: fout: `Lopnd` komt niet voor in kolom `Status`\n    tip: bedoelt u `Lopend`?",
    ]


def test_text_table(tmp_path) -> None:
    yml = """
    tabellen:
      - id: klachten
        titel: Klachten
        soort: tekst
        bestand: klachten.csv
        kolommen: [categorie, omschrijving, status]
    """
    csv = 'Wet,Categorie,Omschrijving,Status\nWmo,Communicatie,"Wachttijd leerlingenvervoer, communicatie",Afgehandeld\n'
    views, problems = compute_tables(tmp_path, yml, {"klachten.csv": csv})
    assert messages(problems) == []
    view = views["klachten"]
    assert [c.header for c in view.columns] == ["Categorie", "Omschrijving", "Status"]
    assert [c.numeric for c in view.columns] == [False, False, False]
    assert texts(view) == [["Communicatie", "Wachttijd leerlingenvervoer, communicatie", "Afgehandeld"]]


def test_table_definition_errors_name_the_yaml_line(tmp_path) -> None:
    yml = """
    tabellen:
      - id: a
        titel: A
        soort: begrotingen
        bestand: a.csv
      - id: b
        titel: B
        soort: tekst
        bestand: b.xls
        kleur: blauw
      - id: c
        titel: C
        soort: tekst
        bestand: c.csv
        blad: Blad1
    """
    _, problems = compute_tables(tmp_path, yml, {"c.csv": "a\nb\n"})
    assert messages(problems) == [
        "content/edities/2023-Q2/tabellen.yml:4: fout: `begrotingen` is geen geldige waarde voor `soort`; kies uit: "
        "begroting, kwartalen, aandelen, kruistabel, tekst, standen\n    tip: bedoelt u `begroting`?",
        "content/edities/2023-Q2/tabellen.yml:10: fout: onbekende sleutel `kleur`\n"
        "    tip: toegestane sleutels: `id`, `soort`, `titel`, `bestand`, `blad`, `bereik`, `bron`, `decimalen`, "
        "`decimalen_procent`, `grafiek`, `kolommen`",
        "content/edities/2023-Q2/tabellen.yml:15: fout: `blad` geldt alleen voor XLSX-bestanden\n"
        "    tip: laat deze sleutel weg bij een CSV-bestand",
    ]


STOCK = """
tabellen:
  - id: pga
    titel: Aantal inwoners met PGA
    soort: standen
    bestand: pga.csv
    kolommen: {omschrijving: Categorie}
"""


def test_report_004_stock_per_moment_has_no_year_sum(tmp_path) -> None:
    # Report 004: "Aantal inwoners met PGA", Q1 2020 / Ultimo 2020 / Q1 2021, Totaal 49 71 58.
    csv = "Categorie;Q1 2020;Ultimo 2020;Q1 2021\n18 min;8;10;11\n18-23;7;7;11\n23 plus;34;54;36\n"
    views, problems = compute_tables(tmp_path, STOCK, {"pga.csv": csv})
    assert messages(problems) == []
    view = views["pga"]
    assert [c.header for c in view.columns] == ["Categorie", "Q1 2020", "Ultimo 2020", "Q1 2021"]  # no year total
    assert texts(view) == [["18 min", "8", "10", "11"], ["18-23", "7", "7", "11"], ["23 plus", "34", "54", "36"],
                           ["Totaal", "49", "71", "58"]]
    assert view.rows[-1].kind == "totaal"
    from generator.charts.tables import table_chart_problem
    assert table_chart_problem(view) is None  # its default chart can be drawn


def test_stock_total_is_checked_and_moments_can_be_chosen(tmp_path) -> None:
    csv = ("Categorie;Soort;Q1 2020;Ultimo 2020;Q1 2021\n18 min;;8;10;11\n18-23;;7;7;11\n23 plus;;34;54;36\n"
           "Totaal;totaal;49;72;58\n")
    views, problems = compute_tables(tmp_path, STOCK, {"pga.csv": csv})
    assert views == {}
    assert messages(problems) == [
        "data/pga.csv:5: fout: kolom `Ultimo 2020`: totaal `Totaal` is 72, maar alle regels erboven tellen op tot 71\n"
        "    tip: controleer de regels, of laat de cel leeg: dan rekent rapportage het totaal zelf uit",
    ]
    yml = STOCK + "    momenten: [Ultimo 2020, Q1 2020]\n    totaalregel: nee\n"
    views, problems = compute_tables(tmp_path, yml, {"pga.csv": csv.replace("72", "71")})
    assert messages(problems) == []
    assert texts(views["pga"])[-1] == ["Totaal", "71", "49"]  # the file's total row, moments in the chosen order


COUNT_SHARES = """
tabellen:
  - id: voorzieningen
    titel: Voorzieningen gemeente
    soort: kwartalen
    bestand: voorzieningen.csv
    jaar: 2020
    aandeel_per_jaar: ja
    kolommen: {omschrijving: Voorzieningen, totaal: 2020 Totaal, soort: Soort}
"""


def test_report_004_share_column_in_a_count_table(tmp_path) -> None:
    # Report 004, "Aandeel Gemeente": Licht / Middel / Zwaar per quarter, 2020 Totaal 571 / 592 / 498
    # of 1.661, with each year's share 34% / 36% / 30% / 100%.
    csv = ("Voorzieningen;Soort;Q1;Q2;Q3;Q4;2020 Totaal\nLicht;;257;93;136;85;571\nMiddel;;194;146;142;110;592\n"
           "Zwaar;;153;126;123;96;498\nTotaal;totaal;604;365;401;291;1.661\n")
    views, problems = compute_tables(tmp_path, COUNT_SHARES, {"voorzieningen.csv": csv})
    assert messages(problems) == []
    view = views["voorzieningen"]
    assert [c.header for c in view.columns][-2:] == ["Totaal 2020", "Aandeel"]
    assert [r[-2:] for r in texts(view)] == [["571", "34%"], ["592", "36%"], ["498", "30%"], ["1.661", "100%"]]
    from generator.charts.tables import table_spec
    assert {row.x for row in table_spec(view).rows} == {"q1", "q2", "q3", "q4"}  # the share is not drawn


WINDOW = """
tabellen:
  - id: klachten-per-aanbieder
    titel: Klachten per aanbieder
    soort: kwartalen
    bestand: klachten.csv
    laatste_kwartalen: 4
    kolommen:
      omschrijving: Aanbieder
"""


def test_last_four_quarters_up_to_the_edition(tmp_path) -> None:
    # Report 000 (edition 2023-Q1): complaints per provider, 2022-2 ... 2023-1. The file also
    # holds Q1 2022, which is outside the window and not shown (no padding to whole years).
    csv = """
    Aanbieder;2022-Q1;2022-Q2;2022-Q3;2022-Q4;2023-Q1
    Incluzio;1;0;0;0;3
    GGZ NHN;0;0;0;0;0
    Landzijde;;0;0;0;
    """
    views, problems = compute_tables(tmp_path, WINDOW, {"klachten.csv": csv}, period="2023-Q1")
    assert messages(problems) == []
    view = views["klachten-per-aanbieder"]
    assert [c.header for c in view.columns] == [
        "Aanbieder", "Q2 2022", "Q3 2022", "Q4 2022", "Q1 2023", "Totaal laatste 4 kwartalen"]
    assert texts(view) == [
        ["Incluzio", "0", "0", "0", "3", "3"],
        ["GGZ NHN", "0", "0", "0", "0", "0"],
        ["Landzijde", "0", "0", "0", "–", "0"],  # Q1 2023 not given: no figure, not 0
    ]
    assert view.notes == ["De laatste 4 kwartalen: Q2 2022 tot en met Q1 2023. Het totaal telt deze kwartalen op."]


def test_window_of_a_half_year_edition_and_its_errors(tmp_path) -> None:
    csv = "Aanbieder;2022-Q4;2023-Q1;2023-Q2;2023-Q3\nIncluzio;1;2;3;\n"
    yml = WINDOW.replace("laatste_kwartalen: 4", "laatste_kwartalen: 3")
    views, problems = compute_tables(tmp_path, yml, {"klachten.csv": csv}, period="2023-H1")
    assert messages(problems) == []
    assert texts(views["klachten-per-aanbieder"]) == [["Incluzio", "1", "2", "3", "6"]]
    # a figure after the edition is still an error, and a year total does not fit the window
    _, problems = compute_tables(tmp_path, yml, {"klachten.csv": csv.replace(";\n", ";4\n")}, period="2023-H1")
    assert [m.split("\n")[0] for m in messages(problems)] == [
        "data/klachten.csv:2: fout: kolom `2023-Q3`: cijfer voor Q3 2023, maar deze editie gaat over 1e halfjaar 2023"]
    _, problems = compute_tables(tmp_path, yml, {"klachten.csv": csv.replace("2023-Q3", "2023")}, period="2023-H1")
    assert [m.split("\n")[0] for m in messages(problems)] == [
        "data/klachten.csv:1: fout: kolom `2023` is een jaartotaal, maar deze tabel toont de laatste 3 kwartalen"]
    _, problems = compute_tables(tmp_path, yml + "    aandeel_per_jaar: ja\n", {"klachten.csv": csv}, period="2023-H1")
    assert [m.split("\n")[0] for m in messages(problems)] == [
        "content/edities/2023-H1/tabellen.yml:9: fout: `aandeel_per_jaar` gaat niet samen met `laatste_kwartalen`"]


def test_report_000_complaints_per_provider_as_written(tmp_path) -> None:
    # Report 000 (edition 2023-Q1), "Aanbieder 2022-2 2022-3 2022-4 2023-1", all eleven rows as
    # the seed writes them: ten providers give three figures (2022-2 ... 2022-4) and leave
    # 2023-1 empty, Incluzio gives four ("0 0 0 3"). No Q1 2022, no "Totaal 2022". Headings
    # as written: "2022-2" is the second quarter of 2022.
    three = {"Axxicom": "3;2;3", "GGZ NHN": "0;0;0", "Grip op Groei": "0;0;0", "Heemz.org": "0;0;0",
             "Landzijde": "0;0;0", "Opvoedpoli B.V.": "0;0;0", "‘s Heeren Loo Zorggroep": "0;0;0",
             "Stichting Esdégé Reigersdaal": "0;0;0", "Stichting Parlan": "0;0;0", "Zorggroep Omring (Jeugdzorg)": "0;0;0"}
    csv = "Aanbieder;2022-2;2022-3;2022-4;2023-1\n" + "".join(f"{name};{figures};\n" for name, figures in three.items())
    csv += "Incluzio;0;0;0;3\n"
    views, problems = compute_tables(tmp_path, WINDOW, {"klachten.csv": csv}, period="2023-Q1")
    assert messages(problems) == []
    view = views["klachten-per-aanbieder"]
    assert [c.header for c in view.columns] == [
        "Aanbieder", "Q2 2022", "Q3 2022", "Q4 2022", "Q1 2023", "Totaal laatste 4 kwartalen"]
    rows = {r[0]: r[1:] for r in texts(view)}
    assert len(rows) == 11
    assert rows["Axxicom"] == ["3", "2", "3", "–", "8"]  # Q1 2023 not given: no figure, the total of the three there are
    assert rows["Incluzio"] == ["0", "0", "0", "3", "3"]
    assert rows["‘s Heeren Loo Zorggroep"] == ["0", "0", "0", "–", "0"]
