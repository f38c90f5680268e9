"""altair, imported when a chart is first drawn (see generator/core/lazy.py)."""

from __future__ import annotations

from typing import Any

from generator.core.lazy import LazyModule

alt: Any = LazyModule("altair")
alt_utils: Any = LazyModule("altair.utils")
alt_api: Any = LazyModule("altair.vegalite.v6.api")
schemapi: Any = LazyModule("altair.utils.schemapi")
