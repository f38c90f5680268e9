"""Validation problems: collected, never raised one at a time.

Every stage appends to a `Problems` list; the CLI prints all of them together,
each with file and line, in Dutch. This mirrors mkdocs' config validation,
which reports every error with the key that caused it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    line: int | None
    message: str
    hint: str | None = None
    severity: str = "fout"  # "fout" (error) or "waarschuwing" (warning)
    column: int | None = None

    def location(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}"

    def format(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    tip: {self.hint}"
        return text


@dataclass
class Problems:
    """An ordered collection of problems for one run."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        line: int | None,
        message: str,
        hint: str | None = None,
        *,
        severity: str = "fout",
        column: int | None = None,
    ) -> None:
        self.items.append(Problem(file, line, message, hint, severity, column))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "fout"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity != "fout"]

    @classmethod
    def as_errors(cls, warnings: Iterable[Problem]) -> "Problems":
        """The warnings as errors, for `--strict` (`check` and a replayed build alike)."""
        errors = cls()
        for w in warnings:
            errors.add(w.file, w.line, w.message, w.hint)
        return errors

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        # Stable, predictable order: by file, then line.
        return sorted(self.items, key=lambda p: (p.file, p.line or 0, p.message))


class ValidationFailed(Exception):
    """Raised by the pipeline when input has errors; carries all of them."""

    def __init__(self, problems: Problems):
        super().__init__(f"{len(problems.errors)} fout(en)")
        self.problems = problems


def shorten(text: object, limit: int = 60) -> str:
    """Editor text quoted in a message, cut to a readable length."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def suggest(word: str, options: Iterable[str]) -> str | None:
    """A Dutch 'did you mean' hint for a misspelt key or id, or None."""
    matches = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    if matches:
        return f"bedoelt u `{matches[0]}`?"
    return None


def relpath(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
