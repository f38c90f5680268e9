"""What a chart is made of: a kind and long-format rows, JSON-serialisable.

A `ChartSpec` is the one input of every part of the charts stage: the Vega-Lite spec,
the Dutch text alternative, the data table and the CSV are all pure functions of it,
and its hash is the cache key of the rendered SVG.
"""

from __future__ import annotations

import hashlib
import json
import re
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from generator.core.vocabulary import ChartKind, ChartShape, Direction, Unit, as_literal

# A spec draws: every kind but `geen` (each has its module in charts/kinds/).
DrawnKind = as_literal(ChartKind, without=(ChartKind.NONE,))

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChartRow(_Frozen):
    """One value: `x` is a period key ("2023-Q1") or a category ("Wijkteam Jeugd")."""

    x: str
    series: str = ""
    value: float | None  # None: no figure. Drawn as a gap, never as 0.
    # A bound ("<", "<=", ">", ">=": the true figure lies beyond `value`) or an estimate:
    # drawn as an open point, written with its sign or "(schatting)" in labels and table.
    comparator: str | None = None
    estimate: bool = False

    @property
    def marked(self) -> bool:
        return self.comparator is not None or self.estimate


class ChartTarget(_Frozen):
    """A target or norm. Without `x` it holds for the whole chart; without `series` for every series."""

    comparator: str  # ">", ">=", "<", "<=", "=", "range" (as generator.core.targets.Target)
    value: float
    high: float | None = None  # upper bound of a range
    x: str | None = None
    series: str = ""


class ChartNote(_Frozen):
    """An annotation at one x (a period or category), drawn as a marked line with text."""

    x: str
    text: str


class ChartSpec(_Frozen):
    id: str = Field(pattern=_ID.pattern)  # names the CSV file and the HTML ids
    kind: DrawnKind  # type: ignore[valid-type]
    title: str
    rows: list[ChartRow]
    unit: str = Unit.COUNT.value  # a unit of generator.core.formatting (percentage, euro, dagen, ...)
    decimals: int | None = None  # None: the unit's default
    x_title: str = "Periode"  # header of the first table column; axis title for categories
    x_labels: dict[str, str] = {}  # x key -> what the reader sees ("2023-Q1" -> "Q1 2023")
    x_order: list[str] = []  # order along the axis; x keys not listed follow in row order
    series_title: str = "Reeks"  # legend title
    series_order: list[str] = []
    x_is_period: bool = True  # periods: summary speaks of "van ... tot ..."
    current: str | None = None  # the current period (an x key, or a series key for `gegroepeerd`)
    targets: list[ChartTarget] = []
    target_name: str = "Streefwaarde"  # "Norm" reads better for a maximum wait time
    direction: as_literal(Direction) | None = None  # type: ignore[valid-type]
    axis_min: float | None = None
    axis_max: float | None = None
    notes: list[ChartNote] = []
    shape: as_literal(ChartShape) = ChartShape.DONUT.value  # type: ignore[valid-type]  # only for `aandelen`
    source: str | None = None  # "Bron: ..." under the table
    highlight: str | None = None  # `vergelijking`: the x (own municipality) drawn in bold with its own marker
    # `panelen`: each series in a panel of its own, in its own unit (series key -> unit, decimals);
    # a series not listed has `unit` and `decimals`.
    series_units: dict[str, str] = {}
    series_decimals: dict[str, int | None] = {}
    # The phone form of the chart: drawn narrower with fewer ticks, shown by CSS below 600 px.
    phone: bool = False

    # -- derived, for every consumer the same -------------------------------------------

    def xs(self) -> list[str]:
        order = list(dict.fromkeys(self.x_order))
        seen = set(order)
        for row in self.rows:
            if row.x not in seen:
                order.append(row.x)
                seen.add(row.x)
        return order

    def series_names(self) -> list[str]:
        order = list(dict.fromkeys(self.series_order))
        seen = set(order)
        for row in self.rows:
            if row.series not in seen:
                order.append(row.series)
                seen.add(row.series)
        return order

    def primary_series(self) -> str:
        """The series a comparison is about: the current period when series are periods, else the first."""
        names = self.series_names()
        if self.current is not None and self.current in names:
            return self.current
        return names[0] if names else ""

    def x_label(self, x: str) -> str:
        return self.x_labels.get(x, x)

    def marked(self) -> bool:
        return any(r.marked for r in self.rows)

    # (id and length of `rows`, (x, series) -> row): built on first use. Summaries ask
    # for every (x, series); a scan per question made 2,000 periods take minutes.
    _index: tuple[int, int, dict[tuple[str, str], ChartRow]] | None = PrivateAttr(default=None)

    def row_at(self, x: str, series: str = "") -> ChartRow | None:
        cached = self._index
        if cached is None or cached[0] != id(self.rows) or cached[1] != len(self.rows):
            index: dict[tuple[str, str], ChartRow] = {}
            for row in self.rows:
                index.setdefault((row.x, row.series), row)  # the first row wins, as a scan would
            cached = self._index = (id(self.rows), len(self.rows), index)
        return cached[2].get((x, series))

    def value_at(self, x: str, series: str = "") -> float | None:
        row = self.row_at(x, series)
        return None if row is None else row.value

    def target_at(self, x: str | None, series: str = "") -> ChartTarget | None:
        """The target that holds at x for a series: the most specific one (x and series, x, series, chart)."""
        best: tuple[int, ChartTarget] | None = None
        for t in self.targets:
            if t.series not in ("", series) or (t.x is not None and t.x != x):
                continue
            score = (t.x is not None) * 2 + (t.series == series and series != "")
            if best is None or score > best[0]:
                best = (score, t)
        return best[1] if best else None

    def digest(self) -> str:
        """Content hash of everything that can change the picture."""
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()
