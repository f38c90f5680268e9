"""The measures (maatregelen) view of one edition: statuses, changes, counts and yield."""

from __future__ import annotations

from generator.compute import yields as ycalc
from generator.compute.views import (
    ChangeItem,
    DimensionView,
    LegendItem,
    MeasureChanges,
    MeasureStatusView,
    MeasuresView,
    MeasureView,
    PillarView,
    PlanningView,
    StatusCountRow,
)
from generator.model.measures import EditionMeasures, MeasuresInput
from generator.model.schema import in_effect
from generator.model.measures_schema import MeasureDefinition, MeasurePlanning, MeasureProgress, Pillar, file_key
from generator.core.periods import Period
from generator.core.vocabulary import MeasureStatus

# status -> (word on the badge, meaning). The meanings are the report's own legend.
MEASURE_STATUS = {
    MeasureStatus.GREEN: ("Groen", "Groen staat voor een actie die/resultaat dat volgens planning loopt."),
    MeasureStatus.ORANGE: ("Oranje", "Oranje staat voor een actie die/resultaat dat niet volgens de planning loopt."),
    MeasureStatus.RED: (
        "Rood",
        "Rood staat voor een actie die (vooralsnog) geen doorgang heeft of resultaat dat "
        "(vooralsnog) niet behaald wordt.",
    ),
    MeasureStatus.DONE: ("Afgerond", "De vlag staat voor een actie/resultaat die afgerond/behaald is."),
    "geen-gegevens": ("Geen gegevens", "Over deze maatregel is in deze editie geen voortgang gerapporteerd."),
}
# Worst to best, to say whether a change is an improvement.
RANK = {MeasureStatus.RED: 0, MeasureStatus.ORANGE: 1, MeasureStatus.GREEN: 2, MeasureStatus.DONE: 3}

DIMENSIONS = (
    ("financieel", "Financiële haalbaarheid", "financial"),
    ("resultaat", "Resultaat op actieniveau", "result"),
    ("planning", "Planning", "planning"),
)
ARROW = "→"


def measure_slug(number: str) -> str:
    """The measure's address: its number, for a range both ends ("1.3.1 t/m 1.3.8" -> 1.3.1-1.3.8)."""
    return file_key(number).lower()


def pillar_title(pillar: Pillar) -> str:
    return f"Pijler {pillar.number}: {pillar.title}" if pillar.number else pillar.title


def _word(status: str) -> str:
    return MEASURE_STATUS[status][0]


def effective_planning(planning: MeasurePlanning | None) -> str | None:
    if planning is None:
        return None
    return planning.new or planning.current


def planning_view(planning: MeasurePlanning | None) -> PlanningView | None:
    if planning is None:
        return None
    new = planning.new if planning.new and planning.new != planning.current else None
    text = f"Huidige planning: {planning.current}"
    if new:
        text += f" {ARROW} Nieuwe planning: {new}"
    return PlanningView(current=planning.current, new=new, text=text)


def status_views(progress: MeasureProgress | None, previous: MeasureProgress | None) -> list[MeasureStatusView]:
    views = []
    for key, label, attr in DIMENSIONS:
        status = getattr(progress.status, attr) if progress else "geen-gegevens"
        before = getattr(previous.status, attr) if previous else None
        change = None
        if before is not None and status in RANK and before != status:
            change = "verbeterd" if RANK[status] > RANK[before] else "verslechterd"
        views.append(MeasureStatusView(
            dimension=key, dimension_label=label, status=status, word=_word(status),
            previous_status=before, previous_word=_word(before) if before else None, change=change,
        ))
    return views


def detect_changes(
    progress: MeasureProgress | None, previous: MeasureProgress | None, has_previous_edition: bool
) -> list[ChangeItem]:
    """What changed since the previous edition: statuses, a moved planning, a new measure."""
    if progress is None:
        return []
    items: list[ChangeItem] = []
    if previous is None and has_previous_edition:
        items.append(ChangeItem(
            kind="nieuw", dimension_label=None, from_status=None, from_word=None, to_status=None, to_word=None,
            direction=None, text="Nieuw in deze rapportage",
        ))
    if previous is not None:
        for view in status_views(progress, previous):
            if view.change is None:
                continue
            assert view.previous_status is not None and view.previous_word is not None
            items.append(ChangeItem(
                kind="status", dimension_label=view.dimension_label,
                from_status=view.previous_status, from_word=view.previous_word,
                to_status=view.status, to_word=view.word, direction=view.change,
                text=f"{view.dimension_label}: van {view.previous_word.lower()} naar {view.word.lower()} ({view.change})",
            ))
    now = effective_planning(progress.planning)
    before = effective_planning(previous.planning) if previous else None
    if before is None and progress.planning and progress.planning.new:
        # Nothing earlier to compare with: the edition itself says the planning moved.
        before = progress.planning.current
    if now and before and now != before:
        items.append(ChangeItem(
            kind="planning", dimension_label="Planning", from_status=None, from_word=before,
            to_status=None, to_word=now, direction=None,
            text=f"Planning verschoven: {before} {ARROW} {now}",
        ))
    return items


