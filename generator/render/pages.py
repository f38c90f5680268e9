"""Render every page of the site from computed views with Jinja templates.

Pages are Markdown files whose body is mostly HTML from templates; the site adapter
turns them into a site. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import escape
from pydantic import BaseModel

from generator.compute.history import kpi_histories
from generator.charts.embed import ChartBook
from generator.compute.status import STATUS
from generator.compute.views import AccessibilityView, EditionView, PageView, block_token
from generator.core.paths import ProjectPaths, default_templates_dir
from generator.render.cache import RenderCache, code_fingerprint
from generator.core.markdown import escape_markdown_text, render_markdown
from generator.render.measures import add_measure_pages


# The edition banner's "this page in other editions" links depend on which pages the
# other editions have. The banner template leaves this slot; it is filled per build, so a
# frozen edition's rendered pages can be reused when a new edition appears.
OTHER_EDITIONS_SLOT = "<!-- rp:andere-edities -->"


@dataclass
class Page:
    path: str  # docs-relative, e.g. "2023-q1/kpi/eigen-regie.md"
    title: str
    body: str
    description: str | None = None
    edition: str | None = None  # slug of the edition this page belongs to
    others: str = ""  # HTML for OTHER_EDITIONS_SLOT

    @property
    def url(self) -> str:
        return page_url(self.path)

    def text(self) -> str:
        # MkDocs themes print front matter into HTML unescaped (<title>, <meta content="">),
        # so editor text is escaped here; `<` in a title still reads as `<`.
        front = {"title": html.escape(self.title)}
        if self.description:
            front["description"] = html.escape(self.description)
        head = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
        heading = escape_markdown_text(self.title)
        body = self.body.strip().replace(OTHER_EDITIONS_SLOT, self.others)
        return f"---\n{head}\n---\n\n# {heading}\n\n{body}\n"


@dataclass
class NavItem:
    title: str
    path: str | None = None
    children: list["NavItem"] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "path": self.path, "children": [c.to_json() for c in self.children]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "NavItem":
        return cls(data["title"], data["path"], [cls.from_json(c) for c in data["children"]])


@dataclass
class EditionPages:
    """Everything one edition contributes to the site (cached for frozen editions)."""

    pages: list[Page]
    nav: NavItem
    files: dict[str, bytes] = field(default_factory=dict)  # generated docs-relative files

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": [{"path": p.path, "title": p.title, "body": p.body, "description": p.description,
                       "edition": p.edition} for p in self.pages],
            "nav": self.nav.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], files: dict[str, bytes]) -> "EditionPages":
        pages = [Page(p["path"], p["title"], p["body"], p["description"], p["edition"]) for p in data["pages"]]
        return cls(pages, NavItem.from_json(data["nav"]), files)


@dataclass
class RenderedSite:
    pages: list[Page]
    nav: list[NavItem]
    assets: dict[str, Path]  # docs-relative path -> source file
    site_name: str
    files: dict[str, bytes] = field(default_factory=dict)  # generated docs-relative files (redirects)
    reused: list[str] = field(default_factory=list)  # slugs of frozen editions taken from the cache


ACCESSIBILITY_PATH = "toegankelijkheid.md"


def pdf_path(slug: str) -> str:
    """Site-relative path of an edition's PDF: '2023-q1/2023-q1-rapportage.pdf'."""
    return f"{slug}/{slug}-rapportage.pdf"


def page_url(path: str) -> str:
    """docs path -> directory URL: 'a/index.md' -> 'a/', 'a/b.md' -> 'a/b/'."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Link between two site-relative directory URLs."""
    base = "/" + from_url
    target = "/" + to_url
    rel = posixpath.relpath(target, base if base.endswith("/") else posixpath.dirname(base))
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


