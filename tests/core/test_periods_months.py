"""Issue 16 point 11: reporting periods as the reports have them. Report 001 covers
"oktober 2019 tot en met maart 2020": a run of months, besides months, quarters, half years
and years."""

from __future__ import annotations

import pytest

from generator.core.periods import Period, PeriodError


@pytest.mark.parametrize("text, shown, label, slug", [
    ("2019-10", "2019-10", "oktober 2019", "2019-10"),
    ("2019-10..2020-03", "2019-10..2020-03", "oktober 2019 t/m maart 2020", "2019-10-2020-03"),
    ("2019-10 t/m 2020-03", "2019-10..2020-03", "oktober 2019 t/m maart 2020", "2019-10-2020-03"),
    ("2020-01 tot en met 2020-06", "2020-01..2020-06", "januari t/m juni 2020", "2020-01-2020-06"),
    ("2023-Q3", "2023-Q3", "Q3 2023", "2023-q3"),  # unchanged
])
def test_months_and_runs_of_months(text: str, shown: str, label: str, slug: str) -> None:
    p = Period.parse(text)
    assert (str(p), p.label, p.slug) == (shown, label, slug)
    assert Period.parse(str(p)) == p


def test_a_run_of_months_is_followed_and_preceded_by_a_run_as_long() -> None:
    p = Period.parse("2019-10..2020-03")
    assert (p.span, p.first_month(), p.end_month()) == (6, (2019, 10), (2020, 3))
    assert (str(p.previous()), str(p.next()), str(p.year_before())) == ("2019-04..2019-09", "2020-04..2020-09", "2018-10..2019-03")
    assert (str(Period.parse("2020-01").previous()), str(Period.parse("2019-12").next())) == ("2019-12", "2020-01")


def test_periods_sort_by_their_end() -> None:
    texts = ["2020", "2020-Q1", "2019-10..2020-03", "2020-03", "2019-12", "2020-H1"]
    assert [str(p) for p in sorted(Period.parse(t) for t in texts)] == [
        "2019-12", "2020-03", "2020-Q1", "2019-10..2020-03", "2020-H1", "2020"]


@pytest.mark.parametrize("text, message", [
    ("2019-13", "`2019-13` is geen geldige periode: een maand is 01 t/m 12"),
    ("2020-03..2019-10", "`2020-03..2019-10`: de eerste maand moet vóór de laatste liggen, bijvoorbeeld 2019-10..2020-03"),
    ("2018-01..2020-12", "`2018-01..2020-12` beslaat 36 maanden; een periode van maanden is hoogstens 24 maanden"),
    ("2019-1", "`2019-1` is geen geldige periode; schrijf bijvoorbeeld 2023-Q1, 2024-H1, 2023, 2023-10 of 2019-10..2020-03"),
])
def test_a_wrong_month_period_is_a_dutch_error(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as err:
        Period.parse(text)
    assert str(err.value) == message
