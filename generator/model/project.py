"""Load and validate a whole project: every file, every cross-reference, all errors at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.csvfile import CsvTable, read_csv
from generator.load.files import editor_path_problem
from generator.load.imagefile import IMAGE_SUFFIXES, read_image
from generator.load.yamlfile import YamlDoc, load_yaml
from generator.model.base import edition_folders, keyed_yaml_files, validate_doc, validate_list
from generator.model.concept_marker import unrevised_files
from generator.model.figure_marks import FigureMark, read_mark, split_inline
from generator.model.frozen_inputs import FrozenEdition, frozen_not_compared, inspect_frozen, publish_marker
from generator.model.free_pages import PageSource, TableSource, load_edition_extras
from generator.model.tables import TableModels
from generator.model.measures import MeasuresInput, load_measures
from generator.model.schema import (
    Edition,
    Goal,
    IndicatorDefinition,
    IndicatorNarrative,
    SiteSettings,
)
from generator.model.narrative import check_markdown, check_markdown_fields
from generator.core.numbers import NotANumber, NumberTooLarge, is_missing, parse_number
from generator.core.periods import Period, PeriodError
from generator.core.problems import Problems, ValidationFailed, shorten, suggest
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import FREQUENCY_KIND, EditionStatus, Grouping, Severity, Unit

FIGURE_COLUMNS = ("indicator", "reeks", "periode", "waarde")


@dataclass(frozen=True)
class FigureKey:
    indicator: str
    series: str  # "" for an indicator without series
    period: Period


@dataclass
class FigureSource:
    file: str
    line: int


@dataclass
class EditionInput:
    period: Period
    folder: Path
    settings: Edition
    narratives: dict[str, IndicatorNarrative] = field(default_factory=dict)
    narrative_files: dict[str, str] = field(default_factory=dict)  # id -> rel path
    narrative_docs: dict[str, YamlDoc] = field(default_factory=dict)  # id -> parsed file (lines for citations)
    settings_doc: YamlDoc | None = None  # editie.yml (lines for citations in the foreword)
    tables: list[TableSource] = field(default_factory=list)  # tabellen.yml
    pages: list[PageSource] = field(default_factory=list)  # paginas/<slug>.md, in menu order


@dataclass
class ProjectModel:
    paths: ProjectPaths
    site: SiteSettings
    goals: list[Goal]
    indicators: list[IndicatorDefinition]
    # Editions computed from the current files (concept, or published but not yet frozen).
    editions: dict[Period, EditionInput]
    # None means "explicitly no figure" (n.v.t., -, empty): never 0.
    figures: dict[FigureKey, float | None]
    figure_sources: dict[FigureKey, FigureSource]
    problems: Problems
    measures: MeasuresInput | None = None  # None: the project reports no measures
    grouping: Grouping = Grouping.GOALS  # doelstellingen.yml `indeling:`
    # Published editions shown from their snapshot (generator/editions); not in `editions`.
    frozen: dict[Period, FrozenEdition] = field(default_factory=dict)
    # Comparator, estimate, teller/noemer of a figure (model/figure_marks.py); only figures that have one.
    figure_marks: dict[FigureKey, FigureMark] = field(default_factory=dict)

    @property
    def all_periods(self) -> list[Period]:
        return sorted(set(self.editions) | set(self.frozen))

    def indicator(self, indicator_id: str) -> IndicatorDefinition:
        return next(i for i in self.indicators if i.id == indicator_id)

    def series_names(self, ind: IndicatorDefinition) -> list[str]:
        return [s.name for s in ind.series] or [""]


def _required_yaml(paths: ProjectPaths, path: Path, problems: Problems) -> YamlDoc | None:
    rel = paths.rel(path)
    if not path.exists() and not path.is_symlink():
        problems.add(rel, None, "bestand ontbreekt", "maak het bestand aan; zie de handleiding voor een voorbeeld")
        return None
    return load_yaml(path, rel, problems)  # refuses folders, symlinks out of the project, ...


@dataclass(frozen=True)
class ChartSource:
    """An indicator's `grafiek:` and where it is written, for the chart checks (generator/charts/checks.py)."""

    indicator: IndicatorDefinition
    doc: YamlDoc
    loc: tuple


@dataclass
class ProjectReading:
    """Everything read, and every problem found; `model` is None when errors left it incomplete.

    Checks of layers above the model (the charts') add their problems before anyone
    raises, so an editor sees all problems at once: see `load` in generator/site/build.py.
    """

    problems: Problems
    model: ProjectModel | None
    charts: list[ChartSource] = field(default_factory=list)
    # With errors: the model of what did validate, so the next phase (tables, citations)
    # can still report its own problems in the same run (mkdocs' config/base.py pattern).
    # None when the errors leave too little (site, goals, indicators or figures).
    partial: ProjectModel | None = None

    def raise_problems(self) -> ProjectModel:
        if self.problems or self.model is None:
            raise ValidationFailed(self.problems)
        return self.model


