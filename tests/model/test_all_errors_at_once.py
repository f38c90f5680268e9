"""Issue 14 point 7: one `check` reports schema errors and table/reference errors together."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_schema_error_and_a_table_error_in_another_file_come_in_one_run(example_project: Path, capsys) -> None:
    q3 = example_project / "content/edities/2023-Q3"
    _replace(q3 / "indicatoren/eigen-regie.yml", "\naandacht: |", "\naandachtt: |")
    _replace(q3 / "tabellen.yml", "bestand: 2023-Q3/financiering-en-resultaat.csv", "bestand: 2023-Q3/bestaat-niet.csv")
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "content/edities/2023-Q3/indicatoren/eigen-regie.yml:7: fout: onbekende sleutel `aandachtt`" in err
    assert "content/edities/2023-Q3/tabellen.yml:21: fout: gegevensbestand `data/2023-Q3/bestaat-niet.csv` bestaat niet" in err
    assert "2 fouten gevonden." in err


def test_a_citation_error_comes_with_a_schema_error_of_another_file(example_project: Path, capsys) -> None:
    q3 = example_project / "content/edities/2023-Q3"
    _replace(q3 / "indicatoren/eigen-regie.yml", "\naandacht: |", "\naandachtt: |")
    _replace(q3 / "indicatoren/doelbereik.yml", "toelichting: |\n", "toelichting: |\n  {{ kpi(\"bestaat-niet\") }}\n")
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "content/edities/2023-Q3/indicatoren/eigen-regie.yml:7: fout: onbekende sleutel `aandachtt`" in err
    assert "content/edities/2023-Q3/indicatoren/doelbereik.yml:" in err and "bestaat-niet" in err
    assert "2 fouten gevonden." in err
