"""The Dutch words an editor writes or a reader sees as values, as enums.

Editors write Dutch (`groen`, `lager is beter`, `begroting`); the code names the same
things in English, once, here. Each member's value is the Dutch word, so a member
compares equal to the text in a YAML file, is written to JSON snapshots as that text,
and is what the JSON Schema lists. Everything else imports these names instead of
spelling the Dutch words again.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args


class Severity(StrEnum):
    ERROR = "fout"
    WARNING = "waarschuwing"


class Status(StrEnum):
    """A KPI's status against its target."""

    GREEN = "groen"
    ORANGE = "oranje"
    RED = "rood"


class MeasureStatus(StrEnum):
    """A measure's status per dimension (report 001's legend: a flag for completed)."""

    GREEN = "groen"
    ORANGE = "oranje"
    RED = "rood"
    DONE = "afgerond"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "hoger is beter"
    LOWER_IS_BETTER = "lager is beter"


class Frequency(StrEnum):
    """How often an indicator is measured (`meetfrequentie`); the period kind of its figures."""

    MONTH = "maand"
    QUARTER = "kwartaal"
    HALF_YEAR = "halfjaar"
    YEAR = "jaar"


class Comparison(StrEnum):
    """A comparison value on an indicator's card (`vergelijking`)."""

    PREVIOUS_YEAR = "vorig_jaar"  # the same quarter (half year) a year earlier, with its target


# The period kind (core/periods.py) of each frequency.
FREQUENCY_KIND = {Frequency.MONTH: "M", Frequency.QUARTER: "Q", Frequency.HALF_YEAR: "H", Frequency.YEAR: "Y"}

# A figure's comparator (CSV column `teken`, or written before the number: "<120"):
# the true figure is below or above the number. As written -> normal form.
FIGURE_COMPARATORS = {"<": "<", "<=": "<=", "≤": "<=", ">": ">", ">=": ">=", "≥": ">="}
# Column `schatting`: a figure that is an estimate, not a measurement.
ESTIMATE_YES = ("ja", "j", "x", "schatting")
ESTIMATE_NO = ("", "nee", "n")
ESTIMATE_WORD = "schatting"
UNKNOWN_STATUS = "onbekend"  # a bound ("< 120") that neither meets nor misses the target for sure
NO_STATUS = "geen-status"  # a count without `richting` (a telindicator): figure and change, never a status


class EditionStatus(StrEnum):
    CONCEPT = "concept"
    PUBLISHED = "gepubliceerd"


class Unit(StrEnum):
    PERCENTAGE = "percentage"
    EURO = "euro"
    COUNT = "aantal"
    DAYS = "dagen"
    WEEKS = "weken"
    MONTHS = "maanden"
    GRADE = "rapportcijfer"
    HOURS = "uren"
    MINUTES = "minuten"


class TableUnit(StrEnum):
    EURO = "euro"
    EURO_THOUSANDS = "euro_x1000"
    COUNT = "aantal"
    PERCENTAGE = "percentage"


class RowKind(StrEnum):
    LINE = "regel"
    SUBTOTAL = "subtotaal"
    TOTAL = "totaal"


class ChartKind(StrEnum):
    LINE = "lijn"
    BARS = "staven"
    GROUPED = "gegroepeerd"
    STACKED = "gestapeld"
    SHARES = "aandelen"
    HORIZONTAL = "horizontaal"
    BUDGET = "begroting"
    BARS_AND_LINE = "staven en lijn"  # module kinds/staven_en_lijn.py
    COMPARISON = "vergelijking"  # module kinds/vergelijking.py
    PANELS = "panelen"  # module kinds/panelen.py
    NONE = "geen"  # no chart at all: not a kind that draws


class Grouping(StrEnum):
    """What the groups of doelstellingen.yml are (`indeling:`): goals (numbered) or domains (named)."""

    GOALS = "doelstellingen"
    DOMAINS = "domeinen"


class PageRole(StrEnum):
    """What a free page is (`soort:` in its front matter): a page, the letter opening the edition, an annex."""

    PAGE = "pagina"
    LETTER = "brief"
    ANNEX = "bijlage"


class ChartShape(StrEnum):
    DONUT = "donut"
    BAR = "balk"


class TableKind(StrEnum):
    BUDGET = "begroting"
    QUARTERS = "kwartalen"
    SHARES = "aandelen"
    CROSS = "kruistabel"
    TEXT = "tekst"
    STOCK = "standen"


class Aggregation(StrEnum):
    """How a cross table (`kruistabel`) combines the figures of one cell (`aggregatie`)."""

    SUM = "som"
    MEAN = "gemiddelde"
    WEIGHTED_MEAN = "gewogen_gemiddelde"


NOT_APPLICABLE = "n.v.t."  # a cell that does not apply: not 0 and not "geen gegevens"
NOT_APPLICABLE_TITLE = "niet van toepassing"


class Compliance(StrEnum):
    """The accessibility statement's compliance status (the government's model statement)."""

    FULL = "voldoet volledig"
    PARTIAL = "voldoet gedeeltelijk"
    FIRST_STEPS = "eerste maatregelen genomen"
    NONE = "voldoet niet"


def literal_values(literal: object) -> tuple[str, ...]:
    """The values of a `Literal[...]` type (pydantic fields keep Literals for an unchanged JSON Schema)."""
    return tuple(get_args(literal))


def as_literal(enum: type[StrEnum], *, without: tuple[StrEnum, ...] = ()):
    """A `Literal[...]` of an enum's Dutch values, for pydantic fields and the JSON Schema."""
    return Literal[tuple(m.value for m in enum if m not in without)]  # type: ignore[valid-type]
