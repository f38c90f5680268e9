"""Schema of the measures (maatregelen) part of a report: Dutch keys map to English fields here.

Definitions live across editions in `content/maatregelen.yml`; the progress per measure
lives per edition in `content/edities/<periode>/maatregelen/<nummer>.yml`, and optional
edition-wide text (introduction, conclusion, yield explanations) in
`content/edities/<periode>/maatregelen.yml`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.model.base import DutchModel
from generator.model.schema import ID_PATTERN, PeriodText, Text

MEASURE_STATUSES = ("groen", "oranje", "rood", "afgerond")
MeasureStatus = Literal["groen", "oranje", "rood", "afgerond"]

# "1.1.2", "2.3", "R.1": letters or digits, separated by dots.
MEASURE_NUMBER = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
# One entry for a run of numbers, as report 001 writes it: "1.3.1 t/m 1.3.8" (or "tot en met").
_PART = r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*"
MEASURE_RANGE = re.compile(rf"^({_PART})\s+(t/m|tot en met)\s+({_PART})$", re.IGNORECASE)
MAX_RANGE = 100  # numbers one entry may cover


def number_range(number: str) -> tuple[str, int, int] | None:
    """A range entry as (prefix, first, last): "1.3.1 t/m 1.3.8" -> ("1.3", 1, 8); None for one number."""
    m = MEASURE_RANGE.match(number)
    if not m:
        return None
    (prefix, _, first), (_, _, last) = m.group(1).rpartition("."), m.group(3).rpartition(".")
    return (prefix, int(first), int(last)) if first.isdigit() and last.isdigit() else None


def covered(number: str) -> tuple[str, int, int] | None:
    """The numbers an entry covers, as a range (one number n.k is (n, k, k)); None when it has no
    numeric last part (R.A), which nothing can overlap but its equal."""
    span = number_range(number)
    if span is not None:
        return span
    prefix, _, last = number.rpartition(".")
    return (prefix, int(last), int(last)) if last.isdigit() else None


def file_key(number: str) -> str:
    """The name of the progress file (without .yml) of a measure: its number, and for a range
    both ends with a hyphen, since a file name has no slash: "1.3.1 t/m 1.3.8" -> "1.3.1-1.3.8"."""
    m = MEASURE_RANGE.match(number)
    return f"{m.group(1)}-{m.group(3)}" if m else number


def _range_problem(first: str, last: str) -> str | None:
    head, _, a = first.rpartition(".")
    tail, _, b = last.rpartition(".")
    if head != tail:
        return f"`{first}` en `{last}` hebben niet hetzelfde begin: een reeks loopt alleen in het laatste deel (1.3.1 t/m 1.3.8)"
    if not (a.isdigit() and b.isdigit()):
        return f"het laatste deel van `{first}` en `{last}` moet een getal zijn om een reeks te maken"
    if int(a) > int(b):
        return f"de reeks begint na haar einde: `{first}` is groter dan `{last}`"
    if int(b) - int(a) + 1 > MAX_RANGE:
        return f"een reeks van hoogstens {MAX_RANGE} nummers; `{first} t/m {last}` zijn er {int(b) - int(a) + 1}"
    return None


def _measure_range(value: str) -> str | None:
    """A range entry in its written form with single spaces; None when `value` is no range."""
    m = MEASURE_RANGE.match(value)
    if not m:
        return None
    problem = _range_problem(m.group(1), m.group(3))
    if problem:
        raise PydanticCustomError("rapportage", problem, {"hint": "schrijf bijvoorbeeld `nummer: \"1.3.1 t/m 1.3.8\"`"})
    return f"{m.group(1)} {m.group(2)} {m.group(3)}"


def _measure_number(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        # YAML reads `1.10` as the number 1.1: the editor's number is already lost.
        raise PydanticCustomError(
            "rapportage",
            "maatregelnummer `{value}` wordt als kommagetal gelezen",
            {"value": value, "hint": f'zet het nummer tussen aanhalingstekens, bijvoorbeeld `nummer: "{value}"`'},
        )
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str) and (spanned := _measure_range(" ".join(value.split()))) is not None:
        return spanned
    if isinstance(value, str) and not MEASURE_NUMBER.match(value.strip()):
        raise PydanticCustomError(
            "rapportage",
            "`{value}` is geen geldig maatregelnummer",
            {"value": value, "hint": "gebruik cijfers (of letters) met punten ertussen, bijvoorbeeld `1.1.2` of `R.1`, "
             "of voor een reeks `1.3.1 t/m 1.3.8`"},
        )
    return value.strip() if isinstance(value, str) else value


MeasureNumber = Annotated[
    str, BeforeValidator(_measure_number),
    WithJsonSchema({"type": ["string", "integer"],
                    "pattern": rf"^{_PART}(\s+([tT]/[mM]|[tT][oO][tT] [eE][nN] [mM][eE][tT])\s+{_PART})?$",
                    "examples": ["1.1.2", "R.1", "1.3.1 t/m 1.3.8"]}),
]


def _status(value: object) -> object:
    if not isinstance(value, str):
        return value
    word = value.strip().lower()
    if word in MEASURE_STATUSES:
        return word
    hint = "de vlag heet `afgerond`" if word in ("vlag", "flag", "behaald", "klaar") else None
    raise PydanticCustomError(
        "rapportage",
        "`{value}` is geen geldige status; kies uit: " + ", ".join(MEASURE_STATUSES),
        {"value": value, "hint": hint},
    )


StatusField = Annotated[MeasureStatus, BeforeValidator(_status), WithJsonSchema({"enum": list(MEASURE_STATUSES)})]


def _text_list(value: object) -> object:
    # One risk or result may be written as plain text instead of a list of one.
    if isinstance(value, str):
        return [value]
    return value


TextList = Annotated[
    list[Text], BeforeValidator(_text_list),
    WithJsonSchema({"anyOf": [{"type": "array", "items": {"type": ["string", "number"]}}, {"type": "string"}]}),
]


class Pillar(DutchModel):
    model_config = ConfigDict(title="Pijler")

    id: str = Field(alias="id", pattern=ID_PATTERN, description="Vaste naam van de pijler in kleine letters, cijfers en koppeltekens, bijvoorbeeld `sturing`. Maatregelen en opbrengsten verwijzen ernaar.")
    number: Text | None = Field(default=None, alias="nummer", description="Nummer van de pijler (mag weg); de site toont dan `Pijler 1: ...`.")
    title: Text = Field(alias="titel", min_length=1, json_schema_extra={"minLength": 1}, description="Titel van de pijler.")
    description: Text | None = Field(default=None, alias="omschrijving", description="Omschrijving van de pijler (Markdown, mag weg).")


class MeasureDefinition(DutchModel):
    model_config = ConfigDict(title="Maatregel")

    number: MeasureNumber = Field(
        alias="nummer",
        description="Nummer van de maatregel, tussen aanhalingstekens: `\"1.1.2\"` of `\"R.1\"`. Ook de bestandsnaam van de "
        "voortgang per editie. Eén maatregel voor een reeks nummers: `\"1.3.1 t/m 1.3.8\"` (zelfde begin, oplopend); "
        "de site toont het nummer zoals geschreven, de voortgang staat dan in `1.3.1-1.3.8.yml`.",
    )
    title: Text = Field(alias="titel", min_length=1, json_schema_extra={"minLength": 1}, description="Titel van de maatregel.")
    pillar: Text = Field(alias="pijler", min_length=1, json_schema_extra={"minLength": 1}, description="De `id` van de pijler waar de maatregel onder valt.")
    since: PeriodText | None = Field(
        default=None, alias="vanaf",
        description="Eerste editie met deze maatregel, bijvoorbeeld `2023-Q4` (mag weg). Eerdere edities tonen hem niet "
        "en er komt geen melding over ontbrekende voortgang in een eerdere editie.",
    )
    intended_result: TextList = Field(default_factory=list, alias="beoogd_resultaat", description="Beoogd resultaat: een lijst (regels met `- `) of één tekst.")
    owner: Text | None = Field(default=None, alias="eigenaar", description="Wie de maatregel trekt (mag weg).")
    description: Text | None = Field(default=None, alias="omschrijving", description="Omschrijving van de maatregel (Markdown, mag weg).")


class MeasuresFile(DutchModel):
    model_config = ConfigDict(title="Maatregelen")

    """content/maatregelen.yml. Pillars and measures are validated one by one
    (`Pillar`, `MeasureDefinition`), so one bad item never hides the others."""

    title: Text = Field(default="Maatregelen", alias="titel", min_length=1, description="Titel van het onderdeel maatregelen. Standaard `Maatregelen`.")
    description: Text | None = Field(default=None, alias="omschrijving", description="Omschrijving van het programma (Markdown), boven elk overzicht.")
    yields_file: Text | None = Field(default=None, alias="opbrengsten", description="CSV-bestand met verwachte en gerealiseerde opbrengsten in `data/`. Standaard `opbrengsten.csv`.")
    pillars: list[Any] = Field(alias="pijlers", min_length=1, description="De pijlers (clusters), elk met `id` en `titel`.")
    measures: list[Any] = Field(alias="maatregelen", description="De maatregelen, elk met `nummer`, `titel` en `pijler`.")


class MeasureStatuses(DutchModel):
    model_config = ConfigDict(title="Statussen")

    financial: StatusField = Field(alias="financieel", description="Financiële haalbaarheid: groen (volgens plan), oranje (niet volgens plan), rood (gaat niet door of niet gehaald) of afgerond (de vlag).")
    result: StatusField = Field(alias="resultaat", description="Resultaat per actie: groen (volgens plan), oranje (niet volgens plan), rood (gaat niet door of niet gehaald) of afgerond (de vlag).")
    planning: StatusField = Field(alias="planning", description="Planning: groen (volgens plan), oranje (niet volgens plan), rood (gaat niet door of niet gehaald) of afgerond (de vlag).")


def _planning(value: object) -> object:
    # `planning: Q4 2023` is short for `planning: {huidig: Q4 2023}`.
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return {"huidig": str(value)}
    return value


def _short_planning(schema: dict[str, Any]) -> None:
    # JSON Schema: the short form `planning: Q4 2023` is valid too.
    schema.setdefault("anyOf", []).insert(1, {"type": ["string", "number"]})


class MeasurePlanning(DutchModel):
    model_config = ConfigDict(title="Planning")

    current: Text = Field(alias="huidig", min_length=1, json_schema_extra={"minLength": 1}, description="De huidige planning, bijvoorbeeld `Q4 2023` of `Doorlopend`.")
    new: Text | None = Field(default=None, alias="nieuw", description="De nieuwe planning, alleen als de planning is verschoven.")


class MeasureProgress(DutchModel):
    """content/edities/<periode>/maatregelen/<nummer>.yml"""

    model_config = ConfigDict(title="Voortgang van een maatregel")

    status: MeasureStatuses = Field(alias="status", description="Drie statussen: `financieel`, `resultaat` en `planning`.")
    progress: Text | None = Field(default=None, alias="voortgang", description="Voortgang in deze periode (Markdown).")
    planning: Annotated[MeasurePlanning | None, BeforeValidator(_planning)] = Field(
        default=None, alias="planning", json_schema_extra=_short_planning,
        description="Planning: `huidig` en, als die verschoven is, `nieuw`. Kort: `planning: Q4 2023`.",
    )
    risks: TextList = Field(default_factory=list, alias="risicos", description="Risico's: een lijst (regels met `- `) of één tekst.")


class EditionMeasuresText(DutchModel):
    """content/edities/<periode>/maatregelen.yml (optional)"""

    model_config = ConfigDict(title="Maatregelen in deze editie")

    intro: Text | None = Field(default=None, alias="inleiding", description="Inleiding boven het overzicht van de maatregelen (Markdown).")
    conclusion: Text | None = Field(default=None, alias="conclusie", description="Conclusie onder het overzicht van de maatregelen (Markdown).")
    conclusion_year: int | None = Field(default=None, alias="conclusie_jaar", ge=1900, le=2200, description="Het jaar van de conclusietabel met opbrengsten (mag weg).")
    yield_notes: dict[str, Text] = Field(default_factory=dict, alias="toelichting_opbrengst", description="Toelichting per pijler (de `id`) onder zijn tabel met opbrengsten (Markdown).")
