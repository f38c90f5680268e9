"""Issue 16 point 11c: `richting` optional for neutral counts (a telindicator has no status).

The example's KPI 13 "Aanmeldingen bij het Sociaal Team" (concept edition 2023-Q3) has no
`richting` and no `streefwaarde`: its card shows the figure and the change, its page the
history, and where a status would stand it says so in words; the status overview does not
count it, and neither does the PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.compute.kpi import status_overview
from generator.core.paths import ProjectPaths
from generator.core.problems import ValidationFailed
from generator.core.vocabulary import NO_STATUS
from generator.pdf.typst_writer import edition_typst
from generator.site.build import check, print_settings

NO_STATUS_WORDS = "Geen status: telindicator"


def _edition(computed, period: str):
    return next(e for e in computed.editions if e.summary.period == period)


def _indicator(edition, ind_id: str):
    return next(i for g in edition.goals for i in g.indicators if i.id == ind_id)


def _errors(project: Path) -> list[tuple[str, int | None, str]]:
    with pytest.raises(ValidationFailed) as exc:
        check(ProjectPaths.at(project))
    return [(p.file, p.line, p.message) for p in exc.value.problems.errors]


def _line(project: Path, rel: str, text: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_count_has_figure_change_and_history_but_no_status(example_project: Path) -> None:
    computed = check(ProjectPaths.at(example_project))
    ind = _indicator(_edition(computed, "2023-Q3"), "aanmeldingen")
    assert ind.direction is None
    (s,) = ind.series
    assert (s.value, s.value_text, s.status, s.status_word) == (388, "388", NO_STATUS, NO_STATUS_WORDS)
    assert (s.previous_period_label, s.change, s.change_text) == ("Q2 2023", -31, "-31")
    assert (s.target, s.deviation, s.status_note, s.override_reason) == (None, None, None, None)
    assert [r.value for r in s.history] == [412, 398, 371, 430, 446, 419, 388]
    assert {r.status for r in s.history} == {NO_STATUS}


def test_the_overview_and_the_counts_leave_a_count_out(example_project: Path) -> None:
    edition = _edition(check(ProjectPaths.at(example_project)), "2023-Q3")
    ov = edition.overview
    assert [(e.number, e.title) for e in ov.uncounted] == [("13", "Aanmeldingen bij het Sociaal Team"), ("14", "Meldingen bij Veilig Thuis")]
    assert NO_STATUS not in [g.status for g in ov.groups] and NO_STATUS not in edition.status_counts
    every_series = sum(len(i.series) for g in edition.goals for i in g.indicators)
    every_kpi = sum(len(g.indicators) for g in edition.goals)
    assert ov.series_count == sum(edition.status_counts.values()) == every_series - 2
    assert ov.kpi_count == every_kpi - 2


def test_a_kpi_with_one_judged_series_still_counts_once() -> None:
    def ind(number, statuses):
        series = [type("S", (), {"status": s, "name": n, "override_reason": None})() for n, s in statuses]
        return type("I", (), {"number": number, "title": f"KPI {number}", "url": f"x/kpi/{number}/", "series": series})()

    goals = [type("G", (), {"indicators": [ind("1", [("Jeugd", "groen"), ("Wmo", NO_STATUS)]), ind("2", [("", NO_STATUS)])]})()]
    ov = status_overview(goals)  # type: ignore[arg-type]  # duck-typed GoalViews
    assert (ov.kpi_count, ov.series_count) == (1, 1)
    assert [g.status for g in ov.groups] == ["groen"]
    assert [(e.number, e.series_name) for e in ov.uncounted] == [("1", "Wmo"), ("2", "")]


def test_card_overview_and_history_say_it_in_words(built_example) -> None:
    page = (built_example.site / "2023-q3/index.html").read_text(encoding="utf-8")
    card = re.search(r'<article class="rp-card" aria-labelledby="kpi-aanmeldingen">.*?</article>', page, re.S).group(0)
    assert '<p class="rp-series__value">388</p>' in card and "<dt>T.o.v. Q2 2023</dt><dd>-31</dd>" in card
    assert f'<span class="rp-no-status">{NO_STATUS_WORDS}</span>' in card
    assert "rp-status" not in card.replace("rp-series__status", "") and "<dt>Doel</dt>" not in card
    assert ("Niet meegeteld, want zonder status (telindicator): "
            '<a href="kpi/aanmeldingen/">KPI 13</a> Aanmeldingen bij het Sociaal Team, '
            '<a href="kpi/meldingen-veilig-thuis/">KPI 14</a> Meldingen bij Veilig Thuis.') in page
    kpi = (built_example.site / "2023-q3/kpi/aanmeldingen/index.html").read_text(encoding="utf-8")
    history = re.search(r"<caption>Verloop aanmeldingen.*?</table>", kpi, re.S).group(0)
    assert "<th scope=\"col\">Status</th>" not in history and "<td class=\"rp-num\">412</td>" in history
    assert "<dt>Richting</dt><dd>Geen: een telindicator, zonder streefwaarde en status</dd>" in kpi


def test_the_pdf_prints_no_status_for_a_count(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    computed = check(paths)
    doc = edition_typst(paths, _edition(computed, "2023-Q3"), print_settings(paths, computed.model))
    kpi = doc.source[doc.source.index("KPI 13: Aanmeldingen bij het Sociaal Team"):]
    assert NO_STATUS_WORDS in kpi[:3000] and "Niet meegeteld, want zonder status" in doc.source


def test_a_target_without_direction_is_an_error_at_its_line(example_project: Path) -> None:
    rel = "content/indicatoren.yml"
    path = example_project / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    eenheid: aantal\n    # geen `richting`",
                                 "    eenheid: aantal\n    streefwaarde:\n      2023: \"< 500\"\n    # geen `richting`", 1),
                    encoding="utf-8")
    line = _line(example_project, rel, "2023: \"< 500\"") - 1
    assert (rel, line, "`aanmeldingen` heeft een `streefwaarde` maar geen `richting`") in _errors(example_project)


def test_a_series_target_without_direction_is_an_error_at_its_line(example_project: Path) -> None:
    rel = "content/indicatoren.yml"
    path = example_project / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    eenheid: aantal\n    # geen `richting`",
                                 "    eenheid: aantal\n    reeksen:\n      - naam: Telefoon\n        streefwaarde:\n"
                                 "          2023: \"< 500\"\n      - naam: Loket\n        richting: lager is beter\n"
                                 "        streefwaarde:\n          2023: \"< 300\"\n    # geen `richting`", 1),
                    encoding="utf-8")
    line = _line(example_project, rel, "2023: \"< 500\"") - 1
    errors = [e for e in _errors(example_project) if "richting" in e[2]]
    assert errors == [(rel, line, "reeks `Telefoon` van `aanmeldingen` heeft een `streefwaarde` maar geen `richting`")]


def test_a_manual_status_on_a_count_is_an_error(example_project: Path) -> None:
    rel = "content/edities/2023-Q3/indicatoren/aanmeldingen.yml"
    with (example_project / rel).open("a", encoding="utf-8") as f:
        f.write("handmatige_status:\n  - status: groen\n    reden: Rustig kwartaal\n")
    line = _line(example_project, rel, "- status: groen")
    assert (rel, line, "`aanmeldingen` is een telindicator (zonder `richting`) en heeft geen status") in _errors(example_project)
