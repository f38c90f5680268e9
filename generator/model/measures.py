"""Load and validate the measures (maatregelen) part of a project.

Everything is optional: without `content/maatregelen.yml` a project has no measures
pages and no errors. With it, every cross-reference is checked (pillar ids, measure
numbers, statuses) and all problems are collected with file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.load.files import editor_path_problem
from generator.load.yamlfile import YamlDoc, load_yaml
from generator.model.base import edition_folders, keyed_yaml_files, validate_doc
from generator.model.narrative import check_markdown_fields
from generator.model.measures_schema import (
    EditionMeasuresText,
    MeasureDefinition,
    MeasureProgress,
    MeasuresFile,
    Pillar,
    covered,
    file_key,
)
from generator.model.schema import in_effect
from generator.model.yields import YieldEntry, YieldKey, load_yields
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import Severity

DEFINITIONS = "maatregelen.yml"
PROGRESS_DIR = "maatregelen"  # per edition: one file per measure
EDITION_TEXT = "maatregelen.yml"  # per edition: introduction, conclusion, yield notes
DEFAULT_YIELDS_FILE = "opbrengsten.csv"


@dataclass
class EditionMeasures:
    """The measures part of one edition."""

    period: Period
    text: EditionMeasuresText | None = None
    progress: dict[str, MeasureProgress] = field(default_factory=dict)  # measure number -> progress
    files: dict[str, str] = field(default_factory=dict)  # measure number -> project-relative file


@dataclass
class MeasuresInput:
    settings: MeasuresFile
    pillars: list[Pillar]
    measures: list[MeasureDefinition]
    editions: dict[Period, EditionMeasures]
    yields: dict[YieldKey, YieldEntry]


def load_measures(paths: ProjectPaths, problems: Problems, skip: frozenset[Period] = frozenset(),
                  frozen: frozenset[Period] = frozenset()) -> MeasuresInput | None:
    """The measures of a project, or None when it has none (or they have errors).

    `skip`: editions whose progress is not read, because they are frozen and no other
    edition compares with them (see `frozen_not_compared` in generator/model/frozen_inputs.py).
    `frozen`: frozen editions; a measure added later is never reported missing there, since
    only a rectificatie could add its progress to a published edition.
    """
    definitions = paths.content / DEFINITIONS
    folders = list(edition_folders(paths))  # bad folder names are reported by the edition loader
    if not definitions.is_file():
        for _, folder in folders:
            for stray in (folder / PROGRESS_DIR, folder / EDITION_TEXT):
                if stray.exists():
                    problems.add(
                        paths.rel(stray), None,
                        "voortgang van maatregelen, maar content/maatregelen.yml ontbreekt",
                        "maak content/maatregelen.yml aan met de pijlers en maatregelen (zie docs/dev/measures.md)",
                    )
        return None
    doc = load_yaml(definitions, paths.rel(definitions), problems)
    settings = validate_doc(doc, MeasuresFile, problems) if doc else None
    if settings is None or doc is None:
        return None
    pillars, measures = [], []
    for i in range(len(settings.pillars)):
        if (pillar := validate_doc(doc, Pillar, problems, ("pijlers", i))) is not None:
            check_markdown_fields(doc, pillar, problems, ("pijlers", i))
            pillars.append(pillar)
    for i in range(len(settings.measures)):
        if (measure := validate_doc(doc, MeasureDefinition, problems, ("maatregelen", i))) is not None:
            check_markdown_fields(doc, measure, problems, ("maatregelen", i))
            measures.append(measure)
    check_markdown_fields(doc, settings, problems)
    # Ids and numbers of items that failed validation still exist for cross-references.
    pillar_ids = _raw_values(settings.pillars, "id")
    raw_numbers = set(_raw_values(settings.measures, "nummer"))
    _check_definitions(pillars, measures, pillar_ids, doc, problems)

    numbers = [m.number for m in measures]
    editions: dict[Period, EditionMeasures] = {}
    for period, folder in folders:
        if period in skip:
            continue
        expected = [] if period in frozen else [m.number for m in measures if in_effect(m.since, period)]
        edition = _load_edition(paths, period, folder, numbers, expected, raw_numbers, pillar_ids, problems)
        if edition is not None:
            editions[period] = edition

    yields: dict[YieldKey, YieldEntry] = {}
    yields_name = settings.yields_file or DEFAULT_YIELDS_FILE
    yields_path = paths.data / yields_name
    refused = editor_path_problem(yields_name, "data/")
    if refused:
        problems.add(doc.rel, doc.line_of(("opbrengsten",)), f"opbrengstenbestand: {refused[0]}", refused[1])
    elif yields_path.exists() or yields_path.is_symlink():
        yields = load_yields(yields_path, paths.rel(yields_path), pillar_ids, problems)
    elif settings.yields_file:
        problems.add(doc.rel, doc.line_of(("opbrengsten",)), f"opbrengstenbestand `data/{yields_name}` bestaat niet")
    return MeasuresInput(settings, pillars, measures, editions, yields)


def _raw_values(items: list, key: str) -> list[str]:
    return list(dict.fromkeys(str(item[key]) for item in items if isinstance(item, dict) and item.get(key) is not None))


def _check_definitions(
    pillars: list[Pillar], measures: list[MeasureDefinition], pillar_ids: list[str], doc: YamlDoc, problems: Problems
) -> None:
    raw_pillars = doc.data.get("pijlers") or []
    raw_measures = doc.data.get("maatregelen") or []
    seen_pillars: set[str] = set()
    for pillar in pillars:
        i = _position(raw_pillars, "id", pillar.id, occurrence=pillar.id in seen_pillars)
        if pillar.id in seen_pillars:
            problems.add(doc.rel, doc.line_of(("pijlers", i, "id")), f"pijler `{pillar.id}` komt twee keer voor", "elke pijler heeft een eigen id")
        seen_pillars.add(pillar.id)
    seen: dict[str, int] = {}
    spans: list[tuple[str, int, int, str, int]] = []  # (prefix, first, last, number, line) of earlier entries
    for measure in measures:
        i = _position(raw_measures, "nummer", measure.number, occurrence=measure.number in seen)
        loc = ("maatregelen", i)
        line = doc.line_of(loc + ("nummer",))
        if measure.number in seen:
            problems.add(
                doc.rel, line, f"maatregel {measure.number} komt twee keer voor",
                f"eerder al op regel {seen[measure.number]}; elke maatregel heeft een eigen nummer",
            )
        else:
            seen[measure.number] = line or 0
        _check_overlap(measure, spans, doc.rel, line, problems)
        if measure.pillar not in pillar_ids:
            problems.add(
                doc.rel, doc.line_of(loc + ("pijler",)), f"pijler `{measure.pillar}` bestaat niet",
                suggest(measure.pillar, pillar_ids) or "bestaande pijlers: " + ", ".join(pillar_ids),
            )


def _check_overlap(measure: MeasureDefinition, spans: list[tuple[str, int, int, str, int]], rel: str,
                   line: int | None, problems: Problems) -> None:
    """A number covered by two entries ("1.3.1 t/m 1.3.8" and "1.3.4"): reported at the later one."""
    span = covered(measure.number)
    if span is None:
        return
    prefix, first, last = span
    for other_prefix, a, b, other, other_line in spans:
        if other_prefix == prefix and first <= b and a <= last and other != measure.number:
            problems.add(
                rel, line, f"maatregel {measure.number} overlapt met maatregel {other} (regel {other_line})",
                "elk nummer hoort bij één maatregel: maak de reeks korter of haal de losse maatregel weg",
            )
            return
    spans.append((prefix, first, last, measure.number, line or 0))


def _in_range_hint(key: str, numbers: list[str]) -> str | None:
    """For a progress file of one number that a range covers (1.3.4.yml): the range's file name."""
    span = covered(key)
    for number in numbers:
        other = covered(number) if file_key(number) != number else None
        if span and other and span[0] == other[0] and other[1] <= span[1] <= other[2]:
            return f"{key} valt onder maatregel {number}: zet de voortgang in {file_key(number)}.yml"
    return None


