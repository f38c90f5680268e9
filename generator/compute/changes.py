"""What changed since the previous edition: status changes, targets crossed, revised
figures and measures whose planning moved.

Computed from two edition views only, so it is frozen with the edition: a published
edition keeps saying what had changed when it was published.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from generator.compute.views import (
    ChangesView,
    EditionRef,
    EditionView,
    IndicatorView,
    PlanningChange,
    RevisedFigure,
    SeriesView,
    StatusChange,
)
from generator.core.periods import Period
from generator.core.vocabulary import EditionStatus
from generator.core.vocabulary import Status

JUDGED = tuple(Status)  # statuses measured against a target


def edition_ref(view: EditionView) -> EditionRef:
    s = view.summary
    return EditionRef(period=s.period, label=s.label, title=s.title, status=s.status, url=s.url)


def previous_period(period: Period, periods: list[Period]) -> Period | None:
    """The edition a reader compares with: the newest earlier one of the same kind
    (Q2 after Q1), else the newest earlier one of any kind."""
    earlier = sorted(p for p in periods if p < period)
    same_kind = [p for p in earlier if p.kind == period.kind]
    return (same_kind or earlier or [None])[-1]


def with_changes(view: EditionView, views: Mapping[Period, EditionView]) -> EditionView:
    """`view` with what changed since the edition before it. A published edition is compared
    with the previous published one, never with a concept; a concept with the edition before it."""
    if view.summary.status == EditionStatus.PUBLISHED:
        views = {p: v for p, v in views.items() if v.summary.status == EditionStatus.PUBLISHED}
    prev = previous_period(Period.parse(view.summary.period), list(views))
    previous = views[prev] if prev is not None else None
    return view.model_copy(update={"changes": compute_changes(previous, view)})


def _indicators(view: EditionView) -> dict[str, IndicatorView]:
    return {ind.id: ind for goal in view.goals for ind in goal.indicators}


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _crossing(before: str, now: str) -> str | None:
    """"gehaald" / "niet-meer-gehaald" when the figures crossed the target, else None."""
    if before in JUDGED and now in JUDGED and (before == Status.GREEN) != (now == Status.GREEN):
        return "gehaald" if now == Status.GREEN else "niet-meer-gehaald"
    return None


def _status_change(ind: IndicatorView, old: SeriesView, series: SeriesView) -> StatusChange:
    """The shown statuses, each marked when set by hand; whether the target was crossed
    follows the figures (the computed statuses), so a hand-set status never makes the
    page say a target was reached or lost that the figures did not reach or lose."""
    return StatusChange(
        indicator_id=ind.id, number=ind.number, title=ind.title, series=series.name, url=ind.url,
        previous_status=old.status, previous_status_word=old.status_word, previous_value_text=old.value_text,
        status=series.status, status_word=series.status_word, value_text=series.value_text,
        crossing=_crossing(old.computed_status, series.computed_status),
        previous_computed_status=old.computed_status if old.override_reason else None,
        previous_override_reason=old.override_reason,
        computed_status=series.computed_status if series.override_reason else None,
        override_reason=series.override_reason,
    )


def compute_changes(previous: EditionView | None, current: EditionView) -> ChangesView:
    if previous is None:
        return ChangesView(previous=None, planning=planning_changes(None, current))
    before = _indicators(previous)
    status_changes: list[StatusChange] = []
    crossed: list[StatusChange] = []
    revised: list[RevisedFigure] = []
    for ind in _indicators(current).values():
        old_ind = before.get(ind.id)
        if old_ind is None:
            continue
        old_series = {s.name: s for s in old_ind.series}
        for series in ind.series:
            old = old_series.get(series.name)
            if old is None:
                continue
            change = _status_change(ind, old, series)
            if old.status != series.status:
                status_changes.append(change)
            if change.crossing:
                crossed.append(change)
            shown = {row.period: row for row in old.history}
            for row in series.history:
                was = shown.get(row.period)
                if was is not None and not _same(was.value, row.value):
                    revised.append(RevisedFigure(
                        indicator_id=ind.id, number=ind.number, title=ind.title, series=series.name,
                        period=row.period, period_label=row.period_label,
                        published_text=was.value_text, current_text=row.value_text, url=ind.url,
                    ))
    return ChangesView(
        previous=edition_ref(previous),
        status_changes=status_changes,
        crossed=crossed,
        revised=revised,
        planning=planning_changes(previous, current),
    )


# --- measures -------------------------------------------------------------------------
# Measures are another part of the edition view (`EditionView.measures`). To stay
# independent of its exact shape, a measure is any object in that part with a `number`
# and a `planning`; the planning is text, or an object with `new` / `current`.


def _planning_text(planning: Any) -> tuple[str, str]:
    """(effective planning, the planning it replaces within the same edition or "")."""
    if planning is None:
        return "", ""
    if isinstance(planning, (str, int, float)):
        return str(planning), ""
    if isinstance(planning, dict):
        current = planning.get("current") or planning.get("huidig") or ""
        new = planning.get("new") or planning.get("nieuw") or ""
        if new or current:
            return str(new or current), (str(current) if new and new != current else "")
        text = planning.get("text") or planning.get("tekst")
        if text:
            return str(text), ""
        return json.dumps(planning, sort_keys=True, ensure_ascii=False), ""
    return str(planning), ""


def _measures(view: EditionView | None) -> dict[str, tuple[str, str, str, str | None]]:
    """number -> (title, effective planning, replaced planning, url)."""
    if view is None:
        return {}
    data = view.model_dump(mode="json").get("measures")
    found: dict[str, tuple[str, str, str, str | None]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "number" in node and "planning" in node:
                effective, replaced = _planning_text(node["planning"])
                url = node.get("url") if isinstance(node.get("url"), str) else None
                found[str(node["number"])] = (str(node.get("title") or ""), effective, replaced, url)
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return found


def planning_changes(previous: EditionView | None, current: EditionView) -> list[PlanningChange]:
    before = _measures(previous)
    out = []
    for number, (title, planning, replaced, url) in _measures(current).items():
        old = before.get(number)
        if old is not None and old[1] != planning:
            out.append(PlanningChange(number=number, title=title, previous=old[1], current=planning, url=url))
        elif old is None and replaced:
            out.append(PlanningChange(number=number, title=title, previous=replaced, current=planning, url=url))
    return out
