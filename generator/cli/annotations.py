"""Problems as CI annotations, so each one lands on the changed line of a pull request.

`--format github` prints GitHub Actions workflow commands (`::error file=...,line=...::`);
`--format gitlab` prints a GitLab Code Quality report (JSON) for merge requests.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from generator.core.problems import Problem

FORMATS = ("tekst", "github", "gitlab")


def _repo_path(problem: Problem, project_root: Path, base: Path) -> str:
    """The problem's file relative to the repository root CI runs in."""
    target = project_root / problem.file
    try:
        return Path(os.path.relpath(target, base)).as_posix()
    except ValueError:  # another drive on Windows
        return problem.file


def _ci_base(env_var: str) -> Path:
    return Path(os.environ.get(env_var) or os.getcwd()).resolve()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], project_root: Path) -> str:
    base = _ci_base("GITHUB_WORKSPACE")
    lines = []
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        command = "error" if p.severity == "fout" else "warning"
        props = [f"file={_escape_property(_repo_path(p, project_root, base))}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property('rapportage: ' + p.severity)}")
        message = p.message + (f"\ntip: {p.hint}" if p.hint else "")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)


def gitlab(problems: list[Problem], project_root: Path) -> str:
    base = _ci_base("CI_PROJECT_DIR")
    report = []
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        path = _repo_path(p, project_root, base)
        description = p.message + (f" (tip: {p.hint})" if p.hint else "")
        fingerprint = hashlib.sha256(f"{path}\0{p.line}\0{p.message}".encode("utf-8")).hexdigest()
        report.append({
            "description": description,
            "check_name": "rapportage",
            "fingerprint": fingerprint,
            "severity": "major" if p.severity == "fout" else "minor",
            "location": {"path": path, "lines": {"begin": p.line or 1}},
        })
    return json.dumps(report, indent=2, ensure_ascii=False)
