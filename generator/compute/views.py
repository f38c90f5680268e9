"""What the render stage gets: plain, JSON-serialisable views of one edition.

A view carries every figure already computed and formatted, so rendering is a pure
function of it, and a published edition can be frozen by storing its views.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class HistoryRow(View):
    period: str
    period_label: str
    value: float | None
    value_text: str
    target_text: str
    status: str
    status_word: str
    is_current: bool


class SeriesView(View):
    name: str  # "" for an indicator without series
    unit: str
    direction: str
    value: float | None
    value_text: str
    target: str | None  # machine form, e.g. ">= 80"
    target_text: str  # "minimaal 80%"
    deviation: float | None
    deviation_text: str
    status: str  # groen | oranje | rood | geen-gegevens | geen-norm
    status_word: str
    computed_status: str
    override_reason: str | None
    previous_period_label: str | None
    change: float | None
    change_text: str
    history: list[HistoryRow]


class IndicatorView(View):
    id: str
    number: str
    title: str
    goal: int
    unit: str
    direction: str
    definition_md: str
    source: str | None
    explanation_md: str
    attention_md: str
    has_narrative: bool
    series: list[SeriesView]
    url: str  # site-relative, e.g. 2023-q1/kpi/eigen-regie/


class GoalView(View):
    number: int
    title: str
    description: str | None
    indicators: list[IndicatorView]


class EditionSummary(View):
    period: str
    slug: str
    label: str
    title: str
    status: str  # concept | gepubliceerd
    date: str  # ISO
    date_text: str  # "15 mei 2023"
    url: str


class EditionView(View):
    summary: EditionSummary
    organisation: str
    series_title: str
    foreword_md: str
    signature: str | None
    goals: list[GoalView]
    status_counts: dict[str, int]
