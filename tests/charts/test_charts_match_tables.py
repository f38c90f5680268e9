"""A chart may never contradict its table: every table chart of the example, in every
edition, is compared cell by cell with the table it is drawn from."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.charts.table import data_table
from generator.charts.tables import default_config, table_chart_problem, table_spec
from generator.compute.tables import TABLE_KINDS
from generator.compute.views import TableView
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import RowKind
from generator.site.build import check

REPO = Path(__file__).resolve().parents[2]


def example_tables() -> list[tuple[str, TableView]]:
    seen: dict[tuple[str, str], TableView] = {}
    for edition in check(ProjectPaths.at(REPO)).editions:
        for page in edition.pages:
            for block in page.blocks:
                if block.table is not None:
                    seen.setdefault((edition.summary.period, block.table.id), block.table)
    return [(f"{period}/{table_id}", table) for (period, table_id), table in seen.items()]


TABLES = example_tables()


def line_label(table: TableView, row) -> str:
    headers = sum(1 for c in table.columns if c.row_header) or 1
    return ", ".join(c.text for c in row.cells[:headers] if c.text)


def table_cells(table: TableView) -> dict[tuple[str, str], float | None]:
    """(line label, column header) -> the figure (a share as a percentage), for every numeric cell of a line."""
    percent = TABLE_KINDS[table.kind].percent_columns
    out = {}
    for row in table.rows:
        if row.kind != RowKind.LINE:
            continue
        label = line_label(table, row).lower()
        for column, cell in zip(table.columns, row.cells):
            if column.numeric and not column.row_header and not cell.future:
                scale = 100 if column.key in percent and cell.value is not None else 1
                out[(label, column.header.lower())] = None if cell.value is None else cell.value * scale
    return out


def test_the_example_has_a_cross_table_with_two_row_dimensions():
    assert any(sum(c.row_header for c in t.columns) == 2 for _, t in TABLES)


@pytest.mark.parametrize("table", [t for _, t in TABLES], ids=[name for name, _ in TABLES])
def test_every_chart_shows_the_figures_of_its_table(table: TableView):
    if table_chart_problem(table) is not None:
        pytest.skip("this table has no chart (a text table)")
    spec = table_spec(table, default_config(table))
    points = [(r.x, r.series) for r in spec.rows]
    assert len(points) == len(set(points)), "two figures of the table fall on the same point of the chart"
    expected = table_cells(table)
    shown = data_table(spec)
    compared = 0
    for header, cells in shown.rows:
        for column, cell in zip(shown.columns, cells):
            key = (header.lower(), column.header.lower())
            flipped = (column.header.lower(), header.lower())  # a quarter table: quarters along the axis
            if key in expected or flipped in expected:
                want = expected[key] if key in expected else expected[flipped]
                got = float(cell.raw.replace(",", ".")) if cell.raw else None
                assert (got is None) == (want is None), f"chart {header} / {column.header} = {cell.raw!r}, table = {want!r}"
                if got is not None:  # rounded to the decimals the chart writes
                    decimals = len(cell.raw.partition(",")[2])
                    assert got == pytest.approx(want, abs=0.5 * 10 ** -decimals + 1e-9), f"chart {header} / {column.header} = {cell.raw!r}, table = {want!r}"
                compared += 1
    drawn_lines = {r.x.lower() for r in spec.rows} | {r.series.lower() for r in spec.rows}
    lines = {line_label(table, r).lower() for r in table.rows if r.kind == RowKind.LINE}
    if not (table.chart and table.chart.series):  # without `reeksen` every line is drawn
        assert lines <= drawn_lines, f"lines missing from the chart: {sorted(lines - drawn_lines)}"
    assert compared >= len(spec.rows), f"only {compared} of {len(spec.rows)} figures compared"
