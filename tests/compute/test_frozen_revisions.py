"""Issue 14 point 5: a corrected figure of a frozen edition is a revision `check` reports."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.core.paths import ProjectPaths
from generator.site.build import check


def _set(csv: Path, prefix: str, value: str) -> int:
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    lines[row] = f"{prefix}{value}\n"
    csv.write_text("".join(lines), encoding="utf-8")
    return row + 1


def _revision_warnings(paths: ProjectPaths):
    computed = check(paths)
    return computed, [p for p in computed.model.problems.warnings if p.message.startswith("cijfer van gepubliceerde")]


def test_a_corrected_figure_of_a_frozen_edition_is_reported_and_listed(example_project: Path, capsys) -> None:
    paths = ProjectPaths.at(example_project)
    assert _revision_warnings(paths)[1] == []  # the example itself has no revision
    line = _set(example_project / "data/indicatoren.csv", "eigen-regie;Wmo;2023-Q2;", "87")
    computed, warnings = _revision_warnings(paths)
    assert [(w.file, w.line, w.message) for w in warnings] == [(
        "data/indicatoren.csv", line,
        "cijfer van gepubliceerde editie 2023-Q2 gewijzigd: eigen-regie / Wmo 2023-Q2: 85 -> 87; "
        "editie 2023-Q3 vermeldt dit als herziening",
    )]
    views = {v.summary.period: v for v in computed.editions}
    # The concept lists it on "Wat is er veranderd"; the frozen edition keeps its frozen figure.
    assert [(r.indicator_id, r.series, r.period, r.published_text, r.current_text) for r in views["2023-Q3"].changes.revised] \
        == [("eigen-regie", "Wmo", "2023-Q2", "85%", "87%")]
    wmo = next(s for g in views["2023-Q2"].goals for i in g.indicators if i.id == "eigen-regie" for s in i.series if s.name == "Wmo")
    assert wmo.value_text == "85%"
    assert main(["check", "--strict", "--project", str(example_project)]) == 1
    assert f"data/indicatoren.csv:{line}: fout: cijfer van gepubliceerde editie 2023-Q2 gewijzigd" in capsys.readouterr().err


def test_a_history_figure_shown_by_two_frozen_editions_names_both(example_project: Path) -> None:
    _set(example_project / "data/indicatoren.csv", "eigen-regie;Wmo;2023-Q1;", "86")
    _, warnings = _revision_warnings(ProjectPaths.at(example_project))
    assert [w.message for w in warnings] == [
        "cijfer van gepubliceerde edities 2023-Q1, 2023-Q2 gewijzigd: eigen-regie / Wmo 2023-Q1: 84 -> 86; "
        "editie 2023-Q3 vermeldt dit als herziening"
    ]


def test_a_revision_a_later_published_edition_froze_is_not_reported_again(example_project: Path) -> None:
    """Once a later edition is published with the revised figure, the revision is on record;
    a warning then could only be silenced by editing a frozen edition (issue 14 point 2)."""
    _set(example_project / "data/indicatoren.csv", "eigen-regie;Wmo;2023-Q2;", "87")
    paths = ProjectPaths.at(example_project)
    assert len(_revision_warnings(paths)[1]) == 1
    assert main(["publish", "2023-Q3", "--datum", "2023-11-15", "--project", str(example_project)]) == 0
    assert _revision_warnings(paths)[1] == []
