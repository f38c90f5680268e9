"""Tables computed from CSV/XLSX figures: every derived figure is calculated here.

One module per table kind (`soort` in tabellen.yml), each with its computation and what
citations can read from it; this registry is what the computation, the citations and the
docs test read:

    begroting   budget against forecast/realisation: difference, V/N, deviation %, (sub)totals
    kwartalen   quarters with year totals; quarters after the edition stay empty
    aandelen    shares of a total
    kruistabel  a pivot of long-format rows with row, column and grand totals
    tekst       text as given (complaints: categorie, omschrijving, status)
    standen     a stock per moment (Q1 2020, Ultimo 2020, ...): totals per moment, never over moments

The data files are read by the load stage (`generator/load/datafiles.py`), once per file.
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import ConfigDict, Field

from generator.compute.chart_config import chart_config
from generator.compute.tables import aandelen, begroting, kruistabel, kwartalen, standen, tekst
from generator.compute.tables.common import TableKindSpec, citation_text, percent_text
from generator.compute.views import TableCell, TableColumn, TableView
from generator.core.paths import ProjectPaths
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.vocabulary import TableKind
from generator.load.csvfile import CsvRow, CsvTable
from generator.load.datafiles import DataFiles
from generator.load.files import editor_path_problem
from generator.model.base import DutchModel
from generator.model.free_pages import TableSource
from generator.model.tables import TableBase

TABLE_KINDS: dict[TableKind, TableKindSpec] = {
    spec.kind: spec for spec in (begroting.SPEC, kwartalen.SPEC, aandelen.SPEC, kruistabel.SPEC, tekst.SPEC, standen.SPEC)
}
# soort -> the model of its keys: what the loader validates a tabellen.yml entry with.
TABLE_MODELS: dict[str, type[TableBase]] = {kind.value: spec.model for kind, spec in TABLE_KINDS.items()}
TableDefinition = Union[tuple(spec.model for spec in TABLE_KINDS.values())]  # type: ignore[valid-type]


class TablesFile(DutchModel):
    """The whole file, for the JSON Schema and the docs test; the loader validates
    each table on its own (by `soort`), so one bad table never hides the others."""

    model_config = ConfigDict(title="Tabellen")

    tables: list[Annotated[TableDefinition, Field(discriminator="kind")]] = Field(
        alias="tabellen",
        description="De tabellen van deze editie, elk met `id`, `soort` (begroting, kwartalen, aandelen, "
        "kruistabel, tekst of standen), `titel` en `bestand` in data/. Een vrije pagina toont een tabel met {{ tabel(\"id\") }}.",
    )


def read_table_data(src: TableSource, files: DataFiles, problems: Problems) -> CsvTable | None:
    """The rows of a table's data file (or sheet range), through the project's file cache."""
    d = src.definition
    paths = files.paths
    path = paths.data / d.file
    refused = editor_path_problem(d.file, "data/")
    if refused:
        problems.add(src.file, src.line_of("bestand"), *refused)
        return None
    if not path.exists() and not path.is_symlink():
        problems.add(src.file, src.line_of("bestand"), f"gegevensbestand `data/{d.file}` bestaat niet",
                     _similar_files(paths, d.file))
        return None
    if d.file.lower().endswith((".xlsx", ".xlsm")):
        key = "bereik" if d.cell_range and not d.sheet else "blad"
        table = files.xlsx(path, d.sheet, d.cell_range, problems, (src.file, src.line_of(key)))
    else:
        table = files.csv(path, problems)
    if table is None:
        return None
    seen: set[str] = set()
    for column, header in zip(table.columns, table.headers or table.columns):
        if column and column in seen:
            where = f"blad `{table.sheet}`, kopregel {table.header_line}: " if table.sheet else ""
            problems.add(table.rel, table.line(CsvRow(table.header_line, {})), f"{where}kolom `{header}` komt twee keer voor",
                         "geef elke kolom een eigen naam")
            return None
        seen.add(column)
    return table


def _similar_files(paths: ProjectPaths, name: str) -> str | None:
    if not paths.data.is_dir():
        return None
    files = [p.relative_to(paths.data).as_posix() for p in paths.data.rglob("*") if p.is_file()]
    return suggest(name, files)


def compute_table(src: TableSource, files: DataFiles, period: Period, problems: Problems) -> TableView | None:
    """Read a table's figures and compute its view; None (with problems) when it cannot."""
    data = read_table_data(src, files, problems)
    if data is None:
        return None
    view = TABLE_KINDS[src.definition.kind].build(src, data, period, problems)
    if view is not None and src.definition.chart is not None:
        view = view.model_copy(update={"chart": chart_config(src.definition.chart)})
    return view


def compute_tables(sources: list[TableSource], paths: ProjectPaths, period: Period, problems: Problems,
                   files: DataFiles | None = None) -> dict[str, TableView]:
    """Every table of an edition that can be computed, by id. `files` may be shared by
    several editions, so a data file used by more than one is read once."""
    own = files is None
    files = files or DataFiles(paths)
    try:
        views = {}
        for src in sources:
            view = compute_table(src, files, period, problems)
            if view is not None:
                views[src.definition.id] = view
        return views
    finally:
        if own:
            files.close()


# --- citations ---------------------------------------------------------------------------


def counts_rows(table: TableView) -> bool:
    """A kind without totals: totaal(id, "aantal") is its number of rows."""
    spec = TABLE_KINDS.get(table.kind)  # type: ignore[call-overload]
    return spec is not None and not spec.has_totals


def cited_cell_text(table: TableView, column: TableColumn, cell: TableCell, decimals: int) -> str:
    """A cell with a figure, as cited in running text (`decimals` as the table shows them)."""
    spec = TABLE_KINDS.get(table.kind)  # type: ignore[call-overload]
    if not column.numeric or (spec is not None and column.key in spec.word_columns):
        return cell.title or cell.text
    if cell.value is None:
        return "geen gegevens"
    if column.percent or (spec is not None and column.key in spec.percent_columns):
        return percent_text(cell.value, decimals)
    return citation_text(cell.value, table.unit, decimals)


__all__ = ["TABLE_KINDS", "TABLE_MODELS", "TablesFile", "TableKindSpec", "cited_cell_text", "citation_text", "compute_table", "compute_tables",
           "counts_rows", "percent_text", "read_table_data"]
