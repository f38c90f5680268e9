"""Issue 14 point 7: a broken `aandacht: |` block is reported on the line that broke it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.problems import Problems
from generator.load.yamlfile import parse_yaml

HEAD = "toelichting: |\n  Tekst over de doorstroom.\n  Tweede regel.\naandacht: |\n"


@pytest.mark.parametrize("body", [
    "  Eerste regel\nNog een regel\n  derde\n",  # libyaml said line 8 of this 7-line file
    "  - Eerste punt\n - tweede punt: met dubbele punt\n  - derde\n",
])
def test_a_line_that_leaves_the_block_is_named(body: str) -> None:
    problems = Problems()
    assert parse_yaml(HEAD + body, Path("x.yml"), "x.yml", problems) is None
    [problem] = problems.errors
    assert problem.line == 6
    assert problem.message.startswith("deze regel springt minder ver in dan de tekst van `aandacht` erboven")
    assert "met 2 spaties" in problem.hint


def test_a_block_that_ends_with_the_next_key_is_fine() -> None:
    problems = Problems()
    doc = parse_yaml(HEAD + "  Eerste\n  tweede\n# opmerking\nbron: x\n", Path("x.yml"), "x.yml", problems)
    assert doc is not None and not problems.items
    assert doc.data["aandacht"] == "Eerste\ntweede\n"
