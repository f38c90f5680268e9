"""What drawing the charts of a build did: counted here, reported by the CLI and bench/.

Kept apart from render.py so that reporting a build (also one that did not run,
generator/site/unchanged.py) does not import Altair's model of a chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class RenderStats:
    charts: int = 0
    rendered: int = 0
    cached: int = 0
    seconds: float = 0.0
    workers: int = 1
