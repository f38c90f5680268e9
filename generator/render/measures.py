"""Pages of the measures (maatregelen) part of an edition: overview, one per pillar, one per measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.compute.views import EditionView, YieldTableView

if TYPE_CHECKING:
    from markupsafe import Markup

    from generator.charts.embed import ChartBook
    from generator.render.pages import NavItem, Page, Renderer


def yield_charts(charts: "ChartBook", table: YieldTableView, page_path: str) -> list[Markup]:
    """The yield chart (expected against realised per year) of one pillar, for the `_chart.html` slot.

    Its text alternative is the table's own summary, which tells "not quantifiable" from
    "no amount yet"."""
    from generator.charts.yields import yield_spec

    return [charts.block(yield_spec(table), page_path, summary=table.summary)]


def add_measure_pages(renderer: "Renderer", edition: EditionView, pages: list["Page"], section: "NavItem") -> None:
    """Append the measures pages of `edition` and their navigation entries (under `section`)."""
    from generator.render.pages import NavItem, Page

    measures = edition.measures
    if measures is None:
        return
    label = edition.summary.label
    overview = f"{measures.url}index.md"
    pages.append(Page(overview, f"{measures.title} {label}", renderer.render(
        "pages/measures.html", overview, edition=edition, measures=measures,
    ), description=f"Voortgang van de maatregelen, {label}"))
    nav = NavItem("Maatregelen", children=[NavItem("Overzicht", overview)])
    for pillar in measures.pillars:
        pillar_path = f"{pillar.url}index.md"
        pages.append(Page(pillar_path, pillar.title, renderer.render(
            "pages/measures_pillar.html", pillar_path, edition=edition, measures=measures, pillar=pillar,
            yield_charts=yield_charts(renderer.charts, pillar.yields, pillar_path) if pillar.yields else [],
        ), description=f"Maatregelen {pillar.short_title}, {label}"))
        pillar_nav = NavItem(pillar.title, children=[NavItem("Overzicht", pillar_path)])
        for measure in pillar.measures:
            path = f"{measure.url.rstrip('/')}.md"
            title = f"Maatregel {measure.number}: {measure.title}"
            pages.append(Page(path, title, renderer.render(
                "pages/measure.html", path, edition=edition, measures=measures, pillar=pillar, measure=measure,
            ), description=f"{measure.title}, {label}"))
            pillar_nav.children.append(NavItem(f"{measure.number} {measure.title}", path))
        nav.children.append(pillar_nav)
    section.children.append(nav)
