"""inspect_frozen remembers clean answers within a process (serve), never stale ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.core.paths import ProjectPaths
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.model import frozen_inputs
from generator.model.frozen_inputs import inspect_frozen
from generator.site.build import check
from generator.core.problems import ValidationFailed

NARRATIVE = "content/edities/2023-Q1/indicatoren/eigen-regie.yml"
CHANGED = "editie 2023-Q1 is gepubliceerd (versie 1, gepubliceerd op 15 mei 2023) en dit bestand is daarna gewijzigd"


@pytest.fixture(autouse=True)
def empty_memo():
    frozen_inputs._INSPECTED.clear()
    yield
    frozen_inputs._INSPECTED.clear()


def _inspect(project: Path) -> tuple[object, bool, Problems]:
    paths = ProjectPaths.at(project)
    problems = Problems()
    frozen, unchanged = inspect_frozen(paths, project / "content/edities/2023-Q1", Period.parse("2023-Q1"), problems)
    return frozen, unchanged, problems


def _counting(monkeypatch) -> list[Path]:
    """Calls of edition_files (the reading and hashing that the memo saves)."""
    calls: list[Path] = []
    real = frozen_inputs.edition_files

    def counted(folder: Path):
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(frozen_inputs, "edition_files", counted)
    return calls


def test_unchanged_edition_is_not_hashed_again(example_project: Path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    first = _inspect(example_project)
    second = _inspect(example_project)
    assert len(calls) == 1
    assert first[1] and second[1] and not first[2].items and not second[2].items
    assert second[0] == first[0] and second[0] is not first[0]  # equal, but not the same object


def test_an_edit_is_seen_on_the_next_inspection(example_project: Path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    assert _inspect(example_project)[1]
    path = example_project / NARRATIVE
    path.write_text(path.read_text(encoding="utf-8").replace("24 bij Jeugd", "25 bij Jeugd"), encoding="utf-8")
    _, unchanged, problems = _inspect(example_project)
    assert len(calls) == 2 and not unchanged
    assert [p.message for p in problems.errors] == [CHANGED]


def test_a_same_size_edit_with_its_mtime_put_back_is_seen(example_project: Path) -> None:
    assert _inspect(example_project)[1]
    path = example_project / NARRATIVE
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("24 bij Jeugd", "25 bij Jeugd"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    _, unchanged, problems = _inspect(example_project)
    assert not unchanged and [p.message for p in problems.errors] == [CHANGED]


def test_problems_of_a_changed_edition_come_on_every_check(example_project: Path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    (example_project / "content/edities/2023-Q1/notitie.yml").write_text("x: 1\n", encoding="utf-8")
    paths = ProjectPaths.at(example_project)
    for _ in range(2):
        with pytest.raises(ValidationFailed) as failed:
            check(paths)
        found = [(p.file, p.line) for p in failed.value.problems.errors if "daarna toegevoegd" in p.message]
        assert found == [("content/edities/2023-Q1/notitie.yml", 1)]
    assert calls.count(example_project / "content/edities/2023-Q1") == 2  # a bad answer is never remembered


def test_a_symlink_in_the_folder_is_never_remembered(example_project: Path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    (example_project / "content/edities/2023-Q1/.link").symlink_to(example_project / "mkdocs.yml")
    _inspect(example_project)
    _inspect(example_project)
    assert len(calls) == 2
