"""One KPI across all editions (KPI's door de tijd): a chart of what each edition
published (charts/history.py), then a table per series."""

from __future__ import annotations

from typing import Iterator

from generator.charts.history import history_specs
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.kind import PageKind, Scope, SiteContext

TEMPLATE = "pages/kpi_history.html"
SECTION = ("kpi", "KPI's door de tijd")


def make(ctx: SiteContext) -> Iterator[Page]:
    for history in ctx.histories:
        address = Address(f"kpi/{history.id}/")
        charts = [ctx.renderer.charts.block(spec, address) for spec in history_specs(history)]
        body = ctx.renderer.render(TEMPLATE, address, history=history, charts=charts)
        yield Page(address, f"KPI {history.number}: {history.title} in alle edities", body,
                   description=f"{history.title}: wat elke editie liet zien",
                   nav=NavPlace((SECTION,), f"KPI {history.number}: {history.title}"))


KIND = PageKind("kpi-history", Scope.SITE, TEMPLATE, make)
