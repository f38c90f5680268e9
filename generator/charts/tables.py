"""The chart of a computed table ({{ grafiek("id") }} on a free page), from its TableView alone.

Rows are the table's lines (subtotal and total rows left out, unless chosen by name);
derived columns (verschil, V/N, afwijking, aandeel, totaal) are never drawn, they are
what the chart shows. A quarter table draws its quarters along the axis; every other
table draws its lines along the axis and its value columns as series.
"""

from __future__ import annotations

from generator.charts.kind_module import TableRows
from generator.charts.kinds import KINDS, panelen
from generator.charts.model import ChartRow, ChartSpec
from generator.compute.views import ChartConfigView, TableColumn, TableRow, TableView
from generator.core.problems import suggest
from generator.core.vocabulary import ChartKind, RowKind, TableKind, TableUnit, Unit

# What a table draws when its `grafiek:` does not say.
DEFAULT_KIND = {
    TableKind.BUDGET: ChartKind.BUDGET, TableKind.SHARES: ChartKind.SHARES,
    TableKind.QUARTERS: ChartKind.BARS, TableKind.CROSS: ChartKind.GROUPED,
}
_DERIVED = {"verschil", "vn", "afwijking", "aandeel"}
_UNITS = {TableUnit.EURO: Unit.EURO, TableUnit.EURO_THOUSANDS: Unit.EURO, TableUnit.COUNT: Unit.COUNT, TableUnit.PERCENTAGE: Unit.PERCENTAGE}


class ChartError(ValueError):
    """A chart that does not fit its table; the message is Dutch, for the editor."""


def default_config(table: TableView) -> ChartConfigView:
    """The table's `grafiek:` settings, or what its kind draws by default."""
    return table.chart or ChartConfigView(kind=DEFAULT_KIND.get(table.kind, ChartKind.BARS).value)


def table_chart_problem(table: TableView) -> str | None:
    """Why the table's chart (`default_config`) cannot be drawn, in Dutch; None when it can."""
    try:
        table_spec(table, default_config(table))
    except ChartError as exc:
        return str(exc)
    return None


def _label(row: TableRow, headers: int = 1) -> str:
    """The row's name on the chart: its row-header cells joined ("1. Jeugd, 2. Middel" for a
    cross table with two row dimensions), so that every line is a point of its own."""
    return ", ".join(c.text for c in row.cells[:headers] if c.text)


def _row_headers(table: TableView) -> int:
    """How many leading columns name a line (two or three in a cross table with `rijen: [a, b]`)."""
    count = 0
    for column in table.columns:
        if not column.row_header:
            break
        count += 1
    return max(count, 1)


def _value_columns(table: TableView) -> list[tuple[int, TableColumn]]:
    return [
        (i, c) for i, c in enumerate(table.columns)
        if c.numeric and not c.row_header and not c.future
        and c.key not in _DERIVED and not c.key.startswith("totaal")
    ]


def table_spec(table: TableView, cfg: ChartConfigView | None = None) -> ChartSpec:
    """The ChartSpec of a table's chart; ChartError when the settings do not fit the table."""
    cfg = cfg or default_config(table)
    kind = cfg.kind
    if table.kind == TableKind.TEXT:
        raise ChartError(f"tabel `{table.id}` is een teksttabel; daar kan geen grafiek van")
    if kind == ChartKind.NONE:
        raise ChartError(f"tabel `{table.id}` heeft `soort: geen` onder `grafiek`")
    layout = KINDS[ChartKind(kind)].TABLE_ROWS
    if layout is TableRows.BUDGET and table.kind != TableKind.BUDGET:
        raise ChartError(f"een grafiek van soort `{kind}` past alleen bij een tabel van soort `begroting`; `{table.id}` is `{table.kind}`")
    unit = _UNITS.get(table.unit, Unit.COUNT).value
    common = dict(
        id=table.id, kind=kind, title=cfg.title or table.title, unit=unit, decimals=0,
        axis_min=cfg.axis_min, axis_max=cfg.axis_max, target_name=cfg.target_name, source=table.source,
    )
    lines = [r for r in table.rows if r.kind == RowKind.LINE]
    if layout is TableRows.BUDGET:
        return _budget_spec(table, lines, common)
    if layout is TableRows.PARTS:
        return _parts_spec(table, cfg, lines, common)
    if table.kind == TableKind.QUARTERS and layout is TableRows.PERIODS:
        return _panels_counted(_quarters_spec(table, cfg, lines, common), table.id)
    return _panels_counted(_highlighted(_lines_spec(table, cfg, lines, common), cfg, table.id), table.id)


def _panels_counted(spec: ChartSpec, table_id: str) -> ChartSpec:
    """A `panelen` chart draws two or three of the table's lines (or columns)."""
    problem = panelen.count_problem(len(spec.series_names())) if spec.kind == ChartKind.PANELS else None
    if problem:
        raise ChartError(f"tabel `{table_id}`: {problem[0]}; {problem[1]}")
    return spec


