"""Compile an edition's Typst document into a PDF/A-2a + PDF/UA-1 file (no browser).

Typst refuses to write a document that breaks either standard (an image without
alternative text, a missing title or language), so a PDF that is written conforms as
far as Typst checks. The fonts (DejaVu Sans, and Liberation Sans in the charts) are
embedded; other system fonts are ignored so every machine makes the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

from generator.compute.views import EditionView
from generator.core.paths import ProjectPaths
from generator.pdf.typst_tags import tag_row_headers
from generator.pdf.typst_document import PrintSettings, TypstDocument, edition_document
from generator.render.pages.kind import EditionMake, Scope, SiteContext
from generator.render.pages.registry import kinds
from generator.render.model import Page
from generator.render.renderer import Renderer

PDF_STANDARDS = ["a-2a", "ua-1"]
# DejaVu Sans for the text (fonts-dejavu-core); Liberation Sans (fonts-liberation2) for
# the charts' SVG text: the font their labels were measured with (charts/theme.py).
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation2"))


class PdfFailed(RuntimeError):
    """Typst refused the document (a Dutch message)."""


def edition_pages(paths: ProjectPaths, edition: EditionView, renderer: Renderer | None = None) -> dict[str, list[Page]]:
    """The edition's site pages per page kind, with their charts drawn in."""
    renderer = renderer or Renderer(paths)
    ctx = SiteContext(renderer, edition.organisation, [edition], None, [], False, None, False)
    by_kind: dict[str, list[Page]] = {}
    everything: list[Page] = []
    for kind in kinds(Scope.EDITION):
        made = list(cast(EditionMake, kind.make)(ctx, edition))
        by_kind[kind.name] = made
        everything.extend(made)
    renderer.charts.finish(everything)
    return by_kind


def font_paths() -> list[str]:
    return [str(d) for d in FONT_DIRS if d.is_dir()]


def compile_pdf(document: TypstDocument) -> bytes:
    import typst  # only when printing

    try:
        pdf = typst.compile(
            document.source.encode("utf-8"),
            pdf_standards=PDF_STANDARDS,
            timestamp=document.timestamp,
            font_paths=font_paths(),
            ignore_system_fonts=True,
        )
    except typst.TypstError as exc:
        raise PdfFailed(f"de PDF kon niet worden gemaakt: {exc.message}") from None
    return tag_row_headers(pdf, document.row_headers)


def compile_pdf_isolated(document: TypstDocument) -> bytes:
    """`compile_pdf` in a process of its own. The Python binding never empties Typst's memo
    cache, so one process printing edition after edition keeps every edition's layout
    (measured: about 2 GB more per edition of 80 KPIs); the cache goes with the process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(compile_pdf, document).result()


def edition_typst(paths: ProjectPaths, edition: EditionView, settings: PrintSettings,
                  renderer: Renderer | None = None) -> TypstDocument:
    return edition_document(edition, edition_pages(paths, edition, renderer), settings)


def site_pages_by_kind(pages: list[Page], slug: str) -> dict[str, list[Page]]:
    """An edition's pages of an already rendered site (charts drawn), per page kind."""
    by_kind: dict[str, list[Page]] = {kind.name: [] for kind in kinds(Scope.EDITION)}
    for page in pages:
        if page.edition == slug and page.kind in by_kind:
            by_kind[page.kind].append(page)
    return by_kind


def write_edition_pdfs(
    paths: ProjectPaths, editions: list[tuple[EditionView, Path]], settings: PrintSettings,
    site_pages: list[Page] | None = None,
) -> list[Path]:
    """Write each (edition, output file) pair atomically; returns the files written.
    `site_pages`: the build's rendered pages, so the site's pages are not rendered twice."""
    written = []
    renderer = Renderer(paths)
    # More than one edition: each compiled in a process of its own (see compile_pdf_isolated).
    compile_one = compile_pdf if len(editions) == 1 else compile_pdf_isolated
    for edition, output in editions:
        if site_pages is not None:
            document = edition_document(edition, site_pages_by_kind(site_pages, edition.summary.slug), settings)
        else:
            document = edition_typst(paths, edition, settings, renderer)
        pdf = compile_one(document)
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp")
        tmp.write_bytes(pdf)
        os.replace(tmp, output)
        written.append(output)
    return written
