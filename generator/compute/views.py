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
    # The target of this period in numbers, for charts: comparator as in targets.Target.
    target_comparator: str | None = None
    target_value: float | None = None
    target_high: float | None = None  # only for "tussen ... en ..."
    # What the figure says besides its number (model/figure_marks.py); value_text says it too.
    comparator: str | None = None  # "<", "<=", ">", ">=": the true figure lies beyond `value`
    estimate: bool = False  # a `schatting`, not a measurement
    basis_text: str | None = None  # "n = 89": the noemer the figure rests on
    small_basis: bool = False  # n under the indicator's `minimale_n`
    # A status set by hand in that period's edition (`handmatige_status`): `status` is the one
    # shown, `computed_status` what the figures say. None in snapshots made before this.
    computed_status: str | None = None
    override_reason: str | None = None


class SeriesView(View):
    name: str  # "" for an indicator without series
    unit: str
    direction: str | None  # None: a telindicator (status "geen-status")
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
    decimals: int | None = None  # None: the unit's default (formatting.DEFAULT_DECIMALS)
    comparator: str | None = None  # as HistoryRow
    estimate: bool = False
    basis_text: str | None = None  # "n = 89"
    small_basis: bool = False
    # A figure of another period than the edition (`meetfrequentie`): "2022-H2" and "2e halfjaar 2022".
    measured_period: str | None = None
    measured_period_label: str | None = None
    status_note: str | None = None  # why the status is "onbekend" (a bound against a target)
    # `vergelijking: vorig_jaar`: the same period a year earlier ("Q3 2022"), its figure as shown
    # ("79%" or "geen gegevens"), that year's target and the change to it; None without `vergelijking`.
    comparison_period_label: str | None = None
    comparison_value_text: str | None = None
    comparison_target_text: str | None = None
    comparison_change_text: str | None = None  # None when either figure is missing or a bound


class ChartAnnotationView(View):
    period: str
    text: str


class ChartConfigView(View):
    """An indicator's `grafiek:` settings; the defaults are what an indicator without it gets."""

    kind: str = "lijn"
    title: str | None = None
    series: list[str] = []
    axis_min: float | None = None
    axis_max: float | None = None
    annotations: list[ChartAnnotationView] = []
    periods: int | None = None
    shape: str = "donut"
    show_target: bool = True
    target_name: str = "Streefwaarde"
    highlight: str | None = None


class IndicatorView(View):
    id: str
    number: str
    title: str
    goal: int
    unit: str
    direction: str | None  # None: a telindicator
    definition_md: str
    source: str | None
    explanation_md: str
    attention_md: str
    has_narrative: bool
    series: list[SeriesView]
    url: str  # site-relative, e.g. 2023-q1/kpi/eigen-regie/
    chart: ChartConfigView = ChartConfigView()


class GoalView(View):
    number: int
    title: str
    description: str | None
    indicators: list[IndicatorView]
    # A domain (Participatiewet, Wmo, ...) is named by its title alone; the default keeps
    # the goal headings of every existing project and frozen snapshot.
    domain: bool = False

    @property
    def heading(self) -> str:
        return self.title if self.domain else f"Doelstelling {self.number}: {self.title}"

    @property
    def nav_title(self) -> str:
        return self.title if self.domain else f"Doelstelling {self.number}"

    @property
    def slug(self) -> str:
        return f"domein-{self.number}" if self.domain else f"doelstelling-{self.number}"


class CorrectionView(View):
    """A rectificatie of a published edition."""

    date: str  # ISO
    date_text: str  # "2 juni 2023"
    reason: str
    what: str | None = None


class EditionSummary(View):
    period: str
    slug: str
    label: str
    title: str
    status: str  # concept | gepubliceerd
    date: str  # ISO
    date_text: str  # "15 mei 2023"
    url: str
    corrections: list[CorrectionView] = []


class EditionRef(View):
    """Another edition, as a link target."""

    period: str
    label: str
    title: str
    status: str
    url: str


class StatusChange(View):
    indicator_id: str
    number: str
    title: str
    series: str  # "" for an indicator without series
    url: str  # the indicator page in this edition
    previous_status: str
    previous_status_word: str
    previous_value_text: str
    status: str
    status_word: str
    value_text: str
    crossing: str | None = None  # "gehaald" | "niet-meer-gehaald" | None
    # The statuses above are the ones shown; a status set by hand says so (None in older snapshots).
    # `crossing` follows the figures (computed statuses), never a hand-set status.
    previous_computed_status: str | None = None
    previous_override_reason: str | None = None
    computed_status: str | None = None
    override_reason: str | None = None


class RevisedFigure(View):
    """A figure the previous edition showed for a period, which this edition shows differently."""

    indicator_id: str
    number: str
    title: str
    series: str
    period: str
    period_label: str
    published_text: str
    current_text: str
    url: str


