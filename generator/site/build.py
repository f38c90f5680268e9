"""The whole pipeline in one place: load (+ chart checks) -> compute -> render -> site."""

from __future__ import annotations

import datetime as dt
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.charts import tables as table_charts
from generator.charts.checks import check_chart_config
from generator.charts.stats import Progress
from generator.compute.project import ComputedProject, compute_project
from generator.compute.tables import TABLE_MODELS
from generator.compute.site import accessibility_view
from generator.compute.views import EditionView
from generator.load.imagefile import read_image
from generator.model.project import ProjectModel, read_project
from generator.core.problems import Problems, ValidationFailed
from generator.core.paths import ProjectPaths, scratch_problem
from generator.core.periods import Period, PeriodError
from generator.core.vocabulary import EditionStatus
from generator.pdf.typst_writer import write_edition_pdfs
from generator.render.chart_blocks import ChartBook
from generator.render.model import RenderedSite, pdf_path
from generator.pdf.typst_document import PrintSettings
from generator.render.renderer import PageMemo
from generator.render.site import render_site
from generator.site import manifest, output, unchanged as unchanged_inputs
from generator.site.result import BuildResult, write_last_build
from generator.site.mkdocs.adapter import Reuse, build_site, site_inputs

class Stopwatch:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - started


def load(paths: ProjectPaths, unfreeze: frozenset[Period] = frozenset()) -> ProjectModel:
    """Read and validate every file, the charts' settings included; ValidationFailed with all problems."""
    reading = read_project(paths, TABLE_MODELS, unfreeze)
    for chart in reading.charts:
        check_chart_config(chart.indicator, chart.doc, chart.loc, reading.problems)
    if reading.partial is not None:
        _next_phase(reading.partial)
    return reading.raise_problems()


# The files that define what others refer to (goals, indicators, measures, site settings).
_DEFINITIONS = {"content/site.yml", "content/doelstellingen.yml", "content/indicatoren.yml", "content/maatregelen.yml"}


def _next_phase(partial: ProjectModel) -> None:
    """Schema errors found: still compute what did validate, so table and reference errors
    of other files come in the same run. Only new errors in files without an error of their
    own are kept: a file with a schema error would only repeat it as follow-up faults."""
    problems = partial.problems
    before = list(problems.items)
    failed = {p.file for p in before if p.severity == "fout"}
    if failed & _DEFINITIONS:
        # A definition that did not validate is missing from the partial model: every
        # citation or narrative of it elsewhere would be reported as unknown.
        return
    try:
        compute(partial)
    except Exception:  # a partial model may miss what compute takes for granted; phase one stands
        pass
    found = problems.items[len(before):]
    problems.items = before + [p for p in found if p.severity == "fout" and p.file not in failed]


def compute(model: ProjectModel) -> ComputedProject:
    """Compute every edition, with the charts of tables checked ({{ grafiek(...) }})."""
    return compute_project(model, table_charts)


def check(
    paths: ProjectPaths, strict: bool = False, unfreeze: frozenset[Period] = frozenset(), watch: Stopwatch | None = None,
) -> ComputedProject:
    """Load and compute the whole project; raises ValidationFailed with every problem found.

    Computing belongs to checking: a stated total that does not add up or a citation of
    an unknown figure is a validation error like any other. The result is what `build`
    renders, so nothing is computed twice. `unfreeze`: see `read_project`.
    """
    watch = watch or Stopwatch()
    with watch("load"):
        model = load(paths, unfreeze)
    with watch("compute"):
        computed = compute(model)
    if model.problems:
        raise ValidationFailed(model.problems)
    if strict and model.problems.warnings:
        raise ValidationFailed(Problems.as_errors(model.problems.warnings))
    return computed


def _logo(paths: ProjectPaths, project: ProjectModel) -> Path | None:
    if project.site.logo:
        candidate = (paths.content / project.site.logo).resolve()
        if candidate.is_relative_to(paths.content.resolve()) and candidate.is_file():
            return _published_logo(paths, candidate)
    return None


def _published_logo(paths: ProjectPaths, source: Path) -> Path | None:
    """The logo as the site publishes it: the bytes read_image returns (an SVG rebuilt
    from its allow-list), written to the work folder; never the editor's file itself."""
    data = read_image(source, paths.rel(source), Problems())
    if data is None:
        return None
    target = paths.work / "logo" / source.name
    if target.is_symlink():
        target.unlink()
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target


def render(
    paths: ProjectPaths, computed: ComputedProject, watch: Stopwatch | None = None, cache: PageMemo | None = None,
    chart_progress: Progress | None = None, charts: ChartBook | None = None, with_pdf: bool = False,
    concepts: bool = True,
) -> tuple[RenderedSite, list[EditionView]]:
    """Render a computed project. `cache` (serve) remembers rendered pages between calls.
    `concepts=False` leaves the concept editions out (site.yml `concepten: false`)."""
    watch = watch or Stopwatch()
    refused = scratch_problem(paths.root, paths.work)
    if refused:  # rendering writes caches and the published logo there
        problems = Problems()
        problems.add(refused[0], None, refused[1])
        raise ValidationFailed(problems)
    project, editions = computed.model, computed.editions
    if not concepts:
        editions = [e for e in editions if e.summary.status != EditionStatus.CONCEPT]
    site_name = f"{project.site.organisation} · {project.site.title}"
    frozen = {fz.period.slug: fz.digest for fz in project.frozen.values()}
    charts = charts or ChartBook(paths, progress=chart_progress)
    with watch("render"):
        rendered = render_site(
            paths, site_name, editions, _logo(paths, project), guide=project.site.guide,
            frozen=frozen, cache_dir=paths.work / "render-cache", memo=cache, charts=charts,
            accessibility=accessibility_view(project), with_pdf=with_pdf,
        )
    # Drawing charts happens inside render_site; report it as a stage of its own.
    watch.stages["charts"] = charts.stats.seconds
    watch.stages["render"] -= charts.stats.seconds
    return rendered, editions


