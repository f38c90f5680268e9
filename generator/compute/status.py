"""Status and deviation rules, as the reports apply them (see DESIGN-NOTES)."""

from __future__ import annotations

from generator.core.targets import Target
from generator.core.vocabulary import NO_STATUS, UNKNOWN_STATUS, Direction, Status

# status key -> (word on the badge, legend meaning)
STATUS = {
    Status.GREEN: ("Gehaald", "de streefwaarde is gehaald"),
    Status.ORANGE: ("Bijna gehaald", "niet gehaald, maar binnen de marge (tolerantie)"),
    Status.RED: ("Niet gehaald", "niet gehaald en buiten de marge"),
    "geen-gegevens": ("Geen gegevens", "er is (nog) geen cijfer voor deze periode"),
    "geen-norm": ("Geen streefwaarde", "voor deze reeks is geen streefwaarde afgesproken"),
}

# Not in STATUS (the legend every page shows, frozen editions too): only a bound can be unknown.
UNKNOWN = {UNKNOWN_STATUS: ("Onbekend", "het cijfer is een grens (zoals < 120): of de streefwaarde gehaald is, valt niet te zeggen")}
# Nor is a count without `richting`: it has no status at all, and is never counted in a status overview.
UNCOUNTED = {NO_STATUS: ("Geen status: telindicator", "een telindicator (zonder richting en streefwaarde) heeft geen status")}
STATUS_ALL = {**STATUS, **UNKNOWN, **UNCOUNTED}

DEFAULT_TOLERANCE_FRACTION = 0.05
_FAR = 1e16  # beyond every figure (core/numbers.py: MAX_MAGNITUDE)


def tolerance_for(target: Target, tolerance: float | None) -> float:
    if tolerance is not None:
        return tolerance
    return abs(target.value) * DEFAULT_TOLERANCE_FRACTION


def compute_status(value: float | None, target: Target | None, tolerance: float | None) -> str:
    """groen = target met; oranje = missed within tolerance; rood = beyond it."""
    if value is None:
        return "geen-gegevens"
    if target is None:
        return "geen-norm"
    if target.met(value):
        return Status.GREEN
    return Status.ORANGE if target.gap(value) <= tolerance_for(target, tolerance) + 1e-9 else Status.RED


def bound_status(value: float | None, comparator: str | None, target: Target | None, tolerance: float | None) -> str:
    """The status of a figure known only as a bound ("< 120"): the status every figure within the bound
    would get, else "onbekend". Status is monotone in the figure for each kind of target but a range, so
    the two ends of the bound decide; for a range we also try its edges."""
    if comparator is None or value is None or target is None:
        return compute_status(value, target, tolerance)
    eps = 1e-9 * max(1.0, abs(value))
    if comparator in ("<", "<="):
        near, far = (value - eps if comparator == "<" else value), -_FAR
    else:
        near, far = (value + eps if comparator == ">" else value), _FAR
    probes = [near, far]
    lo, hi = min(near, far), max(near, far)
    for edge in (target.value, target.high):
        if edge is not None and lo < edge < hi:
            probes.append(edge)
    statuses = {compute_status(p, target, tolerance) for p in probes}
    return statuses.pop() if len(statuses) == 1 else UNKNOWN_STATUS


def deviation(value: float | None, target: Target | None, direction: str | None) -> float | None:
    """(value - target) / target, sign flipped when lower is better: positive = better.

    75% against >80% -> -0,0625; 7,3 against >8 -> -0,0875.
    """
    if value is None or target is None or direction is None:
        return None
    if target.comparator == "range":
        if target.met(value):
            return 0.0
        ref = target.reference(value)
        return -abs(value - ref) / abs(ref) if ref else None
    ref = target.value
    if ref == 0:
        return None
    raw = (value - ref) / abs(ref)
    return -raw if direction == Direction.LOWER_IS_BETTER else raw
