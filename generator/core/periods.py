"""Reporting periods: quarters (2023-Q1), half years (2024-H1), years (2023), months
(2019-10) and runs of months (2019-10..2020-03: "oktober 2019 t/m maart 2020", as report 001
covers its period)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

_PATTERN = re.compile(r"^\s*(\d{4})(?:\s*-\s*([QqHh])\s*([1-4]))?\s*$")
_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
# "2019-10..2020-03"; in a CSV cell also "2019-10 t/m 2020-03".
_RANGE = re.compile(r"^\s*(\d{4})-(\d{2})\s*(?:\.\.|t/m|tot en met)\s*(\d{4})-(\d{2})\s*$", re.IGNORECASE)

_KIND_LENGTH = {"Q": 4, "H": 2, "Y": 1, "M": 12, "R": 12}
MAX_RANGE_MONTHS = 24  # a run of months longer than two years is not a reporting period
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
_EXAMPLES = "2023-Q1, 2024-H1, 2023, 2023-10 of 2019-10..2020-03"


class PeriodError(ValueError):
    pass


@total_ordering
@dataclass(frozen=True)
class Period:
    year: int
    kind: str  # "Q", "H", "Y", "M" (month) or "R" (a run of months)
    index: int  # 1-4 for quarters, 1-2 for half years, 1 for years, 1-12 for months; "R": its last month
    span: int = 1  # "R" only: the number of months, ending with (year, index)

    @classmethod
    def parse(cls, text: object) -> "Period":
        if isinstance(text, Period):
            return text
        months = _months(str(text))
        if months is not None:
            return months
        match = _PATTERN.match(str(text))
        if not match:
            raise PeriodError(f"`{text}` is geen geldige periode; schrijf bijvoorbeeld {_EXAMPLES}")
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
        if self.kind == "M":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "R":
            first = self.first_month()
            return f"{first[0]}-{first[1]:02d}..{self.year}-{self.index:02d}"
        return str(self.year) if self.kind == "Y" else f"{self.year}-{self.kind}{self.index}"

    @property
    def slug(self) -> str:
        return str(self).lower().replace("..", "-")  # a web address without ".."

    @property
    def label(self) -> str:
        """How a reader sees it: 'Q1 2023', '1e halfjaar 2024', '2023', 'oktober 2019',
        'oktober 2019 t/m maart 2020'."""
        if self.kind == "Q":
            return f"Q{self.index} {self.year}"
        if self.kind == "H":
            return f"{self.index}e halfjaar {self.year}"
        if self.kind == "M":
            return f"{MONTHS[self.index - 1]} {self.year}"
        if self.kind == "R":
            year, month = self.first_month()
            start = MONTHS[month - 1] if year == self.year else f"{MONTHS[month - 1]} {year}"
            return f"{start} t/m {MONTHS[self.index - 1]} {self.year}"
        return str(self.year)

    @property
    def kind_label(self) -> str:
        return {"Q": "kwartaal", "H": "halfjaar", "Y": "jaar", "M": "maand", "R": f"periode van {self.span} maanden"}[self.kind]

    def first_month(self) -> tuple[int, int]:
        """(year, month) the period starts with."""
        year, month = self.end_month()
        months = {"Q": 3, "H": 6, "Y": 12, "M": 1, "R": self.span}[self.kind]
        total = year * 12 + month - months
        return total // 12, total % 12 + 1

    def end_month(self) -> tuple[int, int]:
        """(year, month) the period ends with: 2023-Q3 -> (2023, 9)."""
        if self.kind in ("M", "R"):
            return self.year, self.index
        return self.year, self.index * 12 // _KIND_LENGTH[self.kind]

    def _ordinal(self) -> tuple[int, float]:
        # Sort by the end of the period, so 2023 sorts after 2023-Q4's start.
        length = _KIND_LENGTH[self.kind]
        return (self.year, self.index / length)

    def __lt__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self._ordinal(), self.kind, self.span) < (other._ordinal(), other.kind, other.span)

    def _shifted(self, months: int) -> "Period":
        total = self.year * 12 + self.index - 1 + months
        return Period(total // 12, self.kind, total % 12 + 1, self.span)

    def previous(self) -> "Period":
        """The period before: 2023-Q1 -> 2022-Q4; a run of months -> the run of as many months before it."""
        if self.kind in ("M", "R"):
            return self._shifted(-self.span)
        if self.index > 1:
            return Period(self.year, self.kind, self.index - 1)
        return Period(self.year - 1, self.kind, _KIND_LENGTH[self.kind])

    def year_before(self) -> "Period":
        """The same quarter (half year, year) a year earlier: 2023-Q3 -> 2022-Q3."""
        return Period(self.year - 1, self.kind, self.index, self.span)

    def next(self) -> "Period":
        if self.kind in ("M", "R"):
            return self._shifted(self.span)
        if self.index < _KIND_LENGTH[self.kind]:
            return Period(self.year, self.kind, self.index + 1)
        return Period(self.year + 1, self.kind, 1)


def _months(text: str) -> Period | None:
    """A month (2019-10) or a run of months (2019-10..2020-03), or None when `text` is neither."""
    match = _MONTH.match(text)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        _check_month(text, month)
        return Period(year, "M", month)
    match = _RANGE.match(text)
    if not match:
        return None
    y1, m1, y2, m2 = (int(g) for g in match.groups())
    _check_month(text, m1)
    _check_month(text, m2)
    span = (y2 * 12 + m2) - (y1 * 12 + m1) + 1
    if span < 2:
        raise PeriodError(f"`{text}`: de eerste maand moet vóór de laatste liggen, bijvoorbeeld 2019-10..2020-03")
    if span > MAX_RANGE_MONTHS:
        raise PeriodError(f"`{text}` beslaat {span} maanden; een periode van maanden is hoogstens {MAX_RANGE_MONTHS} maanden")
    return Period(y2, "R", m2, span)


def _check_month(text: str, month: int) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(f"`{text}` is geen geldige periode: een maand is 01 t/m 12")
