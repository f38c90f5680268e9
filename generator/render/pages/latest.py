"""/laatste/: a redirect to the newest published edition (a whole HTML document, not a page)."""

from __future__ import annotations

from typing import Iterator

from generator.render.model import Address
from generator.render.pages.kind import PageKind, Scope, SiteContext, StaticFile

TEMPLATE = "pages/latest.html"
ADDRESS = Address("laatste/", index=True)


def make(ctx: SiteContext) -> Iterator[StaticFile]:
    html = ctx.renderer.render(TEMPLATE, ADDRESS, latest=ctx.latest, site_name=ctx.site_name)
    yield StaticFile(f"{ADDRESS.url}index.html", html.encode("utf-8"))


KIND = PageKind("latest", Scope.SITE, TEMPLATE, make)