def read_project(paths: ProjectPaths, table_models: TableModels, unfreeze: frozenset[Period] = frozenset()) -> ProjectReading:
    """Read and validate everything, collecting every problem; never raises ValidationFailed.

    `table_models` are the table kinds' models (generator/compute/tables: a layer above
    knows the kinds). A published edition whose files are unchanged is taken from its
    snapshot and not parsed again; `unfreeze` names editions to load from their files
    anyway (`publish`). The whole load, chart checks included: `generator.site.build.load`.
    """
    problems = Problems()
    reading = ProjectReading(problems, None)
    if not paths.content.is_dir():
        problems.add(paths.rel(paths.content), None, "map `content/` ontbreekt", "gebruik --project om naar de projectmap te wijzen")
        return reading

    site_doc = _required_yaml(paths, paths.content / "site.yml", problems)
    site = validate_doc(site_doc, SiteSettings, problems) if site_doc else None
    if site is not None and site_doc is not None:
        check_markdown_fields(site_doc, site, problems)
    if site is not None and site_doc is not None and site.logo:
        _check_logo(paths, site.logo, site_doc, problems)
    goals, goal_numbers, grouping = _load_goals(paths, problems)
    indicators, raw_ids = _load_indicators(paths, goal_numbers, problems, reading.charts)

    frozen: dict[Period, FrozenEdition] = {}
    editions = _load_editions(paths, indicators, raw_ids, problems, frozen, table_models, unfreeze)
    marks: dict[FigureKey, FigureMark] = {}
    figures, sources = _load_figures(paths, site, indicators, raw_ids, problems, site_doc, marks)
    _other_period_figures(set(editions) | set(frozen), indicators, figures, sources, problems)
    measures = load_measures(paths, problems, skip=frozen_not_compared(frozen, editions), frozen=frozenset(frozen))
    if site is not None:
        _unreferenced_data(paths, site, measures, problems)
    _missing_figures(editions, figures, sources, problems)

    if site is not None and goals is not None and indicators is not None:
        model = ProjectModel(
            paths, site, goals, indicators, editions, figures, sources, problems, measures=measures, frozen=frozen,
            grouping=grouping,
            figure_marks=marks,
        )
        if not problems:
            reading.model = model
        elif not any(p.file.startswith("data/") for p in problems.errors):
            # Figures with errors would make every citation of them fail as well: no second phase then.
            reading.partial = model
    return reading


# `bestand: <path>` in a tabellen.yml (frozen editions included: read as text, not parsed).
_TABLE_FILE = re.compile(r"^\s*(?:-\s+)?bestand:\s*[\"']?([^\"'#\s]+)", re.MULTILINE)
_DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm")


