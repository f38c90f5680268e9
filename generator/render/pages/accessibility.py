"""The accessibility statement (toegankelijkheidsverklaring), linked from every footer."""

from __future__ import annotations

from typing import Iterator

from generator.render.model import Address, Page
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/toegankelijkheid.html"
ADDRESS = Address("toegankelijkheid/")


def make(ctx: SiteContext) -> Iterator[Page]:
    statement = ctx.accessibility
    if statement is None:
        return
    body = ctx.renderer.render(TEMPLATE, ADDRESS, statement=statement)
    yield Page(ADDRESS, "Toegankelijkheidsverklaring", body,
               description=f"Toegankelijkheidsverklaring van {statement.organisation}")


KIND = PageKind("accessibility", Scope.SITE, TEMPLATE, make)
