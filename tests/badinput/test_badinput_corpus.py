"""Every broken project in tests/badinput/cases/ gives exit 1 and a Dutch message with
file and line: never a traceback, never a hang, and the previous site/ stays as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from badinput.corpus import REPO, Case, all_cases, apply, check_output, copy_example, tree_hash

CASES = all_cases()


def _project(case: Case, tmp_path: Path) -> Path:
    project = copy_example(tmp_path / "project")
    apply(case, project, tmp_path / "outside")
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("<p>vorige site</p>", encoding="utf-8")
    return project


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert case.expect, f"{case.name}: no expected message"
        assert case.spec.get("about"), f"{case.name}: no `about`"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_in_process(case: Case, tmp_path: Path, capsys) -> None:
    project = _project(case, tmp_path)
    before = tree_hash(project / "site")
    editors = _editors_files(project)
    for command in case.commands:
        code = main([command, "--project", str(project), *case.args(project)])
        captured = capsys.readouterr()
        failures = check_output(case, code, captured.err + captured.out, project)
        assert not failures, f"`{command}`: " + "; ".join(failures) + "\n" + captured.err
    assert tree_hash(project / "site") == before, "a failed build changed site/"
    assert not list(project.glob(".site-new-*")), "a failed build left its scratch folder"
    assert _editors_files(project) == editors, "a failed run changed, deleted or wrote an editor's file"


def _editors_files(project: Path) -> dict[str, bytes]:
    """Every file of the project that the product did not make (not site/, not its scratch),
    and what is outside it: nothing there may be lost or changed by a refused run."""
    found = {}
    for root in (project, project.parent / "outside"):
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            rel = path.relative_to(project.parent).as_posix()
            top = path.relative_to(root).parts[0]
            if top in ("site", ".rapportage", "schemas") or top.startswith(".site-"):
                continue
            found[rel] = path.read_bytes() if path.is_file() else b"<dir>" if path.is_dir() else b"<other>"
    return found


SUBPROCESS_CASES = [c for c in CASES if c.spec.get("subprocess")]


@pytest.mark.parametrize("case", SUBPROCESS_CASES, ids=[c.name for c in SUBPROCESS_CASES])
def test_bad_input_as_a_command(case: Case, tmp_path: Path) -> None:
    """The real command line, in a fresh process with a time limit: no hang, no traceback."""
    project = _project(case, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", case.commands[-1], "--project", str(project), *case.args(project)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "COLUMNS": "400"},
    )
    failures = check_output(case, result.returncode, result.stderr + result.stdout, project)
    assert not failures, "; ".join(failures) + "\n" + result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "<p>vorige site</p>"
