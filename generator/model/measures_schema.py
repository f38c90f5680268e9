"""Schema of the measures (maatregelen) part of a report: Dutch keys map to English fields here.

Definitions live across editions in `content/maatregelen.yml`; the progress per measure
lives per edition in `content/edities/<periode>/maatregelen/<nummer>.yml`, and optional
edition-wide text (introduction, conclusion, yield explanations) in
`content/edities/<periode>/maatregelen.yml`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from generator.model.base import DutchModel
from generator.model.schema import ID_PATTERN, Text

MEASURE_STATUSES = ("groen", "oranje", "rood", "afgerond")
MeasureStatus = Literal["groen", "oranje", "rood", "afgerond"]

# "1.1.2", "2.3", "R.1": letters or digits, separated by dots.
MEASURE_NUMBER = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")


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
    if isinstance(value, str) and not MEASURE_NUMBER.match(value.strip()):
        raise PydanticCustomError(
            "rapportage",
            "`{value}` is geen geldig maatregelnummer",
            {"value": value, "hint": "gebruik cijfers (of letters) met punten ertussen, bijvoorbeeld `1.1.2` of `R.1`"},
        )
    return value.strip() if isinstance(value, str) else value


MeasureNumber = Annotated[str, BeforeValidator(_measure_number)]


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


StatusField = Annotated[MeasureStatus, BeforeValidator(_status)]


def _text_list(value: object) -> object:
    # One risk or result may be written as plain text instead of a list of one.
    if isinstance(value, str):
        return [value]
    return value


TextList = Annotated[list[Text], BeforeValidator(_text_list)]


class Pillar(DutchModel):
    id: str = Field(alias="id", pattern=ID_PATTERN)
    number: Text | None = Field(default=None, alias="nummer")
    title: Text = Field(alias="titel", min_length=1)
    description: Text | None = Field(default=None, alias="omschrijving")


class MeasureDefinition(DutchModel):
    number: MeasureNumber = Field(alias="nummer")
    title: Text = Field(alias="titel", min_length=1)
    pillar: Text = Field(alias="pijler", min_length=1)
    intended_result: TextList = Field(default_factory=list, alias="beoogd_resultaat")
    owner: Text | None = Field(default=None, alias="eigenaar")
    description: Text | None = Field(default=None, alias="omschrijving")


class MeasuresFile(DutchModel):
    """content/maatregelen.yml. Pillars and measures are validated one by one
    (`Pillar`, `MeasureDefinition`), so one bad item never hides the others."""

    title: Text = Field(default="Maatregelen", alias="titel", min_length=1)
    description: Text | None = Field(default=None, alias="omschrijving")
    yields_file: Text | None = Field(default=None, alias="opbrengsten")
    pillars: list[Any] = Field(alias="pijlers", min_length=1)
    measures: list[Any] = Field(alias="maatregelen")


class MeasureStatuses(DutchModel):
    financial: StatusField = Field(alias="financieel")
    result: StatusField = Field(alias="resultaat")
    planning: StatusField = Field(alias="planning")


def _planning(value: object) -> object:
    # `planning: Q4 2023` is short for `planning: {huidig: Q4 2023}`.
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return {"huidig": str(value)}
    return value


class MeasurePlanning(DutchModel):
    current: Text = Field(alias="huidig", min_length=1)
    new: Text | None = Field(default=None, alias="nieuw")


class MeasureProgress(DutchModel):
    """content/edities/<periode>/maatregelen/<nummer>.yml"""

    status: MeasureStatuses = Field(alias="status")
    progress: Text | None = Field(default=None, alias="voortgang")
    planning: Annotated[MeasurePlanning | None, BeforeValidator(_planning)] = Field(default=None, alias="planning")
    risks: TextList = Field(default_factory=list, alias="risicos")


class EditionMeasuresText(DutchModel):
    """content/edities/<periode>/maatregelen.yml (optional)"""

    intro: Text | None = Field(default=None, alias="inleiding")
    conclusion: Text | None = Field(default=None, alias="conclusie")
    conclusion_year: int | None = Field(default=None, alias="conclusie_jaar", ge=1900, le=2200)
    yield_notes: dict[str, Text] = Field(default_factory=dict, alias="toelichting_opbrengst")
