"""Every page kind of the site, in the order their pages appear (and their nav entries).

Edition kinds render once per edition, newest edition first, at the place of the
first edition kind. A new page kind: a module in this package with its `KIND`, a line
here, its template under templates/pages/, a snapshot test (tests/test_page_kinds_snapshots.py).
"""

from __future__ import annotations

from generator.render.pages import (
    accessibility,
    annex,
    changes,
    edition_overview,
    free_page,
    guide,
    home,
    kpi,
    kpi_history,
    latest,
    letter,
    measure,
    measures_overview,
    measures_pillar,
)
from generator.render.pages.kind import PageKind, Scope

PAGE_KINDS: tuple[PageKind, ...] = (
    home.KIND,
    edition_overview.KIND,
    letter.KIND,
    changes.KIND,
    kpi.KIND,
    measures_overview.KIND,
    measures_pillar.KIND,
    measure.KIND,
    free_page.KIND,
    annex.KIND,
    kpi_history.KIND,
    latest.KIND,
    guide.KIND,
    accessibility.KIND,
)


def kinds(scope: Scope) -> list[PageKind]:
    return [kind for kind in PAGE_KINDS if kind.scope is scope]


def kind_named(name: str) -> PageKind:
    return next(kind for kind in PAGE_KINDS if kind.name == name)
