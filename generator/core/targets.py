"""Targets (streefwaarden) as editors write them: "> 80", ">= 7,5", "< 1700", "tussen 40 en 60"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.numbers import NotANumber, parse_number

_COMPARATOR = re.compile(r"^\s*(>=|<=|>|<|≥|≤|=)\s*(.+?)\s*$")
_RANGE = re.compile(r"^\s*tussen\s+(.+?)\s+en\s+(.+?)\s*$", re.IGNORECASE)

_NORMALISE = {"≥": ">=", "≤": "<="}


@dataclass(frozen=True)
class Target:
    comparator: str  # ">", ">=", "<", "<=", "=", "range"
    value: float  # the bound (for a range: the low bound)
    high: float | None = None  # only for ranges

    def met(self, actual: float) -> bool:
        c = self.comparator
        if c == ">":
            return actual > self.value
        if c == ">=":
            return actual >= self.value
        if c == "<":
            return actual < self.value
        if c == "<=":
            return actual <= self.value
        if c == "=":
            return actual == self.value
        assert self.high is not None
        return self.value <= actual <= self.high

    def gap(self, actual: float) -> float:
        """How far `actual` is from meeting the target (0 when met or on the bound)."""
        if self.met(actual):
            return 0.0
        if self.comparator == "range":
            assert self.high is not None
            return self.value - actual if actual < self.value else actual - (self.high)
        return abs(actual - self.value)

    def reference(self, actual: float) -> float:
        """The bound a deviation is measured against."""
        if self.comparator == "range" and self.high is not None and actual > self.high:
            return self.high
        return self.value

    def to_text(self) -> str:
        if self.comparator == "range":
            return f"tussen {_num(self.value)} en {_num(self.high)}"
        return f"{self.comparator} {_num(self.value)}"


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else str(x)


class TargetError(ValueError):
    pass


def parse_target(text: object) -> Target:
    if isinstance(text, Target):
        return text
    if isinstance(text, bool) or text is None:
        raise TargetError(f"`{text}` is geen streefwaarde")
    if isinstance(text, (int, float)):
        raise TargetError(
            f"streefwaarde `{text}` mist een vergelijking; schrijf bijvoorbeeld \">= {text}\" of \"<= {text}\""
        )
    s = str(text)
    m = _RANGE.match(s)
    if m:
        try:
            low, high = parse_number(m.group(1)), parse_number(m.group(2))
        except NotANumber as exc:
            raise TargetError(f"`{exc}` in streefwaarde `{s}` is geen getal") from None
        if low > high:
            raise TargetError(f"streefwaarde `{s}`: de ondergrens is groter dan de bovengrens")
        return Target("range", low, high)
    m = _COMPARATOR.match(s)
    if not m:
        raise TargetError(
            f"`{s}` is geen geldige streefwaarde; schrijf bijvoorbeeld \">= 80\", \"< 1700\" of \"tussen 40 en 60\""
        )
    comparator = _NORMALISE.get(m.group(1), m.group(1))
    try:
        value = parse_number(m.group(2))
    except NotANumber:
        raise TargetError(f"`{m.group(2)}` in streefwaarde `{s}` is geen getal") from None
    return Target(comparator, value)
