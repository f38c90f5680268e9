"""Charts in pages: the HTML block of a chart, and drawing all of a build's charts at once.

`ChartBook.block(spec, address)` returns a chart's complete HTML block at once: the
figure with title and Dutch summary, the data table behind a native <details> toggle
and a link to the CSV. Only the SVG is left as a placeholder; `ChartBook.finish(pages)`
then draws every chart of the build in one go (cache first, the rest in parallel) and
fills the placeholders. So any page, from any feature, gets its charts drawn in parallel
without knowing about it.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from markupsafe import Markup

from generator.charts.indicator import indicator_specs
from generator.charts.model import ChartSpec
from generator.charts.render import ChartCache, Progress, RenderStats, cache_key, render_all
from generator.charts.summary import summarise
from generator.charts.table import csv_bytes, data_table
from generator.compute.views import EditionView, IndicatorView
from generator.core.paths import ProjectPaths
from generator.render.environment import make_environment
from generator.render.model import Address, Page, relative_url

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "partials/_chart_figure.html"
_PLACEHOLDER = re.compile(r"<!--rp-chart-svg:([0-9a-f]{40}):([0-9a-f]{40}):([a-z0-9-]+)-->")


CACHE_ENV = "RAPPORTAGE_CHART_CACHE"


def chart_cache_dir(paths: ProjectPaths) -> Path:
    """The project's chart cache; RAPPORTAGE_CHART_CACHE may point several projects at one.

    Sharing is safe: entries are named by the hash of everything that makes the picture.
    """
    shared = os.environ.get(CACHE_ENV)
    return Path(shared) if shared else paths.work / "cache" / "charts"


class ChartBook:
    """Collects the charts of one build; see the module docstring and docs/dev/charts.md."""

    def __init__(
        self,
        paths: ProjectPaths,
        env: "Environment | None" = None,
        progress: Progress | None = None,
        workers: int | None = None,
    ):
        self.paths = paths
        self.cache = ChartCache(chart_cache_dir(paths))
        self.progress = progress
        self.workers = workers
        self._env = env
        self._specs: dict[str, ChartSpec] = {}  # cache key -> spec
        self._dom_ids: dict[str, set[str]] = {}  # page -> ids used on it
        self._texts: dict[tuple[str, str], tuple[str, str]] = {}  # (page url, id) -> title, summary
        self.csv_files: dict[str, bytes] = {}  # site-relative path -> content, until taken
        self.stats = RenderStats()

    # -- building blocks ---------------------------------------------------------------

    @property
    def env(self) -> "Environment":
        if self._env is None:
            self._env = make_environment(self.paths)
        return self._env

    def bind(self, env: "Environment") -> None:
        """Render chart blocks with this (the site's) template environment."""
        self._env = env

    def block(self, spec: ChartSpec, address: Address, csv_path: str | None = None, summary: str | None = None) -> Markup:
        """The HTML block of one chart on the page at `address`.

        The CSV goes into the page's folder, in `grafieken/<id>.csv`, unless `csv_path` says where.
        `summary` replaces the generated text alternative when the caller can say it better.
        """
        key = cache_key(spec)
        self._specs.setdefault(key, spec)
        phone = spec.model_copy(update={"phone": True})
        phone_key = cache_key(phone)
        self._specs.setdefault(phone_key, phone)
        dom_id = self._dom_id(address.url, spec.id)
        derived = _derived(key, spec)
        csv_rel = self._add_csv(csv_path or posixpath.join(address.folder, "grafieken", f"{spec.id}.csv"), derived.csv)
        summary = summary or derived.summary
        self._texts[(address.url, dom_id)] = (spec.title, summary)
        context: dict[str, Any] = {
            "chart": spec,
            "dom_id": dom_id,
            "summary": summary,
            "table": derived.table,
            "csv_url": relative_url(address.url, csv_rel),
            "csv_name": posixpath.basename(csv_rel),
            "image": Markup(f"<!--rp-chart-svg:{key}:{phone_key}:{dom_id}-->"),
        }
        rendered = self.env.get_template(TEMPLATE).render(**context)
        # Markdown ends a raw HTML block at a blank line: keep the block in one piece.
        return Markup("\n".join(line for line in rendered.splitlines() if line.strip()))

    def indicator_blocks(self, edition: EditionView, ind: IndicatorView, address: Address) -> list[Markup]:
        """The charts of a KPI page."""
        return [self.block(spec, address) for spec in indicator_specs(ind, edition.summary.period)]

    def _dom_id(self, url: str, chart_id: str) -> str:
        used = self._dom_ids.setdefault(url, set())
        base = f"grafiek-{chart_id}"
        dom_id, n = base, 2
        while dom_id in used:
            dom_id, n = f"{base}-{n}", n + 1
        used.add(dom_id)
        return dom_id

    def _add_csv(self, rel: str, data: bytes) -> str:
        stem, ext = posixpath.splitext(rel)
        candidate, n = rel, 2
        while candidate in self.csv_files and self.csv_files[candidate] != data:
            candidate, n = f"{stem}-{n}{ext}", n + 1
        self.csv_files[candidate] = data
        return candidate

    # -- drawing -----------------------------------------------------------------------

    def pending(self) -> list[ChartSpec]:
        return list(self._specs.values())

    def draw(self) -> dict[str, str]:
        """Draw every chart asked for so far (key -> SVG); cached ones are read from disk."""
        svgs, self.stats = render_all(self._specs.values(), self.cache, self.workers, self.progress)
        return svgs

    def finish(self, pages: list[Page]) -> dict[str, bytes]:
        """Draw all charts, put them into the pages, and return the CSV files not taken yet
        (site-relative path -> content)."""
        svgs = self.draw() if self._specs else {}
        for page in pages:
            if "<!--rp-chart-svg:" in page.body:
                page.body = fill(page.body, svgs, lambda dom_id, url=page.url: self._texts[(url, dom_id)])
        return self.take_files()

    def take_files(self) -> dict[str, bytes]:
        """The CSV files of the charts made since the last call (site-relative path -> content)."""
        files, self.csv_files = self.csv_files, {}
        return files


@dataclass(frozen=True)
class _Derived:
    summary: str
    table: Any
    csv: bytes


_DERIVED: OrderedDict[str, _Derived] = OrderedDict()
_DERIVED_MAX = 8192  # about a full-scale site's charts; a few MB


def _derived(key: str, spec: ChartSpec) -> _Derived:
    """A chart's summary, data table and CSV, remembered by its cache key (a hash of the
    spec): pure functions of the spec that cost most of a chart block, which `serve`
    makes again for every chart of the edited edition on each save."""
    found = _DERIVED.get(key)
    if found is None:
        found = _DERIVED[key] = _Derived(summarise(spec), data_table(spec), csv_bytes(spec))
        if len(_DERIVED) > _DERIVED_MAX:
            _DERIVED.popitem(last=False)
    else:
        _DERIVED.move_to_end(key)
    return found


def fill(body: str, svgs: dict[str, str], texts: Callable[[str], tuple[str, str]]) -> str:
    """Put each chart's two SVGs at its placeholder; `texts(dom_id)` gives its title and summary.

    The desktop and the phone form: CSS shows one of them (below 600 px the phone form),
    and `display: none` takes the other out of the accessibility tree too, so the text
    alternative is there once at every width.
    """
    def replace(m: re.Match[str]) -> str:
        key, phone_key, dom_id = m.group(1), m.group(2), m.group(3)
        title, summary = texts(dom_id)
        return (inline_svg(svgs[key], dom_id, title, summary, "rp-chart__svg--scherm")
                + inline_svg(svgs[phone_key], f"{dom_id}-telefoon", title, summary, "rp-chart__svg--telefoon"))

    return _PLACEHOLDER.sub(replace, body)


_ROOT = re.compile(r"<svg\b[^>]*>")
_INNER_ARIA = re.compile(r'\s(?:role|aria-[\w-]+)="[^"]*"')
_IDS = re.compile(r'\bid="([^"]+)"')
_REFS = re.compile(r'url\(#([^)]+)\)|(href)="#([^"]+)"')


def inline_svg(svg: str, dom_id: str, title: str, description: str, form: str = "") -> str:
    """Vega's SVG made fit to sit inline in a page, several on one page.

    One image for assistive technology (role="img", <title> and <desc>); its own ids
    prefixed so two charts on a page never share one; no namespace URLs.
    """
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg).strip()
    svg = _IDS.sub(lambda m: f'id="{dom_id}-{m.group(1)}"', svg)
    svg = _REFS.sub(
        lambda m: f"url(#{dom_id}-{m.group(1)})" if m.group(1) else f'{m.group(2)}="#{dom_id}-{m.group(3)}"', svg
    )
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("vl-convert gaf geen SVG terug")
    attrs = re.sub(r'\s(xmlns(:\w+)?|class|role|aria-[\w-]+)="[^"]*"', "", root.group(0)[4:-1])
    t_id, d_id = f"{dom_id}-svg-titel", f"{dom_id}-svg-beschrijving"
    head = (
        f'<svg{attrs} class="rp-chart__svg{" " + form if form else ""}" role="img" focusable="false" aria-labelledby="{t_id}" aria-describedby="{d_id}">'
        f'<title id="{t_id}">{html.escape(title)}</title><desc id="{d_id}">{html.escape(description)}</desc>'
    )
    # Inside the one image nothing has a role of its own: Vega still marks some layer
    # groups as unnamed "graphics-symbol"s, which screen readers (and axe) would list.
    body = _INNER_ARIA.sub("", svg[root.end():])
    return head + body.replace("\n", " ")
