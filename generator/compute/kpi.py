"""Compute the KPI views of every edition from definitions and figures."""

from __future__ import annotations

from babel.dates import format_date

from generator.core import formatting as fmt
from generator.compute.measures import compute_measures
from generator.model.schema import in_effect
from generator.compute.chart_config import chart_config
from generator.compute.content import EditionContent
from generator.compute.status import STATUS, STATUS_ALL, bound_status, deviation
from generator.compute.views import (
    CorrectionView,
    EditionSummary,
    EditionView,
    GoalView,
    HistoryRow,
    IndicatorView,
    StatusEntryView,
    StatusGroupView,
    StatusOverviewView,
    SeriesView,
)
from generator.model.project import EditionInput, FigureKey, ProjectModel
from generator.model.schema import IndicatorDefinition, SeriesDefinition
from generator.core.targets import Target
from generator.core.periods import Period
from generator.core.vocabulary import ESTIMATE_WORD, FREQUENCY_KIND, NO_STATUS, UNKNOWN_STATUS, Comparison, Grouping, Status
from generator.model.figure_marks import FigureMark

_NO_MARK = FigureMark()
_SHOWN_COMPARATOR = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}


class SeriesRules:
    """Unit, direction, targets and tolerance of one series, inherited from its indicator."""

    def __init__(self, ind: IndicatorDefinition, series: SeriesDefinition | None):
        s = series
        self.name = s.name if s else ""
        self.unit = (s.unit if s and s.unit else None) or ind.unit
        self.direction = (s.direction if s and s.direction else None) or ind.direction
        self.targets = s.targets if s and s.targets is not None else ind.targets
        self.tolerance = s.tolerance if s and s.tolerance is not None else ind.tolerance
        self.decimals = s.decimals if s and s.decimals is not None else ind.decimals
        self.minimum_n = s.minimum_n if s and s.minimum_n is not None else ind.minimum_n
        self.kind = FREQUENCY_KIND[ind.frequency] if ind.frequency is not None else None  # None: the edition's

    @property
    def count_only(self) -> bool:
        """A telindicator: no `richting`, so no target and no status."""
        return self.direction is None

    def status(self, value: float | None, comparator: str | None, target: Target | None) -> str:
        return NO_STATUS if self.count_only else bound_status(value, comparator, target, self.tolerance)

    def target_for(self, period: Period) -> Target | None:
        """The target of the period's year, else of the most recent earlier year."""
        years = [y for y in self.targets if y <= period.year]
        return self.targets[max(years)] if years else None


def series_rules(ind: IndicatorDefinition) -> list[SeriesRules]:
    return [SeriesRules(ind, s) for s in ind.series] or [SeriesRules(ind, None)]


def edition_summary(project: ProjectModel, edition: EditionInput) -> EditionSummary:
    period = edition.period
    s = edition.settings
    return EditionSummary(
        period=str(period),
        slug=period.slug,
        label=period.label,
        title=s.title or f"{project.site.title} {period.label}",
        status=s.status,
        date=s.date.isoformat(),
        date_text=format_date(s.date, format="long", locale="nl_NL"),
        url=f"{period.slug}/",
        corrections=[
            CorrectionView(
                date=r.date.isoformat(),
                date_text=format_date(r.date, format="long", locale="nl_NL"),
                reason=r.reason,
                what=r.what,
            )
            for r in s.rectifications
        ],
    )


