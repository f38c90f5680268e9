"""ChartSpec -> SVG with vl-convert, cached by content hash, rendered in parallel.

The cache key covers the chart (kind, rows, targets, ...), the code that turns it into a
Vega-Lite spec, and the vl-convert version, so an unchanged chart is never drawn twice
and any change that could alter the picture draws it again. The cache lives in the
project's `.rapportage/cache/charts/`; deleting it is always safe.

Drawing costs about 0.1 s per chart plus a second or two to start a process with
Altair and vl-convert's JavaScript engine, so misses go to a process pool (one worker
per core besides this process) only when there are enough of them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import lru_cache
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

from generator.charts.model import ChartSpec
from generator.charts.spec import vegalite
from generator.charts.fonts import bundled_fonts_only
from generator.charts.stats import Progress, RenderStats
from generator.core.paths import ordinary_mode

# Bump when a change outside the drawing code (DRAWING_CODE) alters the pictures.
RENDER_VERSION = "1"
LOCALE = "nl-NL"  # d3 number and time formats: 1.234,5 · € 1.800 · januari
POOL_THRESHOLD = 6  # fewer misses than this are drawn in this process

# What turns a ChartSpec into a picture: the model, the shared drawing blocks and every kind.
DRAWING_CODE = (
    "model.py", "values.py", "theme.py", "marks.py", "spec.py", "horizontal_bars.py", "text_width.py", "fonts.py",
    "kinds/*.py",
)


def drawing_code(here: Path) -> list[Path]:
    return [path for pattern in DRAWING_CODE for path in sorted(here.glob(pattern))]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of what turns a ChartSpec into a picture, other than the spec itself."""
    h = hashlib.sha256(RENDER_VERSION.encode())
    here = Path(__file__).resolve().parent
    for path in drawing_code(here):
        h.update(path.relative_to(here).as_posix().encode())
        h.update(path.read_bytes())
    for package in ("vl-convert-python", "altair"):
        try:
            h.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:  # pragma: no cover - both are dependencies
            h.update(package.encode())
    return h.hexdigest()


def cache_key(spec: ChartSpec) -> str:
    return hashlib.sha256((code_fingerprint() + spec.digest()).encode()).hexdigest()[:40]


def render_svg(spec: ChartSpec) -> str:
    """Draw one chart (no cache)."""
    import vl_convert  # heavy (a JavaScript engine): only when a chart is drawn

    bundled_fonts_only()
    return vl_convert.vegalite_to_svg(vegalite(spec), format_locale=LOCALE, time_format_locale=LOCALE)


def _render_json(spec_json: str) -> str:
    # Pool workers get JSON, not pickled models: cheap and independent of class identity.
    return render_svg(ChartSpec.model_validate_json(spec_json))


class ChartCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.svg"

    def get(self, key: str) -> str | None:
        try:
            return self.path(key).read_text(encoding="utf-8")
        except OSError:
            return None

    def put(self, key: str, svg: str) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a killed build never leaves half an SVG in the cache.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(svg)
        ordinary_mode(Path(tmp))  # mkstemp makes it 0600; the cache is shared like the project
        os.replace(tmp, path)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _draw_in_parallel(misses: list[tuple[str, ChartSpec]], pool_size: int, finished: Callable[[str, str], None]) -> None:
    """This process draws too, from the other end of the queue, while the pool starts up.

    Starting a worker (Python, Altair, vl-convert's engine) takes a second or more; this
    process is warm by then and keeps working, so a small batch is never slower than
    drawing it alone.
    """
    pending = deque(misses)
    # spawn: a forked child would inherit vl-convert's engine threads in an unknown state.
    with ProcessPoolExecutor(max_workers=pool_size, mp_context=get_context("spawn")) as pool:
        running: dict[Future[str], str] = {}
        while pending or running:
            while pending and len(running) < 2 * pool_size:  # keep every worker fed
                key, spec = pending.popleft()
                running[pool.submit(_render_json, spec.model_dump_json())] = key
            for future in [f for f in running if f.done()]:
                finished(running.pop(future), future.result())
            if pending:
                key, spec = pending.pop()
                finished(key, render_svg(spec))
            elif running:
                wait(running, return_when=FIRST_COMPLETED)


def render_all(
    specs: Iterable[ChartSpec],
    cache: ChartCache,
    workers: int | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, str], RenderStats]:
    """Render every chart (key -> SVG). Cached charts are read, the rest drawn in parallel."""
    started = time.perf_counter()
    unique: dict[str, ChartSpec] = {}
    for spec in specs:
        unique.setdefault(cache_key(spec), spec)
    stats = RenderStats(charts=len(unique))
    out: dict[str, str] = {}
    misses: list[tuple[str, ChartSpec]] = []
    for key, spec in unique.items():
        svg = cache.get(key)
        if svg is None:
            misses.append((key, spec))
        else:
            out[key] = svg
    stats.cached = len(out)
    total = len(unique)
    done = len(out)
    if progress:
        progress(done, total)

    def finished(key: str, svg: str) -> None:
        nonlocal done
        cache.put(key, svg)
        out[key] = svg
        done += 1
        if progress:
            progress(done, total)

    workers = min(workers or default_workers(), len(misses)) if misses else 1
    if len(misses) < POOL_THRESHOLD or workers <= 1:
        stats.workers = 1
        for key, spec in misses:
            finished(key, render_svg(spec))
    else:
        stats.workers = workers
        _draw_in_parallel(misses, workers - 1, finished)
    stats.rendered = len(misses)
    stats.seconds = time.perf_counter() - started
    return out, stats
