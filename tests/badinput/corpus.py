"""The bad-input corpus: broken variants of the example project, each with the Dutch
problem (file:line and message) the editor must see.

A case is a folder `cases/<NN-name>/` with a `case.yml` and optionally `files/` (copied
over the project). `case.yml` keys:

    about:   what the editor (or attacker) did, in English
    args:    extra command-line arguments, e.g. [--strict]
    edit:    {path: [[old, new], ...]}      exact text replacements (old must occur)
    write:   {path: text}  or  {path: {text, repeat, encoding, hex}}
    delete:  [path, ...]
    mkdir:   [path, ...]
    symlink: {path: target}                 target "{outside}" is a file outside the project
    fifo:    [path, ...]
    expect:  [{at: "file:line", says: "Dutch fragment"}, ...]; instead of a line number,
             `line_of: "<the line's text>"` (and `occurrence: n`) finds it in the broken file
    commands: which commands to run (default [check, build])
    subprocess: true to run it also as `python -m generator` in a fresh process

`{project}` in args and `at` stands for the project folder.

Every case must exit 1, print every expected problem as `<at>: fout: ...<says>...`,
never a traceback, never an internal error, and leave an earlier site/ untouched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "cases"


@dataclass
class Case:
    name: str
    folder: Path
    spec: dict[str, Any]
    expect: list[dict[str, str]] = field(default_factory=list)

    def args(self, project: Path) -> list[str]:
        return [str(a).replace("{project}", str(project)) for a in self.spec.get("args", [])]

    @property
    def commands(self) -> list[str]:
        return self.spec.get("commands", ["check", "build"])


def all_cases() -> list[Case]:
    cases = []
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()):
        spec = yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8")) or {}
        cases.append(Case(folder.name, folder, spec, spec.get("expect", [])))
    return cases


def copy_example(dest: Path, unfreeze: bool = True) -> Path:
    """A copy of the example project.

    `unfreeze` removes the snapshots of the published editions: a frozen edition whose
    files are unchanged is not read at all, and a changed one stops at "published and
    changed since". The corpus is about what every loader says, so it edits unfrozen
    editions (the published ones then only warn that they are not frozen).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("content", "data"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    if unfreeze:
        for snapshots in (dest / "content" / "edities").glob("*/gepubliceerd"):
            shutil.rmtree(snapshots)
    return dest


def apply(case: Case, project: Path, outside: Path) -> None:
    """Turn a copy of the example project into the broken project of `case`."""
    spec = case.spec
    overlay = case.folder / "files"
    if overlay.is_dir():
        shutil.copytree(overlay, project, dirs_exist_ok=True)
    for rel, replacements in (spec.get("edit") or {}).items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{case.name}: `{old}` not in {rel}"
            text = text.replace(old, new, 1)
        path.write_bytes(text.encode("utf-8"))
    for rel, content in (spec.get("write") or {}).items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_content(content))
    for rel in spec.get("delete") or []:
        path = project / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    for rel in spec.get("mkdir") or []:
        (project / rel).mkdir(parents=True)
    for rel, target in (spec.get("symlink") or {}).items():
        path = project / rel
        if target == "{outside}":
            # The same, valid file, but outside the project: refused only for where it is.
            outside.mkdir(parents=True, exist_ok=True)
            moved = outside / path.name
            if path.exists():
                shutil.move(str(path), moved)
            else:
                moved.write_bytes(b"")
            target = str(moved)
        elif target == "{self}":
            target = str(path)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)
    for rel in spec.get("fifo") or []:
        path = project / rel
        if path.exists():
            path.unlink()
        os.mkfifo(path)


def _content(content: Any) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    if "hex" in content:
        raw = bytes.fromhex(content["hex"])
    else:
        raw = content.get("text", "").encode(content.get("encoding", "utf-8"))
    return content.get("prefix", "").encode("utf-8") + raw * int(content.get("repeat", 1)) + content.get("suffix", "").encode("utf-8")


def tree_hash(folder: Path) -> str:
    """One hash over every path and file content under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def expected_location(item: dict[str, Any], project: Path) -> str:
    """`at`, or `at:<line>` where the line is found by its text (`line_of`, the
    `occurrence`-th match) in the broken project: robust when the example grows."""
    at = str(item["at"]).replace("{project}", str(project))
    if "line_of" not in item:
        return at
    wanted = str(item["line_of"]).rstrip()
    text = (project / at).read_bytes().decode("utf-8", "replace").splitlines()
    matches = [n for n, line in enumerate(text, start=1) if line.rstrip() == wanted]
    occurrence = int(item.get("occurrence", 1))
    assert len(matches) >= occurrence, f"`{wanted}` not found {occurrence}x in {at}"
    return f"{at}:{matches[occurrence - 1]}"


def check_output(case: Case, code: int, output: str, project: Path) -> list[str]:
    """What is wrong with one run's exit code and output (empty when all is well)."""
    failures = []
    if code != 1:
        failures.append(f"exit code {code}, expected 1")
    for bad in ("Traceback", "Interne fout"):
        if bad in output:
            failures.append(f"`{bad}` in output")
    lines = output.splitlines()
    for item in case.expect:
        prefix = f"{expected_location(item, project)}: fout: "
        if not any(line.startswith(prefix) and item["says"] in line for line in lines):
            failures.append(f"no line `{prefix}...{item['says']}...`")
    return failures
