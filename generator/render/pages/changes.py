"""What changed in an edition since the previous one (wijzigingen)."""

from __future__ import annotations

from typing import Iterator

from generator.compute.views import EditionView
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.edition_overview import edition_section
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/changes.html"


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    label = edition.summary.label
    address = Address(f"{edition.summary.slug}/wijzigingen/")
    body = ctx.renderer.render(TEMPLATE, address, edition=edition, changes=edition.changes)
    yield Page(address, f"Wat is er veranderd in {label}", body,
               description=f"Veranderingen sinds de vorige editie, {label}",
               nav=NavPlace((edition_section(edition),), "Wat is er veranderd"))


KIND = PageKind("changes", Scope.EDITION, TEMPLATE, make)
