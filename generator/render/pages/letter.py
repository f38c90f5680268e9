"""The letter that opens an edition (a free page with `soort: brief`): aanhef, body, signatures."""

from __future__ import annotations

from typing import Iterator

from markupsafe import Markup

from generator.compute.views import EditionView
from generator.core.vocabulary import PageRole
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.edition_overview import edition_section
from generator.render.pages.free_page import render_page_body
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/letter.html"


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    renderer = ctx.renderer
    for free in edition.pages:
        if free.role != PageRole.LETTER:
            continue
        address = Address(f"{edition.summary.slug}/{free.slug}/")
        body = renderer.render(
            TEMPLATE, address, edition=edition, page=free,
            body=Markup(render_page_body(renderer.env, free, renderer.charts, address)),
        )
        yield Page(address, free.title, body, description=f"{free.title}, {edition.summary.label}",
                   nav=NavPlace((edition_section(edition),), free.title))


KIND = PageKind("letter", Scope.EDITION, TEMPLATE, make)