class PlanningChange(View):
    number: str
    title: str
    previous: str  # "" when the measure was not in the previous edition
    current: str
    url: str | None = None  # the measure's page in this edition, when the measures part has one


class ChangesView(View):
    """What changed since the previous edition; frozen with the edition."""

    previous: EditionRef | None
    status_changes: list[StatusChange] = []
    crossed: list[StatusChange] = []  # subset of status_changes that crossed the target
    revised: list[RevisedFigure] = []
    planning: list[PlanningChange] = []


# --- Measures (maatregelen) -------------------------------------------------


class LegendItem(View):
    status: str  # groen | oranje | rood | afgerond
    word: str  # the word on the badge
    meaning: str  # the legend sentence, as the report states it


class DimensionView(View):
    key: str  # financieel | resultaat | planning
    label: str  # "Financiële haalbaarheid"


class MeasureStatusView(View):
    dimension: str
    dimension_label: str
    status: str  # groen | oranje | rood | afgerond | geen-gegevens
    word: str
    previous_status: str | None  # in the previous edition that reported on the measure
    previous_word: str | None
    change: str | None  # verbeterd | verslechterd | None (unchanged or no previous)


class PlanningView(View):
    current: str
    new: str | None  # set when the planning moved in this edition
    text: str  # "Huidige planning: Q4 2023 -> Nieuwe planning: Q2 2024"


class ChangeItem(View):
    kind: str  # status | planning | nieuw
    dimension_label: str | None
    from_status: str | None
    from_word: str | None
    to_status: str | None
    to_word: str | None
    direction: str | None  # verbeterd | verslechterd
    text: str  # the whole change in words, for lists and screen readers


class MeasureView(View):
    number: str
    slug: str
    title: str
    pillar_id: str
    owner: str | None
    description_md: str
    intended_result: list[str]
    reported: bool  # False: no progress file in this edition
    statuses: list[MeasureStatusView]  # financieel, resultaat, planning
    progress_md: str
    planning: PlanningView | None
    risks: list[str]  # Markdown, one risk each
    changes: list[ChangeItem]
    url: str


class YieldCell(View):
    value: float | None
    kind: str  # bedrag | niet-kwantificeerbaar | geen
    text: str  # "€ 19.500", "-" or ""
    partial: bool = False  # a total that left out "-" or missing amounts


class YieldRow(View):
    label: str
    kind: str  # verwacht | gerealiseerd | verschil
    is_total: bool
    cells: list[YieldCell]  # one per year of YieldTableView.years


class YieldPoint(View):
    """Long-format data for the yield chart: one amount per pillar, year and kind."""

    year: int
    kind: str  # verwacht | gerealiseerd
    kind_label: str
    value: float


class YieldTableView(View):
    pillar_id: str
    title: str  # caption
    years: list[int]
    rows: list[YieldRow]
    points: list[YieldPoint]
    notes: list[str]
    summary: str  # the text alternative of the chart


class ConclusionRow(View):
    pillar_id: str | None  # None for the total row
    label: str
    expected: YieldCell
    realised: YieldCell
    difference: YieldCell


class ConclusionView(View):
    year: int
    rows: list[ConclusionRow]
    total: ConclusionRow
    notes: list[str]


class PillarView(View):
    id: str
    number: str | None
    title: str  # "Pijler 1: Voorwaardenscheppend"
    short_title: str  # "Voorwaardenscheppend"
    description_md: str
    measures: list[MeasureView]
    yields: YieldTableView | None
    yield_note_md: str
    url: str


class StatusCountRow(View):
    status: str
    word: str
    counts: list[int]  # one per dimension, in MeasuresView.dimensions order


class MeasureChanges(View):
    number: str
    title: str
    url: str
    items: list[ChangeItem]


class MeasuresView(View):
    title: str
    description_md: str
    intro_md: str
    conclusion_md: str
    legend: list[LegendItem]
    dimensions: list[DimensionView]
    pillars: list[PillarView]
    counts: list[StatusCountRow]
    total_measures: int
    previous_label: str | None  # the edition the changes compare against
    changes: list[MeasureChanges]
    conclusion: ConclusionView | None
    url: str  # site-relative, e.g. 2023-q2/maatregelen/


class StatusEntryView(View):
    """One series in the status overview: which KPI (and which series of it) a count counts."""

    number: str  # "1.2"
    title: str
    series_name: str  # "" for a KPI without series
    url: str
    manual: bool = False  # the status it is counted under was set by hand


class StatusGroupView(View):
    status: str  # groen | oranje | rood | geen-gegevens | geen-norm
    word: str  # "Gehaald"
    entries: list[StatusEntryView]


class StatusOverviewView(View):
    """The one-screen status overview at the top of an edition's page: how many KPIs and
    series, and per status the series it counts (compute/kpi.py: status_overview)."""

    kpi_count: int
    series_count: int
    groups: list[StatusGroupView]  # in the order of STATUS, only statuses that occur
    uncounted: list[StatusEntryView] = []  # telindicatoren (no `richting`): no status, not in the counts


