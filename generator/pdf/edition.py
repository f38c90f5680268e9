"""The PDF of an edition: render the print document from its views, print it offline."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from generator.compute.views import EditionView
from generator.pdf.printer import write_pdfs
from generator.core.paths import ProjectPaths
from generator.render.print_document import PrintSettings, render_print_document, toc_entries


def write_edition_pdfs(
    paths: ProjectPaths, editions: list[tuple[EditionView, Path]], settings: PrintSettings
) -> list[Path]:
    """Print each (edition, output file) pair; returns the files written."""
    jobs = []
    for edition, output in editions:
        render = partial(_render, paths, edition, settings)
        titles = {entry.anchor: entry.title for entry in toc_entries(edition)}
        jobs.append((render, titles, output))
    return write_pdfs(jobs)


def _render(paths: ProjectPaths, edition: EditionView, settings: PrintSettings, toc_pages: dict[str, int] | None) -> str:
    return render_print_document(paths, edition, settings, toc_pages)
