"""Sentences that several chart kinds' Dutch summaries share: lists, movements, targets.

Every figure is formatted as the page formats it; no figure is named as such, never as 0.
"""

from __future__ import annotations

import re

from generator.charts.model import ChartSpec, ChartTarget
from generator.charts.values import as_target
from generator.core import formatting as fmt

MAX_LISTED = 12  # beyond this a list is summarised, the data table has the rest


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def figure(spec: ChartSpec, x: float | None) -> str:
    return fmt.value(x, spec.unit, spec.decimals)


def series_name(spec: ChartSpec, series: str) -> str:
    # Named mid-sentence ("steeg kosten per klant"): the chart title is a heading in sentence
    # case, a series name is editor text kept as written.
    return series or lower_first(spec.title)


_DECIMAL_COMMA = re.compile(r"\d,\d")


def and_list(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'; 'a 7,8; b 7,4 en c 7,1' when the items hold decimal commas."""
    if len(items) > MAX_LISTED:
        items = items[: MAX_LISTED - 1] + [f"nog {len(items) - MAX_LISTED + 1} andere"]
    if len(items) <= 1:
        return "".join(items)
    sep = "; " if any(_DECIMAL_COMMA.search(i) for i in items) else ", "
    return sep.join(items[:-1]) + " en " + items[-1]


def rounded(spec: ChartSpec, x: float) -> float:
    d = fmt.DEFAULT_DECIMALS.get(spec.unit, 0) if spec.decimals is None else spec.decimals
    return fmt.rounded(x, d)


def movement(spec: ChartSpec, who: str, first: float, last: float) -> str:
    """'steeg Jeugd van 80% naar 83%' · 'daalde ...' · 'bleef Wmo gelijk op 82%'."""
    if rounded(spec, first) == rounded(spec, last):
        return f"bleef {who} gelijk op {figure(spec, last)}"
    verb = "steeg" if last > first else "daalde"
    return f"{verb} {who} van {figure(spec, first)} naar {figure(spec, last)}"


def target_words(spec: ChartSpec, t: ChartTarget) -> str:
    return fmt.target(as_target(t), spec.unit, spec.decimals)


def target_name(spec: ChartSpec) -> str:
    return spec.target_name[0].lower() + spec.target_name[1:]




def target_sentence(spec: ChartSpec, names: list[str], at: str | None) -> str:
    """'de streefwaarde is minimaal 80%' or per series when they differ."""
    per = [(n, spec.target_at(at, n)) for n in names]
    per = [(n, t) for n, t in per if t is not None]
    if not per:
        return ""
    words = {n: target_words(spec, t) for n, t in per}
    distinct = list(dict.fromkeys(words.values()))
    name = target_name(spec)
    if len(distinct) == 1:
        text = f"de {name} is {distinct[0]}"
        # A target that changed within the chart is worth saying.
        earlier = [
            target_words(spec, t) for t in spec.targets
            if t.x is not None and (t.series in ("", per[0][0])) and target_words(spec, t) != distinct[0]
        ]
        if earlier and len(names) == 1:
            text += f" (eerder {earlier[-1]})"
        return text
    return f"de {name} is " + and_list([f"{w} voor {series_name(spec, n)}" for n, w in words.items()])



def verdict(spec: ChartSpec, known: list[tuple[str, float]], series: str) -> list[str]:
    """The target (one, or per category), and who does not meet it."""
    checked = [(x, v, t) for x, v in known if (t := spec.target_at(x, series)) is not None]
    if not checked:
        return []
    words = {x: target_words(spec, t) for x, _, t in checked}
    name = target_name(spec)
    if len(set(words.values())) == 1:
        text = f"de {name} is {next(iter(words.values()))}"
    else:
        text = f"de {name} is " + and_list([f"{w} voor {spec.x_label(x)}" for x, w in words.items()])
    missed = [spec.x_label(x) for x, v, t in checked if not as_target(t).met(v)]
    n = len(checked)
    if not missed:
        verdict = f"alle {n} halen de {name}" if n > 1 else f"de {name} is gehaald"
    elif len(missed) == n:
        verdict = f"geen van de {n} haalt de {name}" if n > 1 else f"de {name} is niet gehaald"
    else:
        verb = "haalt" if len(missed) == 1 else "halen"
        verdict = f"{len(missed)} van de {n} {verb} de {name} niet: {and_list(missed)}"
    return [f"{text}; {verdict}"]



def lower_first(text: str) -> str:
    # "Uitgaven naar wet" -> "uitgaven naar wet", but keep "Wmo ..." and acronyms as written.
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.split(" ", 1)[0] in ("Wmo", "Jeugd"):
        return text[0].lower() + text[1:]
    return text
