"""Expected against realised financial yield per pillar and year, and the conclusion table.

Every total is computed here, never typed by an editor. A `-` (not quantifiable) is not
0: it is left out of every sum, the sum is marked as partial and a note says what was
left out. A missing amount (no row, or an empty cell) is treated the same way.
"""

from __future__ import annotations

from generator.core import formatting as fmt
from generator.compute.views import ConclusionRow, ConclusionView, YieldCell, YieldPoint, YieldRow, YieldTableView
from generator.model.measures import MeasuresInput
from generator.model.measures_schema import Pillar
from generator.model.yields import YieldEntry, YieldKey

KIND_LABELS = {"verwacht": "Verwachte opbrengst", "gerealiseerd": "Gerealiseerde opbrengst"}
DASH_NOTE = "- = niet te kwantificeren. Dat is iets anders dan € 0: een streepje telt niet mee in een totaal."
PARTIAL_MARK = "*"


def amount_cell(value: float) -> YieldCell:
    return YieldCell(value=value, kind="bedrag", text=fmt.value(value, "euro"))


NOT_QUANTIFIABLE = YieldCell(value=None, kind="niet-kwantificeerbaar", text="-")
NO_AMOUNT = YieldCell(value=None, kind="geen", text="")


def entry_cell(entry: YieldEntry | None) -> YieldCell:
    if entry is None:
        return NO_AMOUNT
    return NOT_QUANTIFIABLE if entry.value is None else amount_cell(entry.value)


def sum_cells(cells: list[YieldCell]) -> YieldCell:
    """Sum the amounts; `-` and missing amounts are left out (never counted as 0).

    A sum that left something out while other amounts were there is marked partial.
    Without any amount the result is `-` when something was not quantifiable, else empty.
    """
    amounts = [c.value for c in cells if c.kind == "bedrag" and c.value is not None]
    if amounts:
        total = amount_cell(sum(amounts))
        partial = any(c.kind != "bedrag" or c.partial for c in cells)
        return total.model_copy(update={"partial": partial}) if partial else total
    if any(c.kind == "niet-kwantificeerbaar" for c in cells):
        return NOT_QUANTIFIABLE
    return NO_AMOUNT


def difference_cell(realised: YieldCell, expected: YieldCell) -> YieldCell:
    """Realised minus expected; only between two amounts."""
    if realised.kind == "bedrag" and expected.kind == "bedrag":
        assert realised.value is not None and expected.value is not None
        d = realised.value - expected.value
        text = fmt.value(0, "euro") if round(d) == 0 else fmt.delta(d, "euro")
        return YieldCell(value=d, kind="bedrag", text=text, partial=realised.partial or expected.partial)
    if "niet-kwantificeerbaar" in (realised.kind, expected.kind):
        return NOT_QUANTIFIABLE
    return NO_AMOUNT


def _parts(yields: dict[YieldKey, YieldEntry], pillar: str, kind: str) -> list[str]:
    # In the order the editor wrote them (first appearance in the CSV).
    keys = sorted((k for k in yields if k.pillar == pillar and k.kind == kind), key=lambda k: yields[k].line)
    return list(dict.fromkeys(k.part for k in keys))


def kind_total(yields: dict[YieldKey, YieldEntry], pillar: str, kind: str, year: int) -> YieldCell:
    parts = _parts(yields, pillar, kind)
    if not parts:
        return NO_AMOUNT
    return sum_cells([entry_cell(yields.get(YieldKey(pillar, year, kind, part))) for part in parts])


def all_years(yields: dict[YieldKey, YieldEntry]) -> list[int]:
    return sorted({k.year for k in yields})


def _part_label(kind: str, part: str) -> str:
    return f"{KIND_LABELS[kind]}: {part or 'overig'}"


def yield_table(measures: MeasuresInput, pillar: Pillar, title: str) -> YieldTableView | None:
    yields = measures.yields
    if not any(k.pillar == pillar.id for k in yields):
        return None
    years = all_years(yields)
    rows: list[YieldRow] = []
    totals: dict[str, list[YieldCell]] = {}
    for kind in ("verwacht", "gerealiseerd"):
        parts = _parts(yields, pillar.id, kind)
        if len(parts) > 1 or (parts and parts[0]):
            for part in parts:
                cells = [entry_cell(yields.get(YieldKey(pillar.id, y, kind, part))) for y in years]
                rows.append(YieldRow(label=_part_label(kind, part), kind=kind, is_total=False, cells=cells))
        totals[kind] = [kind_total(yields, pillar.id, kind, y) for y in years]
        split = len(parts) > 1 or (parts and parts[0])
        rows.append(YieldRow(
            label=KIND_LABELS[kind] + (" totaal" if split else ""), kind=kind, is_total=bool(split), cells=totals[kind],
        ))
    difference = [difference_cell(r, e) for r, e in zip(totals["gerealiseerd"], totals["verwacht"])]
    rows.append(YieldRow(label="Verschil (gerealiseerd min verwacht)", kind="verschil", is_total=True, cells=difference))

    points = [
        YieldPoint(year=y, kind=kind, kind_label=KIND_LABELS[kind], value=cell.value)
        for kind in ("verwacht", "gerealiseerd")
        for y, cell in zip(years, totals[kind])
        if cell.kind == "bedrag" and cell.value is not None
    ]
    notes = _notes(rows)
    summary = _summary(title, years, totals)
    return YieldTableView(pillar_id=pillar.id, title=title, years=years, rows=rows, points=points, notes=notes, summary=summary)


