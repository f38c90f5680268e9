"""An editor's free page (pagina's/*.yml) of an edition: Markdown with computed tables and charts."""

from __future__ import annotations

from typing import Iterator

from jinja2 import Environment
from markupsafe import Markup

from generator.charts.tables import table_spec
from generator.compute.views import EditionView, PageView, block_token
from generator.core.markdown import render_markdown
from generator.core.vocabulary import PageRole
from generator.render.chart_blocks import ChartBook
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.edition_overview import edition_section
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/page.html"


def render_page_body(env: Environment, page: PageView, charts: ChartBook | None = None,
                     address: Address = Address("")) -> str:
    """A free page: the editor's Markdown, sanitised, with the computed tables and charts put
    in afterwards (editors cannot inject HTML; our tables and charts survive the sanitiser)."""
    html = render_markdown(page.body_md, free_page=True)
    table_macro = env.get_template("partials/_data_table.html").module.data_table  # type: ignore[attr-defined]
    for index, block in enumerate(page.blocks):
        token = block_token(index)
        if block.kind == "grafiek" and block.table is not None and charts is not None:
            block_html = str(charts.block(table_spec(block.table, block.chart), address)).strip()
        else:
            block_html = str(table_macro(block.table)).strip() if block.table is not None else ""
        html = html.replace(f"<p>{token}</p>", block_html).replace(token, block_html)
    return html


def make(ctx: SiteContext, edition: EditionView) -> Iterator[Page]:
    renderer = ctx.renderer
    for free in edition.pages:
        if free.role != PageRole.PAGE:
            continue  # a letter or an annex: render/pages/letter.py, annex.py
        address = Address(f"{edition.summary.slug}/{free.slug}/")
        body = renderer.render(
            TEMPLATE, address, edition=edition, page=free,
            body=Markup(render_page_body(renderer.env, free, renderer.charts, address)),
        )
        yield Page(address, free.title, body, description=f"{free.title}, {edition.summary.label}",
                   nav=NavPlace((edition_section(edition),), free.title))


KIND = PageKind("page", Scope.EDITION, TEMPLATE, make)
