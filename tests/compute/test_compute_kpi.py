"""Derived figures, checked against report 000's own numbers (see DESIGN-NOTES)."""

import pytest

from generator.core import formatting as fmt
from generator.compute.status import compute_status, deviation
from generator.core.targets import TargetError, parse_target


@pytest.mark.parametrize(
    ("value", "target", "direction", "expected"),
    [
        (75, ">= 80", "hoger is beter", "-6,25%"),  # KPI 9 doelbereik
        (7.3, "> 8", "hoger is beter", "-8,75%"),  # KPI 11 autonomie
        (84, "> 80", "hoger is beter", "+5,00%"),  # KPI 1 Wmo
        (79, "> 80", "hoger is beter", "-1,25%"),  # KPI 1 Jeugd
        (42, "< 40", "lager is beter", "-5,00%"),  # KPI 3: lower is better, flipped
        (1800, "< 1700", "lager is beter", "-5,88%"),  # KPI 5 kosten per klant
        (11, "< 12", "lager is beter", "+8,33%"),  # KPI 8 doorstroom
        (100, "> 80", "hoger is beter", "+25,00%"),  # KPI 10
        (43, "> 60", "hoger is beter", "-28,33%"),  # KPI 11 respons
    ],
)
def test_deviation_positive_means_better(value, target, direction, expected):
    assert fmt.signed_percent(deviation(value, parse_target(target), direction)) == expected


def test_deviation_inside_range_is_zero_and_outside_is_negative():
    t = parse_target("tussen 40 en 60")
    assert deviation(50, t, "hoger is beter") == 0
    assert fmt.signed_percent(deviation(30, t, "hoger is beter")) == "-25,00%"
    assert fmt.signed_percent(deviation(66, t, "hoger is beter")) == "-10,00%"


@pytest.mark.parametrize(
    ("value", "target", "tolerance", "expected"),
    [
        (84, ">= 80", 5, "groen"),
        (80, ">= 80", 5, "groen"),
        (80, "> 80", 5, "oranje"),  # on the bound of a strict target: not met
        (79, ">= 80", 5, "oranje"),
        (75, ">= 80", 5, "oranje"),  # exactly the tolerance
        (74.9, ">= 80", 5, "rood"),
        (42, "< 40", 5, "oranje"),
        (46, "< 40", 5, "rood"),
        (95, "<= 56", 14, "rood"),
        (28, "<= 56", 14, "groen"),
        (None, ">= 80", 5, "geen-gegevens"),
        (7.3, ">= 8", None, "rood"),  # default tolerance 5% of 8 = 0,4
        (7.7, ">= 8", None, "oranje"),
    ],
)
def test_status(value, target, tolerance, expected):
    assert compute_status(value, parse_target(target), tolerance) == expected


def test_status_without_target():
    assert compute_status(89, None, None) == "geen-norm"


@pytest.mark.parametrize(
    ("text", "comparator", "value", "high"),
    [(">= 80", ">=", 80, None), ("<1700", "<", 1700, None), ("≥ 7,5", ">=", 7.5, None),
     ("> 1.700", ">", 1700, None), ("tussen 40 en 60", "range", 40, 60)],
)
def test_parse_target(text, comparator, value, high):
    t = parse_target(text)
    assert (t.comparator, t.value, t.high) == (comparator, value, high)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (80, 'streefwaarde `80` mist een vergelijking; schrijf bijvoorbeeld ">= 80" of "<= 80"'),
        ("ongeveer 80", '`ongeveer 80` is geen geldige streefwaarde; schrijf bijvoorbeeld ">= 80", "< 1700" of "tussen 40 en 60"'),
        (">= veel", "`veel` in streefwaarde `>= veel` is geen getal"),
        ("tussen 60 en 40", "streefwaarde `tussen 60 en 40`: de ondergrens is groter dan de bovengrens"),
    ],
)
def test_parse_target_errors(text, message):
    with pytest.raises(TargetError) as exc:
        parse_target(text)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [
        (79, "percentage", None, "79%"),
        (7.3, "rapportcijfer", None, "7,3"),
        (1800, "euro", None, "€ 1.800"),
        (1234, "aantal", None, "1.234"),
        (1234.5, "aantal", 1, "1.234,5"),
        (-555000, "euro", None, "-€ 555.000"),
        (28, "dagen", None, "28 dagen"),
        (1, "dagen", None, "1 dag"),
        (2.15, "uren", None, "2,15 uur"),
        (None, "percentage", None, "geen gegevens"),
        (0, "aantal", None, "0"),
    ],
)
def test_dutch_value_formatting(value, unit, decimals, expected):
    assert fmt.value(value, unit, decimals) == expected


def test_missing_figure_is_not_zero():
    assert fmt.value(None, "aantal") != fmt.value(0, "aantal")
    assert compute_status(None, parse_target(">= 0"), 0) == "geen-gegevens"


@pytest.mark.parametrize(
    ("target", "unit", "expected"),
    [(">= 80", "percentage", "minimaal 80%"), ("< 1700", "euro", "minder dan € 1.700"),
     ("> 8", "rapportcijfer", "meer dan 8"), ("<= 56", "dagen", "maximaal 56 dagen"),
     ("tussen 40 en 60", "percentage", "tussen 40% en 60%")],
)
def test_target_in_words(target, unit, expected):
    assert fmt.target(parse_target(target), unit) == expected


def test_change_since_previous_period():
    assert fmt.delta(2, "percentage") == "+2 procentpunt"
    assert fmt.delta(-85, "euro") == "-€ 85"
    assert fmt.delta(0.04, "rapportcijfer") == "gelijk"


def test_rounding_is_half_up_and_change_matches_shown_figures():
    assert fmt.value(93.5, "percentage") == "94%"
    assert fmt.value(2.5, "aantal") == "3"
    assert fmt.value(7.25, "rapportcijfer") == "7,3"
    assert fmt.signed_percent(-0.06255) == "-6,26%"
    # 91 -> 93,5 is shown as 91% -> 94%: the change reads +3, not +2 (2,5 rounded half-even).
    assert fmt.delta(fmt.rounded(93.5) - fmt.rounded(91), "percentage") == "+3 procentpunt"
