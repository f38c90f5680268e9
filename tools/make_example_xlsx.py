"""Write the example workbook data/financien-2023.xlsx (Gemeente Lindewaard, fictional).

    .venv/bin/python tools/make_example_xlsx.py

One sheet per quarter, laid out as a controller would: a title, a blank row, then the
overview table at B4 with a `Soort` column marking the subtotal and total rows. The
totals are typed in as values (not formulas: openpyxl cannot store what Excel would
calculate); the Q3 sheet leaves them empty so rapportage computes them. The Q3 range
is also an Excel defined name, `Overzicht_Q3`.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "financien-2023.xlsx"

BUDGET = {"Jeugdzorg": 11_364_000, "Wmo": 8_512_000, "Wijkteam": 4_424_000, "Overhead": 2_290_000, "Financiering derden": -43_000}
FORECAST = {
    "Q1": {"Jeugdzorg": 11_919_000, "Wmo": 8_852_000, "Wijkteam": 4_229_000, "Overhead": 2_416_000, "Financiering derden": -67_000},
    "Q2": {"Jeugdzorg": 12_080_000, "Wmo": 8_905_000, "Wijkteam": 4_260_000, "Overhead": 2_395_000, "Financiering derden": -71_000},
    "Q3": {"Jeugdzorg": 12_010_000, "Wmo": 8_960_000, "Wijkteam": 4_301_000, "Overhead": 2_380_000, "Financiering derden": -74_000},
}
COSTS = ["Jeugdzorg", "Wmo", "Wijkteam", "Overhead"]
STAND = {"Q1": "31 maart 2023", "Q2": "30 juni 2023", "Q3": "30 september 2023"}


def main() -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for quarter, forecast in FORECAST.items():
        ws = wb.create_sheet(f"Overzicht {quarter}")
        ws["A1"] = f"Sociaal Team Lindewaard - financieel overzicht, stand {STAND[quarter]}"
        ws.append([])
        ws.append([])
        ws.append([None, "Post", "Soort", "Begroting 2023", "Verwachting 2023"])  # row 4
        for post in COSTS:
            ws.append([None, post, None, BUDGET[post], forecast[post]])
        stated = quarter != "Q3"
        cost_b, cost_f = sum(BUDGET[p] for p in COSTS), sum(forecast[p] for p in COSTS)
        ws.append([None, "Totale kosten", "subtotaal", cost_b if stated else None, cost_f if stated else None])
        ws.append([None, "Financiering derden", None, BUDGET["Financiering derden"], forecast["Financiering derden"]])
        total_b, total_f = cost_b + BUDGET["Financiering derden"], cost_f + forecast["Financiering derden"]
        ws.append([None, "Te financieren door de gemeente", "totaal", total_b if stated else None, total_f if stated else None])
        for row in ws.iter_rows(min_row=5, min_col=4, max_col=5):
            for cell in row:
                cell.number_format = "#,##0"
        ws.column_dimensions["B"].width = 34
        ws.column_dimensions["D"].width = 16
        ws.column_dimensions["E"].width = 18
    wb.defined_names["Overzicht_Q3"] = DefinedName("Overzicht_Q3", attr_text="'Overzicht Q3'!$B$4:$E$11")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUT)
    print(f"geschreven: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
