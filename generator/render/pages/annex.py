"""An edition's annexes (free pages with `soort: bijlage`), numbered Bijlage 1, 2, ... in page order."""

from __future__ import annotations

from typing import Iterator

from markupsafe import Markup

from generator.compute.views import EditionView, PageView
from generator.core.vocabulary import PageRole
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.edition_overview import edition_section
from generator.render.pages.free_page import render_page_body
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/annex.html"


def annexes(edition: EditionView) -> list[tuple[str, PageView]]:
    """(the annex's numbered title, its page), numbered in the pages' order (volgorde, title)."""
    mine = [page for page in edition.pages if page.role == PageRole.ANNEX]
    return [(f"Bijlage {n}: {page.title}", page) for n, page in enumerate(mine, start=1)]


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    renderer = ctx.renderer
    for title, free in annexes(edition):
        address = Address(f"{edition.summary.slug}/{free.slug}/")
        body = renderer.render(
            TEMPLATE, address, edition=edition, page=free, annex_title=title,
            body=Markup(render_page_body(renderer.env, free, renderer.charts, address)),
        )
        yield Page(address, title, body, description=f"{title}, {edition.summary.label}",
                   nav=NavPlace((edition_section(edition),), title))


KIND = PageKind("annex", Scope.EDITION, TEMPLATE, make)
