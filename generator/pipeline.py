"""The whole pipeline in one place: load -> model -> compute -> render -> site."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.charts.embed import ChartBook
from generator.charts.render import Progress, RenderStats
from generator.compute.kpi import compute_all
from generator.compute.pages import compute_all_pages
from generator.compute.site import accessibility_view
from generator.compute.views import EditionView
from generator.model.project import ProjectModel, load_project
from generator.problems import Problem, Problems, ValidationFailed
from generator.project import ProjectPaths
from generator.periods import Period, PeriodError
from generator.render.pages import RenderedSite, pdf_path, render_site
from generator.render.print_document import PrintSettings
from generator.site import output
from generator.site.mkdocs_adapter import build_site


@dataclass
class BuildResult:
    pages: int
    editions: int
    site_dir: Path
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    frozen: int = 0  # editions shown from their snapshot
    reused: int = 0  # frozen editions whose pages came from the render cache
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (bench/)
    charts: RenderStats = field(default_factory=RenderStats)


def check(paths: ProjectPaths, strict: bool = False) -> ProjectModel:
    """Validate only. Raises ValidationFailed with every problem found.

    Tables and free pages are computed here too: a stated total that does not add up
    or a citation of an unknown figure is a validation error like any other.
    """
    project = load_project(paths)
    project.edition_pages = compute_all_pages(project)
    if project.problems:
        raise ValidationFailed(project.problems)
    if strict and project.problems.warnings:
        strict_problems = Problems()
        for w in project.problems.warnings:
            strict_problems.add(w.file, w.line, w.message, w.hint)
        raise ValidationFailed(strict_problems)
    return project


def _logo(paths: ProjectPaths, project: ProjectModel) -> Path | None:
    if project.site.logo:
        candidate = (paths.content / project.site.logo).resolve()
        if candidate.is_relative_to(paths.content.resolve()) and candidate.is_file():
            return candidate
    return None


def render(
    paths: ProjectPaths, project: ProjectModel, timings: dict[str, float] | None = None,
    chart_progress: Progress | None = None, charts: ChartBook | None = None, with_pdf: bool = False,
) -> tuple[RenderedSite, list[EditionView]]:
    started = time.perf_counter()
    editions = compute_all(project)
    computed = time.perf_counter()
    site_name = f"{project.site.organisation} · {project.site.title}"
    frozen = {fz.period.slug: fz.digest for fz in project.frozen.values()}
    rendered = render_site(
        paths, site_name, editions, _logo(paths, project), guide=project.site.guide,
        frozen=frozen, cache_dir=paths.work / "render-cache",
        charts=charts or ChartBook(paths, progress=chart_progress),
        accessibility=accessibility_view(project), with_pdf=with_pdf,
    )
    if timings is not None:
        timings["compute"] = computed - started
        timings["render"] = time.perf_counter() - computed
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
    The previous site stays untouched unless the whole build succeeds.
    `chart_progress(done, total)` is called while the charts are drawn.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    project = check(paths, strict=strict)
    timings["load"] = time.perf_counter() - started
    charts = ChartBook(paths, progress=chart_progress)
    rendered, editions = render(paths, project, timings, charts=charts, with_pdf=pdf)
    target = site_dir or paths.site
    refused = output.target_problem(target, [paths.content, paths.data, paths.templates, paths.mkdocs_config, paths.root / ".git", paths.work])
    if refused is None and (paths.work.is_symlink() or (paths.work.exists() and not paths.work.is_dir())):
        refused = f"`{paths.rel(paths.work)}` moet een gewone map zijn (geen koppeling); verwijder het, rapportage maakt het opnieuw"
    if refused:
        problems = Problems()
        where = paths.rel(target)
        problems.add(str(target) if where in ("", ".") else where, None, refused)
        raise ValidationFailed(problems)
    new = output.new_build_dir(target)
    site_started = time.perf_counter()
    try:
        build_site(paths, rendered, paths.work / "docs", new, source_date_epoch(editions))
        if pdf:
            from generator.pdf.edition import write_edition_pdfs

            jobs = [(e, new / pdf_path(e.summary.slug)) for e in editions]
            write_edition_pdfs(paths, jobs, print_settings(paths, project))
        output.swap_into_place(new, target)
    except BaseException:
        output.discard(new)
        raise
    timings["site"] = time.perf_counter() - site_started
    return BuildResult(
        pages=len(rendered.pages),
        editions=len(editions),
        site_dir=target,
        seconds=time.perf_counter() - started,
        warnings=project.problems.warnings,
        frozen=len(project.frozen),
        reused=len(rendered.reused),
        timings=timings,
        charts=charts.stats,
    )


def edition_pdf(paths: ProjectPaths, period_text: str, destination: Path | None = None) -> Path:
    """Validate, compute and print one edition's PDF; returns the file written."""
    from generator.pdf.edition import write_edition_pdfs

    try:
        period = Period.parse(period_text)
    except PeriodError as exc:
        raise EditionNotFound(str(exc)) from None
    project = check(paths)
    editions = {e.summary.period: e for e in compute_all(project)}
    edition = editions.get(str(period))
    if edition is None:
        known = ", ".join(sorted(editions)) or "geen"
        raise EditionNotFound(f"editie {period} bestaat niet; bestaande edities: {known}")
    target = destination or Path.cwd() / Path(pdf_path(edition.summary.slug)).name
    write_edition_pdfs(paths, [(edition, target)], print_settings(paths, project))
    return target


class EditionNotFound(ValueError):
    """The edition asked for does not exist (Dutch message)."""
