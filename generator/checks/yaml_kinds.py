"""Every kind of YAML file an editor writes, with the model that validates it.

One list, one place: `rapportage schema` writes a JSON Schema per kind from it,
the documentation test walks every kind's keys, and a test fails when an example
YAML file matches no kind. A feature that adds a kind of YAML file adds it here
(see docs/dev/editor-workflow.md).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from generator.model.measures_schema import (
    EditionMeasuresText,
    MeasureDefinition,
    MeasureProgress,
    MeasuresFile,
    Pillar,
)
from generator.compute.tables import TablesFile
from generator.model.tables import PageMeta
from generator.model.schema import (
    Edition,
    GoalsFile,
    IndicatorNarrative,
    IndicatorsFile,
    SiteSettings,
)

SCHEMA_DIR = "schemas"


@dataclass(frozen=True)
class YamlKind:
    name: str  # schema file: schemas/<name>.schema.json
    patterns: tuple[str, ...]  # project-relative globs; `*` never crosses a `/`
    model: type[BaseModel]
    title: str  # Dutch, shown by editors' tools
    description: str  # Dutch
    # Lists the loader validates item by item (typed `list[Any]` in the model):
    # key -> the model of one item, so the schema and the docs still know their keys.
    items: tuple[tuple[str, type[BaseModel]], ...] = ()

    def models(self) -> list[type[BaseModel]]:
        return [self.model, *(model for _, model in self.items)]

    @property
    def schema_path(self) -> str:
        return f"{SCHEMA_DIR}/{self.name}.schema.json"

    def matches(self, rel: str) -> bool:
        return any(_glob_match(rel, pattern) for pattern in self.patterns)


def _glob_match(rel: str, pattern: str) -> bool:
    parts, wanted = PurePosixPath(rel).parts, PurePosixPath(pattern).parts
    return len(parts) == len(wanted) and all(fnmatch.fnmatchcase(p, w) for p, w in zip(parts, wanted))


def _yml(pattern: str) -> tuple[str, str]:
    # The loader accepts both extensions.
    return (pattern, pattern[: -len(".yml")] + ".yaml")


KINDS: tuple[YamlKind, ...] = (
    YamlKind(
        "site", ("content/site.yml",), SiteSettings,
        "Instellingen van de rapportage",
        "content/site.yml: naam van de organisatie, titel, logo en de bestanden met cijfers.",
    ),
    YamlKind(
        "doelstellingen", ("content/doelstellingen.yml",), GoalsFile,
        "Doelstellingen",
        "content/doelstellingen.yml: de doelstellingen waar de indicatoren onder vallen.",
    ),
    YamlKind(
        "indicatoren", ("content/indicatoren.yml",), IndicatorsFile,
        "Indicatoren",
        "content/indicatoren.yml: de indicatoren (KPI's) met eenheid, richting en streefwaarden.",
    ),
    YamlKind(
        "editie", ("content/edities/*/editie.yml",), Edition,
        "Editie",
        "content/edities/<periode>/editie.yml: titel, status, datum en voorwoord van één editie.",
    ),
    YamlKind(
        "toelichting", _yml("content/edities/*/indicatoren/*.yml"), IndicatorNarrative,
        "Toelichting op een indicator",
        "content/edities/<periode>/indicatoren/<id>.yml: toelichting, aandachtspunten en eventueel een handmatige status.",
    ),
    YamlKind(
        "maatregelen", ("content/maatregelen.yml",), MeasuresFile,
        "Maatregelen",
        "content/maatregelen.yml: de pijlers en maatregelen van het programma (gelden voor alle edities).",
        items=(("pijlers", Pillar), ("maatregelen", MeasureDefinition)),
    ),
    YamlKind(
        "tabellen", _yml("content/edities/*/tabellen.yml"), TablesFile,
        "Tabellen",
        "content/edities/<periode>/tabellen.yml: tabellen die uit een CSV- of XLSX-bestand in data/ worden berekend.",
    ),
    # Front matter of a free page (Markdown, so no modeline); registered for the docs test.
    YamlKind(
        "pagina", ("content/edities/*/paginas/*.md",), PageMeta,
        "Kop van een vrije pagina",
        "De kop tussen `---`-regels bovenaan content/edities/<periode>/paginas/<naam>.md.",
    ),
    YamlKind(
        "maatregelen-editie", ("content/edities/*/maatregelen.yml",), EditionMeasuresText,
        "Maatregelen in een editie",
        "content/edities/<periode>/maatregelen.yml: inleiding, conclusie en toelichting op de opbrengsten.",
    ),
    YamlKind(
        "voortgang", _yml("content/edities/*/maatregelen/*.yml"), MeasureProgress,
        "Voortgang van een maatregel",
        "content/edities/<periode>/maatregelen/<nummer>.yml: statussen, voortgang, planning en risico's van één maatregel.",
    ),
)


def kind_for(rel: str) -> YamlKind | None:
    """The kind of the YAML file at project-relative path `rel`, or None."""
    return next((kind for kind in KINDS if kind.matches(rel)), None)


def yaml_files(root: Path) -> list[str]:
    """Project-relative paths of every YAML file under content/ (sorted)."""
    content = root / "content"
    if not content.is_dir():
        return []
    return sorted(
        p.relative_to(root).as_posix()
        for p in content.rglob("*")
        if p.suffix in (".yml", ".yaml") and p.is_file()
    )