class HistoryCache:
    """Every period's history row of a series, computed once for all editions.

    A row does not depend on the edition except for `is_current`, so building it
    per edition (and scanning all figures for the periods of each series) was the
    bulk of the compute stage on a project with many editions.
    """

    def __init__(self, project: ProjectModel, frozen_overrides: dict[tuple[str, str, Period], tuple[str, str]] | None = None):
        self.project = project
        # Statuses set by hand in frozen editions, read from their snapshots (hand_set_statuses).
        self._frozen_overrides = frozen_overrides or {}
        self._periods: dict[tuple[str, str, str], list[Period]] = {}
        for k in project.figures:
            self._periods.setdefault((k.indicator, k.series, k.period.kind), []).append(k.period)
        self._rows: dict[tuple[str, str, str], list[tuple[Period, HistoryRow]]] = {}

    def rows(self, ind: IndicatorDefinition, rules: SeriesRules, period: Period) -> list[HistoryRow]:
        """The rows up to and including `period`, oldest first, the current one marked."""
        key = (ind.id, rules.name, period.kind)
        if key not in self._rows:
            self._rows[key] = [(p, self._row(ind, rules, p)) for p in sorted(self._periods.get(key, []))]
        return [
            row.model_copy(update={"is_current": True}) if p == period else row
            for p, row in self._rows[key]
            if p <= period
        ]

    def _row(self, ind: IndicatorDefinition, rules: SeriesRules, p: Period) -> HistoryRow:
        key = FigureKey(ind.id, rules.name, p)
        v = self.project.figures.get(key)
        mark = self.project.figure_marks.get(key, _NO_MARK)
        t = rules.target_for(p)
        computed = rules.status(v, mark.comparator, t)
        override = self._override(ind.id, rules.name, p)
        st = override[0] if override else computed
        return HistoryRow(
            period=str(p), period_label=p.label, value=v,
            value_text=marked_text(v, mark, rules),
            comparator=mark.comparator, estimate=mark.estimate,
            basis_text=basis_text(mark), small_basis=small_basis(mark, rules),
            target_text=fmt.target(t, rules.unit, rules.decimals),
            status=st, status_word=STATUS_ALL[st][0], is_current=False,
            target_comparator=t.comparator if t else None,
            target_value=t.value if t else None,
            target_high=t.high if t else None,
            computed_status=computed if override else None,
            override_reason=override[1] if override else None,
        )

    def _override(self, indicator: str, series: str, p: Period) -> tuple[str, str] | None:
        """(status, reason) set by hand for period `p` in the edition of that period."""
        edition = self.project.editions.get(p)
        if edition is None:
            return self._frozen_overrides.get((indicator, series, p))
        override = status_override(edition, indicator, series)
        return (override.status, override.reason) if override else None


def hand_set_statuses(frozen: dict[Period, EditionView]) -> dict[tuple[str, str, Period], tuple[str, str]]:
    """Per (indicator, series, period) the status a frozen edition showed set by hand, with its reason."""
    out = {}
    for period, view in frozen.items():
        for goal in view.goals:
            for ind in goal.indicators:
                for s in ind.series:
                    if s.override_reason is not None and s.measured_period is None:
                        out[(ind.id, s.name, period)] = (s.status, s.override_reason)
    return out


def status_override(edition: EditionInput, indicator: str, series: str):
    """The status an edition sets by hand for a series (`handmatige_status`), or None.
    Every place that shows that period's status uses it, so card, history and changes agree."""
    narrative = edition.narratives.get(indicator)
    for override in narrative.status_overrides if narrative else ():
        if (override.series or "") == series:
            return override
    return None


def marked_text(v: float | None, mark: FigureMark, rules: SeriesRules) -> str:
    """The figure as every reader sees it: "< 120 minuten", "75% (schatting)"; "geen gegevens" stays itself."""
    text = fmt.value(v, rules.unit, rules.decimals)
    if v is None:
        return text
    if mark.comparator:
        text = f"{_SHOWN_COMPARATOR[mark.comparator]} {text}"
    return f"{text} ({ESTIMATE_WORD})" if mark.estimate else text


def basis_text(mark: FigureMark) -> str | None:
    return None if mark.denominator is None else f"n = {fmt.number(mark.denominator, 0)}"


def small_basis(mark: FigureMark, rules: SeriesRules) -> bool:
    return mark.denominator is not None and rules.minimum_n is not None and mark.denominator < rules.minimum_n


