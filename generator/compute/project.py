"""The compute stage in one place: a loaded project in, every edition computed, once.

Tables, free pages and citations first (per computed edition), then the KPI views of
every edition with one shared history cache, then what changed since the edition
before. Problems found on the way (a total that does not add up, a citation of an
unknown figure, a snapshot that no longer fits) go to the model's problem list; the
caller (generator/site/build.py) decides whether they stop the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.changes import with_changes
from generator.compute.content import EditionContent, TableCharts
from generator.compute.kpi import HistoryCache, edition_view, hand_set_statuses
from generator.compute.pages import compute_edition_content
from generator.compute.revisions import revised_frozen_figures
from generator.compute.snapshot import frozen_views
from generator.compute.views import EditionView
from generator.core.periods import Period
from generator.model.project import ProjectModel


@dataclass(frozen=True)
class ComputedProject:
    model: ProjectModel
    editions: list[EditionView]  # every edition, newest first
    content: dict[Period, EditionContent]  # tables, free pages and texts of the computed editions


def compute_project(model: ProjectModel, charts: TableCharts) -> ComputedProject:
    """Views of every edition, newest first.

    A frozen (published) edition's view comes from its snapshot, never from the current
    figures. Every other edition is computed, oldest first, so that what changed since
    the previous edition (frozen or not) can be added to it.
    """
    views = frozen_views(model.frozen, model.paths.rel, model.problems)
    # Frozen editions' hand-set statuses, so the history of later editions shows them too.
    history = HistoryCache(model, hand_set_statuses(views))
    content = {
        period: compute_edition_content(model, edition, model.problems, history, charts)
        for period, edition in model.editions.items()
    }
    for period in sorted(model.editions):
        views[period] = with_changes(edition_view(model, model.editions[period], history, content[period]), views)
    ordered = [views[p] for p in sorted(views, reverse=True)]
    revised_frozen_figures(model, ordered)
    return ComputedProject(model, ordered, content)
