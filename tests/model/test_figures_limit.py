"""Issue 20 point 4: the figures of one indicator and series are bounded (every KPI page
draws its whole history: 2,000 periods took six minutes and then broke the renderer)."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.model.project import MAX_PERIODS_PER_SERIES


def _history(example_project: Path, periods: int) -> None:
    """Put `periods` quarters of eigen-regie / Jeugd before 2022 at the top of the file."""
    csv = example_project / "data/indicatoren.csv"
    header, *rows = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    start = 2022 * 4 - periods
    extra = [f"eigen-regie;Jeugd;{q // 4}-Q{q % 4 + 1};80\n" for q in range(start, 2022 * 4)]
    csv.write_text(header + "".join(extra) + "".join(rows), encoding="utf-8")


def test_the_largest_history_allowed_passes(example_project: Path) -> None:
    _history(example_project, MAX_PERIODS_PER_SERIES - 7)  # the example has 7 quarters
    assert main(["check", "--project", str(example_project)]) == 0


def test_a_history_over_the_limit_is_refused_once_at_its_first_row(example_project: Path, capsys) -> None:
    _history(example_project, 2_000)
    line = 1 + MAX_PERIODS_PER_SERIES + 1  # header, the rows allowed, then the first one over
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert err.count("heeft meer dan 200 perioden") == 1
    assert f"data/indicatoren.csv:{line}: fout: `eigen-regie` / Jeugd heeft meer dan {MAX_PERIODS_PER_SERIES} perioden" in err
    assert "Interne fout" not in err


def test_a_text_table_of_more_rows_than_a_page_can_show_is_refused(example_project: Path, capsys) -> None:
    path = example_project / "data/2023-Q3/klachten.csv"
    header, *body = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(header + "".join(body[i % len(body)] for i in range(1_001)), encoding="utf-8")
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "data/2023-Q3/klachten.csv:1: fout: de tabel `klachten` heeft 1.001 regels; een tekst-tabel toont er hoogstens 1.000" in err
    path.write_text(header + "".join(body[i % len(body)] for i in range(1_000)), encoding="utf-8")
    assert main(["check", "--project", str(example_project)]) == 0