def source_date_epoch(editions: list[EditionView]) -> int | None:
    """A build date that depends only on the inputs: the newest edition's date (UTC midnight)."""
    if not editions:
        return None
    newest = max(dt.date.fromisoformat(e.summary.date) for e in editions)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())


def print_settings(paths: ProjectPaths, project: ProjectModel) -> PrintSettings:
    return PrintSettings(subtitle=project.site.subtitle, logo=_logo(paths, project))


def build(
    paths: ProjectPaths, strict: bool = False, site_dir: Path | None = None,
    chart_progress: Progress | None = None, pdf: bool = False,
) -> BuildResult:
    """Validate, compute, render and swap the new site into place.

    With `pdf`, every edition's PDF is printed into the new site before the swap.
    The previous site stays untouched unless the whole build succeeds. When the
    site on disk already is what this build would make, MkDocs does not run
    (a build with `pdf` always runs), and when not one input file changed since
    (generator/site/unchanged.py) nothing is even loaded.
    `chart_progress(done, total)` is called while the charts are drawn.
    """
    started = time.perf_counter()
    target = site_dir or paths.site
    # Read once per build (the site's digest walks every file), and taken before loading:
    # a file saved while this build runs makes the next one build.
    last = {} if pdf else manifest.last_build(paths.work, target)
    inputs = None if pdf else unchanged_inputs.inputs_of(paths, target)
    if inputs is not None:
        previous = unchanged_inputs.replay(paths, target, last, inputs, strict, started)
        if previous is not None:
            return previous
    watch = Stopwatch()
    computed = check(paths, strict=strict, watch=watch)
    refused = output.target_problem(target, [paths.content, paths.data, paths.templates, paths.mkdocs_config, paths.root / ".git", paths.work])
    if refused:
        problems = Problems()
        where = paths.rel(target)
        problems.add(str(target) if where in ("", ".") else where, None, refused)
        raise ValidationFailed(problems)
    project = computed.model
    charts = ChartBook(paths, progress=chart_progress)
    rendered, editions = render(paths, computed, watch, charts=charts, with_pdf=pdf, concepts=project.site.concepts)
    with watch("fingerprint"):
        made_from = site_inputs(paths, rendered)
        unchanged = manifest.unchanged(last, made_from.digest)
        same = None if unchanged else manifest.unchanged_pages(last, made_from.layout, made_from.pages)
    pages_reused = 0
    if not unchanged:
        manifest.forget(paths.work)
        new = output.new_build_dir(target)
        try:
            made = build_site(
                paths, rendered, paths.work / "docs", new, source_date_epoch(editions),
                reuse=Reuse(target, same) if same else None,
            )
            watch.stages.update(made.stages)
            pages_reused = made.pages_reused
            if pdf:
                with watch("pdf"):
                    jobs = [(e, new / pdf_path(e.summary.slug)) for e in editions]
                    write_edition_pdfs(paths, jobs, print_settings(paths, project), rendered.pages)
            with watch("swap"):
                output.swap_into_place(new, target)
        except BaseException:
            output.discard(new)
            raise
    timings = dict(watch.stages)
    timings["site"] = sum(timings.get(k, 0.0) for k in ("docs", "mkdocs", "pdf", "swap"))
    result = BuildResult(
        pages=len(rendered.pages),
        editions=len(editions),
        site_dir=target,
        seconds=time.perf_counter() - started,
        warnings=project.problems.warnings,
        frozen=len(project.frozen),
        reused=len(rendered.reused),
        timings=timings,
        charts=charts.stats,
        site_unchanged=unchanged,
        pages_reused=pages_reused,
    )
    if not pdf:  # also when the site was unchanged: the input files may have been touched
        manifest.record(
            paths.work, made_from.digest, target, made_from.layout, made_from.pages,
            inputs=inputs, summary=unchanged_inputs.summary(result),
        )
    write_last_build(paths, result)
    return result


def edition_pdf(paths: ProjectPaths, period_text: str, destination: Path | None = None) -> Path:
    """Validate, compute and print one edition's PDF; returns the file written."""
    try:
        period = Period.parse(period_text)
    except PeriodError as exc:
        raise EditionNotFound(str(exc)) from None
    computed = check(paths)
    project = computed.model
    editions = {e.summary.period: e for e in computed.editions}
    edition = editions.get(str(period))
    if edition is None:
        known = ", ".join(sorted(editions)) or "geen"
        raise EditionNotFound(f"editie {period} bestaat niet; bestaande edities: {known}")
    target = destination or Path.cwd() / Path(pdf_path(edition.summary.slug)).name
    write_edition_pdfs(paths, [(edition, target)], print_settings(paths, project))
    return target


class EditionNotFound(ValueError):
    """The edition asked for does not exist (Dutch message)."""