def measure_view(
    definition: MeasureDefinition, pillar: Pillar, slug: str,
    progress: MeasureProgress | None, previous: MeasureProgress | None, has_previous_edition: bool,
) -> MeasureView:
    return MeasureView(
        number=definition.number,
        slug=measure_slug(definition.number),
        title=definition.title,
        pillar_id=pillar.id,
        owner=definition.owner,
        description_md=definition.description or "",
        intended_result=list(definition.intended_result),
        reported=progress is not None,
        statuses=status_views(progress, previous),
        progress_md=(progress.progress or "") if progress else "",
        planning=planning_view(progress.planning) if progress else None,
        risks=list(progress.risks) if progress else [],
        changes=detect_changes(progress, previous, has_previous_edition),
        url=f"{slug}/maatregelen/{pillar.id}/{measure_slug(definition.number)}/",
    )


def previous_edition(measures: MeasuresInput, period: Period) -> EditionMeasures | None:
    earlier = [p for p in measures.editions if p < period]
    return measures.editions[max(earlier)] if earlier else None


def count_rows(views: list[MeasureView]) -> list[StatusCountRow]:
    rows = []
    for status in (*MeasureStatus, "geen-gegevens"):
        counts = [sum(1 for m in views if m.statuses[i].status == status) for i in range(len(DIMENSIONS))]
        if status == "geen-gegevens" and not any(counts):
            continue
        rows.append(StatusCountRow(status=status, word=_word(status), counts=counts))
    return rows


def compute_measures(measures: MeasuresInput | None, period: Period) -> MeasuresView | None:
    """The measures view of the edition of `period`, or None when it reports no measures."""
    if measures is None or period not in measures.editions:
        return None
    edition = measures.editions[period]
    previous = previous_edition(measures, period)
    slug = period.slug
    text = edition.text
    labels = {p.id: p.title for p in measures.pillars}

    pillars: list[PillarView] = []
    all_views: list[MeasureView] = []
    for pillar in measures.pillars:
        views = [
            measure_view(
                m, pillar, slug, edition.progress.get(m.number),
                previous.progress.get(m.number) if previous else None, previous is not None,
            )
            for m in measures.measures if m.pillar == pillar.id and in_effect(m.since, period)
        ]
        all_views.extend(views)
        title = pillar_title(pillar)
        pillars.append(PillarView(
            id=pillar.id, number=pillar.number, title=title, short_title=pillar.title,
            description_md=pillar.description or "",
            measures=views,
            yields=ycalc.yield_table(measures, pillar, f"Financiële opbrengst {pillar.title}"),
            yield_note_md=(text.yield_notes.get(pillar.id, "") if text else ""),
            url=f"{slug}/maatregelen/{pillar.id}/",
        ))

    used = {s.status for m in all_views for s in m.statuses}
    legend = [
        LegendItem(status=s, word=word, meaning=meaning)
        for s, (word, meaning) in MEASURE_STATUS.items()
        if s in RANK or s in used
    ]
    year = ycalc.conclusion_year(measures, period.year, text.conclusion_year if text else None)
    return MeasuresView(
        title=measures.settings.title,
        description_md=measures.settings.description or "",
        intro_md=(text.intro or "") if text else "",
        conclusion_md=(text.conclusion or "") if text else "",
        legend=legend,
        dimensions=[DimensionView(key=k, label=label) for k, label, _ in DIMENSIONS],
        pillars=pillars,
        counts=count_rows(all_views),
        total_measures=len(all_views),
        previous_label=previous.period.label if previous else None,
        changes=[
            MeasureChanges(number=m.number, title=m.title, url=m.url, items=m.changes)
            for m in all_views if m.changes
        ],
        conclusion=ycalc.conclusion(measures, year, labels) if year is not None else None,
        url=f"{slug}/maatregelen/",
    )