def figure_period(project: ProjectModel, ind: IndicatorDefinition, rules: SeriesRules, period: Period) -> Period:
    """The period whose figure an edition shows: its own, or for an indicator measured less often
    (`meetfrequentie: halfjaar`) the latest such period that has ended by the end of the edition's."""
    if rules.kind is None or rules.kind == period.kind:
        return period
    own = [k.period for k in project.figures if k.indicator == ind.id and k.series == rules.name
           and k.period.kind == rules.kind and k.period <= period]
    return max(own) if own else period


def _series_view(
    project: ProjectModel, ind: IndicatorDefinition, rules: SeriesRules, edition: EditionInput, history: HistoryCache
) -> SeriesView:
    period = figure_period(project, ind, rules, edition.period)
    key = FigureKey(ind.id, rules.name, period)
    value = project.figures.get(key)
    mark = project.figure_marks.get(key, _NO_MARK)
    target = rules.target_for(period)
    computed = rules.status(value, mark.comparator, target)
    override = status_override(edition, ind.id, rules.name)
    status, reason = (override.status, override.reason) if override else (computed, None)
    prev_period = period.previous()
    prev_key = FigureKey(ind.id, rules.name, prev_period)
    prev_value = project.figures.get(prev_key)
    if mark.comparator or project.figure_marks.get(prev_key, _NO_MARK).comparator:
        prev_value = None  # a change from or to a bound ("< 120") is not a number
    change = _shown_change(value, prev_value, rules)
    dev = None if mark.comparator else deviation(value, target, rules.direction)
    other = period != edition.period

    return SeriesView(
        name=rules.name,
        unit=rules.unit,
        direction=rules.direction,
        value=value,
        value_text=marked_text(value, mark, rules),
        target=target.to_text() if target else None,
        target_text=fmt.target(target, rules.unit, rules.decimals),
        deviation=dev,
        deviation_text=fmt.signed_percent(dev),
        status=status,
        status_word=STATUS_ALL[status][0],
        computed_status=computed,
        override_reason=reason,
        previous_period_label=prev_period.label if prev_value is not None else None,
        change=change,
        change_text=fmt.delta(change, rules.unit, rules.decimals),
        history=history.rows(ind, rules, period),
        decimals=rules.decimals,
        comparator=mark.comparator, estimate=mark.estimate,
        basis_text=basis_text(mark), small_basis=small_basis(mark, rules),
        measured_period=str(period) if other else None,
        measured_period_label=period.label if other else None,
        status_note=_unknown_note(value, mark, target, rules) if computed == UNKNOWN_STATUS else None,
        **(_year_before(project, key, value, mark, rules) if ind.comparison is Comparison.PREVIOUS_YEAR else {}),
    )


def _shown_change(value: float | None, before: float | None, rules: SeriesRules) -> float | None:
    """Change between the figures as shown (rounded), so "91% -> 94%" reads "+3 procentpunt"."""
    if value is None or before is None:
        return None
    shown = fmt.DEFAULT_DECIMALS.get(rules.unit, 0) if rules.decimals is None else rules.decimals
    return fmt.rounded(value, shown) - fmt.rounded(before, shown)


def _year_before(project: ProjectModel, key: FigureKey, value: float | None, mark: FigureMark,
                 rules: SeriesRules) -> dict[str, str | None]:
    """`vergelijking: vorig_jaar`: the figure of the same period a year earlier, with that year's target."""
    earlier = key.period.year_before()
    then_key = FigureKey(key.indicator, key.series, earlier)
    then = project.figures.get(then_key)
    then_mark = project.figure_marks.get(then_key, _NO_MARK)
    target = None if rules.count_only else rules.target_for(earlier)
    bound = mark.comparator or then_mark.comparator  # a change from or to a bound is not a number
    shown_already = earlier == key.period.previous()  # a year figure: the card's "T.o.v." row says it
    change = None if bound or shown_already else _shown_change(value, then, rules)
    return {
        "comparison_period_label": earlier.label,
        "comparison_value_text": marked_text(then, then_mark, rules),
        "comparison_target_text": fmt.target(target, rules.unit, rules.decimals) if target else None,
        "comparison_change_text": fmt.delta(change, rules.unit, rules.decimals) if change is not None else None,
    }


