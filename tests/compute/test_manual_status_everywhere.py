"""Issue 14 point 3: a status set by hand (`handmatige_status`) is the status shown in every
place that shows or compares a status (card, KPI history, KPI across editions, what changed,
overview counts, PDF), marked "handmatig" with its reason; whether a target was reached or
lost follows the figures, never the hand-set status."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.site.build import build, check

REASON_WMO = "De daling bij de Wmo is groter dan de teams verwachtten; we volgen haar per maand."
REASON_JEUGD = "Eenmalige uitschieter door een wisseling van zorgaanbieder."


def _manual(project: Path, jeugd_q3: str | None = None) -> Path:
    """Q3 (concept) sets Wmo to oranje by hand while its 82% meets the target (>= 80)."""
    narrative = project / "content/edities/2023-Q3/indicatoren/eigen-regie.yml"
    text = narrative.read_text(encoding="utf-8") + (
        "handmatige_status:\n"
        f"  - reeks: Wmo\n    status: oranje\n    reden: {REASON_WMO}\n"
    )
    if jeugd_q3 is not None:
        text += f"  - reeks: Jeugd\n    status: groen\n    reden: {REASON_JEUGD}\n"
        csv = project / "data/indicatoren.csv"
        csv.write_text(csv.read_text(encoding="utf-8").replace("eigen-regie;Jeugd;2023-Q3;83", f"eigen-regie;Jeugd;2023-Q3;{jeugd_q3}"),
                       encoding="utf-8")
    narrative.write_text(text, encoding="utf-8")
    return project


def _series(view, name: str):
    return next(s for g in view.goals for i in g.indicators if i.id == "eigen-regie" for s in i.series if s.name == name)


def _views(project: Path) -> dict:
    return {v.summary.period: v for v in check(ProjectPaths.at(project)).editions}


def test_the_card_and_the_history_show_the_hand_set_status_with_its_reason(example_project: Path) -> None:
    views = _views(_manual(example_project))
    wmo = _series(views["2023-Q3"], "Wmo")
    assert (wmo.status, wmo.computed_status, wmo.override_reason) == ("oranje", "groen", REASON_WMO)
    rows = {r.period: r for r in wmo.history}
    # This edition's row agrees with its card ...
    assert (rows["2023-Q3"].status, rows["2023-Q3"].computed_status, rows["2023-Q3"].override_reason) == ("oranje", "groen", REASON_WMO)
    # ... and the frozen 2023-Q1, which set Wmo to oranje by hand, keeps its status in later histories.
    assert (rows["2023-Q1"].status, rows["2023-Q1"].computed_status) == ("oranje", "groen")
    assert rows["2023-Q1"].override_reason.startswith("Gebaseerd op 19 ingevulde vragenlijsten")
    assert (rows["2023-Q2"].status, rows["2023-Q2"].override_reason) == ("groen", None)


def test_what_changed_never_says_a_target_was_lost_that_the_figures_still_meet(example_project: Path) -> None:
    changes = _views(_manual(example_project))["2023-Q3"].changes
    wmo = next(c for c in changes.status_changes if c.indicator_id == "eigen-regie" and c.series == "Wmo")
    assert (wmo.previous_status, wmo.status, wmo.override_reason, wmo.computed_status) == ("groen", "oranje", REASON_WMO, "groen")
    # 85% -> 82% against >= 80: the target is still met, so nothing "crossed" it.
    assert wmo.crossing is None
    assert [c for c in changes.crossed if c.indicator_id == "eigen-regie" and c.series == "Wmo"] == []


def test_a_target_crossed_by_the_figures_is_reported_even_when_a_hand_set_status_hides_it(example_project: Path) -> None:
    changes = _views(_manual(example_project, jeugd_q3="70"))["2023-Q3"].changes
    jeugd = next(c for c in changes.crossed if c.indicator_id == "eigen-regie" and c.series == "Jeugd")
    # Shown: groen (by hand) as in Q2, so not a status change; the figures fell below the target.
    assert (jeugd.crossing, jeugd.status, jeugd.override_reason) == ("niet-meer-gehaald", "groen", REASON_JEUGD)
    assert [c for c in changes.status_changes if c.indicator_id == "eigen-regie" and c.series == "Jeugd"] == []


def test_the_overview_counts_the_shown_status_and_names_it_hand_set(example_project: Path) -> None:
    overview = _views(_manual(example_project))["2023-Q3"].overview
    orange = next(g for g in overview.groups if g.status == "oranje")
    entry = next(e for e in orange.entries if e.number == "1" and e.series_name == "Wmo")
    assert entry.manual is True
    assert not any(e.manual for g in overview.groups for e in g.entries if e.series_name != "Wmo" or e.number != "1")


def test_every_page_that_shows_the_status_marks_it_hand_set(example_project: Path) -> None:
    _manual(example_project, jeugd_q3="70")
    site = build(ProjectPaths.at(example_project)).site_dir
    note = f"handmatig vastgesteld (berekend: gehaald): {REASON_WMO}"
    kpi = (site / "2023-q3/kpi/eigen-regie/index.html").read_text(encoding="utf-8")
    assert note in kpi  # card's history table (the card itself says "Status handmatig vastgesteld")
    assert (site / "kpi/eigen-regie/index.html").read_text(encoding="utf-8").count(note) == 1  # across editions
    changes = (site / "2023-q3/wijzigingen/index.html").read_text(encoding="utf-8")
    assert note in changes
    assert "haalt de streefwaarde niet meer</strong> (85% → 82%)" not in changes
    assert f"haalt de streefwaarde niet meer</strong> (81% → 70%); de getoonde status is met de hand vastgesteld op gehaald: {REASON_JEUGD}" in changes
    edition = (site / "2023-q3/index.html").read_text(encoding="utf-8")
    assert "Ervaren eigen regie (Wmo) (handmatig)" in edition
    assert note in edition  # the overview table


@pytest.mark.skipif(subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0, reason="pdftotext (poppler-utils) missing")
def test_the_pdf_shows_the_hand_set_status_in_the_history(example_project: Path) -> None:
    from generator.cli import main

    _manual(example_project)
    pdf = example_project / "q3.pdf"
    assert main(["pdf", "2023-Q3", "--project", str(example_project), "--output", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "handmatig vastgesteld (berekend: gehaald)" in flat
    assert flat.count("De daling bij de Wmo is groter dan") >= 3  # card, history, overview
