"""Each chart kind becomes the Vega-Lite spec it should: marks, data, targets, gaps."""

from __future__ import annotations

import json

import pytest

import chart_samples as samples
from generator.charts import theme
from generator.charts.kinds.horizontaal import sorted_categories
from generator.charts.spec import vegalite


def layers(spec: dict) -> list[dict]:
    out = []
    for layer in spec.get("layer", [spec]):
        out += layers(layer) if "layer" in layer else [layer]
    return out


def mark(layer: dict) -> dict:
    m = layer["mark"]
    return m if isinstance(m, dict) else {"type": m}


def of_type(spec: dict, kind: str) -> list[dict]:
    return [layer for layer in layers(spec) if mark(layer)["type"] == kind]


def values(layer: dict) -> list[dict]:
    return layer.get("data", {}).get("values", [])


def data_line(spec: dict) -> dict:
    (line,) = [layer for layer in of_type(spec, "line") if "strokeDash" not in mark(layer)]
    return line


def key_texts(spec: dict) -> list[str]:
    """The words above the plot: target key entries (text marks with a fixed text)."""
    return [
        layer["encoding"]["text"]["value"] for layer in of_type(spec, "text")
        if "value" in layer.get("encoding", {}).get("text", {})
    ]


@pytest.mark.parametrize("make", samples.ALL, ids=lambda f: f.__name__)
def test_every_kind_is_plain_json_without_urls(make):
    spec = vegalite(make())
    text = json.dumps(spec, ensure_ascii=False)
    assert "http" not in text.replace(spec.get("$schema", ""), "")
    assert spec["config"]["aria"] is False  # one image with one text alternative
    assert spec["config"]["font"] == theme.FONT


def test_line_breaks_at_missing_values_and_keeps_the_period_on_the_axis():
    spec = vegalite(samples.line_one())
    line = data_line(spec)
    assert mark(line)["invalid"] == "break-paths-show-domains"
    data = {row["xl"]: row["v"] for row in values(line)}
    assert data["Q3 2022"] is None  # a gap, not 0
    assert line["encoding"]["x"]["sort"] == ["Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022", "Q1 2023"]


def test_line_target_is_a_dashed_line_named_above_the_plot():
    spec = vegalite(samples.line_one())
    dashed = [layer for layer in of_type(spec, "line") if "strokeDash" in mark(layer)]
    assert len(dashed) == 1
    assert {row["lo"] for row in values(dashed[0])} == {80}
    assert key_texts(spec) == ["Streefwaarde: minimaal 80%"]


def test_line_marks_the_current_period():
    spec = vegalite(samples.line_one())
    x_axis = data_line(spec)["encoding"]["x"]["axis"]
    assert x_axis["labelFontWeight"]["condition"]["test"] == 'datum.value === "Q1 2023"'
    bold = [layer for layer in of_type(spec, "text") if mark(layer).get("fontWeight") == "bold"]
    assert bold and bold[0]["transform"] == [{"filter": "datum.v != null && datum.cur"}]
    current = [row for row in values(bold[0]) if row["cur"]]
    assert [(row["xl"], row["t"]) for row in current] == [("Q1 2023", "79%")]


def test_line_with_per_series_targets_and_a_note():
    spec = vegalite(samples.line_two())
    assert key_texts(spec)[:2] == [
        "Streefwaarde Jeugd (nu minimaal 50%)",
        "Streefwaarde Wmo: minimaal 80%",
    ]
    dashed = [layer for layer in of_type(spec, "line") if "strokeDash" in mark(layer)]
    assert [mark(layer)["color"] for layer in dashed] == [theme.PALETTE[0], theme.PALETTE[1]]
    notes = [layer for layer in of_type(spec, "text") if mark(layer).get("fontStyle") == "italic"]
    # wrapped into lines; in the right half of the chart it reads leftwards, clear of the edge
    assert values(notes[0]) == [{"xl": "Q1 2023", "text": ["Nieuwe definitie"], "side": "right"}]
    # Series differ by point shape too, not by colour alone.
    point = of_type(spec, "point")[0]
    assert point["encoding"]["shape"]["scale"]["range"] == theme.SHAPES[:2]


def test_percentage_axis_shows_the_percent_sign():
    spec = vegalite(samples.line_one())
    axis = data_line(spec)["encoding"]["y"]["axis"]
    assert axis["labelExpr"] == "datum.label + '%'"
    assert axis["format"] == ",.0f"


