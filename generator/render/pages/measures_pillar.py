"""One page per pillar of the measures, with its yield chart."""

from __future__ import annotations

from typing import Iterator

from markupsafe import Markup

from generator.charts.yields import yield_spec
from generator.compute.views import EditionView, PillarView, YieldTableView
from generator.render.chart_blocks import ChartBook
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.kind import PageKind, Scope, SiteContext
from generator.render.pages.measures_overview import measures_section

TEMPLATE = "pages/measures_pillar.html"


def pillar_sections(edition: EditionView, pillar: PillarView) -> tuple[tuple[str, str], ...]:
    """The nav sections of a pillar's pages (its overview and its measures)."""
    return (*measures_section(edition), (pillar.url, pillar.title))


def yield_charts(charts: ChartBook, table: YieldTableView, address: Address) -> list[Markup]:
    """The yield chart (expected against realised per year) of one pillar, for the `_chart.html` slot.

    Its text alternative is the table's own summary, which tells "not quantifiable" from
    "no amount yet"."""
    return [charts.block(yield_spec(table), address, summary=table.summary)]


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    measures = edition.measures
    if measures is None:
        return
    renderer = ctx.renderer
    for pillar in measures.pillars:
        address = Address(pillar.url, index=True)
        body = renderer.render(
            TEMPLATE, address, edition=edition, measures=measures, pillar=pillar,
            yield_charts=yield_charts(renderer.charts, pillar.yields, address) if pillar.yields else [],
        )
        yield Page(address, pillar.title, body,
                   description=f"Maatregelen {pillar.short_title}, {edition.summary.label}",
                   nav=NavPlace(pillar_sections(edition, pillar), "Overzicht"))


KIND = PageKind("measures-pillar", Scope.EDITION, TEMPLATE, make)