def _unreferenced_data(paths: ProjectPaths, site: SiteSettings, measures: MeasuresInput | None, problems: Problems) -> None:
    """Warn about a figures file under data/ that nothing reads: its figures would be silently ignored."""
    if not paths.data.is_dir():
        return
    used = {name.replace("\\", "/").lstrip("./") for name in site.figure_files}
    used.add((measures.settings.yields_file if measures is not None and measures.settings.yields_file else "opbrengsten.csv"))
    for tables in sorted(paths.editions.glob("*/tabellen.yml")) if paths.editions.is_dir() else []:
        try:
            used.update(m.group(1).lstrip("./") for m in _TABLE_FILE.finditer(tables.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            continue
    for path in sorted(paths.data.rglob("*")):
        rel = path.relative_to(paths.data).as_posix()
        if any(part.startswith(".") for part in path.relative_to(paths.data).parts) or rel.startswith("~$"):
            continue  # hidden files, Excel's lock files
        if path.is_file() and path.suffix.lower() in _DATA_SUFFIXES and rel not in used:
            problems.add(
                paths.rel(path), None, "dit bestand met cijfers wordt nergens gebruikt: zijn cijfers staan niet in de rapportage",
                "zet het bij `gegevens:` in content/site.yml (cijfers van indicatoren) of bij `bestand:` van een tabel in "
                "tabellen.yml; of verwijder het uit data/",
                severity=Severity.WARNING,
            )


def _missing_figures(editions: dict[Period, EditionInput], figures: dict[FigureKey, float | None] | None,
                     sources: dict[FigureKey, FigureSource] | None, problems: Problems) -> None:
    """Warn about an indicator with figures the period before a concept edition and not one row for that edition.

    Only concept editions: a published edition could not be fixed any more (issue 14 point 2)."""
    if not figures or not sources:
        return
    for period, edition in sorted(editions.items()):
        if edition.settings.status != EditionStatus.CONCEPT:
            continue
        before = period.previous()
        present = {key.indicator for key in figures if key.period == period}
        earlier: dict[str, FigureKey] = {}
        for key, value in figures.items():
            if key.period == before and value is not None and key.indicator not in present:
                earlier.setdefault(key.indicator, key)
        for ind_id, key in sorted(earlier.items()):
            src = sources[key]
            problems.add(
                src.file, None,
                f"indicator `{ind_id}` heeft cijfers voor {before} (regel {src.line}) maar geen enkele regel voor "
                f"{period}, de concept-editie",
                f"voeg de cijfers voor {period} toe aan {src.file}; is er (nog) geen cijfer, zet dan een regel met "
                "een lege waarde of n.v.t.",
                severity=Severity.WARNING,
            )


def _load_goals(paths: ProjectPaths, problems: Problems) -> tuple[list[Goal] | None, set | None, Grouping]:
    """(the valid goals, the numbers of all goals: those that failed validation still exist for
    cross-references, what the groups are: goals or domains)."""
    path = paths.content / "doelstellingen.yml"
    if not path.exists() and not path.is_symlink():
        return [], set(), Grouping.GOALS  # a report of measures only has no goals
    doc = _required_yaml(paths, path, problems)
    parsed = validate_list(doc, "doelstellingen", Goal, problems, others=("indeling",)) if doc else None
    if not parsed or doc is None:
        return None, None, Grouping.GOALS
    goals, raw_goals = parsed
    _check_goals(goals, doc, problems)
    return goals, {g.get("nummer") for g in raw_goals if isinstance(g, dict)}, _grouping(doc, problems)


def _grouping(doc: YamlDoc, problems: Problems) -> Grouping:
    raw = doc.data.get("indeling", Grouping.GOALS.value)
    if raw in {g.value for g in Grouping}:
        return Grouping(raw)
    problems.add(doc.rel, doc.line_of(("indeling",)), f"onbekende indeling `{raw}`",
                 "kies " + " of ".join(f"`{g.value}`" for g in Grouping))
    return Grouping.GOALS


def _load_indicators(
    paths: ProjectPaths, goal_numbers: set | None, problems: Problems, charts: list[ChartSource]
) -> tuple[list[IndicatorDefinition] | None, set[str]]:
    """(the valid indicators, the ids of all indicators, valid or not)."""
    path = paths.content / "indicatoren.yml"
    if not path.exists() and not path.is_symlink():
        return [], set()  # a report of measures only has no indicators
    doc = _required_yaml(paths, path, problems)
    parsed = validate_list(doc, "indicatoren", IndicatorDefinition, problems) if doc else None
    if not parsed or doc is None:
        return None, set()
    indicators, raw_inds = parsed
    raw_ids = {str(i.get("id")) for i in raw_inds if isinstance(i, dict) and i.get("id")}
    _check_indicators(indicators, goal_numbers, doc, problems, charts)
    for i, ind in enumerate(raw_inds):
        if isinstance(ind, dict) and isinstance(ind.get("definitie"), str):
            check_markdown(doc, ("indicatoren", i, "definitie"), ind["definitie"], problems)
    return indicators, raw_ids


def _by_id(indicators: list[IndicatorDefinition] | None) -> dict[str, IndicatorDefinition] | None:
    # The first definition wins when an id is doubled (that is reported once, in indicatoren.yml).
    if indicators is None:
        return None
    known: dict[str, IndicatorDefinition] = {}
    for ind in indicators:
        known.setdefault(ind.id, ind)
    return known


def _check_goals(goals: list[Goal], doc: YamlDoc, problems: Problems) -> None:
    seen: set[int] = set()
    for i, goal in enumerate(goals):
        if goal.number in seen:
            problems.add(doc.rel, doc.line_of(("doelstellingen", i, "nummer")), f"doelstelling {goal.number} komt twee keer voor")
        seen.add(goal.number)


def _check_indicators(
    indicators: list[IndicatorDefinition], goal_numbers: set | None, doc: YamlDoc, problems: Problems,
    charts: list[ChartSource],
) -> None:
    seen: set[str] = set()
    positions = {id(ind): i for i, ind in enumerate(indicators)}
    raw = doc.data.get("indicatoren") or []
    occurrence: dict[str, int] = {}
    for ind in indicators:
        # Position in the file (invalid items were skipped from `indicators`); a doubled id
        # is reported at its second occurrence.
        n = occurrence[ind.id] = occurrence.get(ind.id, -1) + 1
        matches = [k for k, r in enumerate(raw) if isinstance(r, dict) and r.get("id") == ind.id]
        i = matches[n] if n < len(matches) else positions[id(ind)]
        loc = ("indicatoren", i)
        if ind.id in seen:
            problems.add(doc.rel, doc.line_of(loc + ("id",)), f"indicator `{ind.id}` komt twee keer voor", "elke indicator heeft een eigen id")
        seen.add(ind.id)
        if goal_numbers is not None and ind.goal not in goal_numbers:
            problems.add(
                doc.rel,
                doc.line_of(loc + ("doelstelling",)),
                f"doelstelling {ind.goal} bestaat niet",
                "bestaande doelstellingen: " + ", ".join(str(n) for n in sorted(n for n in goal_numbers if isinstance(n, int)))
                if goal_numbers else f"er zijn geen doelstellingen: zet doelstelling {ind.goal} in content/doelstellingen.yml "
                "(dat bestand ontbreekt of is leeg)",
            )
        names: set[str] = set()
        for j, series in enumerate(ind.series):
            if series.name in names:
                problems.add(doc.rel, doc.line_of(loc + ("reeksen", j, "naam")), f"reeks `{series.name}` komt twee keer voor bij `{ind.id}`")
            names.add(series.name)
        _check_count_indicator(ind, loc, doc, problems)
        if ind.chart is not None:
            charts.append(ChartSource(ind, doc, loc + ("grafiek",)))


_COUNT_HINT = ("zet `richting: hoger is beter` of `richting: lager is beter`, of laat `streefwaarde` weg "
               "voor een telindicator zonder status")


def _check_count_indicator(ind: IndicatorDefinition, loc: tuple, doc: YamlDoc, problems: Problems) -> None:
    """A target needs a direction: without `richting` an indicator (or series) is a count without status."""
    if ind.direction is None and ind.targets:
        problems.add(doc.rel, doc.line_of(loc + ("streefwaarde",)),
                     f"`{ind.id}` heeft een `streefwaarde` maar geen `richting`", _COUNT_HINT)
    for j, series in enumerate(ind.series):
        if ind.direction is None and series.direction is None and series.targets:
            problems.add(doc.rel, doc.line_of(loc + ("reeksen", j, "streefwaarde")),
                         f"reeks `{series.name}` van `{ind.id}` heeft een `streefwaarde` maar geen `richting`", _COUNT_HINT)


def _load_editions(
    paths: ProjectPaths,
    indicators: list[IndicatorDefinition] | None,
    raw_ids: set[str],
    problems: Problems,
    frozen: dict[Period, FrozenEdition],
    table_models: TableModels,
    unfreeze: frozenset[Period] = frozenset(),
) -> dict[Period, EditionInput]:
    editions: dict[Period, EditionInput] = {}
    if not paths.editions.is_dir():
        problems.add(paths.rel(paths.editions), None, "map met edities ontbreekt", "maak content/edities/2023-Q1/editie.yml aan")
        return editions
    known = _by_id(indicators)
    for period, folder in edition_folders(paths, problems):
        snapshot = None
        marker = publish_marker(folder)
        if period not in unfreeze and (marker.exists() or marker.is_symlink()):
            problems.add(
                paths.rel(marker), None,
                f"de publicatie van editie {period} is onderbroken: {paths.rel(folder / 'editie.yml')} is misschien al "
                f"aangepast, maar de nieuwe bevroren versie ontbreekt",
                f"voer `rapportage publish {period}` opnieuw uit; dat zet editie.yml terug en publiceert opnieuw. "
                f"Wilt u niet publiceren: zet editie.yml terug (git) en verwijder {paths.rel(marker)}",
            )
            continue
        if period not in unfreeze:
            snapshot, unchanged = inspect_frozen(paths, folder, period, problems)
            if snapshot is not None and unchanged:
                frozen[period] = snapshot
                continue
        edition = _load_edition(paths, folder, period, problems, table_models, warn_unfrozen=snapshot is None and period not in unfreeze)
        narratives = _load_narratives(paths, folder / "indicatoren", known, raw_ids, problems)
        if edition is not None:
            for ind_id, (narrative, ndoc) in narratives.items():
                edition.narratives[ind_id] = narrative
                edition.narrative_files[ind_id] = ndoc.rel
                edition.narrative_docs[ind_id] = ndoc
            editions[period] = edition
    if not editions and not frozen and not problems:
        problems.add(paths.rel(paths.editions), None, "er is nog geen editie", "maak content/edities/2023-Q1/editie.yml aan")
    return editions


EARLIEST_DATE, LATEST_DATE = dt.date(1980, 1, 1), dt.date(2100, 12, 31)  # zip timestamps start in 1980


def _load_edition(
    paths: ProjectPaths, folder: Path, period: Period, problems: Problems, table_models: TableModels, warn_unfrozen: bool,
) -> EditionInput | None:
    """An edition computed from its files: editie.yml, tables and free pages (narratives apart)."""
    doc = _required_yaml(paths, folder / "editie.yml", problems)
    settings = validate_doc(doc, Edition, problems) if doc else None
    if settings is not None and doc is not None and settings.status == EditionStatus.PUBLISHED and warn_unfrozen:
        problems.add(
            doc.rel, doc.line_of(("status",)),
            f"editie {period} staat op gepubliceerd, maar is nog niet bevroren",
            f"voer `rapportage publish {period}` uit; tot dan rekent elke build deze editie opnieuw uit met de huidige cijfers",
            severity=Severity.WARNING,
        )
    unrevised_files(paths, folder, problems)
    if settings is not None and doc is not None:
        check_markdown(doc, ("voorwoord",), settings.foreword, problems)
        if not EARLIEST_DATE <= settings.date <= LATEST_DATE:
            # The build date of the site is the newest edition's date: gzip (sitemap) and zip
            # store it in 32 bits, so a date after 2106 used to end in "Interne fout".
            problems.add(
                doc.rel, doc.line_of(("datum",)),
                f"datum {settings.date.isoformat()} ligt buiten {EARLIEST_DATE.year}-{LATEST_DATE.year}",
                "schrijf de datum van de editie als jaar-maand-dag, bijvoorbeeld 2023-11-13",
            )
            settings = None
    edition = EditionInput(period, folder, settings, settings_doc=doc) if settings else None
    extras = load_edition_extras(paths, folder, problems, table_models)
    if edition is not None:
        edition.tables, edition.pages = extras.tables, extras.pages
    return edition


def _load_narratives(
    paths: ProjectPaths, folder: Path, known: dict[str, IndicatorDefinition] | None, raw_ids: set[str], problems: Problems,
) -> dict[str, tuple[IndicatorNarrative, YamlDoc]]:
    """indicator id -> (narrative, its file) of an edition's `indicatoren/<id>.yml`."""
    def unknown(ind_id: str) -> tuple[str, str | None]:
        assert known is not None
        return (
            f"toelichting voor indicator `{ind_id}`, maar die indicator bestaat niet",
            suggest(ind_id, set(known) | raw_ids) or "de bestandsnaam moet de id van een indicator uit content/indicatoren.yml zijn",
        )

    found = {}
    for ind_id, doc in keyed_yaml_files(paths, folder, known, raw_ids, problems, unknown):
        narrative = validate_doc(doc, IndicatorNarrative, problems)
        if narrative is None:
            continue
        check_markdown(doc, ("toelichting",), narrative.explanation, problems)
        check_markdown(doc, ("aandacht",), narrative.attention, problems)
        if known is not None and ind_id in known:
            _check_overrides(known[ind_id], narrative, doc, problems)
        found[ind_id] = (narrative, doc)
    return found


def _check_overrides(ind: IndicatorDefinition, narrative: IndicatorNarrative, doc: YamlDoc, problems: Problems) -> None:
    names = [s.name for s in ind.series]
    counts = {s.name for s in ind.series if s.direction is None} if ind.direction is None else set()
    for k, override in enumerate(narrative.status_overrides):
        loc = ("handmatige_status", k)
        if ind.direction is None and (not names or override.series in counts):
            problems.add(
                doc.rel, doc.line_of(loc), f"`{ind.id}` is een telindicator (zonder `richting`) en heeft geen status",
                "laat `handmatige_status` weg, of geef de indicator een `richting` en `streefwaarde`",
            )
        elif override.series is None and names:
            problems.add(
                doc.rel, doc.line_of(loc), f"`{ind.id}` heeft meerdere reeksen; geef met `reeks` aan welke",
                "kies uit: " + ", ".join(names),
            )
        elif override.series is not None and override.series not in names:
            problems.add(
                doc.rel, doc.line_of(loc + ("reeks",)), f"reeks `{override.series}` bestaat niet bij `{ind.id}`",
                suggest(override.series, names) or ("kies uit: " + ", ".join(names) if names else "deze indicator heeft geen reeksen; laat `reeks` weg"),
            )


def _check_logo(paths: ProjectPaths, logo: str, doc: YamlDoc, problems: Problems) -> None:
    line = doc.line_of(("logo",))
    refused = editor_path_problem(logo, "content/")
    if refused:
        problems.add(doc.rel, line, f"logo: {refused[0]}", refused[1])
        return
    path = paths.content / logo
    if not re.fullmatch(r"[A-Za-z0-9._-]+", path.name) or path.suffix.lower() not in IMAGE_SUFFIXES:
        problems.add(
            doc.rel, line, f"logo `{logo}` moet een .svg- of .png-bestand zijn met een eenvoudige naam",
            "gebruik letters, cijfers, punt, streepje of liggend streepje, bijvoorbeeld `logo.svg`",
        )
        return
    if not path.exists() and not path.is_symlink():
        problems.add(doc.rel, line, f"logo `content/{logo}` bestaat niet", "zet het bestand in de map content/ of laat `logo` weg")
        return
    read_image(path, paths.rel(path), problems)


def _load_figures(
    paths: ProjectPaths, site: SiteSettings | None, indicators: list[IndicatorDefinition] | None,
    raw_ids: set[str], problems: Problems, site_doc: YamlDoc | None = None,
    marks: dict[FigureKey, FigureMark] | None = None,
) -> tuple[dict[FigureKey, float | None], dict[FigureKey, FigureSource]]:
    figures: dict[FigureKey, float | None] = {}
    sources: dict[FigureKey, FigureSource] = {}
    if site is None:
        return figures, sources
    known = _by_id(indicators)
    for n, name in enumerate(site.figure_files):
        if _no_figures_needed(paths, name, indicators, site_doc):
            continue
        table = _figure_table(paths, name, site_doc, n, problems)
        if table is not None:
            _read_figure_rows(table, known, raw_ids, figures, sources, problems, {} if marks is None else marks)
    _fraction_traps(figures, sources, known, problems)
    return figures, sources


def _no_figures_needed(paths: ProjectPaths, name: str, indicators: list[IndicatorDefinition] | None,
                       site_doc: YamlDoc | None) -> bool:
    """True for the default figures file (`gegevens:` not written in site.yml) when it is
    missing and the project has no indicators: a report of measures only needs no figures."""
    written = site_doc is not None and isinstance(site_doc.data, dict) and "gegevens" in site_doc.data
    path = paths.data / name
    return not written and indicators == [] and not path.exists() and not path.is_symlink()


def _figure_table(paths: ProjectPaths, name: str, site_doc: YamlDoc | None, n: int, problems: Problems) -> CsvTable | None:
    """One figures file of `gegevens:`, read, with the columns it must have."""
    site_rel = site_doc.rel if site_doc else "content/site.yml"
    line = site_doc.line_of(("gegevens", n)) if site_doc else None
    refused = editor_path_problem(name, "data/")
    if refused:
        problems.add(site_rel, line, f"gegevensbestand: {refused[0]}", refused[1])
        return None
    path = paths.data / name
    rel = paths.rel(path)
    if not path.exists() and not path.is_symlink():
        problems.add(site_rel, line, f"gegevensbestand `data/{name}` bestaat niet", "controleer de bestandsnaam (hoofdletters tellen mee)")
        return None
    table = read_csv(path, rel, problems)
    if table is None:
        return None
    doubled = [h for c, h in zip(table.columns, table.headers or table.columns) if c in FIGURE_COLUMNS and table.columns.count(c) > 1]
    if doubled:
        problems.add(rel, table.header_line, f"kolom `{doubled[-1]}` komt twee keer voor", "geef elke kolom een eigen naam")
        return None
    missing = [c for c in FIGURE_COLUMNS if c not in table.columns]
    if missing:
        problems.add(
            rel, table.header_line,
            "kolom(men) ontbreken: " + ", ".join(f"`{c}`" for c in missing),
            "de kopregel moet zijn: " + ";".join(FIGURE_COLUMNS),
        )
        return None
    return table


# Figures per indicator and series: 50 years of quarters, 16 years of months. Every KPI page
# draws its whole history; 2,000 periods took minutes and overflowed the chart renderer.
MAX_PERIODS_PER_SERIES = 200


def _read_figure_rows(
    table: CsvTable, known: dict[str, IndicatorDefinition] | None, raw_ids: set[str],
    figures: dict[FigureKey, float | None], sources: dict[FigureKey, FigureSource], problems: Problems,
    marks: dict[FigureKey, FigureMark],
) -> None:
    rel = table.rel
    last_period: dict[tuple[str, str], tuple[Period, int]] = {}
    counts: dict[tuple[str, str], int] = {}
    for row in table.rows:
        v = row.values
        if row.last_line is not None:
            problems.add(
                rel, row.line, f"deze regel loopt door tot regel {row.last_line}: een cel bevat een regeleinde",
                "meestal een aanhalingsteken (\") dat niet gesloten is; een cijferregel past op één regel",
            )
            continue
        ind_id, series = v["indicator"], v["reeks"]
        try:
            period = Period.parse(v["periode"])
        except PeriodError as exc:
            problems.add(rel, row.line, shorten(str(exc), 160))
            continue
        if known is not None:
            ind = known.get(ind_id)
            if ind is None and ind_id not in raw_ids:
                problems.add(rel, row.line, f"onbekende indicator `{shorten(ind_id)}`", suggest(ind_id, set(known) | raw_ids))
                continue
            # An indicator whose definition has errors: its series cannot be checked.
            problem = _series_problem(ind, series) if ind is not None else None
            if problem:
                problems.add(rel, row.line, *problem)
                continue
        inline, raw_value = split_inline(v["waarde"])
        ok, value = _figure_value(raw_value, rel, row.line, problems)
        if not ok:
            continue
        ind_def = known.get(ind_id) if known is not None else None
        ok, value, mark = read_mark(v, value, raw_value, inline, _series_unit(ind_def, series), rel, row.line, problems)
        if not ok:
            continue
        key = FigureKey(ind_id, series, period)
        if key in figures:
            first = sources[key]
            problems.add(
                rel, row.line,
                f"dubbele regel voor `{ind_id}`{' / ' + series if series else ''} in {period}",
                f"eerder al op {first.file}:{first.line}",
            )
            continue
        previous = last_period.get((ind_id, series))
        if previous is not None and period < previous[0]:
            problems.add(
                rel, row.line,
                f"periode {period} staat na {previous[0]} (regel {previous[1]}) bij `{ind_id}`{' / ' + series if series else ''}",
                "zet de regels per indicator en reeks op volgorde van periode; staat het jaartal goed?",
            )
        else:
            last_period[(ind_id, series)] = (period, row.line)
        counts[(ind_id, series)] = count = counts.get((ind_id, series), 0) + 1
        if count > MAX_PERIODS_PER_SERIES:
            if count == MAX_PERIODS_PER_SERIES + 1:  # once per series, at the first row over the limit
                problems.add(
                    rel, row.line,
                    f"`{ind_id}`{' / ' + series if series else ''} heeft meer dan {MAX_PERIODS_PER_SERIES} perioden; de grens is {MAX_PERIODS_PER_SERIES}",
                    "zet oudere cijfers in een archiefbestand buiten data/; grafieken en historie worden met zoveel perioden onleesbaar",
                )
            continue
        figures[key] = value
        sources[key] = FigureSource(rel, row.line)
        if not mark.empty:
            marks[key] = mark
            _small_basis(ind_def, series, key, mark, rel, row.line, problems)
        if known is not None and ind is not None and ind.unit == Unit.PERCENTAGE and value is not None:
            _percentage_trap(str(v["waarde"]).strip(), value, rel, row.line, problems)


def _series_unit(ind: IndicatorDefinition | None, series: str) -> str:
    s = next((d for d in ind.series if d.name == series), None) if ind is not None else None
    return (s.unit if s is not None and s.unit else None) or (ind.unit if ind is not None else "")


def _small_basis(ind: IndicatorDefinition | None, series: str, key: FigureKey, mark: FigureMark,
                 rel: str, line: int, problems: Problems) -> None:
    """Warn when a figure rests on fewer cases than the indicator's `minimale_n` (000: "nog erg laag")."""
    if ind is None or mark.denominator is None:
        return
    s = next((d for d in ind.series if d.name == series), None)
    minimum = s.minimum_n if s is not None and s.minimum_n is not None else ind.minimum_n
    if minimum is not None and mark.denominator < minimum:
        problems.add(
            rel, line,
            f"het cijfer van `{ind.id}`{' / ' + series if series else ''} in {key.period} rust op n = "
            f"{fmt_plain(mark.denominator)}, minder dan `minimale_n` ({minimum})",
            "de site toont het cijfer met \"weinig metingen\"; controleer de noemer of verlaag `minimale_n`",
            severity=Severity.WARNING,
        )


def _other_period_figures(edition_periods: set[Period], indicators: list[IndicatorDefinition] | None,
                          figures: dict[FigureKey, float | None], sources: dict[FigureKey, FigureSource],
                          problems: Problems) -> None:
    """A figure of a period kind no edition has (a year figure in quarterly editions) is shown only when the
    indicator's `meetfrequentie` says it is measured that way (issue 16 point 9); else it was silently lost."""
    kinds = {p.kind for p in edition_periods}
    known = _by_id(indicators)
    if not kinds or known is None:
        return
    words = {kind: frequency.value for frequency, kind in FREQUENCY_KIND.items()} | {"R": "reeks van maanden"}
    for key, src in sources.items():
        ind = known.get(key.indicator)
        if key.period.kind in kinds or ind is None:
            continue
        if ind.frequency is not None and FREQUENCY_KIND[ind.frequency] == key.period.kind:
            continue
        edition_words = " en ".join(sorted(words[k] for k in kinds))
        problems.add(
            src.file, src.line,
            f"{key.period} is een cijfer per {words[key.period.kind]}, maar de edities verschijnen per {edition_words}: "
            f"zo wordt het cijfer van `{key.indicator}` nooit getoond",
            _other_period_hint(key, words, max(edition_periods)),
        )


def _other_period_hint(key: FigureKey, words: dict[str, str], example: Period) -> str:
    same = f"schrijf de periode zoals die van de edities, bijvoorbeeld {example}"
    if key.period.kind not in FREQUENCY_KIND.values():  # a run of months is no measuring frequency
        return same
    word = words[key.period.kind]
    return (f"wordt `{key.indicator}` per {word} gemeten, zet dan `meetfrequentie: {word}` bij de indicator in "
            f"content/indicatoren.yml; anders: {same}")


_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def _percentage_trap(raw: str, value: float, rel: str, line: int, problems: Problems) -> None:
    """A percentage cell that is almost certainly not meant as written (issue 14 point 5)."""
    if _THOUSANDS.match(raw) and abs(value) > 100:
        problems.add(
            rel, line, f"`{raw}` in een percentage is gelezen als {raw.replace('.', '')}%: de punt scheidt duizendtallen",
            f"bedoelt u {raw.replace('.', ',').rstrip('0').rstrip(',')}? Schrijf decimalen met een komma",
            severity=Severity.WARNING,
        )


def _fraction_traps(figures: dict[FigureKey, float | None], sources: dict[FigureKey, FigureSource],
                    known: dict[str, IndicatorDefinition] | None, problems: Problems) -> None:
    """A percentage far below the rest of its series, like 0,12 among 70-90: a fraction, not a percentage."""
    if known is None:
        return
    by_series: dict[tuple[str, str], list[FigureKey]] = {}
    for key, value in figures.items():
        ind = known.get(key.indicator)
        if value is not None and ind is not None and ind.unit == Unit.PERCENTAGE:
            by_series.setdefault((key.indicator, key.series), []).append(key)
    for keys in by_series.values():
        values = sorted(figures[k] for k in keys)  # type: ignore[type-var]
        if len(values) < 3:
            continue
        median = values[len(values) // 2]
        for key in keys:
            value = figures[key]
            assert value is not None
            if 0 < value <= 1 and median >= 10:
                src = sources[key]
                problems.add(
                    src.file, src.line,
                    f"{fmt_plain(value)} wijkt sterk af van de andere cijfers van `{key.indicator}`"
                    f"{' / ' + key.series if key.series else ''} (rond {fmt_plain(median)}): is het een fractie?",
                    f"een percentage schrijft u als {fmt_plain(value * 100)}, niet als {fmt_plain(value)}",
                    severity=Severity.WARNING,
                )


def fmt_plain(value: float) -> str:
    return f"{value:.10g}".replace(".", ",")


def _figure_value(raw: str, rel: str, line: int, problems: Problems) -> tuple[bool, float | None]:
    """(readable, value) of a `waarde` cell; None means "explicitly no figure", never 0."""
    if is_missing(raw):
        return True, None
    try:
        return True, parse_number(raw)
    except NumberTooLarge:
        problems.add(
            rel, line, f"`{shorten(raw)}` in kolom `waarde` is onwaarschijnlijk groot",
            "controleer het getal (een typefout of een verschoven komma?)",
        )
    except NotANumber:
        problems.add(
            rel, line, f"`{shorten(raw)}` in kolom `waarde` is geen getal",
            "schrijf een getal (7,3 of 1.800), of laat de cel leeg / n.v.t. als er geen cijfer is",
        )
    return False, None


def _series_problem(ind: IndicatorDefinition, series: str) -> tuple[str, str | None] | None:
    """Why a CSV row's `reeks` does not fit the indicator, or None when it does."""
    names = [s.name for s in ind.series]
    if names and series not in names:
        if not series:
            return f"indicator `{ind.id}` heeft reeksen; vul de kolom `reeks` in", "kies uit: " + ", ".join(names)
        return f"reeks `{series}` bestaat niet bij indicator `{ind.id}`", suggest(series, names) or "kies uit: " + ", ".join(names)
    if not names and series:
        return f"indicator `{ind.id}` heeft geen reeksen; laat de kolom `reeks` leeg", None
    return None
