"""Issue 14: a report of only measures, or only KPIs, needs no empty placeholder files.

A missing doelstellingen.yml or indicatoren.yml means "none", and so does the default
figures file when there are no indicators. Files that are genuinely needed stay errors.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from new_projects import FIRST_PERIOD as PERIOD, measures_only, new_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(new_project(tmp_path / "gemeente"))
    return tmp_path / "gemeente"


def _html(site: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html") if "handleiding" not in p.parts)


def test_a_report_of_measures_only_builds_without_goals_indicators_or_figures(project: Path, capsys) -> None:
    measures_only(project)
    assert main(["check", "--strict"]) == 0
    assert "0 indicatoren" in capsys.readouterr().out
    assert main(["build", "--strict"]) == 0
    edition = (project / "site/2025-q4/index.html").read_text(encoding="utf-8")
    assert "Snellere intake bij de Wmo" in _html(project / "site")
    assert "Maatregelen Sociaal Domein" in edition
    # No empty KPI overview, table or legend on the edition page.
    assert "Stand van de KPI" not in edition and "oogopslag" not in edition and "0 KPI" not in edition
    assert not (project / "site/kpi").exists()


def test_a_report_of_kpis_only_builds_without_measures(project: Path) -> None:
    (project / "content/maatregelen.yml").unlink()
    shutil.rmtree(project / "content/edities" / PERIOD / "maatregelen")
    assert main(["check", "--strict"]) == 0
    assert main(["build", "--strict"]) == 0
    html = _html(project / "site")
    assert "Wachttijd Wmo-ondersteuning" in html
    assert not (project / "site/2025-q4/maatregelen").exists()


def test_indicators_without_their_figures_file_are_still_an_error(project: Path, capsys) -> None:
    (project / "data/indicatoren.csv").unlink()
    assert main(["check"]) == 1
    assert "data/indicatoren.csv` bestaat niet" in capsys.readouterr().err


def test_a_figures_file_named_in_site_yml_must_exist_even_without_indicators(project: Path, capsys) -> None:
    measures_only(project)
    site = project / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "gegevens:\n  - cijfers.csv\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert "data/cijfers.csv` bestaat niet" in capsys.readouterr().err


def test_indicators_without_goals_name_the_missing_goal(project: Path, capsys) -> None:
    (project / "content/doelstellingen.yml").unlink()
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "content/indicatoren.yml" in err and "doelstelling 1 bestaat niet" in err


def test_site_yml_is_still_required(project: Path, capsys) -> None:
    (project / "content/site.yml").unlink()
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "content/site.yml" in err and "bestand ontbreekt" in err
