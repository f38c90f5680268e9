"""The validated content schema. Dutch YAML keys map to English fields here, and only here."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from generator.model.base import DutchModel
from generator.core.targets import Target, TargetError, parse_target
from generator.core.periods import Period, PeriodError
from generator.core.vocabulary import ChartKind, ChartShape, Comparison, Frequency, Grouping, as_literal

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


# In JSON Schema (editors' autocompletion) a target is the text the editor types.
TARGET_JSON_SCHEMA = {
    "type": "string",
    "pattern": r"^\s*((>=|<=|>|<|≥|≤|=)\s*\S.*|[Tt]ussen\s+\S+\s+en\s+\S+)\s*$",
    "examples": [">= 80", "< 40", "tussen 40 en 60"],
}
TargetField = Annotated[Target, BeforeValidator(_target), WithJsonSchema(TARGET_JSON_SCHEMA)]
YEAR_KEYS = {"propertyNames": {"pattern": "^[0-9]{4}$"}}
NOT_EMPTY = {"minLength": 1}


def _text(value: object) -> object:
    # Editors write numbers in text fields (`titel: 2023`); accept them as text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number"]})]


def _period_text(value: object) -> str:
    try:
        return str(Period.parse(value))
    except PeriodError as exc:
        raise PydanticCustomError("rapportage", str(exc)) from None


def in_effect(since: str | None, period: Period) -> bool:
    """Whether something with `vanaf: since` belongs to the edition of `period`."""
    return since is None or Period.parse(since) <= period


# A period as an editor writes it (`2023-Q4`, `2024-H1`, `2024`), stored in its canonical form.
PeriodText = Annotated[str, BeforeValidator(_period_text), WithJsonSchema({"type": ["string", "integer"]})]


def _yes_no(value: object) -> object:
    # YAML 1.2 reads `ja`/`nee` as text; editors write them, so they count as true/false.
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
        return value.strip().lower() == "ja"
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema({"enum": [True, False, "ja", "nee"]})]


# Charts (`grafiek:`). The same model serves an indicator's chart and any other YAML
# that declares a chart (free pages), so keys and messages are the same everywhere.

# The kinds are core.vocabulary.ChartKind (one module each in generator/charts/kinds/);
# a Literal of their Dutch words keeps the committed JSON Schema as it is.
ChartKindWord = as_literal(ChartKind)
ChartShapeWord = as_literal(ChartShape)


class ChartAxis(DutchModel):
    model_config = ConfigDict(title="As van de grafiek")

    minimum: float | None = Field(default=None, alias="min", description="Laagste waarde op de as, bijvoorbeeld `0`.")
    maximum: float | None = Field(default=None, alias="max", description="Hoogste waarde op de as, bijvoorbeeld `100`.")

    @model_validator(mode="after")
    def _order(self) -> "ChartAxis":
        if self.minimum is not None and self.maximum is not None and self.minimum >= self.maximum:
            raise PydanticCustomError(
                "rapportage",
                "`as`: `min` moet kleiner zijn dan `max`",
                {"hint": "bijvoorbeeld `as: {min: 0, max: 100}`"},
            )
        return self


class ChartAnnotation(DutchModel):
    model_config = ConfigDict(title="Opmerking in de grafiek")

    period: Text = Field(
        alias="periode", min_length=1, json_schema_extra=NOT_EMPTY,
        description="Periode waarbij de opmerking staat, bijvoorbeeld `2023-Q1`.",
    )
    text: Text = Field(
        alias="tekst", min_length=1, max_length=80, json_schema_extra=NOT_EMPTY,
        description="Korte tekst in de grafiek (hoogstens 80 tekens), bijvoorbeeld `Nieuwe vragenlijst`.",
    )

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        try:
            return str(Period.parse(value))
        except PeriodError as exc:
            raise PydanticCustomError("rapportage", str(exc)) from None


class ChartSettings(DutchModel):
    model_config = ConfigDict(title="Grafiek")

    kind: ChartKindWord = Field(  # type: ignore[valid-type]
        default=ChartKind.LINE.value, alias="soort",
        description="Soort grafiek: `lijn` (standaard), `staven`, `gegroepeerd` (reeksen naast elkaar, per periode), "
        "`gestapeld`, `aandelen`, `horizontaal`, `begroting` (twee reeksen: begroting en prognose), "
        "`staven en lijn` (per periode een staaf per reeks, het totaal van de reeksen als lijn), "
        "`vergelijking` (één cijfer voor meerdere gemeenten of aanbieders naast elkaar, geordend, met de norm; "
        "de eigen gemeente uitgelicht met `uitgelicht`), `panelen` (twee of drie reeksen onder elkaar, elk in een "
        "eigen paneel met een eigen as en eenheid, met dezelfde perioden; bijvoorbeeld het percentage tijdig met de "
        "norm boven en het aantal afgehandelde aanvragen onder) of `geen`.",
    )
    title: Text | None = Field(default=None, alias="titel", description="Titel boven de grafiek; standaard de titel van de indicator.")
    series: list[Text] = Field(
        default_factory=list, alias="reeksen",
        description="Welke reeksen in de grafiek staan, in deze volgorde; standaard alle.",
    )
    axis: ChartAxis | None = Field(default=None, alias="as", description="Bereik van de waarde-as, bijvoorbeeld `{min: 0, max: 100}`.")
    annotations: list[ChartAnnotation] = Field(
        default_factory=list, alias="annotaties", description="Opmerkingen bij een periode, als lijn met tekst in de grafiek.",
    )
    periods: int | None = Field(
        default=None, alias="perioden", ge=1, le=40,
        description="Alleen de laatste zoveel perioden; standaard alle (bij `gegroepeerd` 4, bij `horizontaal` en `aandelen` 1).",
    )
    shape: ChartShapeWord = Field(  # type: ignore[valid-type]
        default=ChartShape.DONUT.value, alias="vorm", description="Alleen bij `aandelen`: `donut` (standaard) of `balk`.",
    )
    show_target: YesNo = Field(
        default=True, alias="toon_streefwaarde", description="`nee` laat de streefwaarde weg uit de grafiek; standaard `ja`.",
    )
    target_name: Text = Field(
        default="Streefwaarde", alias="naam_streefwaarde", min_length=1, max_length=30, json_schema_extra=NOT_EMPTY,
        description="Hoe de streefwaarde in grafiek en tekst heet, bijvoorbeeld `Norm`; standaard `Streefwaarde`.",
    )
    highlight: Text | None = Field(
        default=None, alias="uitgelicht",
        description="Alleen bij `vergelijking`: de reeks (de eigen gemeente of aanbieder) die vet en met een eigen "
        "teken in de grafiek staat, bijvoorbeeld `uitgelicht: Lindewaard`.",
    )


class AccessibilityStatement(DutchModel):
    """The accessibility statement (toegankelijkheidsverklaring) shown at /toegankelijkheid/."""

    model_config = ConfigDict(title="Toegankelijkheidsverklaring")

    organisation: Text | None = Field(
        default=None, alias="organisatie",
        description="Organisatie die de verklaring afgeeft (mag weg; standaard de `organisatie` van de site).",
    )
    date: dt.date = Field(alias="datum", description="Datum waarop de verklaring is vastgesteld, bijvoorbeeld 2023-05-01.")
    contact: Text = Field(
        alias="contact", min_length=1, json_schema_extra=NOT_EMPTY,
        description="E-mailadres of webadres waar lezers een toegankelijkheidsprobleem melden.",
    )
    phone: Text | None = Field(default=None, alias="telefoon", description="Telefoonnummer voor meldingen (mag weg).")
    status: Literal["voldoet volledig", "voldoet gedeeltelijk", "eerste maatregelen genomen", "voldoet niet"] = Field(
        default="voldoet gedeeltelijk", alias="status",
        description="Hoe ver de site aan WCAG 2.1 AA voldoet. Standaard `voldoet gedeeltelijk`.",
    )
    limitations: list[Text] = Field(
        default_factory=list, alias="beperkingen", description="Bekende beperkingen, één per regel (mag weg).",
    )
    explanation: Text | None = Field(
        default=None, alias="toelichting", description="Extra toelichting in Markdown (mag weg).",
    )


class SiteSettings(DutchModel):
    model_config = ConfigDict(title="Instellingen van de rapportage")

    organisation: Text = Field(
        alias="organisatie", min_length=1, json_schema_extra=NOT_EMPTY,
        description="Naam van de organisatie, bijvoorbeeld `Gemeente Lindewaard`.",
    )
    title: Text = Field(
        alias="titel", min_length=1, json_schema_extra=NOT_EMPTY,
        description="Titel van de reeks rapportages, bijvoorbeeld `Kwartaalrapportage Sociaal Domein`.",
    )
    subtitle: Text | None = Field(
        default=None, alias="ondertitel", description="Ondertitel onder de titel (mag weg).",
    )
    logo: Text | None = Field(
        default=None, alias="logo",
        description="Logo als SVG- of PNG-bestand, ten opzichte van de map `content/`, bijvoorbeeld `logo.svg` (mag weg).",
    )
    figure_files: list[Text] = Field(
        default_factory=lambda: ["indicatoren.csv"], alias="gegevens",
        description="CSV-bestanden met cijfers (kolommen indicator;reeks;periode;waarde), ten opzichte van de map `data/`. Standaard: `indicatoren.csv`.",
    )
    guide: bool = Field(
        default=False, alias="handleiding",
        description="`true` zet de handleiding voor redacteuren als onderdeel Handleiding in de site. Standaard `false`.",
    )
    concepts: bool = Field(
        default=True, alias="concepten",
        description="`false` laat edities met `status: concept` weg uit de gebouwde site (`rapportage build`), "
        "bijvoorbeeld voor de kopie op het intranet. `rapportage serve` toont ze altijd. Standaard `true`.",
    )
    accessibility: AccessibilityStatement | None = Field(
        default=None, alias="toegankelijkheid",
        description="Gegevens voor de toegankelijkheidsverklaring op /toegankelijkheid/ (mag weg; zonder deze gegevens is er geen verklaring).",
    )


class Goal(DutchModel):
    model_config = ConfigDict(title="Doelstelling")

    number: int = Field(alias="nummer", ge=1, description="Nummer van de doelstelling (1, 2, 3, ...). Indicatoren verwijzen ernaar.")
    title: Text = Field(
        alias="titel", min_length=1, json_schema_extra=NOT_EMPTY, description="Korte titel van de doelstelling.",
    )
    description: Text | None = Field(
        default=None, alias="omschrijving", description="Volledige omschrijving van de doelstelling (mag weg).",
    )


class GoalsFile(DutchModel):
    model_config = ConfigDict(title="Doelstellingen")

    grouping: Grouping = Field(
        default=Grouping.GOALS, alias="indeling",
        description="Wat de groepen zijn: `doelstellingen` (standaard; koppen als 'Doelstelling 1: titel') of "
        "`domeinen` (koppen met alleen de titel, zoals 'Participatiewet' of 'Wmo').",
    )
    goals: list[Goal] = Field(alias="doelstellingen", description="De doelstellingen (of domeinen), elk met `nummer` en `titel`.")


_UNIT_HELP = "Eenheid van de cijfers: percentage, euro, aantal, dagen, weken, maanden, rapportcijfer, uren of minuten."
_DIRECTION_HELP = "Wat beter is: `hoger is beter` of `lager is beter`."
_TARGET_HELP = (
    "Streefwaarde per jaar, bijvoorbeeld `2023: \">= 80\"`. Schrijf een vergelijking (>, >=, <, <=) "
    "of `tussen 40 en 60`. Een jaar zonder eigen streefwaarde gebruikt die van het jaar ervoor."
)
_TOLERANCE_HELP = (
    "Marge in de eenheid van de indicator: wie de streefwaarde binnen deze marge mist, krijgt oranje "
    "in plaats van rood. Standaard 5% van de streefwaarde."
)
_DECIMALS_HELP = "Aantal decimalen dat de site toont (0 tot en met 4). Standaard per eenheid, bijvoorbeeld 1 voor een rapportcijfer."
_MIN_N_HELP = (
    "Kleinste aantal (de `noemer` in de cijfers, het aantal metingen of casussen) waarbij het cijfer betrouwbaar is "
    "(mag weg). Is de noemer kleiner, dan geeft `check` een waarschuwing en toont de kaart \"weinig metingen\"."
)


class SeriesDefinition(DutchModel):
    model_config = ConfigDict(title="Reeks")

    name: Text = Field(
        alias="naam", min_length=1, json_schema_extra=NOT_EMPTY,
        description="Naam van de reeks, bijvoorbeeld `Jeugd` of `Wmo`. Dezelfde naam staat in de kolom `reeks` van de cijfers.",
    )
    unit: Unit | None = Field(default=None, alias="eenheid", description=_UNIT_HELP + " Alleen invullen als die afwijkt van de indicator.")
    direction: Direction | None = Field(default=None, alias="richting", description=_DIRECTION_HELP + " Alleen invullen als die afwijkt van de indicator.")
    targets: dict[int, TargetField] | None = Field(
        default=None, alias="streefwaarde", json_schema_extra=YEAR_KEYS,
        description=_TARGET_HELP + " Alleen invullen als die afwijkt van de indicator.",
    )
    tolerance: float | None = Field(default=None, alias="tolerantie", ge=0, description=_TOLERANCE_HELP)
    decimals: int | None = Field(default=None, alias="decimalen", ge=0, le=4, description=_DECIMALS_HELP)
    minimum_n: int | None = Field(default=None, alias="minimale_n", ge=1, le=10_000_000, description=_MIN_N_HELP + " Alleen invullen als die afwijkt van de indicator.")


class IndicatorDefinition(DutchModel):
    model_config = ConfigDict(title="Indicator")

    id: str = Field(
        alias="id", pattern=ID_PATTERN,
        description="Vaste naam van de indicator in kleine letters, cijfers en koppeltekens, bijvoorbeeld `kosten-per-klant`. "
        "Dezelfde id staat in de cijfers en is de bestandsnaam van de toelichting per editie.",
    )
    number: Text = Field(alias="nummer", description="KPI-nummer zoals de rapportage het toont, bijvoorbeeld `1` of `4a`.")
    since: PeriodText | None = Field(
        default=None, alias="vanaf",
        description="Eerste editie met deze indicator, bijvoorbeeld `2023-Q4` (mag weg). Eerdere edities tonen hem niet "
        "en er komt geen melding over ontbrekende cijfers of toelichting in een eerdere editie.",
    )
    title: Text = Field(alias="titel", min_length=1, json_schema_extra=NOT_EMPTY, description="Titel van de indicator.")
    goal: int = Field(alias="doelstelling", description="Nummer van de doelstelling waar de indicator bij hoort.")
    unit: Unit = Field(alias="eenheid", description=_UNIT_HELP)
    direction: Direction | None = Field(
        default=None, alias="richting",
        description=_DIRECTION_HELP + " Weglaten bij een telindicator: een aantal zonder streefwaarde, "
        "zoals het aantal meldingen. De site toont dan het cijfer, de verandering en het verloop, maar geen status.",
    )
    targets: dict[int, TargetField] = Field(
        default_factory=dict, alias="streefwaarde", json_schema_extra=YEAR_KEYS, description=_TARGET_HELP,
    )
    tolerance: float | None = Field(default=None, alias="tolerantie", ge=0, description=_TOLERANCE_HELP)
    decimals: int | None = Field(default=None, alias="decimalen", ge=0, le=4, description=_DECIMALS_HELP)
    minimum_n: int | None = Field(default=None, alias="minimale_n", ge=1, le=10_000_000, description=_MIN_N_HELP)
    frequency: Frequency | None = Field(
        default=None, alias="meetfrequentie",
        description="Hoe vaak de indicator gemeten wordt: `maand`, `kwartaal`, `halfjaar` of `jaar` (mag weg: even vaak als de "
        "edities verschijnen). Bij `halfjaar` of `jaar` toont een kwartaaleditie de laatste meting met haar eigen "
        "periode, bijvoorbeeld \"laatste meting: 2e halfjaar 2022\".",
    )
    comparison: Comparison | None = Field(
        default=None, alias="vergelijking",
        description="Een vergelijkingswaarde op de kaart (mag weg): `vorig_jaar` toont naast het cijfer dat van dezelfde "
        "periode een jaar eerder, met de streefwaarde van toen en het verschil, bijvoorbeeld \"Q3 2022: 79% "
        "(doel: minimaal 80%)\" en \"T.o.v. Q3 2022: +4 procentpunt\".",
    )
    series: list[SeriesDefinition] = Field(
        default_factory=list, alias="reeksen",
        description="Reeksen van de indicator (bijvoorbeeld Jeugd en Wmo). Zonder reeksen heeft de indicator één reeks.",
    )
    definition: Text | None = Field(default=None, alias="definitie", description="Wat de indicator meet (Markdown).")
    source: Text | None = Field(default=None, alias="bron", description="Bron van de cijfers, bijvoorbeeld het registratiesysteem.")
    chart: ChartSettings | None = Field(
        default=None, alias="grafiek",
        description="Grafiek op de KPI-pagina (mag weg): zonder `grafiek` een lijn per reeks met de streefwaarde.",
    )

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
    model_config = ConfigDict(title="Indicatoren")

    indicators: list[IndicatorDefinition] = Field(
        alias="indicatoren", description="De indicatoren (KPI's). Ze gelden voor alle edities.",
    )


class Rectification(DutchModel):
    """A correction of a published edition (see docs/dev/editions.md)."""

    model_config = ConfigDict(title="Rectificatie")

    date: dt.date = Field(alias="datum", description="Datum van de correctie, bijvoorbeeld `2023-06-02`.")
    reason: Text = Field(
        alias="reden", min_length=1, description="Waarom de gepubliceerde editie is gecorrigeerd; staat op elke pagina van de editie.",
    )
    what: Text | None = Field(default=None, alias="wat", description="Wat is gecorrigeerd, bijvoorbeeld `KPI 4` (mag weg).")


class Edition(DutchModel):
    model_config = ConfigDict(title="Editie")

    title: Text | None = Field(
        default=None, alias="titel",
        description="Titel van de editie. Standaard de titel uit site.yml met de periode, bijvoorbeeld `Kwartaalrapportage Sociaal Domein Q3 2023`.",
    )
    status: Literal["concept", "gepubliceerd"] = Field(
        alias="status", description="`concept` zolang er aan gewerkt wordt, `gepubliceerd` als de editie vastligt.",
    )
    date: dt.date = Field(alias="datum", description="Datum van de editie, bijvoorbeeld `2023-11-13` (jaar-maand-dag).")
    foreword: Text | None = Field(default=None, alias="voorwoord", description="Voorwoord van de editie (Markdown).")
    signature: Text | None = Field(
        default=None, alias="ondertekening", description="Naam en functie onder het voorwoord (mag weg).",
    )
    rectifications: list[Rectification] = Field(
        default_factory=list, alias="rectificaties",
        description="Correcties na publicatie, elk met `datum`, `reden` en eventueel `wat`. Wordt vastgelegd met "
        "`rapportage publish <periode> --rectificatie \"reden\"`; de pagina's tonen 'Gecorrigeerd op <datum>: <reden>'.",
    )


class StatusOverride(DutchModel):
    model_config = ConfigDict(title="Handmatige status")

    series: Text | None = Field(
        default=None, alias="reeks",
        description="Reeks waarvoor de status geldt, bijvoorbeeld `Jeugd`. Weglaten bij een indicator zonder reeksen.",
    )
    status: StatusWord = Field(alias="status", description="De status die de site toont: `groen`, `oranje` of `rood`.")
    reason: Text = Field(
        alias="reden", min_length=1, json_schema_extra=NOT_EMPTY,
        description="Waarom de berekende status niet klopt. De site toont deze reden bij de status.",
    )


class IndicatorNarrative(DutchModel):
    model_config = ConfigDict(title="Toelichting op een indicator")

    explanation: Text | None = Field(default=None, alias="toelichting", description="Wat de cijfers van deze periode zeggen (Markdown).")
    attention: Text | None = Field(default=None, alias="aandacht", description="Aandachtspunten en acties (Markdown, mag weg).")
    status_overrides: list[StatusOverride] = Field(
        default_factory=list, alias="handmatige_status",
        description="Status met de hand vaststellen, altijd met een `reden`. Gebruik dit alleen als de berekende status misleidt.",
    )