def _position(raw: list, key: str, value: str, occurrence: bool) -> int:
    """Index in the file of the first (or, for a duplicate, the second) item with `key: value`."""
    matches = [k for k, item in enumerate(raw) if isinstance(item, dict) and " ".join(str(item.get(key)).split()) == value]
    if not matches:
        return 0
    return matches[1] if occurrence and len(matches) > 1 else matches[0]


def _load_edition(
    paths: ProjectPaths, period: Period, folder: Path, numbers: list[str], expected: list[str], raw_numbers: set[str],
    pillar_ids: list[str], problems: Problems,
) -> EditionMeasures | None:
    text_path = folder / EDITION_TEXT
    progress_dir = folder / PROGRESS_DIR
    if not text_path.is_file() and not progress_dir.is_dir():
        return None  # this edition has no measures section
    edition = EditionMeasures(period)
    if text_path.is_file():
        doc = load_yaml(text_path, paths.rel(text_path), problems)
        edition.text = validate_doc(doc, EditionMeasuresText, problems) if doc else None
        if edition.text is not None and doc is not None:
            check_markdown_fields(doc, edition.text, problems)
            for pillar_id in edition.text.yield_notes:
                if pillar_id not in pillar_ids:
                    problems.add(
                        doc.rel, doc.line_of(("toelichting_opbrengst", pillar_id)), f"pijler `{pillar_id}` bestaat niet",
                        suggest(pillar_id, pillar_ids) or "bestaande pijlers: " + ", ".join(pillar_ids),
                    )

    by_key = {file_key(n): n for n in numbers}  # "1.3.1-1.3.8" -> "1.3.1 t/m 1.3.8"
    raw_keys = {file_key(" ".join(n.split())) for n in raw_numbers}

    def unknown(key: str) -> tuple[str, str | None]:
        return (
            f"voortgang voor maatregel `{key}`, maar die maatregel staat niet in content/maatregelen.yml",
            _in_range_hint(key, numbers) or suggest(key, list(by_key))
            or "de bestandsnaam moet het nummer van een maatregel zijn, bijvoorbeeld 1.1.2.yml",
        )

    for key, doc in keyed_yaml_files(paths, progress_dir, by_key, raw_keys, problems, unknown):
        number = by_key[key]
        progress = validate_doc(doc, MeasureProgress, problems)
        if progress is not None:
            check_markdown_fields(doc, progress, problems)
            edition.progress[number] = progress
            edition.files[number] = doc.rel
    missing = [n for n in expected if n not in edition.progress]
    if missing and progress_dir.is_dir():
        problems.add(
            paths.rel(progress_dir), None,
            "geen voortgang voor maatregel(en) " + ", ".join(missing) + f" in {period}",
            "voeg per maatregel een bestand <nummer>.yml toe; zonder bestand toont de rapportage 'geen gegevens'. "
            "Begint een maatregel later, zet dan in content/maatregelen.yml bij die maatregel `vanaf:` met de eerste editie",
            severity=Severity.WARNING,
        )
    return edition
