"""Bad-input corpus helpers (see corpus.py)."""
