"""The validator's messages, asserted exactly: file:line, Dutch text, hint."""

from __future__ import annotations

import re
from pathlib import Path


from generator.cli import main


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((project / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def check(project: Path, capsys) -> tuple[int, str]:
    code = main(["check", "--project", str(project)])
    captured = capsys.readouterr()
    return code, captured.err


IND = "content/indicatoren.yml"
CSV = "data/indicatoren.csv"


def test_unknown_key_suggests_the_right_one(example_project, capsys):
    edit(example_project, IND, "    streefwaarde:\n      2022: \">= 80\"", "    streefwaare:\n      2022: \">= 80\"")
    line = line_of(example_project, IND, "streefwaare:")
    code, err = check(example_project, capsys)
    assert code == 1
    assert f"{IND}:{line}: fout: onbekende sleutel `streefwaare`\n    tip: bedoelt u `streefwaarde`?" in err
    assert "Traceback" not in err
    assert "1 fout gevonden." in err


def test_duplicate_key(example_project, capsys):
    rel = "content/edities/2023-Q1/editie.yml"
    edit(example_project, rel, "status: gepubliceerd\n", "status: gepubliceerd\nstatus: concept\n")
    code, err = check(example_project, capsys)
    assert code == 1
    assert f"{rel}:4: fout: sleutel `status` komt twee keer voor\n    tip: verwijder of hernoem een van beide" in err


def test_wrong_types_and_choices(example_project, capsys):
    edit(example_project, IND, "    tolerantie: 5\n", "    tolerantie: veel\n")
    edit(example_project, IND, "eenheid: percentage", "eenheid: procent")
    edit(example_project, IND, "richting: hoger is beter", "richting: omhoog")
    tol = line_of(example_project, IND, "tolerantie: veel")
    unit = line_of(example_project, IND, "eenheid: procent")
    direction = line_of(example_project, IND, "richting: omhoog")
    code, err = check(example_project, capsys)
    assert code == 1
    assert f"{IND}:{tol}: fout: `tolerantie` moet een getal zijn, niet `veel`" in err
    assert (
        f"{IND}:{unit}: fout: `procent` is geen geldige waarde voor `eenheid`; kies uit: percentage, euro, "
        "aantal, dagen, weken, maanden, rapportcijfer, uren, minuten"
    ) in err
    assert f"{IND}:{direction}: fout: `omhoog` is geen geldige waarde voor `richting`; kies uit: hoger is beter, lager is beter" in err
    assert "3 fouten gevonden." in err


def test_all_errors_reported_together_across_files(example_project, capsys):
    edit(example_project, IND, "doelstelling: 5", "doelstelling: 7")
    edit(example_project, CSV, "eigen-regie;Jeugd;2022-Q2;81", "eigen-regi;Jeugd;2022-Q2;81")
    edit(example_project, CSV, "eigen-regie;Jeugd;2022-Q3;79", "eigen-regie;Jeugd;2022-Q3;79 procent")
    edit(example_project, CSV, "eigen-regie;Jeugd;2022-Q4;80", "eigen-regie;Jeugd;2022-Q5;80")
    (example_project / "content/edities/2023-Q3/indicatoren/wachttijd.yml").write_text("toelichting: x\n", encoding="utf-8")
    goal = line_of(example_project, IND, "doelstelling: 7")
    code, err = check(example_project, capsys)
    assert code == 1
    expected = [
        f"{IND}:{goal}: fout: doelstelling 7 bestaat niet\n    tip: bestaande doelstellingen: 1, 2, 3, 4, 5",
        f"{CSV}:3: fout: onbekende indicator `eigen-regi`\n    tip: bedoelt u `eigen-regie`?",
        f"{CSV}:4: fout: `79 procent` in kolom `waarde` is geen getal\n"
        "    tip: schrijf een getal (7,3 of 1.800), of laat de cel leeg / n.v.t. als er geen cijfer is",
        f"{CSV}:5: fout: `2022-Q5` is geen geldige periode; schrijf bijvoorbeeld 2023-Q1, 2024-H1, 2023, 2023-10 of 2019-10..2020-03",
        "content/edities/2023-Q3/indicatoren/wachttijd.yml:1: fout: toelichting voor indicator `wachttijd`, "
        "maar die indicator bestaat niet\n    tip: bedoelt u `wachttijden`?",
    ]
    for message in expected:
        assert message in err
    assert err.endswith("\n5 fouten gevonden.\n")  # check builds nothing, so says nothing about the site


def test_unknown_series_and_duplicate_rows(example_project, capsys):
    csv = example_project / CSV
    csv.write_text(
        csv.read_text(encoding="utf-8") + "eigen-regie;Jeud;2021-Q4;70\neigen-regie;Wmo;2022-Q1;85\n", encoding="utf-8"
    )
    total = len(csv.read_text(encoding="utf-8").splitlines())
    first = line_of(example_project, CSV, "eigen-regie;Wmo;2022-Q1;")
    code, err = check(example_project, capsys)
    assert code == 1
    assert f"{CSV}:{total - 1}: fout: reeks `Jeud` bestaat niet bij indicator `eigen-regie`\n    tip: bedoelt u `Jeugd`?" in err
    assert f"{CSV}:{total}: fout: dubbele regel voor `eigen-regie` / Wmo in 2022-Q1\n    tip: eerder al op {CSV}:{first}" in err


def test_status_override_needs_reason_and_known_series(example_project, capsys):
    rel = "content/edities/2023-Q2/indicatoren/doorstroom.yml"
    path = example_project / rel
    path.write_text(
        path.read_text(encoding="utf-8")
        + "handmatige_status:\n  - reeks: Wijkteam\n    status: paars\n  - reeks: Ingekochte zorg\n    status: groen\n",
        encoding="utf-8",
    )
    base = line_of(example_project, rel, "handmatige_status:")
    code, err = check(example_project, capsys)
    assert code == 1
    assert f"{rel}:{base + 2}: fout: `paars` is geen geldige waarde voor `status`; kies uit: groen, oranje, rood" in err
    assert f"{rel}:{base + 3}: fout: verplichte sleutel `reden` ontbreekt" in err


def test_yaml_syntax_error_names_the_line(example_project, capsys):
    rel = "content/edities/2023-Q3/indicatoren/doelbereik.yml"
    (example_project / rel).write_text("toelichting: Het doel: 80% halen\naandacht: |\n  Meer registraties\n", encoding="utf-8")
    code, err = check(example_project, capsys)
    assert code == 1
    assert re.search(rf"{re.escape(rel)}:1: fout: YAML kan niet gelezen worden: een dubbele punt staat op een plek waar die niet mag", err)


def test_missing_file_and_period_folder(example_project, capsys):
    (example_project / "content/doelstellingen.yml").unlink()
    (example_project / "content/edities/2023-K4").mkdir()
    code, err = check(example_project, capsys)
    assert code == 1
    # No goals file means no goals (issue 14: a report of measures only needs none), so
    # each indicator's goal is what is missing, said at the indicator's line.
    assert re.search(r"content/indicatoren\.yml:\d+: fout: doelstelling 1 bestaat niet", err)
    assert "tip: er zijn geen doelstellingen: zet doelstelling 1 in content/doelstellingen.yml" in err
    assert "content/edities/2023-K4: fout: mapnaam: `2023-K4` is geen geldige periode" in err


def test_valid_example_has_no_problems(example_project, capsys):
    code = main(["check", "--project", str(example_project)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Geen fouten gevonden. 14 indicatoren, 3 edities" in out
