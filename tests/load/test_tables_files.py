"""Data as municipalities have it: CSV dialects and encodings, XLSX sheets and ranges."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

from tables_util import compute_tables, messages, texts

BUDGET = """
tabellen:
  - id: t
    titel: T
    soort: begroting
    bestand: {file}
    eenheid: euro
    decimalen: {decimals}
"""

EXPECTED = [
    ["Jeugdhulp", "€ 1.234,50", "€ 1.000,25", "€ 234,25", "V", "19%"],
    ["Eigen bijdrage cliënten", "-€ 83,00", "-€ 98,00", "€ 15,00", "V", "18%"],
    ["Totaal", "€ 1.151,50", "€ 902,25", "€ 249,25", "V", "22%"],
]


@pytest.mark.parametrize("name,content", [
    ("semicolon-bom.csv", b"\xef\xbb\xbfomschrijving;begroting;prognose\r\nJeugdhulp;1.234,50;1.000,25\r\n"
                          b"Eigen bijdrage cli\xc3\xabnten;-83;-98\r\n"),
    ("semicolon-utf8.csv", "omschrijving;begroting;prognose\nJeugdhulp;€ 1.234,50;€ 1.000,25\nEigen bijdrage cliënten;€ -83,00;-€ 98\n"),
    ("comma.csv", 'omschrijving,begroting,prognose\nJeugdhulp,"1.234,50","1.000,25"\n"Eigen bijdrage cliënten",-83,-98\n'),
    ("comma-point.csv", "omschrijving,begroting,prognose\nJeugdhulp,1234.50,1000.25\nEigen bijdrage cliënten,-83,-98\n"),
    ("windows-1252.csv", "omschrijving;begroting;prognose\r\nJeugdhulp;€ 1.234,50;€ 1.000,25\r\nEigen bijdrage cliënten;-83;-98\r\n".encode("cp1252")),
    ("tab.csv", "omschrijving\tbegroting\tprognose\nJeugdhulp\t1.234,50\t1.000,25\nEigen bijdrage cliënten\t-83\t-98\n"),
])
def test_every_csv_dialect_gives_the_same_table(tmp_path, name: str, content) -> None:
    views, problems = compute_tables(tmp_path, BUDGET.format(file=name, decimals=2), {name: content})
    assert messages(problems) == []
    assert texts(views["t"]) == EXPECTED


def test_missing_markers_are_no_figure_and_text_is_an_error_with_row_and_column(tmp_path) -> None:
    csv = "omschrijving;begroting;prognose\nA;n.v.t.;-\nB;;10\nC;12;twaalf\nD;1,2,3;4\n"
    views, problems = compute_tables(tmp_path, BUDGET.format(file="t.csv", decimals=0), {"t.csv": csv})
    assert views == {}
    assert [p.format() for p in problems if p.severity == "fout"] == [
        "data/t.csv:4: fout: kolom `prognose`: `twaalf` is geen getal\n"
        "    tip: schrijf een getal (1.234,5 of 1234.5), of laat de cel leeg / n.v.t. / - als er geen cijfer is",
        "data/t.csv:5: fout: kolom `begroting`: `1,2,3` is geen getal\n"
        "    tip: schrijf een getal (1.234,5 of 1234.5), of laat de cel leeg / n.v.t. / - als er geen cijfer is",
    ]


def _workbook(path, percent: bool = False) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Begroting"
    ws["A1"] = "Financieel overzicht Q2 2023"
    ws.append([])
    ws.append([None, "Post", "Begroting 2023", "Prognose 2023"])  # B3
    ws.append([None, "Jeugdhulp", 1234.5, 1000.25])
    ws.append([None, "Eigen bijdrage cliënten", -83, "-98,00"])  # text with a decimal comma
    ws.append([None, "Voetnoot: bedragen in euro", None, None])
    wb.create_sheet("Toelichting")["A1"] = "Zie de notitie."
    wb.defined_names["Overzicht"] = DefinedName("Overzicht", attr_text="Begroting!$B$3:$D$5")
    ws2 = wb.create_sheet("Tijdigheid")
    ws2.append(["omschrijving", "Q1", "Q2", "Q3", "Q4"])
    ws2.append(["Binnen de termijn", 0.94, 0.955, None, None])
    if percent:
        for cell in ws2[2][1:]:
            cell.number_format = "0%"
    wb.save(path)


def test_xlsx_sheet_and_range(tmp_path) -> None:
    _workbook(tmp_path / "w.xlsx")
    yml = """
    tabellen:
      - id: t
        titel: T
        soort: begroting
        bestand: fin.xlsx
        blad: Begroting
        bereik: B3:D5
        decimalen: 2
        kolommen: {omschrijving: Post, begroting: Begroting 2023, prognose: Prognose 2023}
      - id: via-naam
        titel: T
        soort: begroting
        bestand: fin.xlsx
        bereik: Overzicht
        decimalen: 2
        kolommen: {omschrijving: Post, begroting: Begroting 2023, prognose: Prognose 2023}
    """
    views, problems = compute_tables(tmp_path, yml, {"fin.xlsx": (tmp_path / "w.xlsx").read_bytes()})
    assert messages(problems) == []
    assert texts(views["t"]) == EXPECTED
    assert texts(views["via-naam"]) == EXPECTED
    assert views["t"].columns[1].header == "Begroting 2023"


def test_xlsx_percent_cells_are_percentages(tmp_path) -> None:
    _workbook(tmp_path / "w.xlsx", percent=True)
    yml = """
    tabellen:
      - id: tijdig
        titel: Tijdig afgehandeld
        soort: kwartalen
        eenheid: percentage
        decimalen: 1
        bestand: fin.xlsx
        blad: Tijdigheid
    """
    views, problems = compute_tables(tmp_path, yml, {"fin.xlsx": (tmp_path / "w.xlsx").read_bytes()})
    assert messages(problems) == []
    assert texts(views["tijdig"]) == [["Binnen de termijn", "94,0%", "95,5%", "", "", "–"]]


def test_xlsx_problems_name_sheet_and_cell(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Begroting"
    ws.append(["omschrijving", "begroting", "prognose"])
    ws.append(["Jeugdhulp", 100, "honderd"])
    ws.append(["Wmo", True, 3])
    wb.save(tmp_path / "w.xlsx")
    yml = BUDGET.format(file="fin.xlsx", decimals=0)
    _, problems = compute_tables(tmp_path, yml, {"fin.xlsx": (tmp_path / "w.xlsx").read_bytes()})
    assert messages(problems) == [
        "data/fin.xlsx: fout: blad `Begroting`, cel C2: `honderd` is geen getal\n"
        "    tip: schrijf een getal (1.234,5 of 1234.5), of laat de cel leeg / n.v.t. / - als er geen cijfer is",
        "data/fin.xlsx: fout: blad `Begroting`, cel B3: `ja` is geen getal\n"
        "    tip: schrijf een getal (1.234,5 of 1234.5), of laat de cel leeg / n.v.t. / - als er geen cijfer is",
    ]


def test_xlsx_wrong_sheet_range_and_file(tmp_path) -> None:
    _workbook(tmp_path / "w.xlsx")
    yml = """
    tabellen:
      - id: a
        titel: A
        soort: tekst
        bestand: fin.xlsx
        blad: Begrooting
      - id: b
        titel: B
        soort: tekst
        bestand: fin.xlsx
        blad: Begroting
        bereik: B3:Q
      - id: c
        titel: C
        soort: tekst
        bestand: fin.xlsx
      - id: d
        titel: D
        soort: tekst
        bestand: kapot.xlsx
      - id: e
        titel: E
        soort: tekst
        bestand: bestaat-niet.xlsx
    """
    files = {"fin.xlsx": (tmp_path / "w.xlsx").read_bytes(), "kapot.xlsx": b"dit is geen werkmap"}
    _, problems = compute_tables(tmp_path, yml, files)
    assert messages(problems) == [
        "content/edities/2023-Q2/tabellen.yml:6: fout: blad `Begrooting` bestaat niet in data/fin.xlsx\n"
        "    tip: bedoelt u `Begroting`?",
        "content/edities/2023-Q2/tabellen.yml:11: fout: `B3:Q` is geen geldig bereik\n"
        "    tip: schrijf een bereik als A1:D12, of de naam van een benoemd bereik in de werkmap",
        "content/edities/2023-Q2/tabellen.yml:13: fout: data/fin.xlsx heeft meerdere bladen; zeg met `blad` welk blad "
        "de tabel bevat\n    tip: bladen: `Begroting`, `Toelichting`, `Tijdigheid`",
        "data/kapot.xlsx: fout: bestand kan niet als Excel-werkmap (.xlsx) gelezen worden (BadZipFile)\n"
        "    tip: sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'; het oude .xls-formaat wordt niet gelezen",
        "content/edities/2023-Q2/tabellen.yml:24: fout: gegevensbestand `data/bestaat-niet.xlsx` bestaat niet",
    ]


def test_duplicate_column_names_are_an_error(tmp_path) -> None:
    csv = "omschrijving;Q1;Q1\nKlachten;3;4\n"
    yml = "tabellen:\n  - {id: t, titel: T, soort: kwartalen, bestand: t.csv}\n"
    _, problems = compute_tables(tmp_path, yml, {"t.csv": csv})
    assert messages(problems) == [
        "data/t.csv:1: fout: kolom `Q1` komt twee keer voor\n    tip: geef elke kolom een eigen naam",
    ]