def _highlighted(spec: ChartSpec, cfg: ChartConfigView, table_id: str) -> ChartSpec:
    """`uitgelicht` of a `vergelijking`: one of the table's lines."""
    if cfg.highlight is None:
        return spec
    if spec.kind != ChartKind.COMPARISON:
        raise ChartError(f"`uitgelicht` hoort alleen bij een grafiek van soort `{ChartKind.COMPARISON}`")
    if cfg.highlight not in spec.xs():
        raise ChartError(f"`uitgelicht`: regel `{cfg.highlight}` staat niet in tabel `{table_id}`; kies uit: "
                         + ", ".join(spec.x_label(x) for x in spec.xs()))
    return spec.model_copy(update={"highlight": cfg.highlight})


def _budget_spec(table: TableView, lines: list[TableRow], common: dict) -> ChartSpec:
    """Per line the budget and the forecast column."""
    keys = {c.key: (i, c) for i, c in enumerate(table.columns)}
    (bi, budget), (fi, forecast) = keys["begroting"], keys["prognose"]
    rows = [ChartRow(x=_label(r, _row_headers(table)), series=s, value=r.cells[i].value)
            for r in lines for i, s in ((bi, budget.header), (fi, forecast.header))]
    return ChartSpec(**common, rows=rows, x_title=table.columns[0].header, x_is_period=False,
                     series_order=[budget.header, forecast.header], series_title="")


def _parts_spec(table: TableView, cfg: ChartConfigView, lines: list[TableRow], common: dict) -> ChartSpec:
    """The lines (or the rows named in `reeksen`) as parts of the first value column."""
    columns = _value_columns(table)
    chosen = _rows_by_name(table, cfg.series) if cfg.series else lines
    index, column = columns[0] if columns else (None, None)
    if index is None:
        raise ChartError(f"tabel `{table.id}` heeft geen kolom met cijfers")
    rows = [ChartRow(x=column.header, series=_label(r, _row_headers(table)), value=r.cells[index].value) for r in chosen]
    return ChartSpec(**common, rows=rows, x_is_period=False, series_title=table.columns[0].header,
                     shape=cfg.shape)


def _quarters_spec(table: TableView, cfg: ChartConfigView, lines: list[TableRow], common: dict) -> ChartSpec:
    """Quarters along the axis, one series per line."""
    columns = _value_columns(table)
    chosen = _rows_by_name(table, cfg.series) if cfg.series else lines
    rows = [ChartRow(x=c.key, series=_label(r, _row_headers(table)), value=r.cells[i].value) for r in chosen for i, c in columns]
    current = columns[-1][1].key if columns else None
    return ChartSpec(**common, rows=rows, x_labels={c.key: c.header for _, c in columns},
                     x_order=[c.key for _, c in columns], series_order=[_label(r, _row_headers(table)) for r in chosen],
                     series_title=table.columns[0].header, current=current)


def _lines_spec(table: TableView, cfg: ChartConfigView, lines: list[TableRow], common: dict) -> ChartSpec:
    """Lines along the axis, the value columns (or those named in `reeksen`) as series."""
    columns = _value_columns(table)
    picked = _columns_by_name(table, columns, cfg.series) if cfg.series else columns
    rows = [ChartRow(x=_label(r, _row_headers(table)), series=c.header, value=r.cells[i].value) for r in lines for i, c in picked]
    quarters = table.kind == TableKind.QUARTERS
    current = picked[-1][1].header if quarters and picked else None
    series_title = "Kwartaal" if quarters else ""
    x_title = ", ".join(c.header for c in table.columns[:_row_headers(table)])
    return ChartSpec(**common, rows=rows, x_title=x_title, x_is_period=False,
                     series_order=[c.header for _, c in picked], series_title=series_title, current=current)


def _rows_by_name(table: TableView, names: list[str]) -> list[TableRow]:
    by_label = {_label(r, _row_headers(table)).strip().lower(): r for r in table.rows}
    out = []
    for name in names:
        row = by_label.get(name.strip().lower())
        if row is None:
            labels = [_label(r, _row_headers(table)) for r in table.rows]
            raise ChartError(
                f"regel `{name}` onder `grafiek: reeksen` bestaat niet in tabel `{table.id}`; "
                + (suggest(name, labels) or "regels: " + ", ".join(labels))
            )
        out.append(row)
    return out


def _columns_by_name(table: TableView, columns: list[tuple[int, TableColumn]], names: list[str]) -> list[tuple[int, TableColumn]]:
    out = []
    for name in names:
        wanted = name.strip().lower()
        match = next(((i, c) for i, c in columns if wanted in (c.key.lower(), c.header.lower())), None)
        if match is None:
            headers = [c.header for _, c in columns]
            raise ChartError(
                f"kolom `{name}` onder `grafiek: reeksen` is geen kolom met cijfers in tabel `{table.id}`; "
                + (suggest(name, headers) or "kolommen: " + ", ".join(headers))
            )
        out.append(match)
    return out
