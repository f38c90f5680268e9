"""Heavy libraries imported on first use.

`rapportage check` draws no chart and most projects compute few tables, yet importing
altair and pandas was a good part of every command's start-up: modules reach them
through these stand-ins, and the first attribute looked up imports the module.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """A module imported on first use: `alt.Chart` imports altair, then is altair's Chart."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)


pandas: Any = LazyModule("pandas")
