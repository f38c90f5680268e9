"""Expected and realised financial yield per pillar (cluster) per year: `data/opbrengsten.csv`.

Long format, one amount per row:

    pijler;jaar;soort;onderdeel;bedrag
    voorwaardenscheppend;2023;verwacht;;10.000
    preventie;2023;gerealiseerd;;-

`-` (or n.v.t.) means "not quantifiable": it is kept, shown as `-`, and never summed as 0.
An empty `bedrag` means "no amount (yet)", the same as leaving the row out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.csvfile import read_csv
from generator.core.numbers import NotANumber, is_missing, parse_number
from generator.core.problems import Problems, suggest

YIELD_KINDS = ("verwacht", "gerealiseerd")
REQUIRED_COLUMNS = ("pijler", "jaar", "soort", "bedrag")
OPTIONAL_COLUMNS = ("onderdeel",)
# Editors who think in "clusters" (as many reports call them) may name the column so.
COLUMN_SYNONYMS = {"cluster": "pijler"}


@dataclass(frozen=True)
class YieldKey:
    pillar: str
    year: int
    kind: str  # verwacht | gerealiseerd
    part: str  # "" when the amount is not split into parts


@dataclass(frozen=True)
class YieldEntry:
    value: float | None  # None: not quantifiable ("-"), never 0
    file: str
    line: int


def load_yields(path: Path, rel: str, pillar_ids: list[str], problems: Problems) -> dict[YieldKey, YieldEntry]:
    entries: dict[YieldKey, YieldEntry] = {}
    table = read_csv(path, rel, problems)
    if table is None:
        return entries
    columns = [COLUMN_SYNONYMS.get(c, c) for c in table.columns]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        problems.add(
            rel, table.header_line,
            "kolom(men) ontbreken: " + ", ".join(f"`{c}`" for c in missing),
            "de kopregel moet zijn: pijler;jaar;soort;onderdeel;bedrag (onderdeel mag weg)",
        )
        return entries
    unknown = [c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS and c]
    if unknown:
        problems.add(
            rel, table.header_line,
            "onbekende kolom(men): " + ", ".join(f"`{c}`" for c in unknown),
            "toegestane kolommen: pijler, jaar, soort, onderdeel, bedrag",
        )
    for row in table.rows:
        v = {COLUMN_SYNONYMS.get(k, k): cell for k, cell in row.values.items()}
        ok = True
        pillar = v["pijler"]
        if pillar not in pillar_ids:
            problems.add(
                rel, row.line,
                f"pijler `{pillar}` bestaat niet" if pillar else "kolom `pijler` is leeg",
                suggest(pillar, pillar_ids) or "kies uit: " + ", ".join(pillar_ids),
            )
            ok = False
        year_text = v["jaar"]
        year = int(year_text) if year_text.isdigit() else None
        if year is None or not 1900 < year < 2200:
            problems.add(rel, row.line, f"`{year_text}` in kolom `jaar` is geen jaartal", "schrijf een jaar, bijvoorbeeld 2023")
            ok = False
        kind = v["soort"].strip().lower()
        if kind not in YIELD_KINDS:
            problems.add(
                rel, row.line,
                f"`{v['soort']}` in kolom `soort` is geen geldige soort; kies uit: verwacht, gerealiseerd",
                suggest(kind, YIELD_KINDS),
            )
            ok = False
        raw = v["bedrag"]
        value: float | None = None
        if not raw.strip():
            continue  # no amount yet: the same as no row
        if not is_missing(raw):
            try:
                value = parse_number(raw)
            except NotANumber:
                problems.add(
                    rel, row.line, f"`{raw}` in kolom `bedrag` is geen bedrag",
                    "schrijf een bedrag (19.500 of 19500), of `-` als de opbrengst niet te kwantificeren is",
                )
                ok = False
        if not ok:
            continue
        assert year is not None
        key = YieldKey(pillar, year, kind, v.get("onderdeel", "").strip())
        if key in entries:
            first = entries[key]
            problems.add(
                rel, row.line,
                f"dubbele regel voor `{pillar}` {kind} {year}" + (f" ({key.part})" if key.part else ""),
                f"eerder al op {first.file}:{first.line}",
            )
            continue
        entries[key] = YieldEntry(value, rel, row.line)
    return entries