class ReportSandbox(SandboxedEnvironment):
    """The sandbox, with its attribute check remembered per (type, name).

    Jinja's check depends only on the object's type and the attribute name, and
    templates read the same few attributes of views thousands of times.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


def make_environment(paths: ProjectPaths) -> SandboxedEnvironment:
    loaders = []
    if paths.templates.is_dir():
        loaders.append(FileSystemLoader(str(paths.templates)))
    loaders.append(FileSystemLoader(str(default_templates_dir())))
    env = ReportSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = lambda text: _markup(render_markdown(text))
    # Already HTML-escaped (and Markdown-escaped): mark it so autoescape does not escape twice.
    env.filters["mdtext"] = lambda text: _markup(escape_markdown_text(str(text)))
    env.globals["STATUS"] = STATUS
    return env


def _markup(html: str) -> Any:
    from markupsafe import Markup

    return Markup(html)


class PageMemo:
    """Rendered pages remembered in memory by what they were rendered from, for `serve`.

    Rendering is a pure function of the template files, the page path and the views
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


def _templates_digest(paths: ProjectPaths) -> str:
    h = hashlib.sha256()
    for folder in (paths.templates, default_templates_dir()):
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                h.update(str(path).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


class Renderer:
    def __init__(self, paths: ProjectPaths, charts: ChartBook | None = None, cache: PageMemo | None = None):
        self.paths = paths
        self.cache = cache
        self._templates = _templates_digest(paths) if cache is not None else ""
        self.env = cache.environment(paths, self._templates) if cache is not None else make_environment(paths)
        self._digests: dict[int, tuple[Any, str]] = {}  # id -> (object kept alive, digest)
        # Every page may embed charts (charts.block); render_site draws them all at the end.
        # (Chart blocks are made before a page renders and passed in, so a page from the
        # memo still has its charts registered with this book.)
        self.charts = charts or ChartBook(paths)
        self.charts.bind(self.env)

    def render(self, template: str, page_path: str, **context: Any) -> str:
        key = self._key(template, page_path, context) if self.cache is not None else None
        if key is not None:
            self.cache.used.add(key)  # type: ignore[union-attr]
        if key is not None and key in self.cache.pages:  # type: ignore[union-attr]
            self.cache.hits += 1  # type: ignore[union-attr]
            return self.cache.pages[key]  # type: ignore[union-attr]
        here = page_url(page_path)
        url: Callable[[str], str] = lambda target: relative_url(here, target)
        text = self.env.get_template(template).render(url=url, page_url=here, **context)
        if key is not None:
            self.cache.misses += 1  # type: ignore[union-attr]
            self.cache.pages[key] = text  # type: ignore[union-attr]
        return text

    def _key(self, template: str, page_path: str, context: dict[str, Any]) -> str | None:
        parts = [self._templates, template, page_path]
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


def render_edition(renderer: Renderer, edition: EditionView, with_pdf: bool = False) -> EditionPages:
    """All pages of one edition: a pure function of its view (and the templates)."""
    slug = edition.summary.slug
    pages: list[Page] = []
    overview_path = f"{slug}/index.md"
    pages.append(Page(overview_path, edition.summary.title, renderer.render(
        "pages/edition.html", overview_path, edition=edition, pdf_url=pdf_path(slug) if with_pdf else None,
    ), description=f"KPI-overzicht {edition.summary.label}", edition=slug))
    section = NavItem(edition.summary.label, children=[NavItem("Overzicht", overview_path)])
    changes_path = f"{slug}/wijzigingen.md"
    pages.append(Page(changes_path, f"Wat is er veranderd in {edition.summary.label}", renderer.render(
        "pages/changes.html", changes_path, edition=edition, changes=edition.changes,
    ), description=f"Veranderingen sinds de vorige editie, {edition.summary.label}", edition=slug))
    section.children.append(NavItem("Wat is er veranderd", changes_path))
    for goal in edition.goals:
        goal_nav = NavItem(f"Doelstelling {goal.number}", children=[])
        for ind in goal.indicators:
            path = f"{slug}/kpi/{ind.id}.md"
            pages.append(Page(path, f"KPI {ind.number}: {ind.title}", renderer.render(
                "pages/indicator.html", path, edition=edition, goal=goal, indicator=ind,
                indicator_charts=renderer.charts.indicator_blocks(edition, ind, path),
            ), description=f"{ind.title}, {edition.summary.label}", edition=slug))
            goal_nav.children.append(NavItem(f"KPI {ind.number}: {ind.title}", path))
        section.children.append(goal_nav)
    add_measure_pages(renderer, edition, pages, section)
    for free in edition.pages:
        path = f"{slug}/{free.slug}.md"
        pages.append(Page(path, free.title, renderer.render(
            "pages/page.html", path, edition=edition, page=free,
            body=_markup(render_page_body(renderer.env, free, renderer.charts, path)),
        ), description=f"{free.title}, {edition.summary.label}"))
        section.children.append(NavItem(free.title, path))
    for page in pages:  # also the pages other parts add (measures): all belong to this edition
        page.edition = slug
    # The CSV files of this edition's charts travel with its pages (and its render cache entry).
    return EditionPages(pages, section, renderer.charts.take_files())


def render_site(
    paths: ProjectPaths,
    site_name: str,
    editions: list[EditionView],
    logo: Path | None = None,
    guide: bool = False,
    frozen: dict[str, str] | None = None,
    cache_dir: Path | None = None,
    charts: ChartBook | None = None,
    accessibility: AccessibilityView | None = None,
    with_pdf: bool = False,
    memo: PageMemo | None = None,
) -> RenderedSite:
    """Every page of the site. `editions` newest first; `frozen` maps the slug of each
    frozen edition to its snapshot digest, so its pages come from the render cache
    (in `cache_dir`) whenever the snapshot, the templates and the code are unchanged.
    Charts on any page are drawn all at once at the end (`charts`, a ChartBook).
    `with_pdf` links every edition overview to its PDF (made by `build --pdf`).
    `memo` (serve) remembers rendered pages in memory between calls."""
    renderer = Renderer(paths, charts, memo)
    frozen = frozen or {}
    cache = RenderCache(cache_dir, code_fingerprint(paths)) if cache_dir is not None and frozen else None
    pages: list[Page] = []
    nav: list[NavItem] = [NavItem("Home", "index.md")]
    files: dict[str, bytes] = {}
    reused: list[str] = []
    fresh: list[tuple[str, str, EditionPages]] = []
    published = [e for e in editions if e.summary.status == "gepubliceerd"]
    latest = published[0] if published else None
    histories = kpi_histories(editions)

    pages.append(Page("index.md", site_name, renderer.render(
        "pages/home.html", "index.md", editions=editions, latest=latest, site_name=site_name,
        histories=histories,
    ), description="Overzicht van alle edities"))

    extra = site_name + ("\0pdf" if with_pdf else "")  # the overview links to a PDF or not
    for edition in editions:
        slug = edition.summary.slug
        digest = frozen.get(slug)
        part = cache.get(slug, digest, extra) if cache is not None and digest else None
        if part is not None:
            reused.append(slug)
        else:
            part = render_edition(renderer, edition, with_pdf)
            if cache is not None and digest:
                fresh.append((slug, digest, part))  # cached once its charts are drawn
        pages.extend(part.pages)
        files.update(part.files)
        nav.append(part.nav)
    if cache is not None:
        cache.prune()
    _link_other_editions(renderer, pages, editions)

    history_nav = NavItem("KPI's door de tijd", children=[])
    for history in histories:
        path = f"kpi/{history.id}.md"
        pages.append(Page(path, f"KPI {history.number}: {history.title} in alle edities", renderer.render(
            "pages/kpi_history.html", path, history=history,
        ), description=f"{history.title}: wat elke editie liet zien"))
        history_nav.children.append(NavItem(f"KPI {history.number}: {history.title}", path))
    if histories:
        nav.append(history_nav)

    files["laatste/index.html"] = renderer.render(
        "pages/latest.html", "laatste/index.md", latest=latest, site_name=site_name,
    ).encode("utf-8")

    if guide:
        from generator.render.guide import guide_pages

        guide_list, guide_nav = guide_pages()
        pages.extend(guide_list)
        if guide_nav is not None:
            nav.append(guide_nav)

    if accessibility is not None:
        pages.append(Page(ACCESSIBILITY_PATH, "Toegankelijkheidsverklaring", renderer.render(
            "pages/toegankelijkheid.html", ACCESSIBILITY_PATH, statement=accessibility,
        ), description=f"Toegankelijkheidsverklaring van {accessibility.organisation}"))

    assets = {
        "assets/rapportage.css": _template_file(paths, "assets/rapportage.css"),
        "assets/rapportage.js": _template_file(paths, "assets/rapportage.js"),
    }
    if logo is not None:
        assets[f"assets/{logo.name}"] = logo
    files.update(renderer.charts.finish(pages))  # draws every chart of the site at once
    if cache is not None:
        for slug, digest, part in fresh:
            cache.put(slug, digest, part, extra)
    if memo is not None:
        memo.forget_unused()
    return RenderedSite(pages, nav, assets, site_name, files, reused)


def _link_other_editions(renderer: Renderer, pages: list[Page], editions: list[EditionView]) -> None:
    """Fill each edition page's banner slot with the same page in the other editions."""
    have: dict[str, set[str]] = {}
    for page in pages:
        if page.edition:
            have.setdefault(page.edition, set()).add(page.path[len(page.edition) + 1:])
    template = renderer.env.get_template("partials/_other_editions.html")
    # This runs for every page of every edition, so the template renders once per set of
    # other editions, with placeholders for the hrefs, which are filled in per page.
    shapes: dict[tuple[tuple[str, bool], ...], str] = {}
    for page in pages:
        if not page.edition:
            continue
        key = page.path[len(page.edition) + 1:]
        others = [e for e in editions if e.summary.slug != page.edition and key in have.get(e.summary.slug, ())]
        shape = tuple((e.summary.label, e.summary.status == "concept") for e in others)
        html = shapes.get(shape)
        if html is None:
            links = [{"label": label, "concept": concept, "href": f"\x00{i}\x00"} for i, (label, concept) in enumerate(shape)]
            html = shapes[shape] = template.render(links=links).strip()
        # From one edition's folder to another's: up to the site root, then down (what
        # relative_url gives, as the first folders always differ).
        up = "../" * page_url(page.path).count("/")
        for i, e in enumerate(others):
            html = html.replace(f"\x00{i}\x00", str(escape(up + page_url(f"{e.summary.slug}/{key}"))))
        page.others = html


def render_page_body(env: SandboxedEnvironment, page: PageView, charts: ChartBook | None = None, page_path: str = "") -> str:
    """A free page: the editor's Markdown, sanitised, with the computed tables and charts put
    in afterwards (editors cannot inject HTML; our tables and charts survive the sanitiser)."""
    html = render_markdown(page.body_md, free_page=True)
    table_macro = env.get_template("partials/_data_table.html").module.data_table  # type: ignore[attr-defined]
    for index, block in enumerate(page.blocks):
        token = block_token(index)
        if block.kind == "grafiek" and block.table is not None and charts is not None:
            from generator.charts.tables import table_spec

            block_html = str(charts.block(table_spec(block.table, block.chart), page_path)).strip()
        else:
            block_html = str(table_macro(block.table)).strip() if block.table is not None else ""
        html = html.replace(f"<p>{token}</p>", block_html).replace(token, block_html)
    return html


def _template_file(paths: ProjectPaths, rel: str) -> Path:
    own = paths.templates / rel
    return own if own.is_file() else default_templates_dir() / rel
