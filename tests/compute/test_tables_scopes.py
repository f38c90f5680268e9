"""(Sub)total scopes computed with pandas (`scope_sums`) against a plain fold over the rows,
and problems still reported per data row in file order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.compute.tables.common import scope_sums
from tables_util import compute_tables, messages

KINDS = st.sampled_from(["regel", "regel", "subtotaal", "totaal", None])
FIGURE = st.one_of(st.none(), st.integers(-10_000, 10_000).map(float), st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 2)))


def fold(kinds: list[str | None], values: list[list[float | None]], width: int):
    """The rule written out: a subtotal sums the lines since the previous (sub)total, a total
    every line above it; a row of kind None is neither summed nor closes a stretch."""
    since, every, out = [], [], []
    for kind, row in zip(kinds, values):
        if kind == "regel":
            since.append(row)
            every.append(row)
            out.append(([None] * width, [0] * width))
            continue
        if kind is None:
            out.append(([None] * width, [0] * width))
            continue
        scope = since if kind == "subtotaal" else every
        figures = [[r[j] for r in scope if r[j] is not None] for j in range(width)]
        out.append(([sum(f) if f else None for f in figures], [len(f) for f in figures]))
        since = []
    return out


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 3).flatmap(lambda width: st.tuples(
    st.just(width), st.lists(st.tuples(KINDS, st.lists(FIGURE, min_size=width, max_size=width)), min_size=1, max_size=12))))
def test_scope_sums_are_the_fold_over_the_rows(case) -> None:
    width, rows = case
    kinds, values = [k for k, _ in rows], [v for _, v in rows]
    scopes = scope_sums(kinds, values, width)
    for (sums, figures), got_sums, got_figures in zip(fold(kinds, values, width), scopes.sums, scopes.figures):
        assert got_figures == figures
        for want, got in zip(sums, got_sums):
            assert (want is None) == (got is None)  # no figure stays no figure, never 0
            if want is not None:
                assert abs(want - got) <= 1e-6 * max(1.0, abs(want))


def test_problems_stay_in_file_order_per_row(tmp_path) -> None:
    # A wrong subtotal on row 3 is reported before a bad cell on row 5, though the cells are
    # read before the totals are computed.
    yml = """
    tabellen:
      - id: t
        titel: T
        soort: standen
        bestand: t.csv
        kolommen: {omschrijving: Categorie}
    """
    csv = "Categorie;Soort;Q1 2020;Ultimo 2020\nA;;1;2\nSub;subtotaal;5;2\nB;;x;1\nC;;1;y\n"
    _, problems = compute_tables(tmp_path, yml, {"t.csv": csv})
    assert [m.split("\n")[0] for m in messages(problems)] == [
        "data/t.csv:3: fout: kolom `Q1 2020`: subtotaal `Sub` is 5, maar de regels sinds het vorige subtotaal tellen op tot 1",
        "data/t.csv:4: fout: kolom `Q1 2020`: `x` is geen getal",
        "data/t.csv:5: fout: kolom `Ultimo 2020`: `y` is geen getal",
    ]