class EditionView(View):
    summary: EditionSummary
    organisation: str
    series_title: str
    foreword_md: str
    signature: str | None
    goals: list[GoalView]
    status_counts: dict[str, int]
    measures: MeasuresView | None = None  # None: no measures in this edition
    pages: list["PageView"] = []  # free pages (Financiële verantwoording, ...), in menu order
    changes: ChangesView | None = None  # since the previous edition (generator/compute/changes.py)
    # None in snapshots frozen before the overview existed: their pages stay as published.
    overview: StatusOverviewView | None = None


class TableCell(View):
    text: str = ""  # what the reader sees, formatted the Dutch way
    value: float | None = None  # the raw figure (money in euros, also in "x € 1.000" tables)
    missing: bool = False  # no figure (n.v.t., -, empty): a dash, read out as "geen gegevens"
    future: bool = False  # a period after the edition: empty, read out as "nog niet bekend"
    title: str | None = None  # what an abbreviation stands for (V -> voordeel)
    note: str | None = None  # footnote mark, explained in TableView.notes


class TableColumn(View):
    key: str  # for citations: begroting, verschil, q1, totaal, ...
    header: str
    numeric: bool = True
    row_header: bool = False  # cells are <th scope="row">
    future: bool = False
    percent: bool = False  # cells hold fractions, cited as a percentage (a share column)


class TableRow(View):
    kind: str = "regel"  # regel | subtotaal | totaal
    cells: list[TableCell]


class TableView(View):
    id: str
    kind: str  # begroting | kwartalen | aandelen | kruistabel | tekst
    title: str
    unit: str  # euro | euro_x1000 | aantal | percentage | tekst
    unit_text: str | None = None  # "bedragen x € 1.000"
    source: str | None = None
    notes: list[str] = []
    columns: list[TableColumn]
    rows: list[TableRow]
    chart: ChartConfigView | None = None  # the table's `grafiek:` settings, for {{ grafiek("id") }}


def block_token(index: int) -> str:
    """The placeholder line a block leaves in a page's Markdown; the render stage puts the
    block's HTML there after the editor's Markdown has been sanitised."""
    return f"\u27e6blok {index}\u27e7"


class PageBlock(View):
    """A table or chart placed on its own line of a free page."""

    kind: str  # tabel | grafiek
    table: TableView | None = None  # for a chart: the table whose figures it draws
    chart: ChartConfigView | None = None  # for a chart: its settings (the table's, or the default)


class PageView(View):
    slug: str
    title: str
    order: int
    body_md: str  # the editor's Markdown, citations filled in, blocks as placeholder lines
    blocks: list[PageBlock] = []
    url: str  # site-relative, e.g. 2023-q1/financiele-verantwoording/
    # Defaults keep the pages of frozen snapshots: every page of an older release is a plain page.
    role: str = "pagina"  # core.vocabulary.PageRole
    salutation: str | None = None  # a letter's aanhef
    signatures: list[tuple[str, str | None]] = []  # a letter's (name, function)



class KpiHistoryCell(View):
    series: str
    value_text: str
    target_text: str
    status: str
    status_word: str
    revised_text: str | None = None  # the figure the newest edition shows for this period, if different
    revised_in_concept: str | None = None  # label of that newest edition when it is a concept (a draft figure)
    value: float | None = None  # the figure as that edition published it, for the chart
    target: str | None = None  # that edition's target in machine form (">= 80"), for the chart
    basis_text: str | None = None  # "n = 89"
    measured_period_label: str | None = None  # a figure of another period: "2e halfjaar 2022"
    comparator: str | None = None  # a bound ("<"), for the chart's open point
    estimate: bool = False
    computed_status: str | None = None  # as HistoryRow: set when the status was set by hand
    override_reason: str | None = None


class KpiHistoryRow(View):
    edition: EditionRef
    indicator_url: str  # this KPI's page in that edition
    period_label: str
    cells: list[KpiHistoryCell]
    corrected: bool


class KpiHistoryView(View):
    """One KPI across all editions: what each edition showed (not frozen itself)."""

    id: str
    number: str
    title: str
    series: list[str]
    rows: list[KpiHistoryRow]  # newest edition first
    url: str  # kpi/<id>/
    # Of the newest edition's definition, for the charts: per series its unit and decimals
    # (one KPI may mix a grade and a response percentage), and the KPI's direction.
    series_units: dict[str, str] = {}
    series_decimals: dict[str, int | None] = {}
    direction: str | None = None


EditionView.model_rebuild()


class AccessibilityView(View):
    """The accessibility statement: site-wide, not part of an edition."""

    organisation: str
    site_title: str
    date: str  # ISO
    date_text: str  # "1 mei 2023"
    contact: str
    contact_is_email: bool
    phone: str | None
    status: str  # voldoet volledig | voldoet gedeeltelijk | eerste maatregelen genomen | voldoet niet
    limitations: list[str]
    explanation_md: str