def test_bars_start_at_zero_mark_missing_values_and_put_target_ticks_over_bars():
    spec = vegalite(samples.bars())
    bar = of_type(spec, "bar")[0]
    assert bar["encoding"]["y"]["scale"]["zero"] is True
    missing = [layer for layer in of_type(spec, "text") if mark(layer).get("text") == "geen cijfer"]
    assert [row["xl"] for row in values(missing[0])] == ["Q4 2022"]
    ticks = of_type(spec, "tick")
    assert [row["lo"] for row in values(ticks[0])] == [1650, 1650, 1650, 1650, 1700]
    kinds = [mark(layer)["type"] for layer in layers(spec)]
    assert kinds.index("tick") > kinds.index("bar")
    assert key_texts(spec) == ["Streefwaarde (nu minder dan € 1.700)"]
    labels = [layer for layer in of_type(spec, "text") if layer.get("encoding", {}).get("text") == {"field": "t", "type": "nominal"}]
    assert {row["t"] for row in values(labels[0]) if row["v"] is not None} >= {"€ 1.610", "€ 1.805"}


def test_grouped_bars_per_provider_against_the_norm():
    spec = vegalite(samples.grouped())
    bar = of_type(spec, "bar")[0]
    assert bar["encoding"]["xOffset"]["field"] == "s"
    assert bar["encoding"]["x"]["sort"] == samples.PROVIDERS
    assert bar["encoding"]["color"]["scale"]["range"] == theme.SEQUENTIAL[-2:]  # old light, current dark
    rules = [layer for layer in of_type(spec, "rule") if values(layer) == [{"v": 56}]]
    assert rules and mark(rules[0])["strokeDash"] == [6, 4]
    assert key_texts(spec) == ["Norm: maximaal 56 dagen"]
    missing = [layer for layer in of_type(spec, "text") if mark(layer).get("text") == "geen cijfer"]
    assert [(r["xl"], r["s"]) for r in values(missing[0])] == [("Zorgcollectief Waardland", "Q2 2023")]


def test_stacked_bars_with_totals_and_an_incomplete_period():
    spec = vegalite(samples.stacked())
    bar = of_type(spec, "bar")[0]
    assert bar["encoding"]["y"]["stack"] == "zero"
    assert bar["encoding"]["color"]["sort"] == ["Licht", "Middel", "Zwaar"]
    totals = {row["xl"]: row["t"] for layer in of_type(spec, "text") for row in values(layer) if "t" in row}
    assert totals["Q1 2022"] == "840"
    assert totals["Q3 2022"] == "onvolledig"


def test_shares_donut_names_every_part_with_its_share():
    spec = vegalite(samples.shares())
    arc = of_type(spec, "arc")[0]
    assert arc["encoding"]["theta"]["stack"] is True
    assert arc["encoding"]["color"]["legend"] is None  # labels next to the arcs instead
    placed = {row["t"]: (row["side"], mark(layer)["align"]) for layer in of_type(spec, "text") for row in values(layer) if "side" in row}
    # Right of 12 o'clock labels start at the arc, left of it they end there.
    assert placed == {
        "Jeugd: 66%": ("right", "left"), "Wmo: 19%": ("left", "right"),
        "Participatiewet: 6%": ("left", "right"), "Overig: 10%": ("left", "right"),
    }


def test_shares_as_a_single_100_percent_bar():
    spec = vegalite(samples.shares("balk"))
    bar = of_type(spec, "bar")[0]
    assert bar["encoding"]["x"]["stack"] == "normalize"
    assert bar["encoding"]["color"]["scale"]["domain"] == ["Jeugd: 66%", "Wmo: 19%", "Participatiewet: 6%", "Overig: 10%"]


def test_horizontal_bars_sorted_high_to_low_with_no_figure_last():
    spec = vegalite(samples.horizontal())
    bar = of_type(spec, "bar")[0]
    assert bar["encoding"]["y"]["sort"] == ["Molenrijk", "Lindewaard", "Beekdorp", "Oosterveld"]
    missing = [layer for layer in of_type(spec, "text") if mark(layer).get("text") == "geen cijfer"]
    assert [row["xl"] for row in values(missing[0])] == ["Oosterveld"]
    assert key_texts(spec) == ["Streefwaarde: minimaal 7"]


def test_lower_is_better_sorts_best_first():
    spec = samples.horizontal().model_copy(update={"direction": "lager is beter"})
    assert sorted_categories(spec) == ["Beekdorp", "Lindewaard", "Molenrijk", "Oosterveld"]


