"""CSV downloads: no cell a spreadsheet could read as a formula (OWASP CSV injection), and
numbers stay numbers. Labels come from editors (series names, x labels, XLSX cells)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import chart_samples as samples
from generator.charts.model import ChartRow
from generator.charts.table import csv_bytes, spreadsheet_text
from generator.cli import main
from badinput.corpus import copy_example

# What Excel, LibreOffice and Google Sheets start a formula (or DDE) with.
FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"


def is_plain_number(cell: str) -> bool:
    body = cell[1:] if cell.startswith("-") else cell
    whole, _, frac = body.partition(",")
    return whole.isascii() and whole.isdigit() and (frac == "" and "," not in body or frac.isascii() and frac.isdigit())


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def assert_no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell or cell[0] not in FORMULA_STARTS or is_plain_number(cell), repr(cell)


def test_the_known_attacks_are_neutralised() -> None:
    for attack in ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "-1,5x",
                   "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+1", "-,5", "-"]:
        assert spreadsheet_text(attack) == "'" + attack


def test_numbers_stay_numbers() -> None:
    for number in ["0", "12", "-12", "-12,5", "1800", "-0,25"]:
        assert spreadsheet_text(number) == number
    assert ">= 80" == spreadsheet_text(">= 80") and "Q1 2023" == spreadsheet_text("Q1 2023")


LABEL = st.one_of(
    st.text(min_size=1, max_size=12),
    st.builds(lambda a, b: a + b, st.sampled_from(list(FORMULA_STARTS) + ["-1", "-0,", "'"]), st.text(max_size=8)),
).filter(lambda t: t.strip() != "")


@settings(max_examples=150, deadline=None)
@given(series=st.lists(LABEL, min_size=1, max_size=3, unique=True), x_label=LABEL,
       values=st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)), min_size=5, max_size=5))
def test_generated_labels_never_start_a_formula(series: list[str], x_label: str, values: list[float | None]) -> None:
    spec = samples.line_two()
    spec = spec.model_copy(update={"rows": [ChartRow(x=q, series=s, value=v)
                           for s in series for q, v in zip(samples.QUARTERS, values)],
                           "targets": [], "x_labels": {**samples.LABELS, "2022-Q1": x_label}})
    rows = cells(csv_bytes(spec))
    assert_no_formula(rows)
    # every figure is still a plain number (or empty) in the CSV
    for row in rows[1:]:
        assert all(c == "" or is_plain_number(c) for c in row[1:]), row


def test_a_built_site_has_no_formula_in_any_download(tmp_path: Path) -> None:
    """Series names from the figures CSV, labels from the XLSX: end to end."""
    project = copy_example(tmp_path / "project")
    evil = {"Jeugd": "-1+cmd|' /C calc'!A0"}
    data = project / "data" / "indicatoren.csv"
    text = data.read_text(encoding="utf-8")
    indicators = project / "content" / "indicatoren.yml"
    names = indicators.read_text(encoding="utf-8")
    for good, bad in evil.items():
        text = text.replace(f";{good};", f";{bad};")
        names = names.replace(f"- naam: {good}\n", f"- naam: \"{bad}\"\n")
    data.write_text(text, encoding="utf-8")
    indicators.write_text(names, encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", "--project", str(project), "--site-dir", str(site)]) == 0
    downloads = list(site.rglob("*.csv"))
    assert downloads
    joined = b"".join(p.read_bytes() for p in downloads)
    assert b"'-1+cmd" in joined
    for path in downloads:
        assert_no_formula(cells(path.read_bytes()))
