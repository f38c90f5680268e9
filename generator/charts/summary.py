"""The Dutch text alternative of a chart: what a sighted reader takes from it, in words.

"Van Q1 2022 tot Q3 2023 steeg Gebruik e-health van 5% naar 11%; de streefwaarde is
minimaal 10%." The text is a pure function of the ChartSpec, with every figure
formatted as the page formats it. No figure is named as such, never as 0.
"""

from __future__ import annotations

import re

from generator.core import formatting as fmt
from generator.charts.model import ChartSpec, ChartTarget
from generator.charts.spec import as_target, share_parts, sorted_categories

MAX_LISTED = 12  # beyond this a list is summarised, the data table has the rest


def summarise(spec: ChartSpec) -> str:
    kind = spec.kind
    if kind == "gegroepeerd":
        sentences = _grouped(spec)
    elif kind == "gestapeld":
        sentences = _stacked(spec)
    elif kind == "aandelen":
        sentences = _shares(spec)
    elif kind == "horizontaal":
        sentences = _horizontal(spec)
    elif kind == "begroting":
        sentences = _budget(spec)
    else:
        sentences = _trend(spec)
    sentences += [f"Opmerking bij {spec.x_label(n.x)}: {n.text.rstrip('.')}" for n in spec.notes]
    text = " ".join(_sentence(s) for s in sentences if s)
    return text or f"{spec.title}: er zijn geen cijfers."


# -- pieces ----------------------------------------------------------------------------


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _v(spec: ChartSpec, x: float | None) -> str:
    return fmt.value(x, spec.unit, spec.decimals)


def _name(spec: ChartSpec, series: str) -> str:
    return series or spec.title


_DECIMAL_COMMA = re.compile(r"\d,\d")


