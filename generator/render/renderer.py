"""Rendering one template for one page, and serve's in-memory memo of rendered pages."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable

from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from generator.core.paths import ProjectPaths
from generator.render.chart_blocks import ChartBook
from generator.render.environment import make_environment, templates_digest
from generator.render.model import Address, relative_url


class PageMemo:
    """Rendered pages remembered in memory by what they were rendered from, for `serve`.

    Rendering is a pure function of the template files, the page address and the views
    passed in, so a page whose inputs hash the same is the same page. `serve` keeps
    one across rebuilds: after an edit only the pages of the changed edition render.
    (`generator/render/cache.py` is the other cache: frozen editions on disk, for builds.)
    """

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.hits = 0
        self.misses = 0
        self.used: set[str] = set()
        self._env: SandboxedEnvironment | None = None
        self._env_key: tuple[Path, str] | None = None

    def environment(self, paths: ProjectPaths, templates: str) -> SandboxedEnvironment:
        """One Jinja environment while the template files stay the same: compiling the
        templates again on every save cost more than rendering the changed pages."""
        if self._env is None or self._env_key != (paths.root, templates):
            self._env = make_environment(paths)
            self._env_key = (paths.root, templates)
        return self._env

    def forget_unused(self) -> None:
        """Drop pages the last render did not ask for (old versions), so serve's memory stays flat."""
        self.pages = {k: v for k, v in self.pages.items() if k in self.used}
        self.used = set()


class Renderer:
    def __init__(self, paths: ProjectPaths, charts: ChartBook | None = None, cache: PageMemo | None = None):
        self.paths = paths
        self.cache = cache
        self._templates = templates_digest(paths) if cache is not None else ""
        # render() checked that .rapportage/ is safe to write before any page is rendered.
        self.env = cache.environment(paths, self._templates) if cache is not None else make_environment(paths, paths.work / "cache" / "templates")
        self._digests: dict[int, tuple[Any, str]] = {}  # id -> (object kept alive, digest)
        # Every page may embed charts (charts.block); render_site draws them all at the end.
        # (Chart blocks are made before a page renders and passed in, so a page from the
        # memo still has its charts registered with this book.)
        self.charts = charts or ChartBook(paths)
        self.charts.bind(self.env)

    def render(self, template: str, address: Address, **context: Any) -> str:
        """`template` rendered for the page at `address`; `url(target)` in the template links
        to another site-relative URL, relative to this page."""
        key = self._key(template, address, context) if self.cache is not None else None
        if key is not None:
            self.cache.used.add(key)  # type: ignore[union-attr]
        if key is not None and key in self.cache.pages:  # type: ignore[union-attr]
            self.cache.hits += 1  # type: ignore[union-attr]
            return self.cache.pages[key]  # type: ignore[union-attr]
        here = address.url
        url: Callable[[str], str] = lambda target: relative_url(here, target)
        text = self.env.get_template(template).render(url=url, page_url=here, **context)
        if key is not None:
            self.cache.misses += 1  # type: ignore[union-attr]
            self.cache.pages[key] = text  # type: ignore[union-attr]
        return text

    def _key(self, template: str, address: Address, context: dict[str, Any]) -> str | None:
        parts = [self._templates, template, address.url, str(address.index)]
        for name in sorted(context):
            digest = self._digest(context[name])
            if digest is None:
                return None  # something we cannot hash: always render
            parts += [name, digest]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _digest(self, value: Any) -> str | None:
        if value is None or isinstance(value, (str, int, float, bool)):
            return f"{type(value).__name__}:{value}"
        known = self._digests.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if isinstance(value, BaseModel):
            digest: str | None = hashlib.sha256(value.model_dump_json().encode()).hexdigest()
        elif isinstance(value, (list, tuple)):
            items = [self._digest(v) for v in value]
            digest = None if None in items else hashlib.sha256("\0".join(items).encode()).hexdigest()  # type: ignore[arg-type]
        else:
            return None
        self._digests[id(value)] = (value, digest)  # type: ignore[assignment]
        return digest
