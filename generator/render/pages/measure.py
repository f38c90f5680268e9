"""One page per measure (maatregel), listed under its pillar."""

from __future__ import annotations

from typing import Iterator

from generator.compute.views import EditionView
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.kind import PageKind, Scope, SiteContext
from generator.render.pages.measures_pillar import pillar_sections

TEMPLATE = "pages/measure.html"


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    measures = edition.measures
    if measures is None:
        return
    for pillar in measures.pillars:
        sections = pillar_sections(edition, pillar)
        for measure in pillar.measures:
            address = Address(measure.url)
            body = ctx.renderer.render(
                TEMPLATE, address, edition=edition, measures=measures, pillar=pillar, measure=measure,
            )
            yield Page(address, f"Maatregel {measure.number}: {measure.title}", body,
                       description=f"{measure.title}, {edition.summary.label}",
                       nav=NavPlace(sections, f"{measure.number} {measure.title}"))


KIND = PageKind("measure", Scope.EDITION, TEMPLATE, make)
