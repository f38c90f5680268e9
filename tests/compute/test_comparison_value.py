"""Issue 16 point 10: a comparison value on the card, the same quarter a year earlier.

000's KPI 1 shows beside this quarter's 79% (Doel: >80%) another value with its own target,
and says "Dit is vergelijkbaar met 2022". `vergelijking: vorig_jaar` puts the figure of the
same period a year earlier on the card, with that year's target and the change to it. The
example's KPI 1 (eigen-regie) has it; frozen editions keep their published cards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.core.periods import Period
from generator.core.problems import ValidationFailed
from generator.site.build import check

INDICATORS = "content/indicatoren.yml"


def _series(computed, period: str, ind_id: str, name: str = ""):
    edition = next(e for e in computed.editions if e.summary.period == period)
    ind = next(i for g in edition.goals for i in g.indicators if i.id == ind_id)
    return next(s for s in ind.series if s.name == name)


def _compare(project: Path, title: str) -> None:
    """Give the indicator titled `title` `vergelijking: vorig_jaar`."""
    path = project / INDICATORS
    text = path.read_text(encoding="utf-8")
    after = f"    titel: {title}\n"
    assert after in text
    path.write_text(text.replace(after, after + "    vergelijking: vorig_jaar\n", 1), encoding="utf-8")


def _drop_rows(project: Path, prefix: str) -> None:
    csv = project / "data/indicatoren.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    assert any(line.startswith(prefix) for line in lines)
    csv.write_text("".join(line for line in lines if not line.startswith(prefix)), encoding="utf-8")


def test_the_card_shows_the_same_quarter_last_year_with_its_target_and_the_change(example_project: Path) -> None:
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "eigen-regie", "Jeugd")
    assert (s.value_text, s.previous_period_label, s.change_text) == ("83%", "Q2 2023", "+2 procentpunt")
    assert (s.comparison_period_label, s.comparison_value_text, s.comparison_target_text, s.comparison_change_text) == (
        "Q3 2022", "79%", "minimaal 80%", "+4 procentpunt")


def test_last_years_own_target(example_project: Path) -> None:
    """E-health: ">= 8" in 2022, ">= 10" in 2023; each figure is shown with the target of its year."""
    _compare(example_project, "Gebruik e-health")
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "gebruik-e-health")
    assert (s.target_text, s.comparison_period_label, s.comparison_target_text) == ("minimaal 10%", "Q3 2022", "minimaal 8%")


def test_no_figure_last_year_says_so_and_has_no_change(example_project: Path) -> None:
    _drop_rows(example_project, "eigen-regie;Jeugd;2022-Q3;")
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "eigen-regie", "Jeugd")
    assert (s.comparison_period_label, s.comparison_value_text, s.comparison_change_text) == (
        "Q3 2022", "geen gegevens", None)


def test_a_bound_has_no_change_to_last_year(example_project: Path) -> None:
    """Thuishulp Lindehof "< 28 dagen" in Q3 2023 (000: "Minder dan 28 dagen")."""
    _compare(example_project, "Wachttijden")
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "wachttijden", "Thuishulp Lindehof")
    assert (s.value_text, s.comparison_period_label, s.comparison_target_text, s.comparison_change_text) == (
        "< 28 dagen", "Q3 2022", "maximaal 56 dagen", None)
    assert s.comparison_value_text not in (None, "geen gegevens")


def test_a_year_figure_compares_with_the_year_before_once(example_project: Path) -> None:
    """A yearly figure in a quarterly edition: last year's figure is also the previous one; the change once."""
    _compare(example_project, "Tevredenheid inwoners over het Sociaal Team")
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "tevredenheid-inwoners")
    assert (s.measured_period_label, s.previous_period_label, s.change_text) == ("2022", "2021", "-0,1")
    assert (s.comparison_period_label, s.comparison_value_text, s.comparison_change_text) == ("2021", "7,1", None)


def test_a_count_compares_without_a_target(example_project: Path) -> None:
    _compare(example_project, "Aanmeldingen bij het Sociaal Team")
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "aanmeldingen")
    assert (s.comparison_value_text, s.comparison_target_text, s.comparison_change_text) == ("371", None, "+17")


def test_without_vergelijking_the_card_has_none(example_project: Path) -> None:
    s = _series(check(ProjectPaths.at(example_project)), "2023-Q3", "gebruik-e-health")
    assert (s.comparison_period_label, s.comparison_value_text, s.comparison_change_text) == (None, None, None)


def test_frozen_editions_keep_their_published_card(example_project: Path) -> None:
    """2023-Q2 is published: its snapshot has no comparison, and `vergelijking` added later does not change it;
    unfrozen (a rectificatie), it would show 2022-Q2."""
    paths = ProjectPaths.at(example_project)
    assert _series(check(paths), "2023-Q2", "eigen-regie", "Jeugd").comparison_period_label is None
    unfrozen = check(paths, unfreeze=frozenset({Period.parse("2023-Q2")}))
    assert _series(unfrozen, "2023-Q2", "eigen-regie", "Jeugd").comparison_period_label == "Q2 2022"


def test_the_built_card_reads_it(built_example) -> None:
    page = (built_example.site / "2023-q3/index.html").read_text(encoding="utf-8")
    assert ('<div class="rp-series__comparison"><dt>Q3 2022</dt><dd>79% (doel: minimaal 80%)</dd></div>\n'
            "<div><dt>T.o.v. Q3 2022</dt><dd>+4 procentpunt</dd></div>") in page
    assert "rp-series__comparison" not in (built_example.site / "2023-q2/index.html").read_text(encoding="utf-8")


def test_an_unknown_comparison_is_a_dutch_error_at_its_line(example_project: Path) -> None:
    path = example_project / INDICATORS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("vergelijking: vorig_jaar", "vergelijking: vorige_maand", 1), encoding="utf-8")
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "vorige_maand" in t)
    with pytest.raises(ValidationFailed) as exc:
        check(ProjectPaths.at(example_project))
    found = [(p.file, p.line, p.message) for p in exc.value.problems.errors]
    assert len(found) == 1 and found[0][:2] == (INDICATORS, line) and "vorig_jaar" in found[0][2], found


def test_the_pdf_prints_the_comparison(example_project: Path) -> None:
    from generator.pdf.typst_writer import edition_typst
    from generator.site.build import print_settings

    paths = ProjectPaths.at(example_project)
    computed = check(paths)
    edition = next(e for e in computed.editions if e.summary.period == "2023-Q3")
    source = edition_typst(paths, edition, print_settings(paths, computed.model)).source
    assert ('#strong[#"Q3 2022";];#": ";#"79% (doel: minimaal 80%)";\n\n'
            '#strong[#"T.o.v. Q3 2022";];#": ";#"+4 procentpunt";') in source  # "Q3 2022: 79% (doel: ...)"
