"""Known chart data for the chart tests: one ChartSpec per kind, figures from the seed reports' shapes."""

from __future__ import annotations

from generator.charts.model import ChartNote, ChartRow, ChartSpec, ChartTarget

QUARTERS = ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1"]
LABELS = {q: f"Q{q[-1]} {q[:4]}" for q in QUARTERS}


def rows(series: str, values: list[float | None]) -> list[ChartRow]:
    return [ChartRow(x=q, series=series, value=v) for q, v in zip(QUARTERS, values)]


def line_one() -> ChartSpec:
    """Single series 74% -> 79% against a target of 80%, with a missing quarter."""
    return ChartSpec(
        id="eigen-regie", kind="lijn", title="Ervaren eigen regie", unit="percentage",
        x_labels=LABELS, x_order=QUARTERS, current="2023-Q1", direction="hoger is beter",
        rows=rows("", [74, 76, None, 78, 79]),
        targets=[ChartTarget(comparator=">=", value=80, x=q) for q in QUARTERS],
    )


def line_two() -> ChartSpec:
    return ChartSpec(
        id="verhouding", kind="lijn", title="Verhouding wijkteam", unit="percentage",
        x_labels=LABELS, x_order=QUARTERS, current="2023-Q1",
        rows=rows("Jeugd", [41, 42, 43, 45, 46]) + rows("Wmo", [79, 80, 80, 79, 79]),
        targets=[ChartTarget(comparator=">=", value=45 if q < "2023" else 50, x=q, series="Jeugd") for q in QUARTERS]
        + [ChartTarget(comparator=">=", value=80, x=q, series="Wmo") for q in QUARTERS],
        notes=[ChartNote(x="2023-Q1", text="Nieuwe definitie")],
    )


def bars() -> ChartSpec:
    return ChartSpec(
        id="kosten", kind="staven", title="Kosten per klant", unit="euro", x_labels=LABELS, x_order=QUARTERS,
        current="2023-Q1", direction="lager is beter",
        rows=rows("", [1610, 1650, 1700, None, 1805]),
        targets=[ChartTarget(comparator="<", value=1650 if q < "2023" else 1700, x=q) for q in QUARTERS],
    )


PROVIDERS = ["Wijkteam Jeugd", "Wijkteam Wmo", "Thuishulp Lindehof", "Zorgcollectief Waardland"]


def grouped() -> ChartSpec:
    """Wait time per provider, two quarters side by side, against a norm of 56 days (report 000, KPI 6)."""
    values = {"Wijkteam Jeugd": [90, 68], "Wijkteam Wmo": [40, 39], "Thuishulp Lindehof": [29, 26], "Zorgcollectief Waardland": [None, 74]}
    return ChartSpec(
        id="wachttijden", kind="gegroepeerd", title="Wachttijd per aanbieder", unit="dagen",
        x_title="Aanbieder", x_is_period=False, series_title="Kwartaal", series_order=["Q2 2023", "Q3 2023"],
        current="Q3 2023", target_name="Norm", direction="lager is beter",
        rows=[ChartRow(x=p, series=q, value=v) for p in PROVIDERS for q, v in zip(["Q2 2023", "Q3 2023"], values[p])],
        targets=[ChartTarget(comparator="<=", value=56)],
    )


def stacked() -> ChartSpec:
    """Clients by weight (licht/middel/zwaar, report 004)."""
    return ChartSpec(
        id="clienten", kind="gestapeld", title="Cliënten naar zwaarte", unit="aantal", x_labels=LABELS,
        x_order=QUARTERS, current="2023-Q1", series_title="Zwaarte",
        rows=rows("Licht", [420, 430, 445, 460, 470]) + rows("Middel", [300, 310, None, 320, 330]) + rows("Zwaar", [120, 118, 125, 130, 128]),
    )


def shares(shape: str = "donut") -> ChartSpec:
    """Spending per law: 66% / 19% / 6% / 10% (report 002)."""
    return ChartSpec(
        id="uitgaven", kind="aandelen", title="Uitgaven naar wet", unit="euro", x_is_period=False,
        series_title="Wet", shape=shape,
        rows=[ChartRow(x="2024-H1", series=s, value=v) for s, v in
              [("Jeugd", 6_630_000), ("Wmo", 1_910_000), ("Participatiewet", 580_000), ("Overig", 980_000)]],
    )


