"""Cross tables that aggregate by mean or weighted mean (issue 16 point 5, report 003)."""

from __future__ import annotations

from tables_util import compute_tables, messages, texts

GRADES = """
tabellen:
  - id: tevredenheid
    titel: Gemiddelde van Tevredenheid
    soort: kruistabel
    bestand: tevredenheid.csv
    rijen: Wet
    kolom: Omvang
    waarde: Tevredenheid
    aggregatie: gemiddelde
    totaal_label: Eindtotaal
    decimalen: 2
"""

# Report 003, "Wet Omvang Gemiddelde van Tevredenheid": the cell means as the report gives them.
CELLS = """
Wet;Omvang;Tevredenheid;Respondenten
Jeugd;Klein;7,95;20
Jeugd;Middel;7,42;15
Jeugd;Groot;7,30;13
Wmo;Klein;7,10;9
Wmo;Middel;6,14;8
Wmo;Groot;7,36;11
Beide;Klein;7,75;4
Beide;Middel;6,62;8
Beide;Groot;7,66;7
"""


def test_mean_cross_table_with_the_total_label_as_written(tmp_path) -> None:
    views, problems = compute_tables(tmp_path, GRADES, {"tevredenheid.csv": CELLS})
    assert messages(problems) == []
    view = views["tevredenheid"]
    assert [c.header for c in view.columns] == ["Wet", "Klein", "Middel", "Groot", "Eindtotaal"]
    rows = texts(view)
    assert rows[0] == ["Jeugd", "7,95", "7,42", "7,30", "7,56"]  # (7,95 + 7,42 + 7,30) / 3
    # a mean, not the sum the table showed before (22,67 ... 65,30): 65,30 / 9 = 7,26
    assert rows[-1] == ["Eindtotaal", "7,60", "6,73", "7,44", "7,26"]
    assert "gemiddelde" in view.notes[0]


def test_respondent_rows_give_the_reports_eindtotaal(tmp_path) -> None:
    # One row per respondent: the total is the mean over all respondents, not of the cells.
    # Report 003's 7,30 comes from its respondents, whom it does not list; these three
    # respondents per cell are made up so the cells are the report's Jeugd means.
    csv = "Wet;Omvang;Tevredenheid\n" + "".join(
        f"Jeugd;{size};{grade}\n" for size, grades in (("Klein", (8, 8, 8)), ("Groot", (7, 7, 7.3)))
        for grade in grades) + "Wmo;Klein;6\n"
    views, problems = compute_tables(tmp_path, GRADES, {"tevredenheid.csv": csv})
    assert messages(problems) == []
    assert texts(views["tevredenheid"]) == [
        ["Jeugd", "8,00", "7,10", "7,55"],
        ["Wmo", "6,00", "–", "6,00"],  # no Wmo Groot respondent: no figure (a dash), not 0
        ["Eindtotaal", "7,50", "7,10", "7,33"],  # (24 + 21,3 + 6) / 7
    ]


def test_weighted_mean_uses_the_weight_column(tmp_path) -> None:
    # The cell means weighted by report 003's respondents per Wet x Omvang (its table
    # "Som van Aantal Succesvol afschalen", without the skipped answers): 696,76 / 95.
    yml = GRADES.replace("aggregatie: gemiddelde", "aggregatie: gewogen_gemiddelde\n    gewicht: Respondenten")
    views, problems = compute_tables(tmp_path, yml, {"tevredenheid.csv": CELLS})
    assert messages(problems) == []
    rows = texts(views["tevredenheid"])
    assert rows[0][-1] == "7,61"  # 365,2 / 48
    assert rows[-1][-1] == "7,33"
    assert views["tevredenheid"].notes[0].startswith("Elke cel is het gewogen gemiddelde van de regels in die combinatie (gewicht: respondenten);")


