"""The built example's markup is valid HTML by the W3C Nu Html Checker (vnu).

vnu is the npm package vnu-jar, fetched by `python3 dev.py test` into .cache/vnu/
(or named by RAPPORTAGE_VNU_JAR), and runs on Java (Debian: default-jre-headless).
Without them the test skips, unless RAPPORTAGE_REQUIRE_BROWSER=1 (CI), where it fails.
All pages go to one java invocation: the checker is slow to start.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

VNU_JAR = REPO / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# One page of every kind, in the newest and in a frozen edition.
PAGES = [
    "index.html",  # home
    "2023-q3/index.html",  # edition page
    "2023-q1/index.html",  # frozen edition page
    "2023-q3/kpi/wachttijden/index.html",  # KPI page
    "2023-q3/maatregelen/index.html",  # measures
    "2023-q3/maatregelen/toegang/index.html",  # measures of one pillar
    "2023-q3/maatregelen/toegang/3.1.1/index.html",  # one measure
    "2023-q3/hulpvragen/index.html",  # free page
    "2023-q3/financiele-verantwoording/index.html",  # free page with a financial table
    "2023-q3/wijzigingen/index.html",  # what changed
    "kpi/wachttijden/index.html",  # KPI across editions
    "toegankelijkheid/index.html",  # accessibility statement
    "404.html",
]

# Errors we accept, each with the reason; empty: the theme overrides fix every error
# Material's templates made (generator/site/mkdocs/adapter.py `on_post_page`, theme/partials/).
ALLOWED: dict[str, str] = {}


def _require(what: str) -> None:
    if os.environ.get("RAPPORTAGE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} ontbreekt, maar RAPPORTAGE_REQUIRE_BROWSER=1")
    pytest.skip(f"{what} ontbreekt")


def _vnu_jar() -> Path:
    jar = Path(os.environ.get("RAPPORTAGE_VNU_JAR") or VNU_JAR)
    if not jar.is_file():
        _require("de Nu Html Checker (python3 dev.py test haalt vnu-jar op met npm)")
    return jar


def test_pages_have_no_html_errors(built_example) -> None:
    java = shutil.which("java")
    if java is None:
        _require("java (apt-get install default-jre-headless)")
    jar = _vnu_jar()
    files = [built_example.site / page for page in PAGES]
    missing = [str(f) for f in files if not f.is_file()]
    assert not missing, f"pages not built: {missing}"
    done = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(done.stderr or done.stdout)  # vnu writes its JSON report to stderr
    errors = [
        m for m in report["messages"]
        if m.get("type") in ("error", "non-document-error") and m.get("message") not in ALLOWED
    ]
    shown = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}\n"
        f"    {(m.get('extract') or '').strip()[:160]}"
        for m in errors[:20]
    ]
    assert not errors, f"{len(errors)} HTML errors (Nu Html Checker):\n" + "\n".join(shown)
    assert done.returncode == 0, done.stderr[-2000:]
