"""What every table in tabellen.yml has (`TableBase`), and free-page front matter.

Each table kind (`soort`) adds its own keys in its own module (generator/compute/tables/<kind>.py:
`MODEL`), so a key that belongs to another kind is reported as unknown. The loader gets the
kinds' models from the caller (`TableModels`): the model layer does not know the kinds.
"""

from __future__ import annotations

from typing import Literal, Mapping

from pydantic import Field

from generator.model.base import DutchModel
from generator.model.schema import ID_PATTERN, ChartSettings, Text
from generator.core.vocabulary import PageRole

TableUnitValue = Literal["euro", "euro_x1000", "aantal", "percentage"]
MoneyUnit = Literal["euro", "euro_x1000"]


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


class Signature(DutchModel):
    """One signature under a letter page."""

    name: Text = Field(alias="naam", min_length=1, description="Naam, zoals 'Het college van burgemeester en wethouders'.")
    function: Text | None = Field(default=None, alias="functie", description="Functie, zoals 'de burgemeester' (mag weg).")


class PageMeta(DutchModel):
    """Front matter of a free page (content/edities/<periode>/paginas/<slug>.md)."""

    title: Text | None = Field(default=None, alias="titel", min_length=1)
    order: int = Field(default=100, alias="volgorde")
    role: PageRole = Field(
        default=PageRole.PAGE, alias="soort",
        description="`pagina` (standaard), `brief` (opent de editie, met aanhef en ondertekening) of "
        "`bijlage` (achteraan, genummerd als Bijlage 1, Bijlage 2, ...).",
    )
    salutation: Text | None = Field(default=None, alias="aanhef", description="Alleen bij `soort: brief`: aanhef van de brief, zoals 'Geachte raads- en commissieleden,'.")
    signatures: list[Signature] = Field(default=[], alias="ondertekening", description="Alleen bij `soort: brief`: wie de brief ondertekenen, elk met `naam` en `functie`.")


# soort -> the model of a table of that kind (generator/compute/tables registers them)
TableModels = Mapping[str, type[TableBase]]
