"""Issue 17 point 7: seed 004's letter to the council opens the edition; its annexes close it, numbered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.cli import main
from generator.cli.init_project import init_project

PERIOD = "2025-Q4"
LETTER = """---
titel: Aanbiedingsbrief
soort: brief
aanhef: Geachte raads- en commissieleden,
ondertekening:
  - naam: Het college van burgemeester en wethouders
    functie: de secretaris
---
Hierbij ontvangt u het raadsdashboard sociaal domein.
"""
ANNEX = """---
titel: {title}
soort: bijlage
volgorde: {order}
---
{body}
"""


def test_letter_opens_and_annexes_close_the_edition_numbered(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "gemeente"
    init_project(root, today=dt.date(2026, 3, 9))
    monkeypatch.chdir(root)
    pages = root / "content/edities" / PERIOD / "paginas"
    pages.mkdir()
    (pages / "brief.md").write_text(LETTER, encoding="utf-8")
    (pages / "grafieken.md").write_text(ANNEX.format(
        title="Grafieken doorlooptijden", order=2,
        body="Grafieken over de doorlooptijden van aanvragen Wmo, Jeugd, Bijstand en Minima."), encoding="utf-8")
    (pages / "toelichting.md").write_text(ANNEX.format(
        title="Toelichting op de data Jeugd", order=1, body="De definitie is gewijzigd."), encoding="utf-8")
    assert main(["check", "--strict"]) == 0
    assert main(["build", "--strict"]) == 0
    site = root / "site/2025-q4"
    letter = (site / "brief/index.html").read_text(encoding="utf-8")
    assert "Geachte raads- en commissieleden," in letter
    assert "Het college van burgemeester en wethouders" in letter and "de secretaris" in letter
    assert "Bijlage 1: Toelichting op de data Jeugd" in (site / "toelichting/index.html").read_text(encoding="utf-8")
    assert "Bijlage 2: Grafieken doorlooptijden" in (site / "grafieken/index.html").read_text(encoding="utf-8")


def test_an_unknown_page_role_is_a_dutch_error(tmp_path: Path, monkeypatch, capsys) -> None:
    root = tmp_path / "gemeente"
    init_project(root, today=dt.date(2026, 3, 9))
    monkeypatch.chdir(root)
    pages = root / "content/edities" / PERIOD / "paginas"
    pages.mkdir()
    (pages / "x.md").write_text(LETTER.replace("soort: brief", "soort: voorwoord"), encoding="utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr()
    assert "paginas/x.md" in out.out + out.err
