"""Issue 17 point 2 from seed 004's own text: "We hebben in Q1 94% van de aanvragen binnen de
termijn afgehandeld. Daarmee behalen we bijna de doelstelling van 95." and "het verloop van
de tijdigheid en aantal werkprocessen van de afgelopen 2 jaar": one chart of two panels on
one time axis, built in a new project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from generator.cli import main
from generator.cli.init_project import init_project

INDICATOR = """
  - id: tijdigheid-participatiewet
    nummer: 2
    titel: Tijdigheid Participatiewet
    doelstelling: 1
    eenheid: percentage
    richting: hoger is beter
    reeksen:
      - naam: Binnen de termijn
        streefwaarde:
          2024: ">= 95"
          2025: ">= 95"
        tolerantie: 2
      - naam: Werkprocessen
        eenheid: aantal
        decimalen: 0
    definitie: |
      Percentage aanvragen dat binnen de wettelijke termijn van 8 weken is afgehandeld,
      en het aantal afgehandelde werkprocessen in het kwartaal.
    bron: Uitkeringsadministratie
    grafiek:
      soort: panelen
      titel: Tijdigheid en aantal werkprocessen
"""
PERCENT = [92, 95, 96, 93, 91, 93, 95, 94]  # the last two years; the edition's quarter: 94%
COUNTS = [610, 585, 640, 702, 655, 690, 731, None]  # the last count not yet delivered
QUARTERS = [f"{y}-Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)]


def test_timeliness_and_work_processes_as_two_panels(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "gemeente"
    init_project(root, today=dt.date(2026, 3, 9))  # its edition: 2025-Q4
    monkeypatch.chdir(root)
    indicators = root / "content/indicatoren.yml"
    indicators.write_text(indicators.read_text(encoding="utf-8") + INDICATOR, encoding="utf-8")
    rows = [f"tijdigheid-participatiewet;Binnen de termijn;{q};{v}" for q, v in zip(QUARTERS, PERCENT)]
    rows += [f"tijdigheid-participatiewet;Werkprocessen;{q};{v}" for q, v in zip(QUARTERS, COUNTS) if v is not None]
    with (root / "data/indicatoren.csv").open("a", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")
    assert main(["check", "--strict"]) == 0
    assert main(["build"]) == 0

    page = BeautifulSoup((root / "site/2025-q4/kpi/tijdigheid-participatiewet/index.html").read_text(encoding="utf-8"), "html.parser")
    (figure,) = page.select("figure.rp-chart")
    assert "rp-chart--panelen" in figure["class"]
    summary = figure.select_one(".rp-chart__summary").get_text()
    assert summary.startswith("Tijdigheid en aantal werkprocessen: twee panelen onder elkaar met dezelfde perioden, "
                              "boven Binnen de termijn (percentage) en onder Werkprocessen (aantal).")
    assert "steeg Binnen de termijn van 92% naar 94%; de streefwaarde is minimaal 95%" in summary
    assert "Voor Q4 2025 is er (nog) geen cijfer van Werkprocessen." in summary  # never a zero
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")] for tr in figure.select("details tbody tr")}
    assert rows["Q4 2025 (deze editie)"] == ["94%", "minimaal 95%", "geen gegevens"]
    assert rows["Q3 2025"] == ["95%", "minimaal 95%", "731"]
    for svg in figure.select("svg"):
        words = [t.get_text() for t in svg.select("text")]
        assert "Binnen de termijn (percentage)" in words and "Werkprocessen (aantal)" in words
        assert "Streefwaarde: minimaal 95%" in words
        assert "geen cijfer" in words  # the missing count is marked at its place
