"""An edition's overview: its KPIs per goal with their status."""

from __future__ import annotations

from typing import Iterator

from generator.compute.views import EditionView
from generator.render.model import Address, NavPlace, Page, pdf_path
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/edition.html"


def edition_section(edition: EditionView) -> tuple[str, str]:
    """The nav section of an edition's pages (key, title)."""
    return (edition.summary.slug, edition.summary.label)


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    slug = edition.summary.slug
    address = Address(f"{slug}/", index=True)
    body = ctx.renderer.render(
        TEMPLATE, address, edition=edition, pdf_url=pdf_path(slug) if ctx.with_pdf else None,
    )
    yield Page(address, edition.summary.title, body, description=f"KPI-overzicht {edition.summary.label}",
               nav=NavPlace((edition_section(edition),), "Overzicht"))


KIND = PageKind("edition", Scope.EDITION, TEMPLATE, make)
