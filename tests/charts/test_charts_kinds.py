"""The chart kind registry: every kind has one module, documented for developers and
editors, and its `grafiek:` checks say exactly what they said before."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

import chart_samples as samples
from generator.charts.cells import Table
from generator.charts.checks import check_chart_config
from generator.charts.kind_module import IndicatorRows, TableRows
from generator.charts.kinds import KINDS
from generator.core.problems import Problems
from generator.core.vocabulary import ChartKind
from generator.model.schema import IndicatorDefinition

ROOT = Path(__file__).resolve().parents[2]
DRAWN = [k for k in ChartKind if k is not ChartKind.NONE]


def test_every_kind_that_draws_has_one_module():
    assert set(KINDS) == set(DRAWN)
    for kind, module in KINDS.items():
        assert isinstance(module, ModuleType) and module.__name__ == f"generator.charts.kinds.{kind.value.replace(' ', '_')}"
        assert module.KIND is kind
        assert isinstance(module.INDICATOR_ROWS, IndicatorRows) and isinstance(module.TABLE_ROWS, TableRows)
        assert module.DEFAULT_PERIODS is None or module.DEFAULT_PERIODS >= 1
        assert isinstance(module.TARGETS_PER_PERIOD, bool)
        for name in ("vegalite", "summary", "table", "config_problems"):
            assert callable(getattr(module, name)), f"{module.__name__} has no {name}()"


def test_every_module_draws_its_sample():
    by_kind = {fn().kind: fn() for fn in samples.ALL}
    for kind, module in KINDS.items():
        spec = by_kind[kind]
        assert module.vegalite(spec)["description"] == spec.title
        assert all(isinstance(s, str) for s in module.summary(spec))
        assert isinstance(module.table(spec), Table)


def test_every_kind_is_in_the_developer_docs():
    text = (ROOT / "docs" / "dev" / "charts.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z ]+)` \|", text, flags=re.M))
    assert {k.value for k in DRAWN} <= documented
    for kind in DRAWN:
        assert f"kinds/{kind.value.replace(' ', '_')}.py" in text


def test_every_kind_is_in_the_editors_reference():
    text = (ROOT / "docs" / "handleiding" / "sleutels.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `soort` | `lijn`"))
    assert {k.value for k in ChartKind} == set(re.findall(r"`([a-z ]+)`", row)) - {"soort"}


class Doc:
    """The two things the checks ask of a YamlDoc: its path and the line of a key."""

    rel = "content/indicatoren.yml"

    def line_of(self, loc: tuple) -> int:
        return len(loc)


def problems_of(chart: dict, series: list[dict], unit: str = "aantal") -> list[tuple[int | None, str, str | None]]:
    ind = IndicatorDefinition.model_validate({
        "id": "x", "nummer": "1", "titel": "X", "doelstelling": 1, "eenheid": unit,
        "richting": "hoger is beter", "reeksen": series, "grafiek": chart,
    })
    problems = Problems()
    check_chart_config(ind, Doc(), ("indicatoren", 0, "grafiek"), problems)  # type: ignore[arg-type]
    return [(p.line, p.message, p.hint) for p in problems.items]


TWO = [{"naam": "Begroting"}, {"naam": "Prognose"}]


@pytest.mark.parametrize("kind", [k.value for k in ChartKind])
def test_fitting_charts_pass(kind):
    assert problems_of({"soort": kind}, TWO) == []


def test_series_must_exist():
    assert problems_of({"soort": "geen", "reeksen": ["Begroting", "Prognoze"]}, TWO) == [
        (5, "reeks `Prognoze` bestaat niet bij `x`", "bedoelt u `Prognose`?"),
    ]


def test_budget_compares_exactly_two_series_in_one_unit():
    three = TWO + [{"naam": "Realisatie", "eenheid": "percentage"}]
    assert problems_of({"soort": "begroting"}, three) == [
        (4, "een grafiek van soort `begroting` vergelijkt precies twee reeksen (begroting en prognose of realisatie)",
         "kies ze met `reeksen: [Begroting, Prognose]`"),
        (4, "een grafiek van soort `begroting` telt reeksen bij elkaar op of vergelijkt ze; "
            "dat kan alleen met reeksen in dezelfde eenheid (nu: aantal, percentage)",
         "kies met `reeksen` alleen reeksen met dezelfde eenheid"),
    ]


@pytest.mark.parametrize("kind", ["gestapeld", "aandelen"])
def test_summed_kinds_cannot_add_up_averages(kind):
    assert problems_of({"soort": kind}, [{"naam": "A"}, {"naam": "B", "eenheid": "rapportcijfer"}], unit="percentage") == [
        (4, f"een grafiek van soort `{kind}` telt reeksen bij elkaar op; dat kan niet met de eenheid percentage, rapportcijfer",
         "kies `lijn`, `staven` of `gegroepeerd`, of reeksen met aantallen of bedragen"),
    ]


@pytest.mark.parametrize("kind", ["gestapeld", "aandelen"])
def test_summed_kinds_need_one_unit(kind):
    assert problems_of({"soort": kind}, [{"naam": "A"}, {"naam": "B", "eenheid": "euro"}]) == [
        (4, f"een grafiek van soort `{kind}` telt reeksen bij elkaar op of vergelijkt ze; "
            "dat kan alleen met reeksen in dezelfde eenheid (nu: aantal, euro)",
         "kies met `reeksen` alleen reeksen met dezelfde eenheid"),
    ]
