"""Issue 16 point 11: report 001 covers "oktober 2019 tot en met maart 2020". A project built
from its own text: a measures report whose edition is that run of months, published, followed
by the next run, and printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from new_projects import FIRST_PERIOD, measures_only, new_project

PERIOD = "2019-10..2020-03"
MEASURES = """titel: Projectplan Maatregelen zorggebruik en zorgkosten Sociaal Domein
pijlers:
  - id: voorwaarden
    nummer: 1
    titel: Voorwaardenscheppend
  - id: preventie
    nummer: 2
    titel: Transformatie/Preventie
  - id: toegang
    nummer: 3
    titel: Doorontwikkeling toegang
maatregelen:
  - nummer: "1.1"
    titel: Sturingsinformatie uit het datawarehouse
    pijler: voorwaarden
  - nummer: "2.1"
    titel: Investeren in een infrastructuur voor preventie
    pijler: preventie
  - nummer: "3.1"
    titel: Resultaatgestuurd werken
    pijler: toegang
"""
PROGRESS = """status:
  financieel: {f}
  resultaat: {r}
  planning: groen
voortgang: |
  {text}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = new_project(tmp_path / "rapportage-001")
    measures_only(root)
    edition = root / "content/edities" / FIRST_PERIOD
    shutil.rmtree(edition / "maatregelen")
    edition = edition.rename(root / "content/edities" / PERIOD)
    text = (edition / "editie.yml").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("titel:"))
    (edition / "editie.yml").write_text(text.replace(title, "titel: Voortgangsrapportage Maatregelen zorggebruik en zorgkosten"),
                                        encoding="utf-8")
    (root / "content/maatregelen.yml").write_text(MEASURES, encoding="utf-8")
    (edition / "maatregelen").mkdir()
    for number, f, r, text in (("1.1", "groen", "oranje", "Het datawarehouse levert sinds 2018 cijfers."),
                               ("2.1", "oranje", "oranje", "De samenwerking met het onderwijs loopt vertraging op."),
                               ("3.1", "groen", "groen", "Afwegingskaders zijn beschikbaar voor de professionals.")):
        (edition / "maatregelen" / f"{number}.yml").write_text(PROGRESS.format(f=f, r=r, text=text), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_an_edition_of_a_run_of_months_builds_with_its_own_label(project: Path) -> None:
    assert main(["check", "--strict"]) == 0
    assert main(["build"]) == 0
    page = (project / "site/2019-10-2020-03/index.html").read_text(encoding="utf-8")
    assert "editie oktober 2019 t/m maart 2020" in page
    assert "Voortgang van 3 maatregelen in oktober 2019 t/m maart 2020" in page
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "<td>oktober 2019 t/m maart 2020</td>" in home


def test_it_is_published_and_followed_by_the_next_run_of_as_many_months(project: Path, capsys) -> None:
    assert main(["publish", PERIOD, "--datum", "2020-05-01"]) == 0
    assert main(["new-period", "2020-04..2020-09"]) == 0
    assert (project / "content/edities/2020-04..2020-09/maatregelen/2.1.yml").is_file()
    capsys.readouterr()
    assert main(["build"]) == 0
    changes = (project / "site/2020-04-2020-09/wijzigingen/index.html").read_text(encoding="utf-8")
    assert "oktober 2019 t/m maart 2020" in changes  # compared with the run before


def test_a_figure_per_month_in_quarterly_editions_is_an_error_that_says_what_to_do(example_project: Path, capsys) -> None:
    csv = example_project / "data/indicatoren.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "eigen-regie;Jeugd;2023-07;82\n", encoding="utf-8")
    line = len(csv.read_text(encoding="utf-8").splitlines())
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert (f"data/indicatoren.csv:{line}: fout: 2023-07 is een cijfer per maand, maar de edities verschijnen per kwartaal: "
            "zo wordt het cijfer van `eigen-regie` nooit getoond") in err
    assert "zet dan `meetfrequentie: maand` bij de indicator" in err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_the_pdf_names_the_run_of_months(project: Path) -> None:
    assert main(["pdf", PERIOD, "--output", str(project / "r.pdf")]) == 0
    text = subprocess.run(["pdftotext", str(project / "r.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "oktober 2019 t/m maart 2020" in " ".join(text.split())


def test_the_example_shows_a_monthly_figure_in_its_quarterly_edition(built_example) -> None:
    """KPI 14 is measured per month (`meetfrequentie: maand`): the Q3 2023 card shows September's
    figure with its own period, the history and the chart the months."""
    page = (built_example.site / "2023-q3/kpi/meldingen-veilig-thuis/index.html").read_text(encoding="utf-8")
    assert '<p class="rp-series__value">30</p>' in page and "laatste meting: september 2023" in page
    assert "<th scope=\"row\">oktober 2022</th>" in page and "Van oktober 2022 tot september 2023" in page
