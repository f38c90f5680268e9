"""altair, imported when a chart is first drawn.

`rapportage check` draws no chart, and importing altair is a good part of its CPU time (as
much as pandas, which the table computations need), so the chart modules reach altair
through these stand-ins: the first attribute looked up imports the module.
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


alt: Any = LazyModule("altair")
alt_utils: Any = LazyModule("altair.utils")
alt_api: Any = LazyModule("altair.vegalite.v6.api")
schemapi: Any = LazyModule("altair.utils.schemapi")
