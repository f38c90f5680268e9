"""The home page: every edition, the newest published one first."""

from __future__ import annotations

from typing import Iterator

from generator.render.model import Address, NavPlace, Page
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/home.html"
ADDRESS = Address("", index=True)


def make(ctx: SiteContext) -> Iterator[Page]:
    body = ctx.renderer.render(
        TEMPLATE, ADDRESS, editions=ctx.editions, latest=ctx.latest, site_name=ctx.site_name,
        histories=ctx.histories,
    )
    yield Page(ADDRESS, ctx.site_name, body, description="Overzicht van alle edities", nav=NavPlace((), "Home"))


KIND = PageKind("home", Scope.SITE, TEMPLATE, make)
