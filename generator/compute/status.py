"""Status and deviation rules, as the reports apply them (see DESIGN-NOTES)."""

from __future__ import annotations

from generator.core.targets import Target
from generator.core.vocabulary import Direction, Status

# status key -> (word on the badge, legend meaning)
STATUS = {
    Status.GREEN: ("Gehaald", "de streefwaarde is gehaald"),
    Status.ORANGE: ("Bijna gehaald", "niet gehaald, maar binnen de marge (tolerantie)"),
    Status.RED: ("Niet gehaald", "niet gehaald en buiten de marge"),
    "geen-gegevens": ("Geen gegevens", "er is (nog) geen cijfer voor deze periode"),
    "geen-norm": ("Geen streefwaarde", "voor deze reeks is geen streefwaarde afgesproken"),
}

DEFAULT_TOLERANCE_FRACTION = 0.05


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


def deviation(value: float | None, target: Target | None, direction: str) -> float | None:
    """(value - target) / target, sign flipped when lower is better: positive = better.

    75% against >80% -> -0,0625; 7,3 against >8 -> -0,0875.
    """
    if value is None or target is None:
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
