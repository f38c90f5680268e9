"""Checks of a built site (`rapportage check-site`)."""
