"""The CI templates are valid YAML and every `rapportage ...` line in them is a real command."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = [
    REPO / "ci-sjablonen/github/rapportage.yml",
    REPO / "ci-sjablonen/gitlab/.gitlab-ci.yml",
    REPO / "ci-sjablonen/pre-commit/.pre-commit-config.yaml",
    REPO / ".pre-commit-hooks.yaml",
]


def _strings(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("name", "description"):  # labels, not commands
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def _rapportage_commands(path: Path) -> list[list[str]]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    commands = []
    for text in _strings(data):
        for line in text.splitlines():
            line = line.split(" >", 1)[0].strip()
            if line.startswith("rapportage "):
                commands.append(shlex.split(line)[1:])
    return commands


@pytest.mark.parametrize("path", [p for p in TEMPLATES if p.name != ".pre-commit-config.yaml"], ids=lambda p: p.relative_to(REPO).as_posix())
def test_template_commands_parse(path: Path) -> None:
    commands = _rapportage_commands(path)
    assert commands, f"{path.name} roept rapportage niet aan"
    parser = build_parser()
    for argv in commands:
        args = parser.parse_args(argv)
        assert args.func is not None


def test_pull_requests_run_check_build_strict_and_browser() -> None:
    for path in TEMPLATES[:2]:
        commands = [" ".join(c) for c in _rapportage_commands(path)]
        assert any(c.startswith("check --format") for c in commands), path
        assert any(c.startswith("build --strict") for c in commands), path
        assert any(c.startswith("check-site --browser") for c in commands), path
        assert "schema --check" in commands, path


def test_github_annotations_and_gitlab_codequality_are_wired() -> None:
    github = (REPO / "ci-sjablonen/github/rapportage.yml").read_text(encoding="utf-8")
    assert "rapportage check --format github" in github
    gitlab = YAML(typ="safe").load((REPO / "ci-sjablonen/gitlab/.gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["rapportage"]
    assert "rapportage check --format gitlab > gl-code-quality-report.json" in job["script"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"


def test_pre_commit_hooks_point_at_the_project_not_files() -> None:
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"] for h in hooks}
    assert ids == {"rapportage-check", "rapportage-schema"}
    config = YAML(typ="safe").load((REPO / "ci-sjablonen/pre-commit/.pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in config["repos"][0]["hooks"]} == ids
    for hook in hooks:
        assert hook["pass_filenames"] is False
        assert hook["language"] == "python"
