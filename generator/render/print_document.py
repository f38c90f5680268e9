"""One self-contained HTML document per edition, made to be printed to PDF.

Same views and partials as the site; its own template (`print/edition.html`) and
print stylesheet (`assets/print.css`). Everything is inline (styles, logo, charts
as SVG), so printing needs no server and makes no request.
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.compute.views import EditionView
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import EditionStatus
from generator.render.environment import template_file
from generator.render.model import Address, Page
from generator.render.renderer import Renderer

PRINT_TEMPLATE = "print/edition.html"
STYLESHEETS = ("assets/rapportage.css", "assets/print.css")


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str  # exactly the heading's text: the PDF outline is matched on it
    level: int  # 1 = section, 2 = KPI


@dataclass(frozen=True)
class PrintSettings:
    """Site-wide settings the cover shows (the rest comes from the edition's views)."""

    subtitle: str | None = None
    logo: Path | None = None


def toc_entries(edition: EditionView) -> list[TocEntry]:
    entries = []
    if edition.foreword_md:
        entries.append(TocEntry("voorwoord", "Voorwoord", 1))
    entries.append(TocEntry("kpi-overzicht", "KPI-overzicht", 1))
    for goal in edition.goals:
        entries.append(TocEntry(f"doelstelling-{goal.number}", goal_heading(goal.number, goal.title), 1))
        for ind in goal.indicators:
            entries.append(TocEntry(f"kpi-{ind.id}", kpi_heading(ind.number, ind.title), 2))
    return entries


def goal_heading(number: int, title: str) -> str:
    return f"Doelstelling {number}: {title}"


def kpi_heading(number: str, title: str) -> str:
    return f"KPI {number}: {title}"


def css_string(text: str) -> str:
    """A CSS string literal (for @page margin boxes); escapes everything but plain characters."""
    out = []
    for ch in text:
        if ch.isalnum() or ch in " .,:;·–-()/":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def render_print_document(
    paths: ProjectPaths,
    edition: EditionView,
    settings: PrintSettings,
    toc_pages: dict[str, int] | None = None,
) -> str:
    """The print document; `toc_pages` (anchor -> page number) fills the table of contents."""
    renderer = Renderer(paths)
    address = Address(f"{edition.summary.slug}/print/")
    # The site's chart blocks; their SVGs are drawn (or read from the chart cache) below.
    charts = {
        ind.id: renderer.charts.indicator_blocks(edition, ind, address)
        for goal in edition.goals for ind in goal.indicators
    }
    css = "\n".join(template_file(paths, rel).read_text(encoding="utf-8") for rel in STYLESHEETS)
    summary = edition.summary
    running_head = f"{edition.organisation} · {summary.title}"
    status_text = "Gepubliceerd" if summary.status == EditionStatus.PUBLISHED else "Concept, nog niet gepubliceerd"
    html = renderer.render(
        PRINT_TEMPLATE,
        address,
        edition=edition,
        css=Markup(css),
        css_running_head=Markup(css_string(running_head)),
        css_status=Markup(css_string("CONCEPT" if summary.status == EditionStatus.CONCEPT else "")),
        subtitle=settings.subtitle,
        logo_uri=_data_uri(settings.logo) if settings.logo else None,
        status_text=status_text,
        toc=toc_entries(edition),
        toc_pages=toc_pages or {},
        goal_heading=goal_heading,
        kpi_heading=kpi_heading,
        print_charts=charts,
    )
    document = Page(address, summary.title, html)
    renderer.charts.finish([document])  # inline SVG: vectors in the PDF
    return document.body
