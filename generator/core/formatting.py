"""Dutch (nl-NL) formatting of every figure the reader sees: 79% · 7,3 · € 1.800 · -6,25%."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal

from generator.core.targets import Target

LOCALE = "nl_NL"
_LOCALE = Locale.parse(LOCALE)
NO_FIGURE = "geen gegevens"

DEFAULT_DECIMALS = {
    "percentage": 0,
    "euro": 0,
    "aantal": 0,
    "dagen": 0,
    "weken": 0,
    "maanden": 0,
    "rapportcijfer": 1,
    "uren": 2,
    "minuten": 0,
}

# unit -> (singular, plural) suffix shown after the number
_SUFFIX = {
    "dagen": ("dag", "dagen"),
    "weken": ("week", "weken"),
    "maanden": ("maand", "maanden"),
    "uren": ("uur", "uur"),
    "minuten": ("minuut", "minuten"),
}


def rounded(value: float, decimals: int = 0) -> float:
    """Round half up, as reports do (93,5 -> 94; Python's round() would give 94 but 2,5 -> 2)."""
    quantum = Decimal(1).scaleb(-decimals)
    # round(…, 9) first drops binary noise: 0.06255 * 100 is 6.254999999999999 as a float.
    return float(Decimal(repr(round(value, 9))).quantize(quantum, rounding=ROUND_HALF_UP))


@lru_cache(maxsize=65536)  # a report shows the same figures on many pages
def number(value: float, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5'."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(repr(rounded(value, decimals))), format=pattern, locale=_LOCALE, decimal_quantization=True)


def value(x: float | None, unit: str, decimals: int | None = None) -> str:
    if x is None:
        return NO_FIGURE
    d = DEFAULT_DECIMALS.get(unit, 0) if decimals is None else decimals
    n = number(abs(x), d)
    sign = "-" if x < 0 and rounded(abs(x), d) != 0 else ""
    if unit == "percentage":
        return f"{sign}{n}%"
    if unit == "euro":
        return f"{sign}€ {n}"
    if unit in _SUFFIX:
        singular, plural = _SUFFIX[unit]
        return f"{sign}{n} {singular if rounded(abs(x), d) == 1 else plural}"
    return f"{sign}{n}"


def target(t: Target | None, unit: str, decimals: int | None = None) -> str:
    """Target in words a council member reads aloud: 'minimaal 80%', 'minder dan € 1.700'."""
    if t is None:
        return "geen streefwaarde"
    v = value(t.value, unit, _target_decimals(t.value, decimals))
    if t.comparator == "range":
        return f"tussen {v} en {value(t.high, unit, _target_decimals(t.high, decimals))}"
    words = {">": "meer dan", ">=": "minimaal", "<": "minder dan", "<=": "maximaal", "=": "precies"}
    return f"{words[t.comparator]} {v}"


def _target_decimals(x: float | None, decimals: int | None) -> int | None:
    # Targets read as written: "meer dan 8" (not 8,0), "minimaal 7,5".
    if x is None:
        return decimals
    if float(x).is_integer():
        return 0
    shown = decimals if decimals is not None else 0
    return shown if float(round(x, shown)) == x else max(shown, 1)


def signed_percent(fraction: float | None, decimals: int = 2) -> str:
    """-0.0625 -> '-6,25%'; +0.0475 -> '+4,75%'."""
    if fraction is None:
        return "n.v.t."
    pct = rounded(fraction * 100, decimals) + 0.0
    if pct == 0:
        return number(0, decimals) + "%"
    return ("+" if pct > 0 else "-") + number(abs(pct), decimals) + "%"


def delta(d: float | None, unit: str, decimals: int | None = None) -> str:
    """Change since the previous period: '+2 procentpunt', '-€ 85', '+0,1'."""
    if d is None:
        return "n.v.t."
    dec = DEFAULT_DECIMALS.get(unit, 0) if decimals is None else decimals
    if rounded(d, dec) == 0:
        return "gelijk"
    sign = "+" if d > 0 else "-"
    if unit == "percentage":
        n = number(abs(d), dec)
        return f"{sign}{n} procentpunt"
    return sign + value(abs(d), unit, dec)