def test_not_applicable_is_not_counted_and_shown_as_such(tmp_path) -> None:
    # Report 003: grades per municipality; Bunnik and Utrechtse Heuvelrug have no Wmo grade.
    yml = """
    tabellen:
      - id: cijfers
        titel: Rapportcijfers per gemeente
        soort: kruistabel
        bestand: cijfers.csv
        rijen: Gemeente
        kolom: Wet
        waarde: Cijfer
        aggregatie: gemiddelde
        decimalen: 1
    """
    csv = """
    Gemeente;Wet;Cijfer
    Bunnik;Jeugdwet;7,4
    Bunnik;Wmo;n.v.t.
    Utrechtse Heuvelrug;Jeugdwet;7,5
    Utrechtse Heuvelrug;Wmo;n.v.t.
    Wijk bij Duurstede;Jeugdwet;7,3
    Wijk bij Duurstede;Wmo;8,2
    Zeist;Jeugdwet;7,7
    Zeist;Wmo;8,1
    """
    views, problems = compute_tables(tmp_path, yml, {"cijfers.csv": csv})
    assert messages(problems) == []
    view = views["cijfers"]
    assert texts(view)[0] == ["Bunnik", "7,4", "n.v.t.", "7,4"]
    assert view.rows[0].cells[2].value is None and view.rows[0].cells[2].title == "niet van toepassing"
    assert texts(view)[-1] == ["Totaal", "7,5", "8,2", "7,7"]  # Wmo: (8,2 + 8,1) / 2, n.v.t. not as 0
    assert any(n.startswith("n.v.t. = niet van toepassing") for n in view.notes)


def test_mean_errors_name_file_and_line(tmp_path) -> None:
    yml = GRADES.replace("aggregatie: gemiddelde", "aggregatie: gewogen_gemiddelde")
    _, problems = compute_tables(tmp_path, yml, {"tevredenheid.csv": CELLS})
    assert messages(problems) == [
        "content/edities/2023-Q2/tabellen.yml:9: fout: `aggregatie: gewogen_gemiddelde` heeft een kolom `gewicht` nodig\n"
        "    tip: noem met `gewicht:` de kolom met het gewicht van elke regel, of kies `aggregatie: gemiddelde`",
    ]
    yml = GRADES.replace("aggregatie: gemiddelde", "aggregatie: gewogen_gemiddelde\n    gewicht: Respondenten")
    _, problems = compute_tables(tmp_path, yml, {"tevredenheid.csv": CELLS.replace("Groot;7,30;13", "Groot;7,30;")})
    assert messages(problems) == [
        "data/tevredenheid.csv:4: fout: kolom `Respondenten`: gewicht ontbreekt of is negatief\n"
        "    tip: elk cijfer heeft een gewicht van 0 of meer (zoals het aantal respondenten)",
    ]
    _, problems = compute_tables(tmp_path, GRADES.replace("    waarde: Tevredenheid\n", ""), {"tevredenheid.csv": CELLS})
    assert [m.split("\n")[0] for m in messages(problems)] == [
        "content/edities/2023-Q2/tabellen.yml:8: fout: `aggregatie: gemiddelde` heeft een kolom `waarde` nodig",
    ]


