"""Table definitions (content/edities/<periode>/tabellen.yml) and free-page front matter.

Dutch keys map to English fields here, and only here. Each table kind (`soort`) has
its own model, so a key that belongs to another kind is reported as unknown.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import AliasChoices, ConfigDict, Field, field_validator

from generator.model.base import DutchModel
from generator.model.schema import ID_PATTERN, ChartSettings, Text

TABLE_KINDS = ("begroting", "kwartalen", "aandelen", "kruistabel", "tekst")
TableUnit = Literal["euro", "euro_x1000", "aantal", "percentage"]
MoneyUnit = Literal["euro", "euro_x1000"]
RowKind = Literal["regel", "subtotaal", "totaal"]


class TableBase(DutchModel):
    id: str = Field(alias="id", pattern=ID_PATTERN)
    kind: str = Field(alias="soort")
    title: Text = Field(alias="titel", min_length=1)
    file: Text = Field(alias="bestand", min_length=1)  # relative to data/
    sheet: Text | None = Field(default=None, alias="blad")  # XLSX only
    cell_range: Text | None = Field(default=None, alias="bereik")  # XLSX only: A1:D12 or a defined name
    source: Text | None = Field(default=None, alias="bron")
    decimals: int = Field(default=0, alias="decimalen", ge=0, le=4)
    percent_decimals: int = Field(default=0, alias="decimalen_procent", ge=0, le=4)
    chart: ChartSettings | None = Field(default=None, alias="grafiek")  # for {{ grafiek("id") }}


class BudgetColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    budget: Text = Field(default="begroting", alias="begroting")
    # The comparison column: a forecast (prognose) or a realisation (realisatie).
    forecast: Text = Field(default="prognose", alias="prognose", validation_alias=AliasChoices("prognose", "realisatie"))
    row_kind: Text = Field(default="soort", alias="soort")


class BudgetTable(TableBase):
    kind: Literal["begroting"] = Field(alias="soort")
    unit: MoneyUnit = Field(default="euro", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    columns: BudgetColumns = Field(default_factory=BudgetColumns, alias="kolommen")


class QuarterColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    year_total: Text | None = Field(default=None, alias="totaal")  # default: `totaal`, `jaar` or the year
    row_kind: Text = Field(default="soort", alias="soort")


class QuarterTable(TableBase):
    kind: Literal["kwartalen"] = Field(alias="soort")
    unit: TableUnit = Field(default="aantal", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    year: int | None = Field(default=None, alias="jaar", ge=1900, le=2200)  # default: the edition's year
    not_summed: list[Text] = Field(default_factory=list, alias="geen_som")  # rows whose year total is given
    columns: QuarterColumns = Field(default_factory=QuarterColumns, alias="kolommen")


class ShareColumns(DutchModel):
    label: Text = Field(default="omschrijving", alias="omschrijving")
    value: Text = Field(default="waarde", alias="waarde")
    row_kind: Text = Field(default="soort", alias="soort")  # subtotal/total rows are left out


class ShareTable(TableBase):
    kind: Literal["aandelen"] = Field(alias="soort")
    unit: Literal["euro", "euro_x1000", "aantal"] = Field(default="aantal", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    columns: ShareColumns = Field(default_factory=ShareColumns, alias="kolommen")


def _one_or_list(schema: dict) -> None:
    # JSON Schema: `rijen: Wet` (one column) is valid as well as a list.
    as_list = dict(schema)
    schema.clear()
    schema["anyOf"] = [as_list, {"type": ["string", "number"]}]


class CrossTable(TableBase):
    kind: Literal["kruistabel"] = Field(alias="soort")
    unit: Literal["euro", "euro_x1000", "aantal"] = Field(default="aantal", alias="eenheid")
    file_unit: MoneyUnit = Field(default="euro", alias="bedragen_in_bestand")
    rows: list[Text] = Field(alias="rijen", min_length=1, max_length=3, json_schema_extra=_one_or_list)  # row label column(s)
    column: Text = Field(alias="kolom")  # the column whose values become table columns
    value: Text | None = Field(default=None, alias="waarde")  # summed; without it, rows are counted
    column_order: list[Text] | None = Field(default=None, alias="kolomvolgorde")

    @field_validator("rows", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return [value] if isinstance(value, (str, int)) else value


class TextTable(TableBase):
    kind: Literal["tekst"] = Field(alias="soort")
    columns: list[Text] | None = Field(default=None, alias="kolommen", min_length=1)  # default: all


TableDefinition = Union[BudgetTable, QuarterTable, ShareTable, CrossTable, TextTable]

TABLE_MODELS: dict[str, type[TableBase]] = {
    "begroting": BudgetTable,
    "kwartalen": QuarterTable,
    "aandelen": ShareTable,
    "kruistabel": CrossTable,
    "tekst": TextTable,
}


class PageMeta(DutchModel):
    """Front matter of a free page (content/edities/<periode>/paginas/<slug>.md)."""

    title: Text | None = Field(default=None, alias="titel", min_length=1)
    order: int = Field(default=100, alias="volgorde")


class TablesFile(DutchModel):
    """The whole file, for the JSON Schema and the docs test; the loader validates
    each table on its own (by `soort`), so one bad table never hides the others."""

    model_config = ConfigDict(title="Tabellen")

    tables: list[Annotated[TableDefinition, Field(discriminator="kind")]] = Field(
        alias="tabellen",
        description="De tabellen van deze editie, elk met `id`, `soort` (begroting, kwartalen, aandelen, "
        "kruistabel of tekst), `titel` en `bestand` in data/. Een vrije pagina toont een tabel met {{ tabel(\"id\") }}.",
    )