def test_budget_against_forecast_says_voordeel_or_nadeel_in_words():
    spec = vegalite(samples.budget())
    texts = {row["xl"]: (row["t"], row["kind"]) for layer in of_type(spec, "text") for row in values(layer) if "kind" in row}
    assert texts == {
        "Jeugdhulp ZIN": ("N € 900.000", "N"),
        "Wmo begeleiding": ("V € 250.000", "V"),
        "Eigen bijdrage": ("N € 70.000", "N"),  # income lines follow the same rule
    }
    bar = of_type(spec, "bar")[0]
    assert bar["encoding"]["color"]["scale"]["range"] == [theme.BUDGET, theme.PALETTE[0]]


def test_axis_range_from_yaml_is_used():
    spec = vegalite(samples.line_one().model_copy(update={"axis_min": 60, "axis_max": 100}))
    scale = data_line(spec)["encoding"]["y"]["scale"]
    assert scale["domain"] == [60, 100]


def value_axis_of(drawn: dict) -> tuple[dict, dict]:
    """(axis, scale) of the first layer that encodes the value on y (or on x: horizontal bars)."""
    for channel in ("y", "x"):
        for layer in layers(drawn):
            enc = layer.get("encoding", {}).get(channel, {})
            if enc.get("field") == "v" and "axis" in enc:
                return enc["axis"], enc.get("scale", {})
    raise AssertionError("no value axis")


def test_a_line_chart_that_leaves_out_zero_says_so_on_its_axis() -> None:
    axis, scale = value_axis_of(vegalite(samples.line_one()))  # 74% .. 80%: far from zero
    assert axis["title"] == "Percentage, as begint niet bij 0" and scale["zero"] is False
    near_zero = samples.line_one().model_copy(update={"rows": [r.model_copy(update={"value": v}) for r, v in zip(samples.line_one().rows, [5, 40, None, 60, 79])]})
    axis, scale = value_axis_of(vegalite(near_zero))
    assert axis["title"] == "Percentage" and scale["zero"] is True
    set_by_editor = samples.line_one().model_copy(update={"axis_min": 70})
    assert value_axis_of(vegalite(set_by_editor))[0]["title"] == "Percentage, as begint niet bij 0"


def test_bars_start_at_zero_and_their_axis_says_nothing_about_it() -> None:
    axis, scale = value_axis_of(vegalite(samples.bars()))
    assert axis["title"] == "Bedrag" and scale["zero"] is True


@pytest.mark.parametrize("make", [samples.line_one, samples.bars, samples.grouped, samples.horizontal, samples.budget])
def test_the_phone_form_is_narrower_with_fewer_ticks_and_no_text_under_12px(make) -> None:
    desk, phone = vegalite(make()), vegalite(make().model_copy(update={"phone": True}))
    assert (desk["width"], phone["width"]) == (theme.WIDTH, theme.PHONE_WIDTH)
    assert phone["config"]["legend"]["columns"] == 1
    sizes = [mark(layer).get("fontSize", 13) for spec in (desk, phone) for layer in layers(spec) if mark(layer)["type"] == "text"]
    assert sizes and min(sizes) >= theme.MIN_FONT
    if make is not samples.budget and make is not samples.horizontal:
        assert value_axis_of(phone)[0]["tickCount"] < value_axis_of(desk)[0]["tickCount"]


def test_panels_share_the_time_axis_and_each_has_its_own_value_axis() -> None:
    spec = vegalite(samples.panels())
    top, bottom = spec["vconcat"]
    assert spec["resolve"]["scale"] == {"x": "shared", "y": "independent", "color": "independent", "shape": "independent"}
    # never two value axes on one plot: each panel draws one series, in its own unit
    assert [layer["mark"]["type"] for layer in of_type(top, "line") if "strokeDash" not in mark(layer)] == ["line"]
    assert of_type(bottom, "bar") and not [layer for layer in of_type(bottom, "line") if "strokeDash" not in mark(layer)]
    # the period labels once, under the bottom panel; both plots equally wide and aligned
    assert all(layer["encoding"]["x"]["axis"]["labels"] is False for layer in layers(top) if "axis" in layer.get("encoding", {}).get("x", {}))
    assert any(layer["encoding"]["x"]["axis"].get("labelAngle") == 0 for layer in layers(bottom) if "axis" in layer.get("encoding", {}).get("x", {}))
    assert top["width"] == bottom["width"] and spec["config"]["axisY"]["minExtent"] == spec["config"]["axisY"]["maxExtent"]
    # each panel names its measure above it; the norm belongs to the top panel only
    assert key_texts(top) == ["Binnen de termijn (percentage)", "Norm: minimaal 95%"]
    assert key_texts(bottom) == ["Afgehandelde aanvragen (aantal)"]
    sizes = [mark(layer).get("fontSize", 13) for layer in layers(top) + layers(bottom) if mark(layer)["type"] == "text"]
    assert min(sizes) >= theme.MIN_FONT
