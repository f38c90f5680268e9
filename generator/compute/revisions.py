"""Figures of published editions that `data/` now states differently (issue 14, point 5).

A frozen edition keeps showing its snapshot's figures, so a corrected figure in `data/`
changes nothing there and used to pass without a word. `check` now warns at the CSV row
(`--strict`: an error) and says which later edition lists it as a revision
(`ChangesView.revised`, generator/compute/changes.py).
"""

from __future__ import annotations

from generator.compute.views import EditionView
from generator.core.periods import Period
from generator.core.vocabulary import Severity
from generator.model.project import FigureKey, ProjectModel


def _plain(value: float | None) -> str:
    return "geen cijfer" if value is None else f"{value:.10g}".replace(".", ",")


def _listed_by(views: list[EditionView], key: FigureKey, after: Period) -> str | None:
    """The first computed edition after `after` that lists the figure as revised."""
    for view in sorted(views, key=lambda v: Period.parse(v.summary.period)):
        if Period.parse(view.summary.period) <= after or view.changes is None:
            continue
        for rev in view.changes.revised:
            if (rev.indicator_id, rev.series, rev.period) == (key.indicator, key.series, str(key.period)):
                return view.summary.period
    return None


def revised_frozen_figures(model: ProjectModel, computed: list[EditionView]) -> None:
    """Warn, at the figure's CSV row, about every figure a frozen edition shows differently."""
    changed: dict[FigureKey, list[tuple[Period, float | None]]] = {}
    agreed: dict[FigureKey, Period] = {}  # the newest frozen edition that shows today's figure
    for period, frozen in sorted(model.frozen.items()):
        for ind_id, series, row_period, shown in frozen.snapshot.inputs.figures:
            try:
                key = FigureKey(ind_id, series, Period.parse(row_period))
            except ValueError:
                continue
            if key not in model.figures or key not in model.figure_sources:
                continue  # not from a figures file (or removed): nothing to point at
            now = model.figures[key]
            if (now is None) != (shown is None) or (now is not None and shown is not None
                                                    and abs(now - shown) > 1e-9 * max(1.0, abs(now), abs(shown))):
                changed.setdefault(key, []).append((period, shown))
            else:
                agreed[key] = period
    concepts = [v for v in computed if v.summary.period not in {str(p) for p in model.frozen}]
    for key, shown_by in sorted(changed.items(), key=lambda kv: (kv[0].indicator, kv[0].series, kv[0].period)):
        if key in agreed and agreed[key] > shown_by[-1][0]:
            # A later published edition froze the revised figure: the revision is on
            # record there, and a warning now could only be silenced by editing a
            # frozen edition (issue 14 point 2).
            continue
        src = model.figure_sources[key]
        editions = ", ".join(str(p) for p, _ in shown_by)
        newest, old = shown_by[-1]
        name = key.indicator + (f" / {key.series}" if key.series else "")
        listed = _listed_by(concepts, key, newest)
        if listed is not None:
            tail = f"editie {listed} vermeldt dit als herziening"
        elif any(Period.parse(v.summary.period) > newest for v in concepts):
            tail = "geen latere editie toont dit cijfer, dus de herziening wordt nergens vermeld"
        else:
            tail = "de volgende editie vermeldt dit als herziening"
        word = "editie" if len(shown_by) == 1 else "edities"
        model.problems.add(
            src.file, src.line,
            f"cijfer van gepubliceerde {word} {editions} gewijzigd: {name} {key.period}: "
            f"{_plain(old)} -> {_plain(model.figures[key])}; {tail}",
            f"de gepubliceerde {word} {'blijft' if len(shown_by) == 1 else 'blijven'} het bevroren cijfer {_plain(old)} tonen. Is dit een bedoelde herziening, "
            "dan hoeft u niets te doen: de melding verdwijnt zodra een latere editie met dit cijfer is gepubliceerd "
            "(met --strict is het tot dan een fout); anders zet u het cijfer terug. Moet de gepubliceerde editie zelf het nieuwe "
            f"cijfer tonen, leg dan een rectificatie vast met `rapportage publish {newest} --rectificatie \"reden\"`",
            severity=Severity.WARNING,
        )