def horizontal() -> ChartSpec:
    """Grades per municipality with an n.v.t. (report 003)."""
    return ChartSpec(
        id="cijfers", kind="horizontaal", title="Rapportcijfer per gemeente", unit="rapportcijfer", decimals=1,
        x_title="Gemeente", x_is_period=False,
        rows=[ChartRow(x=g, value=v) for g, v in [("Lindewaard", 7.4), ("Beekdorp", 6.9), ("Oosterveld", None), ("Molenrijk", 7.8)]],
        targets=[ChartTarget(comparator=">=", value=7)],
    )


def budget() -> ChartSpec:
    """Budget against forecast per line, an income line negative (report 002)."""
    lines = [("Jeugdhulp ZIN", 12_500_000, 13_400_000), ("Wmo begeleiding", 4_200_000, 3_950_000), ("Eigen bijdrage", -450_000, -380_000)]
    return ChartSpec(
        id="begroting", kind="begroting", title="Begroting en prognose 2024", unit="euro", x_title="Kostensoort",
        x_is_period=False, series_title="",
        rows=[ChartRow(x=c, series=s, value=v) for c, b, f in lines for s, v in (("Begroting", b), ("Prognose", f))],
    )


def bars_and_line() -> ChartSpec:
    """Clients per quarter for ingekochte zorg and wijkteam with the total as a line (report 000),
    a missing wijkteam figure: that total is "onvolledig"."""
    return ChartSpec(
        id="clienten-zorgvorm", kind="staven en lijn", title="Cliënten per kwartaal", unit="aantal", x_labels=LABELS,
        x_order=QUARTERS, current="2023-Q1", series_title="Zorgvorm",
        rows=rows("Ingekochte zorg", [1180, 1210, 1195, 1240, 1262]) + rows("Wijkteam", [640, 655, None, 690, 702]),
    )


def comparison() -> ChartSpec:
    """Wait times per provider against the norm, one provider n.v.t., the own one highlighted (reports 000, 003)."""
    return ChartSpec(
        id="wachttijd-aanbieder", kind="vergelijking", title="Wachttijd per aanbieder", unit="dagen", decimals=0,
        x_title="Aanbieder", x_is_period=False, direction="lager is beter", target_name="Norm", highlight="Lindewaard",
        rows=[ChartRow(x=g, series="Q3 2023", value=v) for g, v in
              [("Beekdorp", 48), ("Lindewaard", 36), ("Oosterveld", None), ("Molenrijk", 61)]],
        series_order=["Q3 2023"], current="Q3 2023",
        targets=[ChartTarget(comparator="<=", value=42)],
    )


def panels() -> ChartSpec:
    """Timeliness with its norm on top, the number of requests handled below, one time axis
    (report 004, Participatiewet: "in Q1 94% van de aanvragen binnen de termijn", norm 95%);
    one quarter without a count."""
    return ChartSpec(
        id="tijdigheid", kind="panelen", title="Tijdigheid en afgehandelde aanvragen", unit="percentage",
        x_labels=LABELS, x_order=QUARTERS, current="2023-Q1", direction="hoger is beter",
        rows=rows("Binnen de termijn", [91, 93, 96, 92, 94]) + rows("Afgehandelde aanvragen", [412, 455, None, 498, 530]),
        series_order=["Binnen de termijn", "Afgehandelde aanvragen"],
        series_units={"Afgehandelde aanvragen": "aantal"}, series_decimals={"Afgehandelde aanvragen": 0},
        targets=[ChartTarget(comparator=">=", value=95, x=q, series="Binnen de termijn") for q in QUARTERS],
        target_name="Norm", notes=[ChartNote(x="2022-Q4", text="Thuiswerken")],
    )


def panels_long_names() -> ChartSpec:
    """The panels with long measure names and a long target name: their keys wrap inside the plot."""
    spec = panels()
    names = {"Binnen de termijn": "Aanvragen afgehandeld binnen de wettelijke termijn",
             "Afgehandelde aanvragen": "Afgehandelde aanvragen levensonderhoud en bijzondere bijstand"}
    return spec.model_copy(update={
        "rows": [r.model_copy(update={"series": names[r.series]}) for r in spec.rows],
        "targets": [t.model_copy(update={"series": names[t.series]}) for t in spec.targets],
        "series_order": list(names.values()), "target_name": "Norm volgens de verordening van de gemeente",
        "series_units": {names["Afgehandelde aanvragen"]: "aantal"}, "series_decimals": {names["Afgehandelde aanvragen"]: 0},
    })


ALL = [line_one, line_two, bars, grouped, stacked, shares, horizontal, budget, bars_and_line, comparison, panels]
