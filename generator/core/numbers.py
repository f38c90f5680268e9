"""Parsing numbers as Dutch municipalities write them: 1.234,5 · 7,3 · € 1.800 · 79%."""

from __future__ import annotations

import re

# Cells that mean "no figure": kept distinct from 0 everywhere.
MISSING_MARKERS = {"", "-", "–", "—", "n.v.t.", "nvt", "n.v.t", "n.b.", "nb", "geen gegevens"}

_THOUSANDS_DOT = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")


# Larger than any figure a municipality reports (budgets are ~10^9 euro); anything
# bigger is a typo, and would overflow sums and percentages into "inf".
MAX_MAGNITUDE = 1e15


class NotANumber(ValueError):
    pass


class NumberTooLarge(NotANumber):
    pass


def is_missing(text: str | None) -> bool:
    return text is None or text.strip().lower() in MISSING_MARKERS


def parse_number(text: str) -> float:
    """Parse a Dutch or plain number; raise NotANumber with the original text."""
    original = text
    s = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "").replace("%", "")
    s = s.replace("\u2212", "-")  # typographic minus
    if s.startswith("+"):
        s = s[1:]
    if not s:
        raise NotANumber(original)
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")  # 1.234,5
        else:
            s = s.replace(",", "")  # 1,234.5
    elif "," in s:
        if s.count(",") > 1:
            raise NotANumber(original)
        s = s.replace(",", ".")  # 7,3
    elif "." in s and _THOUSANDS_DOT.match(s):
        s = s.replace(".", "")  # 1.800
    if not _PLAIN.match(s):
        raise NotANumber(original)
    number = float(s)
    if not abs(number) < MAX_MAGNITUDE:
        raise NumberTooLarge(original)
    return number


def parse_cell(value: object) -> float | None:
    """A cell from CSV (text) or XLSX (number, text or empty) -> float, or None for "no figure".

    Raises NotANumber for text that is neither a number nor a missing marker, and for
    dates and booleans (an Excel cell formatted as a date in a figures column).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, (int, float)):
        if not abs(value) < MAX_MAGNITUDE:
            raise NumberTooLarge(str(value))
        return float(value)
    if not isinstance(value, str):
        raise NotANumber(str(value))
    if is_missing(value):
        return None
    return parse_number(value)