def _notes(rows: list[YieldRow]) -> list[str]:
    notes = []
    cells = [c for r in rows for c in r.cells]
    if any(c.kind == "niet-kwantificeerbaar" for c in cells):
        notes.append(DASH_NOTE)
    if any(c.partial for c in cells):
        notes.append(
            f"{PARTIAL_MARK} Dit totaal telt alleen de bedragen die bekend en te kwantificeren zijn; "
            "een streepje of een leeg vak is niet als 0 meegeteld."
        )
    return notes


def _describe(cell: YieldCell) -> str:
    if cell.kind == "bedrag":
        return cell.text + (" (onvolledig totaal)" if cell.partial else "")
    return "niet te kwantificeren" if cell.kind == "niet-kwantificeerbaar" else "nog geen bedrag"


def _summary(title: str, years: list[int], totals: dict[str, list[YieldCell]]) -> str:
    parts = [
        f"{y}: verwacht {_describe(e)}, gerealiseerd {_describe(r)}"
        for y, e, r in zip(years, totals["verwacht"], totals["gerealiseerd"])
    ]
    return f"{title}. " + "; ".join(parts) + "."


def conclusion_year(measures: MeasuresInput, edition_year: int, chosen: int | None) -> int | None:
    """The editor's choice, else the latest year up to the edition's with a realised entry."""
    if chosen is not None:
        return chosen
    realised = [k.year for k in measures.yields if k.kind == "gerealiseerd" and k.year <= edition_year]
    if realised:
        return max(realised)
    years = [y for y in all_years(measures.yields) if y <= edition_year]
    return max(years) if years else None


def conclusion(measures: MeasuresInput, year: int, labels: dict[str, str]) -> ConclusionView | None:
    pillars = [p for p in measures.pillars if any(k.pillar == p.id for k in measures.yields)]
    if not pillars:
        return None
    rows = []
    for p in pillars:
        expected = kind_total(measures.yields, p.id, "verwacht", year)
        realised = kind_total(measures.yields, p.id, "gerealiseerd", year)
        rows.append(ConclusionRow(
            pillar_id=p.id, label=labels[p.id], expected=expected, realised=realised,
            difference=difference_cell(realised, expected),
        ))
    expected_total = sum_cells([r.expected for r in rows])
    realised_total = sum_cells([r.realised for r in rows])
    total = ConclusionRow(
        pillar_id=None, label="Totaal", expected=expected_total, realised=realised_total,
        difference=difference_cell(realised_total, expected_total),
    )
    notes = []
    if any(c.kind == "niet-kwantificeerbaar" for r in rows for c in (r.expected, r.realised)):
        notes.append(DASH_NOTE)
    for kind, attr, cell in (("verwachte", "expected", expected_total), ("gerealiseerde", "realised", realised_total)):
        if cell.kind != "bedrag":
            continue
        dashes = [r.label for r in rows if getattr(r, attr).kind == "niet-kwantificeerbaar"]
        empty = [r.label for r in rows if getattr(r, attr).kind == "geen"]
        partial = [r.label for r in rows if getattr(r, attr).partial]
        left_out = []
        if dashes:
            left_out.append(_join(dashes) + " (niet te kwantificeren)")
        if empty:
            left_out.append(_join(empty) + " (geen bedrag)")
        if left_out:
            notes.append(f"{PARTIAL_MARK} Het totaal van de {kind} opbrengst {year} telt niet mee: " + "; ".join(left_out) + ".")
        if partial:
            notes.append(
                f"{PARTIAL_MARK} De {kind} opbrengst {year} van {_join(partial)} is zelf een onvolledig totaal "
                "(een onderdeel is niet te kwantificeren of heeft geen bedrag)."
            )
    return ConclusionView(year=year, rows=rows, total=total, notes=notes)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
