"""Reporting periods: quarters (2023-Q1), half years (2024-H1) and years (2023)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

_PATTERN = re.compile(r"^\s*(\d{4})(?:\s*-\s*([QqHh])\s*([1-4]))?\s*$")

_KIND_LENGTH = {"Q": 4, "H": 2, "Y": 1}


class PeriodError(ValueError):
    pass


@total_ordering
@dataclass(frozen=True)
class Period:
    year: int
    kind: str  # "Q", "H" or "Y"
    index: int  # 1-4 for quarters, 1-2 for half years, 1 for years

    @classmethod
    def parse(cls, text: object) -> "Period":
        if isinstance(text, Period):
            return text
        match = _PATTERN.match(str(text))
        if not match:
            raise PeriodError(
                f"`{text}` is geen geldige periode; schrijf bijvoorbeeld 2023-Q1, 2024-H1 of 2023"
            )
        year = int(match.group(1))
        if match.group(2) is None:
            return cls(year, "Y", 1)
        kind = match.group(2).upper()
        index = int(match.group(3))
        if index > _KIND_LENGTH[kind]:
            raise PeriodError(
                f"`{text}` is geen geldige periode: een jaar heeft maar {_KIND_LENGTH[kind]} "
                + ("kwartalen" if kind == "Q" else "halfjaren")
            )
        return cls(year, kind, index)

    def __str__(self) -> str:
        return str(self.year) if self.kind == "Y" else f"{self.year}-{self.kind}{self.index}"

    @property
    def slug(self) -> str:
        return str(self).lower()

    @property
    def label(self) -> str:
        """How a reader sees it: 'Q1 2023', '1e halfjaar 2024', '2023'."""
        if self.kind == "Q":
            return f"Q{self.index} {self.year}"
        if self.kind == "H":
            return f"{self.index}e halfjaar {self.year}"
        return str(self.year)

    @property
    def kind_label(self) -> str:
        return {"Q": "kwartaal", "H": "halfjaar", "Y": "jaar"}[self.kind]

    def _ordinal(self) -> tuple[int, float]:
        # Sort by the end of the period, so 2023 sorts after 2023-Q4's start.
        length = _KIND_LENGTH[self.kind]
        return (self.year, self.index / length)

    def __lt__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self._ordinal(), self.kind) < (other._ordinal(), other.kind)

    def previous(self) -> "Period":
        if self.index > 1:
            return Period(self.year, self.kind, self.index - 1)
        return Period(self.year - 1, self.kind, _KIND_LENGTH[self.kind])

    def year_before(self) -> "Period":
        """The same quarter (half year, year) a year earlier: 2023-Q3 -> 2022-Q3."""
        return Period(self.year - 1, self.kind, self.index)

    def next(self) -> "Period":
        if self.index < _KIND_LENGTH[self.kind]:
            return Period(self.year, self.kind, self.index + 1)
        return Period(self.year + 1, self.kind, 1)