def test_reports_som_van_aantal_gives_its_eindtotaal_and_weights_the_grades(tmp_path) -> None:
    # Report 003, "Som van Aantal Succesvol afschalen" (Wet x Omvang x Ja / Nee / Soms) as
    # written, with its "Overgeslage" (skipped) rows: the report's Eindtotaal is 29 8 60 97. The
    # seed's text drops empty cells; the full rows fix Nee at 8, so its two-figure rows are Ja and
    # Soms, and the Eindtotaal places the single figures (Overgeslagen: Ja, Wmo Middel: Soms).
    answers = {("Jeugd", "Klein"): (8, None, 12), ("Jeugd", "Middel"): (8, 2, 5), ("Jeugd", "Groot"): (3, 1, 9),
               ("Jeugd", "Overgeslagen"): (1, None, None), ("Wmo", "Klein"): (1, 3, 5), ("Wmo", "Middel"): (None, None, 8),
               ("Wmo", "Groot"): (3, None, 8), ("Wmo", "Overgeslagen"): (1, None, None), ("Beide", "Klein"): (1, None, 3),
               ("Beide", "Middel"): (1, 2, 5), ("Beide", "Groot"): (2, None, 5)}
    csv = "Wet;Omvang;Antwoord;Aantal\n" + "".join(
        f"{wet};{size};{answer};{n}\n" for (wet, size), counts in answers.items()
        for answer, n in zip(("Ja", "Nee", "Soms"), counts) if n is not None)
    yml = GRADES.replace("kolom: Omvang", "kolom: Antwoord").replace("rijen: Wet", "rijen: [Wet, Omvang]").replace(
        "waarde: Tevredenheid", "waarde: Aantal").replace("    aggregatie: gemiddelde\n", "").replace("decimalen: 2", "decimalen: 0\n    kolomvolgorde: [Ja, Nee, Soms]")
    views, problems = compute_tables(tmp_path, yml, {"tevredenheid.csv": csv})
    assert messages(problems) == []
    rows = texts(views["tevredenheid"])
    assert rows[0] == ["Jeugd", "Klein", "8", "–", "12", "20"]
    assert rows[-1] == ["Eindtotaal", "", "29", "8", "60", "97"]
    # The respondents per Wet x Omvang (the report's row totals, skipped ones left out) weigh the
    # report's cell means: a weighted mean per Wet, and one Eindtotaal over all nine cells.
    weights = {key: sum(n or 0 for n in counts) for key, counts in answers.items() if key[1] != "Overgeslagen"}
    grades = [line.split(";") for line in CELLS.strip().splitlines()[1:]]
    csv = "Wet;Omvang;Tevredenheid;Respondenten\n" + "".join(
        f"{wet};{size};{grade};{weights[(wet, size)]}\n" for wet, size, grade, _ in grades)
    yml = GRADES.replace("aggregatie: gemiddelde", "aggregatie: gewogen_gemiddelde\n    gewicht: Respondenten")
    views, problems = compute_tables(tmp_path, yml, {"tevredenheid.csv": csv})
    assert messages(problems) == []
    rows = texts(views["tevredenheid"])
    assert rows[0] == ["Jeugd", "7,95", "7,42", "7,30", "7,61"]  # (7,95 x 20 + 7,42 x 15 + 7,30 x 13) / 48
    # Klein (7,95 x 20 + 7,10 x 9 + 7,75 x 4) / 33 = 7,69; all: (7,95 x 20 + ... + 7,66 x 7) / 95
    # = 7,33. The report's Eindtotaal 7,30 is over its respondents' own grades, which it does not
    # list (nor how many answered the grade question), so from its cell means the seed allows 7,33.
    assert rows[-1] == ["Eindtotaal", "7,69", "6,88", "7,40", "7,33"]


def test_mean_over_two_row_columns_keeps_n_v_t_apart(tmp_path) -> None:
    yml = GRADES.replace("rijen: Wet", "rijen: [Wet, Gemeente]").replace("decimalen: 2", "decimalen: 1")
    csv = """
    Wet;Gemeente;Omvang;Tevredenheid
    Jeugd;Zeist;Klein;8
    Jeugd;Zeist;Klein;7
    Jeugd;Bunnik;Groot;n.v.t.
    Wmo;Zeist;Groot;6
    Wmo;Zeist;Klein;
    """
    views, problems = compute_tables(tmp_path, yml, {"tevredenheid.csv": csv})
    assert messages(problems) == []
    view = views["tevredenheid"]
    assert texts(view) == [
        ["Jeugd", "Zeist", "7,5", "–", "7,5"],  # no Jeugd Zeist Groot row: no figure
        ["Jeugd", "Bunnik", "–", "n.v.t.", "n.v.t."],
        ["Wmo", "Zeist", "–", "6,0", "6,0"],  # an empty grade: no figure, not 0
        ["Eindtotaal", "", "7,5", "6,0", "7,0"],  # (8 + 7 + 6) / 3; n.v.t. and the empty cell left out
    ]
    assert view.notes[-1] == "n.v.t. = niet van toepassing; telt niet mee in de gemiddelden."
