"""What a figure says besides its number: a comparator ("<120"), an estimate, its basis (teller/noemer).

The figures file may have the optional columns `teken`, `schatting`, `teller` and `noemer`
(docs/handleiding/cijfers.md). A file without them reads exactly as before: no marks.
Marks live beside the figures (`ProjectModel.figure_marks`), so every reader of the plain
`figures` dict keeps working unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.numbers import NotANumber, is_missing, parse_number
from generator.core.problems import Problems, shorten
from generator.core.vocabulary import ESTIMATE_NO, ESTIMATE_YES, FIGURE_COMPARATORS, Unit

MARK_COLUMNS = ("teken", "schatting", "teller", "noemer")

_INLINE = re.compile(r"^\s*(<=|>=|≤|≥|<|>)\s*(.*)$")


@dataclass(frozen=True)
class FigureMark:
    comparator: str | None = None  # "<", "<=", ">", ">=": the true figure lies beyond the number
    estimate: bool = False  # an estimate (`schatting`), not a measurement
    numerator: float | None = None  # `teller`
    denominator: float | None = None  # `noemer`: the basis n

    @property
    def empty(self) -> bool:
        return self == FigureMark()


def split_inline(raw: str) -> tuple[str | None, str]:
    """'<120' -> ('<', '120'): the comparator as the seeds write it, inside the `waarde` cell."""
    m = _INLINE.match(raw or "")
    if not m:
        return None, raw
    return FIGURE_COMPARATORS[m.group(1)], m.group(2)


def read_mark(
    values: dict[str, str], value: float | None, raw_value: str, inline: str | None, unit: str,
    rel: str, line: int, problems: Problems,
) -> tuple[bool, float | None, FigureMark]:
    """(readable, the figure's value, its mark). teller/noemer give the value when `waarde` is empty."""
    ok = True
    comparator = inline
    sign = (values.get("teken") or "").strip()
    if sign:
        if sign not in FIGURE_COMPARATORS:
            problems.add(rel, line, f"`{shorten(sign)}` in kolom `teken` is geen teken",
                         "laat de cel leeg, of schrijf <, <=, > of >=")
            ok = False
        elif inline is not None and FIGURE_COMPARATORS[sign] != inline:
            problems.add(rel, line, f"kolom `teken` zegt `{sign}`, maar `waarde` begint met `{inline}`",
                         "schrijf het teken op één plek")
            ok = False
        else:
            comparator = FIGURE_COMPARATORS[sign]
    estimate_cell = (values.get("schatting") or "").strip().lower()
    estimate = estimate_cell in ESTIMATE_YES
    if estimate_cell not in ESTIMATE_YES + ESTIMATE_NO:
        problems.add(rel, line, f"`{shorten(estimate_cell)}` in kolom `schatting` is geen ja of nee",
                     "schrijf `ja` bij een geschat cijfer; laat de cel leeg bij een gemeten cijfer")
        ok = False
    numerator = _count(values.get("teller"), "teller", rel, line, problems)
    denominator = _count(values.get("noemer"), "noemer", rel, line, problems)
    if numerator is False or denominator is False:
        return False, value, FigureMark()
    if denominator is not None and denominator <= 0:
        problems.add(rel, line, "kolom `noemer` is 0: een aandeel van niets bestaat niet",
                     "laat `teller`, `noemer` en `waarde` leeg als er niets te meten was")
        return False, value, FigureMark()
    if numerator is not None and denominator is None:
        problems.add(rel, line, "kolom `teller` is ingevuld maar `noemer` niet",
                     "vul ook de noemer in (het aantal waarover het cijfer gaat)")
        return False, value, FigureMark()
    if numerator is not None and denominator is not None:
        if comparator is not None:
            problems.add(rel, line, "een cijfer uit teller en noemer heeft geen teken (< of >)",
                         "laat `teken` leeg, of laat teller en noemer weg")
            return False, value, FigureMark()
        computed = numerator / denominator * (100 if unit == Unit.PERCENTAGE else 1)
        if value is None:
            value = computed
        elif not _agrees(raw_value, value, computed):
            problems.add(
                rel, line,
                f"`waarde` {shorten(raw_value)} past niet bij teller/noemer ({_plain(numerator)}/{_plain(denominator)} = "
                f"{_plain(round(computed, 4))})",
                "laat `waarde` leeg (dan rekenen we hem uit teller en noemer) of verbeter de cijfers",
            )
            return False, value, FigureMark()
    if value is None and (comparator or estimate):
        problems.add(rel, line, "een teken of schatting zonder cijfer",
                     "vul `waarde` in, of laat `teken` en `schatting` leeg als er geen cijfer is")
        return False, value, FigureMark()
    return ok, value, FigureMark(comparator, estimate, numerator, denominator)


def _count(raw: str | None, column: str, rel: str, line: int, problems: Problems) -> float | None | bool:
    """A `teller`/`noemer` cell: None when empty, False when unreadable (reported)."""
    if raw is None or is_missing(raw):
        return None
    try:
        n = parse_number(raw)
    except NotANumber:
        problems.add(rel, line, f"`{shorten(raw)}` in kolom `{column}` is geen getal", "schrijf een aantal, bijvoorbeeld 89")
        return False
    if n < 0:
        problems.add(rel, line, f"kolom `{column}` is negatief ({shorten(raw)})", "een teller of noemer is een aantal")
        return False
    return n


def _agrees(raw: str, value: float, computed: float) -> bool:
    """A written `waarde` agrees with teller/noemer when it is their quotient rounded as written (75 for 74,6)."""
    decimals = len(raw.strip().rpartition(",")[2]) if "," in raw else 0
    return abs(value - computed) <= 0.5 * 10 ** -decimals + 1e-9


def _plain(x: float) -> str:
    return f"{x:.10g}".replace(".", ",")