def _unknown_note(value: float | None, mark: FigureMark, target: Target | None, rules: SeriesRules) -> str:
    return (f"Het cijfer is een grens ({marked_text(value, mark, rules)}): daarmee valt niet te zeggen of de "
            f"streefwaarde ({fmt.target(target, rules.unit, rules.decimals)}) gehaald is.")


def indicator_view(
    project: ProjectModel, ind: IndicatorDefinition, edition: EditionInput, history: HistoryCache,
    texts: dict[tuple[str, str], str] | None = None,
) -> IndicatorView:
    """`texts`: narrative with citations ({{ kpi(...) }}) filled in (compute/pages.py); else as written."""
    narrative = edition.narratives.get(ind.id)
    texts = texts or {}
    return IndicatorView(
        id=ind.id,
        number=ind.number,
        title=ind.title,
        goal=ind.goal,
        unit=ind.unit,
        direction=ind.direction,
        definition_md=ind.definition or "",
        source=ind.source,
        explanation_md=texts.get((ind.id, "toelichting"), (narrative.explanation or "") if narrative else ""),
        attention_md=texts.get((ind.id, "aandacht"), (narrative.attention or "") if narrative else ""),
        has_narrative=narrative is not None,
        series=[_series_view(project, ind, r, edition, history) for r in series_rules(ind)],
        url=f"{edition.period.slug}/kpi/{ind.id}/",
        chart=chart_config(ind.chart),
    )


def edition_view(project: ProjectModel, edition: EditionInput, history: HistoryCache, content: EditionContent) -> EditionView:
    goals = []
    counts = {k: 0 for k in STATUS}  # "onbekend" only when it occurs: frozen views have no such key
    for goal in sorted(project.goals, key=lambda g: g.number):
        views = [
            indicator_view(project, ind, edition, history, content.narratives)
            for ind in project.indicators if ind.goal == goal.number and in_effect(ind.since, edition.period)
        ]
        for v in views:
            for s in v.series:
                if s.status != NO_STATUS:  # a telindicator has no status to count
                    counts[s.status] = counts.get(s.status, 0) + 1
        goals.append(GoalView(number=goal.number, title=goal.title, description=goal.description, indicators=views,
                              domain=project.grouping is Grouping.DOMAINS))
    return EditionView(
        summary=edition_summary(project, edition),
        organisation=project.site.organisation,
        series_title=project.site.title,
        foreword_md=(content.foreword if content.foreword is not None else edition.settings.foreword) or "",
        signature=edition.settings.signature,
        goals=goals,
        status_counts=counts,
        measures=compute_measures(project.measures, edition.period),
        pages=content.pages,
        overview=status_overview(goals),
    )


def status_overview(goals: list[GoalView]) -> StatusOverviewView:
    """Per status (worst first) the series it counts, named by KPI number, title and series."""
    by_status: dict[str, list[StatusEntryView]] = {k: [] for k in STATUS_ALL}
    uncounted: list[StatusEntryView] = []  # telindicatoren: shown, never counted
    kpis = 0
    for goal in goals:
        for ind in goal.indicators:
            kpis += any(s.status != NO_STATUS for s in ind.series)
            for s in ind.series:
                entry = StatusEntryView(number=ind.number, title=ind.title, series_name=s.name, url=ind.url,
                                        manual=s.override_reason is not None)
                (by_status[s.status] if s.status != NO_STATUS else uncounted).append(entry)
    worst_first = [Status.RED, Status.ORANGE, Status.GREEN] + [k for k in STATUS_ALL if k not in (Status.RED, Status.ORANGE, Status.GREEN)]
    groups = [StatusGroupView(status=k, word=STATUS_ALL[k][0], entries=by_status[k])
              for k in worst_first if by_status[k]]
    return StatusOverviewView(kpi_count=kpis, series_count=sum(len(g.entries) for g in groups), groups=groups,
                              uncounted=uncounted)
