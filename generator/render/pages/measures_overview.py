"""The measures (maatregelen) overview of an edition."""

from __future__ import annotations

from typing import Iterator

from generator.compute.views import EditionView
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.edition_overview import edition_section
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/measures.html"


def measures_section(edition: EditionView) -> tuple[tuple[str, str], ...]:
    """The nav sections of the measures pages."""
    return (edition_section(edition), ("maatregelen", "Maatregelen"))


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    measures = edition.measures
    if measures is None:
        return
    label = edition.summary.label
    address = Address(measures.url, index=True)
    body = ctx.renderer.render(TEMPLATE, address, edition=edition, measures=measures)
    yield Page(address, f"{measures.title} {label}", body, description=f"Voortgang van de maatregelen, {label}",
               nav=NavPlace(measures_section(edition), "Overzicht"))


KIND = PageKind("measures", Scope.EDITION, TEMPLATE, make)
