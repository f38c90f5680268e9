"""CSV files as municipalities have them: comma or semicolon, UTF-8 (with or without
BOM) or Windows-1252, with the line of every row kept for messages."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import Problems

MAX_CSV_BYTES = 50 * 1024 * 1024


@dataclass
class CsvRow:
    line: int  # 1-based line in the file
    values: dict[str, str]


@dataclass
class CsvTable:
    path: Path
    rel: str
    columns: list[str]
    rows: list[CsvRow] = field(default_factory=list)
    header_line: int = 1


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" as Windows-1252.
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, rel: str, problems: Problems) -> CsvTable | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, f"bestand kan niet gelezen worden ({exc.strerror or exc})")
        return None
    if len(raw) > MAX_CSV_BYTES:
        problems.add(rel, None, f"bestand is te groot ({len(raw) // (1024 * 1024)} MB)")
        return None
    text = decode(raw)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        problems.add(rel, None, "bestand is leeg; verwacht een kopregel met kolomnamen")
        return None
    delimiter = sniff_delimiter(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: CsvTable | None = None
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if table is None:
                columns = [c.strip().lower() for c in record]
                table = CsvTable(path, rel, columns, header_line=line)
                continue
            if len(record) > len(table.columns) and any(c.strip() for c in record[len(table.columns):]):
                problems.add(
                    rel,
                    line,
                    f"rij heeft {len(record)} cellen, de kopregel {len(table.columns)} kolommen",
                    f"controleer het scheidingsteken `{delimiter}` in tekst (zet zulke tekst tussen aanhalingstekens)",
                )
                continue
            values = {col: (record[i].strip() if i < len(record) else "") for i, col in enumerate(table.columns)}
            table.rows.append(CsvRow(line, values))
    except csv.Error as exc:
        problems.add(rel, reader.line_num, f"CSV kan niet gelezen worden ({exc})")
        return None
    return table
