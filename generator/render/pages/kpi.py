"""One page per KPI of an edition, with its charts, listed under its goal."""

from __future__ import annotations

from typing import Iterator

from generator.compute.views import EditionView
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.edition_overview import edition_section
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/indicator.html"


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    renderer = ctx.renderer
    for goal in edition.goals:
        sections = (edition_section(edition), (goal.slug, goal.nav_title))
        for ind in goal.indicators:
            address = Address(f"{edition.summary.slug}/kpi/{ind.id}/")
            body = renderer.render(
                TEMPLATE, address, edition=edition, goal=goal, indicator=ind,
                indicator_charts=renderer.charts.indicator_blocks(edition, ind, address),
            )
            yield Page(address, f"KPI {ind.number}: {ind.title}", body,
                       description=f"{ind.title}, {edition.summary.label}",
                       nav=NavPlace(sections, f"KPI {ind.number}: {ind.title}"))


KIND = PageKind("kpi", Scope.EDITION, TEMPLATE, make)
