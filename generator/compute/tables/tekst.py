"""Table kind `tekst`: text as given (complaints: categorie, omschrijving, status).

It has no totals: totaal(id, "aantal") cites its number of rows.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.compute.tables.common import Reader, TableKindSpec, heading
from generator.compute.views import TableCell, TableColumn, TableRow, TableView
from generator.core.periods import Period
from generator.core.problems import Problems
from generator.core.vocabulary import TableKind
from generator.load.csvfile import CsvTable
from generator.model.free_pages import TableSource
from generator.model.schema import Text
from generator.model.tables import TableBase


# A list is read, not analysed: 49,000 rows made a 7 MB page nobody can use (and most of a
# 60 s build). More rows belong in a kruistabel that counts them.
MAX_ROWS = 1_000


# The keys of this kind in tabellen.yml (Dutch aliases).
class TextTable(TableBase):
    kind: Literal["tekst"] = Field(alias="soort")
    columns: list[Text] | None = Field(default=None, alias="kolommen", min_length=1)  # default: all


def text_table(src: TableSource, data: CsvTable, period: Period, problems: Problems) -> TableView | None:
    d: TextTable = src.definition  # type: ignore[assignment]
    r = Reader(src, data, problems)
    if d.columns:
        cols = [r.column(name, ("kolommen",)) for name in d.columns]
    else:
        cols = [c for c in data.columns if c]
    if r.failed:
        return None
    if len(data.rows) > MAX_ROWS:
        r.table_problem(f"de tabel `{d.id}` heeft {len(data.rows):,} regels; een tekst-tabel toont er hoogstens {MAX_ROWS:,}".replace(",", "."),
                        "toon de aantallen met een kruistabel (soort: kruistabel) of zet alleen de regels van deze periode in het bestand")
        return None
    columns = [TableColumn(key=c, header=heading(data, c), numeric=False, row_header=i == 0) for i, c in enumerate(cols)]
    rows = [TableRow(cells=[TableCell(text=r.text(row, c)) for c in cols]) for row in data.rows]
    if not rows:
        r.table_problem("de tabel heeft geen regels")
        return None
    return TableView(id=d.id, kind=TableKind.TEXT, title=d.title, unit="tekst", source=d.source, columns=columns, rows=rows)


SPEC = TableKindSpec(kind=TableKind.TEXT, model=TextTable, build=text_table, has_totals=False)
