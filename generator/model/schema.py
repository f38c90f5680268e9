"""The validated content schema. Dutch YAML keys map to English fields here, and only here."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from generator.model.base import DutchModel
from generator.model.targets import Target, TargetError, parse_target

UNITS = ("percentage", "euro", "aantal", "dagen", "weken", "maanden", "rapportcijfer", "uren", "minuten")
Unit = Literal["percentage", "euro", "aantal", "dagen", "weken", "maanden", "rapportcijfer", "uren", "minuten"]
Direction = Literal["hoger is beter", "lager is beter"]
StatusWord = Literal["groen", "oranje", "rood"]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _target(value: object) -> Target:
    try:
        return parse_target(value)
    except TargetError as exc:
        raise PydanticCustomError("rapportage", str(exc)) from None


TargetField = Annotated[Target, BeforeValidator(_target)]


def _text(value: object) -> object:
    # Editors write numbers in text fields (`titel: 2023`); accept them as text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_text)]


class SiteSettings(DutchModel):
    organisation: Text = Field(alias="organisatie", min_length=1)
    title: Text = Field(alias="titel", min_length=1)
    subtitle: Text | None = Field(default=None, alias="ondertitel")
    logo: Text | None = Field(default=None, alias="logo")
    figure_files: list[Text] = Field(default_factory=lambda: ["indicatoren.csv"], alias="gegevens")


class Goal(DutchModel):
    number: int = Field(alias="nummer", ge=1)
    title: Text = Field(alias="titel", min_length=1)
    description: Text | None = Field(default=None, alias="omschrijving")


class GoalsFile(DutchModel):
    goals: list[Goal] = Field(alias="doelstellingen")


class SeriesDefinition(DutchModel):
    name: Text = Field(alias="naam", min_length=1)
    unit: Unit | None = Field(default=None, alias="eenheid")
    direction: Direction | None = Field(default=None, alias="richting")
    targets: dict[int, TargetField] | None = Field(default=None, alias="streefwaarde")
    tolerance: float | None = Field(default=None, alias="tolerantie", ge=0)
    decimals: int | None = Field(default=None, alias="decimalen", ge=0, le=4)


class IndicatorDefinition(DutchModel):
    id: str = Field(alias="id", pattern=ID_PATTERN)
    number: Text = Field(alias="nummer")
    title: Text = Field(alias="titel", min_length=1)
    goal: int = Field(alias="doelstelling")
    unit: Unit = Field(alias="eenheid")
    direction: Direction = Field(alias="richting")
    targets: dict[int, TargetField] = Field(default_factory=dict, alias="streefwaarde")
    tolerance: float | None = Field(default=None, alias="tolerantie", ge=0)
    decimals: int | None = Field(default=None, alias="decimalen", ge=0, le=4)
    series: list[SeriesDefinition] = Field(default_factory=list, alias="reeksen")
    definition: Text | None = Field(default=None, alias="definitie")
    source: Text | None = Field(default=None, alias="bron")

    @field_validator("targets", mode="before")
    @classmethod
    def _years(cls, value: object) -> object:
        if isinstance(value, dict):
            for year in value:
                if not (isinstance(year, int) and 1900 < year < 2200):
                    raise PydanticCustomError(
                        "rapportage",
                        "`streefwaarde` heeft per jaar een waarde: `{year}` is geen jaartal",
                        {"year": year, "hint": "schrijf bijvoorbeeld `2023: \">= 80\"`"},
                    )
        return value


class IndicatorsFile(DutchModel):
    indicators: list[IndicatorDefinition] = Field(alias="indicatoren")


class Edition(DutchModel):
    title: Text | None = Field(default=None, alias="titel")
    status: Literal["concept", "gepubliceerd"] = Field(alias="status")
    date: dt.date = Field(alias="datum")
    foreword: Text | None = Field(default=None, alias="voorwoord")
    signature: Text | None = Field(default=None, alias="ondertekening")


class StatusOverride(DutchModel):
    series: Text | None = Field(default=None, alias="reeks")
    status: StatusWord = Field(alias="status")
    reason: Text = Field(alias="reden", min_length=1)


class IndicatorNarrative(DutchModel):
    explanation: Text | None = Field(default=None, alias="toelichting")
    attention: Text | None = Field(default=None, alias="aandacht")
    status_overrides: list[StatusOverride] = Field(default_factory=list, alias="handmatige_status")
