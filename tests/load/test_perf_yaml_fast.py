"""The libyaml fast path must read every document exactly as ruamel's round-trip reader."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from generator.load import yamlfile
from generator.core.problems import Problems
from tests.conftest import REPO


def ruamel_read(text: str):
    node = yamlfile._yaml().load(text)
    lines = {(): 1}
    return yamlfile._plain(node, (), lines), lines


SCALARS = [
    "012", "007", "0o12", "0x1F", "0b101", "+12", "-0", "1_000", "1e3", "1.5e-3", ".5", "1.0", "-.INF", ".inf",
    "yes", "no", "on", "off", "True", "FALSE", "~", "null", "", "2023-05-15", "2023-5-1", "7,5", "1.800",
    "n.v.t.", "'012'", '"true"', "\">= 80\"", "\"tussen 40 en 60\"", "€ 1.800", "1:20", "Q1 2023",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_read_as_ruamel_reads_them(scalar: str):
    text = f"waarde: {scalar}\nlijst:\n  - {scalar}\n"
    fast = yamlfile._fast_load(text)
    assert fast is not None
    data, lines = fast
    expected = ruamel_read(text)
    if isinstance(expected[0]["waarde"], float) and math.isnan(expected[0]["waarde"]):
        assert math.isnan(data["waarde"])
    else:
        assert (data, lines) == expected


def test_nested_document_with_lines():
    text = (
        "# kop\n"
        "indicatoren:\n"
        "  - id: eigen-regie\n"
        "    streefwaarde:\n"
        "      2022: \">= 80\"\n"
        "    reeksen:\n"
        "      - naam: Jeugd\n"
        "      - {naam: Wmo, decimalen: 1}\n"
        "    definitie: |\n"
        "      Regel een.\n\n"
        "      Regel twee.\n"
        "datum: 2023-11-13\n"
    )
    data, lines = yamlfile._fast_load(text)
    assert (data, lines) == ruamel_read(text)
    assert data["indicatoren"][0]["streefwaarde"] == {2022: ">= 80"}
    assert data["datum"] == dt.date(2023, 11, 13)
    assert lines[("indicatoren", 0, "reeksen", 1, "naam")] == 8


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",  # duplicate key: ruamel words the error
    "basis: &b {x: 1}\nkopie: *b\n",  # alias
    "basis: &b {x: 1}\nkopie:\n  <<: *b\n",  # merge key
    "moment: 2023-05-15 10:00:00\n",  # timestamp with a time
    "waarde: !eigen tekst\n",  # own tag
    "titel: [kapot\n",  # syntax error
])
def test_unusual_documents_go_to_ruamel(text: str):
    assert yamlfile._fast_load(text) is None


def test_example_project_reads_identically(tmp_path: Path):
    files = sorted((REPO / "content").rglob("*.yml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yamlfile._fast_load(text) == ruamel_read(text), path


def test_duplicate_key_message_unchanged(tmp_path: Path):
    path = tmp_path / "x.yml"
    path.write_text("titel: a\ntitel: b\n", encoding="utf-8")
    problems = Problems()
    assert yamlfile.load_yaml(path, "content/x.yml", problems) is None
    assert [(p.line, p.message) for p in problems.items] == [(2, "sleutel `titel` komt twee keer voor")]
