"""Render every page of the site from computed views, kind by kind (render/pages/registry.py).

The result is engine-neutral (render/model.py): the site adapter turns it into a site.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, cast

from markupsafe import escape

from generator.compute.history import kpi_histories
from generator.compute.views import AccessibilityView, EditionView
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import EditionStatus
from generator.render.cache import RenderCache, pages_fingerprint
from generator.render.chart_blocks import ChartBook
from generator.render.environment import template_file
from generator.render.model import Page, RenderedEdition, RenderedSite, build_nav
from generator.render.pages.kind import EditionMake, Scope, SiteContext, SiteMake, StaticFile
from generator.render.pages.registry import PAGE_KINDS, kinds
from generator.render.renderer import PageMemo, Renderer


def render_edition(ctx: SiteContext, edition: EditionView) -> RenderedEdition:
    """All pages of one edition: a pure function of its view (and the templates)."""
    pages: list[Page] = []
    for kind in kinds(Scope.EDITION):
        for page in cast(EditionMake, kind.make)(ctx, edition):
            page.edition = edition.summary.slug
            page.kind = kind.name
            pages.append(page)
    # The CSV files of this edition's charts travel with its pages (and its render cache entry).
    return RenderedEdition(pages, ctx.renderer.charts.take_files())


def render_site(
    paths: ProjectPaths,
    site_name: str,
    editions: list[EditionView],
    logo: Path | None = None,
    guide: bool = False,
    frozen: dict[str, str] | None = None,
    cache_dir: Path | None = None,
    charts: ChartBook | None = None,
    accessibility: AccessibilityView | None = None,
    with_pdf: bool = False,
    memo: PageMemo | None = None,
) -> RenderedSite:
    """Every page of the site. `editions` newest first (shown published first); `frozen` maps the slug of each
    frozen edition to its snapshot digest, so its pages come from the render cache
    (in `cache_dir`) whenever the snapshot, the templates and the code are unchanged.
    Charts on any page are drawn all at once at the end (`charts`, a ChartBook).
    `with_pdf` links every edition overview to its PDF (made by `build --pdf`).
    `memo` (serve) remembers rendered pages in memory between calls."""
    renderer = Renderer(paths, charts, memo)
    published = [e for e in editions if e.summary.status == EditionStatus.PUBLISHED]
    # Home page and menu: the published editions first (newest first), then the concepts,
    # so a reader meets the newest published edition first. Histories keep the period order.
    shown = published + [e for e in editions if e.summary.status != EditionStatus.PUBLISHED]
    ctx = SiteContext(renderer, site_name, shown, published[0] if published else None,
                      kpi_histories(editions), guide, accessibility, with_pdf)
    pages: list[Page] = []
    files: dict[str, bytes] = {}
    reused: list[str] = []
    to_cache: list[Callable[[], None]] = []
    editions_done = False
    for kind in PAGE_KINDS:
        if kind.scope is Scope.EDITION:
            if not editions_done:
                reused, to_cache = _render_editions(ctx, paths, frozen or {}, cache_dir, pages, files)
                editions_done = True
            continue
        for out in cast(SiteMake, kind.make)(ctx):
            if isinstance(out, StaticFile):
                files[out.path] = out.data
            else:
                out.kind = kind.name
                pages.append(out)
    assets = {
        "assets/rapportage.css": template_file(paths, "assets/rapportage.css"),
        "assets/rapportage.js": template_file(paths, "assets/rapportage.js"),
    }
    if logo is not None:
        assets[f"assets/{logo.name}"] = logo
    files.update(renderer.charts.finish(pages))  # draws every chart of the site at once
    for put in to_cache:  # frozen editions go into the render cache once their charts are drawn
        put()
    if memo is not None:
        memo.forget_unused()
    return RenderedSite(pages, build_nav(pages), assets, site_name, files, reused)


def _render_editions(ctx: SiteContext, paths: ProjectPaths, frozen: dict[str, str], cache_dir: Path | None,
                     pages: list[Page], files: dict[str, bytes]) -> tuple[list[str], list[Callable[[], None]]]:
    """Every edition's pages (appended to `pages`), frozen ones from the render cache when it
    has them; returns the slugs of the editions taken from the cache, and for each frozen
    edition rendered afresh the call that caches it (once its charts are drawn)."""
    cache = RenderCache(cache_dir, pages_fingerprint(paths)) if cache_dir is not None and frozen else None
    extra = ctx.site_name + ("\0pdf" if ctx.with_pdf else "")  # the overview links to a PDF or not
    reused: list[str] = []
    fresh: list[Callable[[], None]] = []
    first = len(pages)
    for edition in ctx.editions:
        slug = edition.summary.slug
        digest = frozen.get(slug)
        part = cache.get(slug, digest, extra) if cache is not None and digest else None
        if part is not None:
            reused.append(slug)
        else:
            part = render_edition(ctx, edition)
            if cache is not None and digest:
                fresh.append(lambda slug=slug, digest=digest, part=part: cache.put(slug, digest, part, extra))
        pages.extend(part.pages)
        files.update(part.files)
    if cache is not None:
        cache.prune()
    _link_other_editions(ctx.renderer, pages[first:], ctx.editions)
    return reused, fresh


def _link_other_editions(renderer: Renderer, pages: list[Page], editions: list[EditionView]) -> None:
    """Fill each edition page's banner slot with the same page in the other editions."""
    have: dict[str, set[str]] = {}
    for page in pages:
        if page.edition:
            have.setdefault(page.edition, set()).add(page.url[len(page.edition) + 1:])
    template = renderer.env.get_template("partials/_other_editions.html")
    # This runs for every page of every edition, so the template renders once per set of
    # other editions, with placeholders for the hrefs, which are filled in per page.
    shapes: dict[tuple[tuple[str, bool], ...], str] = {}
    for page in pages:
        if not page.edition:
            continue
        key = page.url[len(page.edition) + 1:]
        others = [e for e in editions if e.summary.slug != page.edition and key in have.get(e.summary.slug, ())]
        shape = tuple((e.summary.label, e.summary.status == EditionStatus.CONCEPT) for e in others)
        html = shapes.get(shape)
        if html is None:
            links = [{"label": label, "concept": concept, "href": f"\x00{i}\x00"} for i, (label, concept) in enumerate(shape)]
            html = shapes[shape] = template.render(links=links).strip()
        # From one edition's folder to another's: up to the site root, then down (what
        # relative_url gives, as the first folders always differ).
        up = "../" * page.url.count("/")
        for i, e in enumerate(others):
            html = html.replace(f"\x00{i}\x00", str(escape(up + f"{e.summary.slug}/{key}")))
        page.others = html
