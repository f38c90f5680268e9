import pytest

from generator.core.periods import Period, PeriodError


@pytest.mark.parametrize(
    ("text", "label", "slug"),
    [("2023-Q1", "Q1 2023", "2023-q1"), ("2024-h1", "1e halfjaar 2024", "2024-h1"), ("2023", "2023", "2023")],
)
def test_parse_and_label(text, label, slug):
    p = Period.parse(text)
    assert (p.label, p.slug) == (label, slug)


def test_previous_and_order():
    assert str(Period.parse("2023-Q1").previous()) == "2022-Q4"
    assert str(Period.parse("2024-H1").previous()) == "2023-H2"
    assert str(Period.parse("2023").previous()) == "2022"
    assert sorted(Period.parse(t) for t in ["2023-Q2", "2022-Q4", "2023-Q1"]) == [
        Period.parse("2022-Q4"), Period.parse("2023-Q1"), Period.parse("2023-Q2")]


@pytest.mark.parametrize("text", ["2023-Q5", "Q1 2023", "23-Q1", "2023-H3", ""])
def test_invalid(text):
    with pytest.raises(PeriodError):
        Period.parse(text)
