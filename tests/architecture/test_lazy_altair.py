"""`rapportage check` draws no chart: importing the build pipeline must not import altair
(a good part of check's CPU time; generator/charts/lazy.py). A chart module that imports
altair at the top (as `panelen` did when it was merged) fails this test."""

from __future__ import annotations

import subprocess
import sys


def test_the_pipeline_imports_without_altair() -> None:
    code = ("import sys, generator.site.build, generator.cli, generator.charts.kinds; "
            "print(sorted(m for m in sys.modules if m == 'altair' or m.startswith('altair.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_the_pipeline_imports_without_pandas() -> None:
    # pandas is for the table computations (compute/tables/): a project without tables,
    # and `check` of any project until a table is computed, does not pay its import.
    code = ("import sys, generator.site.build, generator.cli, generator.compute.tables; "
            "print(sorted(m for m in sys.modules if m == 'pandas' or m.startswith('pandas.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