def _list(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'; 'a 7,8; b 7,4 en c 7,1' when the items hold decimal commas."""
    if len(items) > MAX_LISTED:
        items = items[: MAX_LISTED - 1] + [f"nog {len(items) - MAX_LISTED + 1} andere"]
    if len(items) <= 1:
        return "".join(items)
    sep = "; " if any(_DECIMAL_COMMA.search(i) for i in items) else ", "
    return sep.join(items[:-1]) + " en " + items[-1]


def _rounded(spec: ChartSpec, x: float) -> float:
    d = fmt.DEFAULT_DECIMALS.get(spec.unit, 0) if spec.decimals is None else spec.decimals
    return fmt.rounded(x, d)


def _movement(spec: ChartSpec, who: str, first: float, last: float) -> str:
    """'steeg Jeugd van 80% naar 83%' · 'daalde ...' · 'bleef Wmo gelijk op 82%'."""
    if _rounded(spec, first) == _rounded(spec, last):
        return f"bleef {who} gelijk op {_v(spec, last)}"
    verb = "steeg" if last > first else "daalde"
    return f"{verb} {who} van {_v(spec, first)} naar {_v(spec, last)}"


def _target_words(spec: ChartSpec, t: ChartTarget) -> str:
    return fmt.target(as_target(t), spec.unit, spec.decimals)


def _target_name(spec: ChartSpec) -> str:
    return spec.target_name[0].lower() + spec.target_name[1:]


def _target_at(spec: ChartSpec, x: str | None, series: str) -> ChartTarget | None:
    return spec.target_at(x, series)


def _target_sentence(spec: ChartSpec, names: list[str], at: str | None) -> str:
    """'de streefwaarde is minimaal 80%' or per series when they differ."""
    per = [(n, _target_at(spec, at, n)) for n in names]
    per = [(n, t) for n, t in per if t is not None]
    if not per:
        return ""
    words = {n: _target_words(spec, t) for n, t in per}
    distinct = list(dict.fromkeys(words.values()))
    name = _target_name(spec)
    if len(distinct) == 1:
        text = f"de {name} is {distinct[0]}"
        # A target that changed within the chart is worth saying.
        earlier = [
            _target_words(spec, t) for t in spec.targets
            if t.x is not None and (t.series in ("", per[0][0])) and _target_words(spec, t) != distinct[0]
        ]
        if earlier and len(names) == 1:
            text += f" (eerder {earlier[-1]})"
        return text
    return f"de {name} is " + _list([f"{w} voor {_name(spec, n)}" for n, w in words.items()])


# -- kinds -----------------------------------------------------------------------------


def _trend(spec: ChartSpec) -> list[str]:
    xs = spec.xs()
    names = spec.series_names()
    clauses: dict[tuple[str, str], list[str]] = {}
    only: list[str] = []
    for n in names:
        known = [(x, v) for x in xs if (v := spec.value_at(x, n)) is not None]
        if not known:
            continue
        (x0, v0), (x1, v1) = known[0], known[-1]
        if x0 == x1:
            only.append(f"{_name(spec, n)} is {_v(spec, v1)} in {spec.x_label(x1)}")
        else:
            clauses.setdefault((x0, x1), []).append(_movement(spec, _name(spec, n), v0, v1))
    sentences = [
        f"van {spec.x_label(x0)} tot {spec.x_label(x1)} " + _list(parts) for (x0, x1), parts in clauses.items()
    ]
    sentences += only
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    target = _target_sentence(spec, names, at)
    if target and sentences:
        sentences[-1] += "; " + target
    elif target:
        sentences.append(target)
    if len(names) == 1:
        sentences += _extremes(spec, names[0])
    if spec.current in xs:
        absent = [_name(spec, n) for n in names if spec.value_at(spec.current, n) is None]
        if absent and len(absent) == len(names):
            sentences.append(f"voor {spec.x_label(spec.current)} is er (nog) geen cijfer")
        elif absent:
            sentences.append(f"voor {spec.x_label(spec.current)} is er (nog) geen cijfer van {_list(absent)}")
    gaps = [
        (x, n) for n in names for x in xs
        if x != spec.current and spec.value_at(x, n) is None and _inside(spec, x, n)
    ]
    if gaps:
        by_series: dict[str, list[str]] = {}
        for x, n in gaps:
            by_series.setdefault(n, []).append(spec.x_label(x))
        parts = [
            f"{_list(periods)}" + (f" ({_name(spec, n)})" if len(names) > 1 else "")
            for n, periods in by_series.items()
        ]
        broken = "; de lijn is daar onderbroken" if spec.kind == "lijn" else ""
        sentences.append("geen cijfer voor " + _list(parts) + broken)
    return sentences


def _extremes(spec: ChartSpec, series: str) -> list[str]:
    """The highest or lowest point, when it lies between the first and the last."""
    known = [(x, v) for x in spec.xs() if (v := spec.value_at(x, series)) is not None]
    if len(known) < 3:
        return []
    out = []
    inner = known[1:-1]
    ends = (known[0][1], known[-1][1])
    hi = max(inner, key=lambda r: r[1])
    lo = min(inner, key=lambda r: r[1])
    if _rounded(spec, hi[1]) > max(_rounded(spec, e) for e in ends):
        out.append(f"het hoogste punt was {_v(spec, hi[1])} in {spec.x_label(hi[0])}")
    if _rounded(spec, lo[1]) < min(_rounded(spec, e) for e in ends):
        out.append(f"het laagste punt was {_v(spec, lo[1])} in {spec.x_label(lo[0])}")
    return out


def _inside(spec: ChartSpec, x: str, series: str) -> bool:
    """A missing value between two known ones (a gap), not before the first or after the last."""
    xs = spec.xs()
    known = [i for i, k in enumerate(xs) if spec.value_at(k, series) is not None]
    return bool(known) and known[0] < xs.index(x) < known[-1]


def _grouped(spec: ChartSpec) -> list[str]:
    groups = spec.series_names()
    current = spec.current if spec.current in groups else (groups[-1] if groups else "")
    xs = spec.xs()
    sentences = []
    values = [(x, spec.value_at(x, current)) for x in xs]
    known = [(x, v) for x, v in values if v is not None]
    when = f"in {current}" if current else ""
    if known:
        sentences.append(f"{spec.title} {when}: " + _list([f"{spec.x_label(x)} {_v(spec, v)}" for x, v in known]).strip())
    missing = [spec.x_label(x) for x, v in values if v is None]
    if missing:
        sentences.append(f"geen cijfer {when} van {_list(missing)}".replace("  ", " "))
    sentences += _verdict(spec, known, current)
    if len(groups) > 1:
        sentences.append(f"ter vergelijking toont de grafiek ook {_list([g for g in groups if g != current])}")
    return sentences


def _verdict(spec: ChartSpec, known: list[tuple[str, float]], series: str) -> list[str]:
    """The target (one, or per category), and who does not meet it."""
    checked = [(x, v, t) for x, v in known if (t := spec.target_at(x, series)) is not None]
    if not checked:
        return []
    words = {x: _target_words(spec, t) for x, _, t in checked}
    name = _target_name(spec)
    if len(set(words.values())) == 1:
        text = f"de {name} is {next(iter(words.values()))}"
    else:
        text = f"de {name} is " + _list([f"{w} voor {spec.x_label(x)}" for x, w in words.items()])
    missed = [spec.x_label(x) for x, v, t in checked if not as_target(t).met(v)]
    n = len(checked)
    if not missed:
        verdict = f"alle {n} halen de {name}" if n > 1 else f"de {name} is gehaald"
    elif len(missed) == n:
        verdict = f"geen van de {n} haalt de {name}" if n > 1 else f"de {name} is niet gehaald"
    else:
        verb = "haalt" if len(missed) == 1 else "halen"
        verdict = f"{len(missed)} van de {n} {verb} de {name} niet: {_list(missed)}"
    return [f"{text}; {verdict}"]


def _stacked(spec: ChartSpec) -> list[str]:
    xs, names = spec.xs(), spec.series_names()
    totals = {}
    incomplete = []
    for x in xs:
        vals = [spec.value_at(x, n) for n in names]
        if any(v is None for v in vals):
            if any(v is not None for v in vals):
                incomplete.append(x)
            continue
        totals[x] = sum(v for v in vals if v is not None)
    sentences = []
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    if at is not None:
        parts = []
        complete = at in totals
        for n in names:
            v = spec.value_at(at, n)
            if v is None:
                parts.append(f"{_name(spec, n)} geen cijfer")
            elif complete and totals[at]:
                parts.append(f"{_name(spec, n)} {_v(spec, v)} ({fmt.value(v / totals[at] * 100, 'percentage', 0)})")
            else:
                parts.append(f"{_name(spec, n)} {_v(spec, v)}")
        head = f"in {spec.x_label(at)} totaal {_v(spec, totals[at])}" if complete else f"in {spec.x_label(at)}"
        sentences.append(f"{head}: {_list(parts)}")
    if len(totals) >= 2:
        first, last = next(iter(totals)), list(totals)[-1]
        sentences.append(
            f"van {spec.x_label(first)} tot {spec.x_label(last)} " + _movement(spec, "het totaal", totals[first], totals[last])
        )
    if incomplete:
        sentences.append(f"het totaal van {_list([spec.x_label(x) for x in incomplete])} is onvolledig, omdat een cijfer ontbreekt")
    return sentences


def _shares(spec: ChartSpec) -> list[str]:
    xs = spec.xs()
    at = spec.current if spec.current in xs else (xs[-1] if xs else None)
    parts = share_parts(spec, at)
    if not parts:
        return [f"{spec.title}: er zijn geen cijfers"]
    total = sum(v for _, v, _ in parts)
    when = f" ({spec.x_label(at)})" if at is not None and spec.x_is_period else ""
    listed = _list([f"{label} {fmt.value(share * 100, 'percentage', 0)}" for label, _, share in parts])
    title = _lower_first(spec.title)
    head = title if title.startswith("verdeling") else f"verdeling van {title}"
    sentences = [f"{head}{when}: {listed}; totaal {_v(spec, total)}"]
    missing = [_name(spec, n) for n in spec.series_names() if spec.value_at(at, n) is None] if at is not None else []
    if missing:
        sentences.append(f"geen cijfer van {_list(missing)}; die telt niet mee in het totaal")
    return sentences


def _lower_first(text: str) -> str:
    # "Uitgaven naar wet" -> "uitgaven naar wet", but keep "Wmo ..." and acronyms as written.
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.split(" ", 1)[0] in ("Wmo", "Jeugd"):
        return text[0].lower() + text[1:]
    return text


def _horizontal(spec: ChartSpec) -> list[str]:
    names = spec.series_names()
    first = spec.primary_series()
    order = sorted_categories(spec)
    known = [(x, spec.value_at(x, first)) for x in order if spec.value_at(x, first) is not None]
    word = "van laag naar hoog" if spec.direction == "lager is beter" else "van hoog naar laag"
    sentences = []
    if known:
        if first == spec.current:
            label = f"{spec.title} in {first}, {word}"
        else:
            label = f"{spec.title}, {word}" + (f" ({_name(spec, first)})" if len(names) > 1 else "")
        sentences.append(f"{label}: " + _list([f"{spec.x_label(x)} {_v(spec, v)}" for x, v in known]))  # type: ignore[arg-type]
    missing = [spec.x_label(x) for x in order if spec.value_at(x, first) is None]
    if missing:
        sentences.append(f"geen cijfer van {_list(missing)}")
    sentences += _verdict(spec, [(x, v) for x, v in known if v is not None], first)
    return sentences


def _budget(spec: ChartSpec) -> list[str]:
    names = spec.series_names()
    if len(names) < 2:
        return _trend(spec)
    b_name, f_name = names[0], names[1]
    lines = []
    for x in spec.xs():
        b, f = spec.value_at(x, b_name), spec.value_at(x, f_name)
        if b is not None and f is not None:
            lines.append((x, b, f, b - f))
    if not lines:
        return [f"{spec.title}: er zijn geen cijfers"]
    tb, tf = sum(b for _, b, _, _ in lines), sum(f for _, _, f, _ in lines)
    diff = tb - tf
    sentences = [
        f"totaal {_lower_first(b_name)} {_v(spec, tb)} en {_lower_first(f_name)} {_v(spec, tf)}: " + _difference(spec, diff)
    ]
    worst = min(lines, key=lambda r: r[3])
    best = max(lines, key=lambda r: r[3])
    if worst[3] < 0:
        sentences.append(f"grootste nadeel: {spec.x_label(worst[0])} ({_v(spec, -worst[3])})")
    if best[3] > 0:
        sentences.append(f"grootste voordeel: {spec.x_label(best[0])} ({_v(spec, best[3])})")
    missing = [spec.x_label(x) for x in spec.xs() if x not in {r[0] for r in lines}]
    if missing:
        sentences.append(f"geen volledige cijfers voor {_list(missing)}; die tellen niet mee in het totaal")
    return sentences


def _difference(spec: ChartSpec, diff: float) -> str:
    if _rounded(spec, diff) == 0:
        return "geen verschil"
    word = "voordeel" if diff > 0 else "nadeel"
    return f"verschil {_v(spec, abs(diff))} {word}"
