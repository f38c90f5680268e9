"""Issue 17 point 6: KPIs and free text grouped per domain (seed 004), not per goal."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from new_projects import new_project

# Seed 004 reports per domain, each with the same blocks.
DOMAINS = """indeling: domeinen
doelstellingen:
  - nummer: 1
    titel: Participatiewet
    omschrijving: Het aantal inwoners met een uitkering in het kader van de Participatiewet is stabiel gebleven.
  - nummer: 2
    titel: Wmo
  - nummer: 3
    titel: Jeugd
  - nummer: 4
    titel: Schuldhulpverlening
    omschrijving: Er hebben zich tot nu toe 80 personen gemeld voor schuldhulpverlening.
  - nummer: 5
    titel: Minima
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(new_project(tmp_path / "gemeente"))
    return tmp_path / "gemeente"


def test_domains_head_the_overview_nav_and_pdf_by_their_title(project: Path) -> None:
    (project / "content/doelstellingen.yml").write_text(DOMAINS, encoding="utf-8")
    assert main(["check", "--strict"]) == 0
    assert main(["build", "--strict"]) == 0
    edition = (project / "site/2025-q4/index.html").read_text(encoding="utf-8")
    assert "Participatiewet" in edition and "80 personen gemeld" in edition
    assert "Doelstelling 1" not in edition
    kpi = next((project / "site/2025-q4/kpi").rglob("index.html")).read_text(encoding="utf-8")
    assert "· Participatiewet ·" in kpi  # the breadcrumb; the nav section has the same title


def test_an_unknown_grouping_is_a_dutch_error_with_its_line(project: Path, capsys) -> None:
    (project / "content/doelstellingen.yml").write_text(DOMAINS.replace("domeinen", "thema's", 1), encoding="utf-8")
    assert main(["check"]) == 1
    err = capsys.readouterr()
    assert "content/doelstellingen.yml:1" in err.out + err.err and "onbekende indeling" in err.out + err.err
