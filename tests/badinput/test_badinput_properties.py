"""Property-based: whatever YAML or CSV an editor (or a fuzzer) writes, `rapportage check`
answers with exit 0 or 1 and Dutch problems with a location; never a traceback, an
internal error or a hang."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from badinput.corpus import copy_example
from generator.cli import main

HANG_SECONDS = 60  # a guard against hangs, not a speed test: one check takes well under a second

NARRATIVE = "content/edities/2023-Q1/indicatoren/eigen-regie.yml"
YAML_TARGETS = [NARRATIVE, "content/edities/2023-Q1/editie.yml", "content/site.yml", "content/doelstellingen.yml"]
CSV_TARGET = "data/indicatoren.csv"

PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?: (?P<severity>fout|waarschuwing): \S")


@pytest.fixture(scope="module")
def small_project(tmp_path_factory) -> Path:
    """The example project with one (unfrozen) edition: fewer files, faster checks."""
    project = copy_example(tmp_path_factory.mktemp("fuzz") / "project")
    for edition in (project / "content" / "edities").iterdir():
        if edition.name != "2023-Q1":
            shutil.rmtree(edition)
    return project


class _Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Hang()


def run_check(project: Path, rel: str, content: bytes) -> tuple[int, str]:
    path = project / rel
    original = path.read_bytes()
    path.write_bytes(content)
    out = io.StringIO()
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(HANG_SECONDS)
    try:
        with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
            code = main(["check", "--project", str(project)])
    except _Hang:
        pytest.fail(f"check did not finish within {HANG_SECONDS} s for {content[:200]!r}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        path.write_bytes(original)
    return code, out.getvalue()


def assert_clean_answer(code: int, output: str, content: bytes) -> None:
    assert code in (0, 1), (code, output, content)
    assert "Traceback" not in output and "Interne fout" not in output, (output, content)
    if code == 1:
        problems = [m for m in map(PROBLEM_LINE.match, output.splitlines()) if m and m["severity"] == "fout"]
        assert problems, f"exit 1 without a located problem:\n{output}"
        assert "fout gevonden" in output or "fouten gevonden" in output


# --- YAML ---------------------------------------------------------------------------------

KEYS = ["toelichting", "aandacht", "handmatige_status", "reeks", "status", "reden", "titel", "datum",
        "organisatie", "logo", "gegevens", "doelstellingen", "nummer", "omschrijving", "voorwoord", "x", "1", "~"]
SCALARS = st.one_of(
    st.sampled_from(["groen", "oranje", "Jeugd", "Wmo", "2023-05-15", "2023-02-30", "12", "-1", ".inf", ".nan",
                     "null", "~", "ja", "true", "''", '""', "|", ">-", "&a", "*a", "*b", "!!str", "!!python/name:os.system",
                     "[a, b]", "{a: 1}", "[", "{", "'open", '"open', "<script>alert(1)</script>", "{{ 7*7 }}", "{% for %}",
                     "[x](javascript:alert(1))", "ë", "\u00a0", "\t", "\\", "#", "@", "`", "%YAML 1.1", "---", "..."]),
    st.text(min_size=0, max_size=30),
)


@st.composite
def yamlish(draw) -> str:
    """Text that looks like our YAML files: keys, lists, scalars, anchors, indentation, mistakes."""
    lines = []
    for _ in range(draw(st.integers(0, 25))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 2, 4, 6, 1, 3]))
        kind = draw(st.sampled_from(["key", "key", "item", "block", "raw"]))
        if kind == "key":
            lines.append(f"{indent}{draw(st.sampled_from(KEYS))}: {draw(SCALARS)}")
        elif kind == "item":
            lines.append(f"{indent}- {draw(SCALARS)}")
        elif kind == "block":
            lines.append(f"{indent}{draw(st.sampled_from(KEYS))}: |")
            lines.extend(f"{indent}  {draw(SCALARS)}" for _ in range(draw(st.integers(1, 4))))
        else:
            lines.append(draw(st.text(max_size=40)))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


YAML_CONTENT = st.one_of(
    yamlish().map(lambda t: t.encode("utf-8")),
    yamlish().map(lambda t: t.encode("utf-16")),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(target=st.sampled_from(YAML_TARGETS), content=YAML_CONTENT)
def test_any_yaml_gets_a_clean_answer(small_project: Path, target: str, content: bytes) -> None:
    code, output = run_check(small_project, target, content)
    assert_clean_answer(code, output, content)


# --- CSV ----------------------------------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(["eigen-regie", "wachttijden", "kosten-per-klant", "onbekend", "Jeugd", "Wmo", "Wijkteam Jeugd", "",
                     "2023-Q1", "2023-Q2", "2022-Q4", "2023-Q5", "2023", "2023-H1", "79", "7,3", "1.800", "€ 1.800",
                     "-6,25%", "n.v.t.", "-", "1e400", "9" * 30, "NaN", "inf", '"', '"open', "=HYPERLINK(\"x\")",
                     "\u2212 5", "0,0,0"]),
    st.text(max_size=12),
)
HEADERS = st.sampled_from([
    "indicator;reeks;periode;waarde", "indicator,reeks,periode,waarde", "indicator\treeks\tperiode\twaarde",
    "Indicator;Reeks;Periode;Waarde", "indicator;periode;waarde", "indicator;reeks;periode;waarde;reeks", "", "waarde",
])


@st.composite
def csvish(draw) -> str:
    header = draw(HEADERS)
    sep = ";" if ";" in header else "," if "," in header else "\t" if "\t" in header else draw(st.sampled_from([";", ","]))
    rows = [sep.join(draw(st.lists(CELLS, min_size=0, max_size=6))) for _ in range(draw(st.integers(0, 20)))]
    return "\n".join([header, *rows]) + draw(st.sampled_from(["", "\n", "\r\n"]))


CSV_CONTENT = st.one_of(
    csvish().map(lambda t: t.encode("utf-8")),
    csvish().map(lambda t: t.encode("cp1252", "replace")),
    csvish().map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    csvish().map(lambda t: t.encode("utf-16")),
    st.binary(max_size=300),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content=CSV_CONTENT)
def test_any_csv_gets_a_clean_answer(small_project: Path, content: bytes) -> None:
    code, output = run_check(small_project, CSV_TARGET, content)
    assert_clean_answer(code, output, content)


def test_the_small_project_itself_is_valid(small_project: Path) -> None:
    code, output = run_check(small_project, NARRATIVE, (small_project / NARRATIVE).read_bytes())
    assert code == 0, output
