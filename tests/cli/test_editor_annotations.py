"""`--format github` / `--format gitlab`: each problem lands on its file and line in a pull request."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cli import main


def _break_indicator_key(project: Path) -> int:
    """Misspell `bron` of the first indicator; returns the line number."""
    path = project / "content/indicatoren.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("    bron:"))
    lines[number] = lines[number].replace("    bron:", "    bronn:")
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_check_github_format_puts_error_on_the_line(example_project: Path, capsys, monkeypatch) -> None:
    line = _break_indicator_key(example_project)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(example_project.parent))
    assert main(["check", "--format", "github", "--project", str(example_project)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"::error file=project/content/indicatoren.yml,line={line},title=rapportage%3A fout::"
        "onbekende sleutel `bronn`%0Atip: bedoelt u `bron`?"
    ]


def test_build_github_format_reports_csv_row(example_project: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(example_project))
    csv = example_project / "data/indicatoren.csv"
    rows = csv.read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].rsplit(";", 1)[0] + ";81%,5,3"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["build", "--strict", "--format", "github", "--project", str(example_project)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error file=data/indicatoren.csv,line=3,title=rapportage%3A fout::`81%25,5,3` in kolom `waarde` is geen getal%0Atip: ")
    assert not (example_project / "site").exists()


def test_check_gitlab_format_is_a_code_quality_report(example_project: Path, capsys, monkeypatch) -> None:
    line = _break_indicator_key(example_project)
    monkeypatch.setenv("CI_PROJECT_DIR", str(example_project))
    assert main(["check", "--format", "gitlab", "--project", str(example_project)]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert len(report) == 1
    item = report[0]
    assert item["location"] == {"path": "content/indicatoren.yml", "lines": {"begin": line}}
    assert item["severity"] == "major"
    assert item["description"] == "onbekende sleutel `bronn` (tip: bedoelt u `bron`?)"
    assert len(item["fingerprint"]) == 64
    assert "1 fout gevonden" in captured.err


def test_gitlab_format_on_a_clean_project_is_an_empty_report(example_project: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CI_PROJECT_DIR", str(example_project))
    assert main(["check", "--format", "gitlab", "--project", str(example_project)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "Geen fouten gevonden" in captured.err
