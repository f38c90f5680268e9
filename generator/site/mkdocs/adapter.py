"""The MkDocs adapter: the only module that knows the site engine.

Material for MkDocs is in maintenance mode and its successor reads the same
mkdocs.yml, so everything engine-specific stays behind `build_site`, `Preview`
and `fingerprint`. Render hands over engine-neutral pages (render/model.py); here
they become MkDocs' documents: a `.md` file per page (`docs_path`) with front matter
and heading (`page_source`), and mkdocs.yml's nav (`_nav`). See docs/dev/engines.md.
Speed notes (see docs/dev/performance.md): the report's HTML
blocks are lifted out of the Markdown before MkDocs reads it (`islands`), and a
preview rebuilds only the pages whose text changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from generator import __version__
from markupsafe import escape

from generator.core.markdown import escape_markdown_text
from generator.core.paths import ProjectPaths
from generator.core.problems import ValidationFailed
from generator.render.model import Address, NavItem, Page, RenderedSite
from generator.site.mkdocs import incremental, islands
from generator.site.mkdocs.incremental import Reuse
from generator.site.mkdocs.search_cache import SearchEntryCache, search_cache_dir
from generator.site.preview_error import ErrorBanner

DEFAULT_CONFIG = Path(__file__).resolve().parent / "default-mkdocs.yml"
# Small Material overrides (a named search dialog, the footer link to the
# accessibility statement); a project's own custom_dir still wins.
THEME_OVERRIDES = Path(__file__).resolve().parent / "theme"
REPORT_CSS = "assets/rapportage.css"
REPORT_JS = "assets/rapportage.js"
ACCESSIBILITY_PAGE = "toegankelijkheid/"
PLUGIN_NAME = "rapportage"
UNSAFE_FEATURES = {"content.tooltips"}  # see load_mkdocs_config


def _quiet_mkdocs() -> None:
    for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.structure", "mkdocs.plugins", "material"):
        logging.getLogger(name).setLevel(logging.ERROR)


def config_file(paths: ProjectPaths) -> Path:
    return paths.mkdocs_config if paths.mkdocs_config.is_file() else DEFAULT_CONFIG


def docs_path(address: Address) -> str:
    """The page's file in docs/: a folder's overview is its `index.md`, any other page
    `<name>.md`; with `use_directory_urls` (the default) both publish at `address.url`."""
    if address.index:
        return f"{address.url}index.md"
    return f"{address.url.rstrip('/')}.md"


def page_source(page: Page) -> str:
    """The page as MkDocs reads it: front matter, the title as heading, the body."""
    # MkDocs themes print front matter into HTML unescaped (<title>, <meta content="">),
    # so editor text is escaped here; `<` in a title still reads as `<`.
    front = {"title": html.escape(page.title)}
    if page.description:
        front["description"] = html.escape(page.description)
    head = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
    heading = escape_markdown_text(page.title)
    return f"---\n{head}\n---\n\n# {heading}\n\n{page.content()}\n"


class DocsWriter:
    """Writes pages (HTML blocks lifted out) and assets into the docs folder.

    Files whose text did not change are left alone, so their modification time
    tells MkDocs' dirty build which pages to render again.
    """

    def __init__(self, docs_dir: Path, lift: bool = True):
        self.docs_dir = docs_dir
        self.lift = lift
        self.blocks: dict[str, list[str]] = {}  # page path -> lifted HTML blocks
        self._lifted: dict[str, tuple[str, str, list[str]]] = {}  # path -> (text, docs text, blocks)
        self._written: dict[Path, bytes] = {}  # what this writer last wrote: no need to read it back
        self._skipped: dict[str, Page] = {}  # pages `write` left alone as unchanged

    def write(self, rendered: RenderedSite, unchanged: frozenset[str] = frozenset()) -> list[str]:
        """Write everything; returns the docs-relative paths of files that changed.

        Pages in `unchanged` (an incremental build takes their HTML from the old site)
        are neither lifted nor written when their file is there; `write_skipped` does
        it after all if MkDocs must render one of them.
        """
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        wanted: set[Path] = set()
        changed: list[str] = []
        self.blocks = {}
        self._skipped = {}
        for page in rendered.pages:
            rel = docs_path(page.address)
            path = self.docs_dir / rel
            wanted.add(path)
            if rel in unchanged and path.is_file():
                self._skipped[rel] = page
            elif self._write_page(rel, page):
                changed.append(rel)
        for rel, source in rendered.assets.items():
            path = self.docs_dir / rel
            wanted.add(path)
            if self._write(path, source.read_bytes()):
                changed.append(rel)
        for rel, data in rendered.files.items():  # generated static files, e.g. laatste/index.html
            path = self.docs_dir / rel
            wanted.add(path)
            if self._write(path, data):
                changed.append(rel)
        for path in sorted(self.docs_dir.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                self._written.pop(path, None)
                changed.append(path.relative_to(self.docs_dir).as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return changed


    def _write_page(self, rel: str, page: Page) -> bool:
        text = page_source(page)
        if self.lift:
            known = self._lifted.get(rel)
            if known is None or known[0] != text:  # a writer that lives on (serve) lifts only changed pages
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
                lifted, blocks = islands.lift(text)
                # The digest (front matter) changes the file whenever a lifted block changes.
                known = (text, lifted.replace("---\n", f"---\nrp_inhoud: {digest}\n", 1), blocks)
                self._lifted[rel] = known
            self.blocks[rel] = known[2]
            text = known[1]
        return self._write(self.docs_dir / rel, text.encode("utf-8"))

    def write_skipped(self, rel: str) -> None:
        """Write a page `write` skipped as unchanged: MkDocs renders it after all."""
        page = self._skipped.pop(rel, None)
        if page is not None:
            self._write_page(rel, page)

    def _write(self, path: Path, data: bytes) -> bool:
        if self._written.get(path) == data and path.is_file():
            return False
        changed = _write_if_changed(path, data)
        self._written[path] = data
        return changed


def write_docs(rendered: RenderedSite, docs_dir: Path, lift: bool = False) -> int:
    """Write the pages as plain, self-contained Markdown (or lifted); returns files written."""
    return len(DocsWriter(docs_dir, lift=lift).write(rendered))


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _nav(rendered: RenderedSite) -> list[Any]:
    """mkdocs.yml's nav: titles mapped to docs paths, sections to lists."""
    paths = {page.url: docs_path(page.address) for page in rendered.pages}
    return _nav_items(rendered.nav, paths)


def _nav_items(items: list[NavItem], paths: dict[str, str]) -> list[Any]:
    # Titles are editor text and Material prints them unescaped; Markup is escaped once
    # and stays so where a template adds `| e`.
    out: list[Any] = []
    for item in items:
        if item.children:
            out.append({str(escape(item.title)): _nav_items(item.children, paths)})
        elif item.url is not None:
            out.append({str(escape(item.title)): paths[item.url]})
    return out


def _logo(rendered: RenderedSite) -> str | None:
    return next((rel for rel in rendered.assets if rel.startswith("assets/") and rel not in (REPORT_CSS, REPORT_JS) and rel.endswith((".svg", ".png"))), None)


def load_mkdocs_config(paths: ProjectPaths, rendered: RenderedSite, docs_dir: Path, site_dir: Path):
    from mkdocs.config import load_config

    _quiet_mkdocs()
    config = load_config(
        str(config_file(paths)),
        site_name=rendered.site_name,
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=_nav(rendered),
    )
    # The site name is editor text (organisation and title) printed unescaped by the theme.
    config.site_name = escape(rendered.site_name)
    if REPORT_CSS not in config.extra_css:
        config.extra_css.append(REPORT_CSS)
    if REPORT_JS in rendered.assets and REPORT_JS not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(REPORT_JS)
    # The intranet has no internet: never let the theme fetch web fonts.
    config.theme["font"] = False
    # Material's improved tooltips copy every `title` attribute into the page as HTML
    # (innerHTML): an escaped site name or link title would run as script. Browser
    # tooltips show the same text, as text.
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if f not in UNSAFE_FEATURES]
    config.theme["language"] = config.theme.get("language") or "nl"
    logo = _logo(rendered)
    if logo:
        config.theme["logo"] = logo
        config.theme["favicon"] = logo
    config.extra["generator"] = False
    if config.theme.name == "material":
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))
    if any(page.url == ACCESSIBILITY_PAGE for page in rendered.pages):
        config.extra["rapportage_accessibility"] = ACCESSIBILITY_PAGE
    return config


_SVG = re.compile(r"<svg\b.*?</svg>", re.S | re.I)
_SEARCH_ATTRS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # what Material's search removes
# Material's base.html puts autocomplete="off" on its drawer and search checkboxes, which
# HTML allows on text-like inputs only (Nu Html Checker error); base.html is too large to override.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" [^>]*type="checkbox"[^>]*?) autocomplete="off"')
# Material's toc.html points its title at the `__toc` checkbox, which its nav only writes for a
# page shown as a leaf; on a section's index page (navigation.indexes) it points at nothing.
_TOC_TITLE_FOR = ' for="__toc"'


class _ReportPlugin:
    """Puts the lifted HTML blocks back into each page right after Markdown ran, and
    hides inline SVG (status icons, charts) from the search plugin.

    The search index wants words; an SVG holds none a reader searches for (icons are
    aria-hidden, a chart's title, summary and table sit outside its SVG), yet parsing
    its elements was a large part of the search plugin's time.
    """

    def __init__(self, writer: DocsWriter, search_cache: SearchEntryCache | None = None, reuse: Reuse | None = None):
        self.writer = writer
        self._content: dict[str, str] = {}
        self.search_cache = search_cache
        self.reuse = reuse

    def on_files(self, files, *, config):
        if self.reuse is not None:
            incremental.link_unchanged(self.reuse, files, Path(config.site_dir), self.writer.write_skipped)
        return files

    def on_pre_build(self, *, config) -> None:
        """Material's search plugin made its index in on_config: give it the entry cache."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(search, "search_index", None)
        if self.search_cache is not None and index is not None and hasattr(index, "add_entry_from_context"):
            self.search_cache.wrap(index)

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return islands.restore(html, self.writer.blocks.get(page.file.src_uri, []))

    def hide_svg(self, context, *, page, config, nav):
        if page.content and "<svg" in page.content:
            self._content[page.file.src_uri] = page.content
            page.content = _SVG.sub("", page.content)
        return context

    def on_post_page(self, output: str, *, page, config) -> str:
        """Valid HTML from the theme's markup (the Nu Html Checker test checks it)."""
        output = _TOGGLE_AUTOCOMPLETE.sub(r"\1", output)
        if 'id="__toc"' not in output:
            output = output.replace(f'<label class="md-nav__title"{_TOC_TITLE_FOR}>', '<label class="md-nav__title">')
        return output

    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        """The 404 page is a template, not a page: the same fixes."""
        return self.on_post_page(output, page=None, config=config) if template_name.endswith(".html") else output

    def show_svg(self, context, *, page, config, nav):
        original = self._content.pop(page.file.src_uri, None)
        if original is not None:
            page.content = _SEARCH_ATTRS.sub("", original)
        return context


def _with_plugin(config, writer: DocsWriter, paths: ProjectPaths | None = None, reuse: Reuse | None = None):
    from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

    class ReportPlugin(_ReportPlugin, BasePlugin):
        on_page_content = event_priority(100)(_ReportPlugin.on_page_content)  # before any other plugin
        on_post_page = event_priority(-100)(_ReportPlugin.on_post_page)  # after any other plugin
        on_page_context = CombinedEvent(
            event_priority(100)(_ReportPlugin.hide_svg), event_priority(-100)(_ReportPlugin.show_svg)
        )

    cache = SearchEntryCache(search_cache_dir(paths)) if paths is not None else None
    config.plugins[PLUGIN_NAME] = ReportPlugin(writer, cache, reuse)
    return config


@contextmanager
def _build_date(epoch: int | None) -> Iterator[None]:
    """MkDocs dates sitemap.xml (lastmod) and sitemap.xml.gz (gzip mtime) with the build
    time unless SOURCE_DATE_EPOCH is set. An explicit SOURCE_DATE_EPOCH wins; otherwise
    `epoch` (derived from the inputs) makes two builds of the same inputs byte-identical."""
    if epoch is None or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


@dataclass
class SiteBuild:
    stages: dict[str, float]  # seconds writing docs and in MkDocs
    pages_reused: int = 0  # pages taken unchanged from the old site (incremental build)


def build_site(paths: ProjectPaths, rendered: RenderedSite, docs_dir: Path, site_dir: Path,
               source_date_epoch: int | None = None, reuse: Reuse | None = None) -> SiteBuild:
    """Build the whole site into `site_dir`.

    With `reuse` (the old site and the pages whose input is unchanged, see incremental.py)
    only the other pages are rendered, when this MkDocs configuration allows it.
    """
    import time

    from mkdocs.commands.build import build

    started = time.perf_counter()
    docs_dir.mkdir(parents=True, exist_ok=True)  # MkDocs' config wants it to exist
    config = load_mkdocs_config(paths, rendered, docs_dir, site_dir)
    if reuse is not None and not (reuse.pages and incremental.supported(config)):
        reuse = None
    writer = DocsWriter(docs_dir)
    writer.write(rendered, reuse.pages if reuse else frozenset())
    written = time.perf_counter()
    config = _with_plugin(config, writer, paths, reuse)
    dirty = reuse is not None
    # MkDocs keeps plugin objects between builds in one process, and Material's search
    # merges the index of its last dirty build into the next one: start from nothing.
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None
    with _build_date(source_date_epoch):
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    if reuse is not None:
        incremental.merge_search_index(reuse, site_dir)
    shutil.rmtree(site_dir / "__pycache__", ignore_errors=True)
    stages = {"docs": written - started, "mkdocs": time.perf_counter() - written}
    return SiteBuild(stages, len(reuse.linked) if reuse else 0)


@dataclass(frozen=True)
class SiteInputs:
    """Everything MkDocs reads, hashed: the layout shared by all pages, and each page."""

    layout: str
    pages: dict[str, str]  # docs path -> hash of the page's source

    @property
    def digest(self) -> str:
        h = hashlib.sha256(self.layout.encode())
        for rel, digest in sorted(self.pages.items()):
            h.update(f"\0{rel}\0{digest}".encode("utf-8"))
        return h.hexdigest()


def site_inputs(paths: ProjectPaths, rendered: RenderedSite) -> SiteInputs:
    """The hashes of what MkDocs reads: same hashes, same site (see `fingerprint`)."""
    pages = {
        docs_path(page.address): hashlib.sha256(page_source(page).encode("utf-8")).hexdigest()
        for page in rendered.pages
    }
    return SiteInputs(_layout_fingerprint(paths, rendered), pages)


def fingerprint(paths: ProjectPaths, rendered: RenderedSite) -> str:
    """A hash of everything MkDocs reads: same hash, same site.

    Covers the engine versions, mkdocs.yml, every page, the nav, the assets and a
    theme `custom_dir` of the project, if any.
    """
    return site_inputs(paths, rendered).digest


def _layout_fingerprint(paths: ProjectPaths, rendered: RenderedSite) -> str:
    """Everything MkDocs reads but the pages' own sources."""
    from importlib.metadata import version

    h = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)

    add(__version__, version("mkdocs"), version("mkdocs-material"), rendered.site_name)
    cfg = config_file(paths)
    add(cfg.read_bytes())
    add(json.dumps(_nav(rendered), ensure_ascii=False))
    add(json.dumps(sorted(docs_path(page.address) for page in rendered.pages)))
    for rel, source in sorted(rendered.assets.items()):
        add(rel, source.read_bytes())
    for rel, data in sorted(rendered.files.items()):
        add(rel, data)
    for extra in [THEME_OVERRIDES, *_project_theme_dirs(paths)]:
        for path in sorted(p for p in extra.rglob("*") if p.is_file()):
            add(path.relative_to(extra).as_posix(), path.read_bytes())
    return h.hexdigest()


def engine_inputs(paths: ProjectPaths) -> list[Path] | None:
    """What MkDocs reads of the project besides mkdocs.yml (a theme `custom_dir`), for
    the digest taken before a build (generator/site/input_digest.py); None when that
    cannot be known from the files alone: hooks run code that may read anything, and
    `!ENV` or `INHERIT` take settings from the environment or from another file."""
    config = config_file(paths)
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "!ENV" in text or "INHERIT" in text or re.search(r"^hooks\s*:", text, re.MULTILINE):
        return None
    return _project_theme_dirs(paths)  # mkdocs.yml (or the default, in the package) is hashed already


def _project_theme_dirs(paths: ProjectPaths) -> list[Path]:
    # A cheap look for theme overrides without loading the whole MkDocs config.
    if not paths.mkdocs_config.is_file():
        return []
    from mkdocs.utils.yaml import yaml_load

    try:
        with paths.mkdocs_config.open(encoding="utf-8") as fh:
            raw = yaml_load(fh) or {}
    except Exception:  # an unreadable mkdocs.yml fails in the build itself, with its own message
        return []
    theme = raw.get("theme") if isinstance(raw, dict) else None
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    hooks = raw.get("hooks") if isinstance(raw, dict) else None
    dirs = [paths.root / custom] if isinstance(custom, str) else []
    if isinstance(hooks, list):
        dirs += [(paths.root / h).parent for h in hooks if isinstance(h, str)]
    return [d for d in dirs if d.is_dir()]


def write_plain_project(paths: ProjectPaths, rendered: RenderedSite, dest: Path) -> Path:
    """The generated pages as a plain MkDocs project (dest/docs + dest/mkdocs.yml).

    Used by the benchmark as the engine's floor: `mkdocs build` of the same pages
    with the same settings, without anything rapportage adds. Returns the config file.
    """
    from mkdocs.utils.yaml import yaml_load
    import yaml

    docs = dest / "docs"
    write_docs(rendered, docs, lift=False)
    with config_file(paths).open(encoding="utf-8") as fh:
        raw = yaml_load(fh) or {}
    raw.update(site_name=rendered.site_name, docs_dir="docs", nav=_nav(rendered))
    raw.setdefault("extra_css", [])
    if REPORT_CSS not in raw["extra_css"]:
        raw["extra_css"].append(REPORT_CSS)
    if REPORT_JS in rendered.assets:
        raw.setdefault("extra_javascript", []).append(REPORT_JS)
    theme = raw.setdefault("theme", {"name": "material"})
    theme["font"] = False
    theme.setdefault("custom_dir", str(THEME_OVERRIDES))
    logo = _logo(rendered)
    if logo:
        theme["logo"] = theme["favicon"] = logo
    out = dest / "mkdocs.yml"
    out.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


class Preview:
    """The site for `serve`: a full build first, then only the pages that changed.

    MkDocs' dirty build renders just the pages whose Markdown is newer than their
    HTML. It cannot see nav or theme changes, so those (and a changed mkdocs.yml)
    get a full build. Material's search index only holds the pages of the last
    build; `_merge_search_index` keeps the other pages' entries.
    """

    def __init__(self, paths: ProjectPaths, docs_dir: Path, site_dir: Path, site_url: str | None = None):
        self.paths = paths
        self.writer = DocsWriter(docs_dir)
        self.site_dir = site_dir
        self.site_url = site_url
        self._layout: str | None = None
        self._search: dict | None = None
        self._theme_env = None

    def _layout_key(self, rendered: RenderedSite) -> str:
        cfg = config_file(self.paths)
        parts = [json.dumps(_nav(rendered), ensure_ascii=False), rendered.site_name, str(cfg.stat().st_mtime_ns)]
        parts += sorted(rendered.assets)
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()

    def update(self, rendered: RenderedSite) -> str:
        """Bring the site up to date; returns 'volledig', 'gedeeltelijk' or 'ongewijzigd'."""
        from mkdocs.commands.build import build

        changed = self.writer.write(rendered)
        layout = self._layout_key(rendered)
        full = layout != self._layout or not self.site_dir.is_dir()
        pages = {docs_path(p.address) for p in rendered.pages}
        if not full and not changed:
            return "ongewijzigd"
        if not full and any(rel not in pages for rel in changed):
            full = True  # an asset changed or a page was removed
        config = _with_plugin(load_mkdocs_config(self.paths, rendered, self.writer.docs_dir, self.site_dir), self.writer, self.paths)
        if self.site_url:
            config.site_url = self.site_url
        self._reuse_theme(config, fresh=full)
        config.plugins.on_startup(command="serve", dirty=not full)
        try:
            build(config, serve_url=self.site_url, dirty=not full)
        finally:
            config.plugins.on_shutdown()
        self._layout = layout
        self._merge_search_index(full)
        return "volledig" if full else "gedeeltelijk"

    def _reuse_theme(self, config, fresh: bool) -> None:
        # MkDocs makes a new Jinja environment for the theme on every build, so each save
        # compiled Material's templates again (about a second). Between full builds the
        # theme and mkdocs.yml are unchanged: keep the environment.
        if fresh or self._theme_env is None:
            make = config.theme.get_env

            def get_env():
                env = self._theme_env = make()
                # MkDocs lists every file of the theme (thousands of icons) on each build.
                listing = env.list_templates()
                env.list_templates = lambda extensions=None, filter_func=None: (
                    listing if extensions is None and filter_func is None
                    else type(env).list_templates(env, extensions, filter_func)
                )
                return env

            config.theme.get_env = get_env
        else:
            env = self._theme_env
            config.theme.get_env = lambda: env

    def _merge_search_index(self, full: bool) -> None:
        path = self.site_dir / "search" / "search_index.json"
        if not path.is_file():
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        if not full and self._search is not None:
            fresh = {entry["location"].split("#")[0] for entry in data.get("docs", [])}
            kept = [e for e in self._search.get("docs", []) if e["location"].split("#")[0] not in fresh]
            data["docs"] = kept + data.get("docs", [])
            path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        self._search = data


def _claim_port(host: str, port: int) -> None:
    """Fail on a port in use before the first build, not after it: the server binds only
    in `serve()`, so an editor used to wait a whole build for "adres al in gebruik".
    Raises the OSError (EADDRINUSE) that the CLI turns into a Dutch message."""
    import ipaddress
    import socket

    try:
        family = socket.AF_INET6 if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address) else socket.AF_INET
    except ValueError:  # a host name: resolved the way the server will
        family = socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        probe.bind((host, port))


def error_lines(exc: BaseException) -> list[str]:
    """The problems of a failed preview update, as the terminal prints them."""
    if isinstance(exc, ValidationFailed):
        return [p.format() for p in exc.problems.sorted()]
    return [f"fout: {exc}"]


def serve(
    paths: ProjectPaths,
    regenerate: Callable[[], RenderedSite | None],
    docs_dir: Path,
    site_dir: Path,
    host: str,
    port: int,
    watch: list[Path],
    on_error: Callable[[BaseException], None],
    on_built: Callable[[str, float], None] | None = None,
) -> None:
    """Preview with live reload: every change under `watch` regenerates and rebuilds."""
    import time

    from mkdocs.livereload import LiveReloadServer

    _claim_port(host, port)
    preview = Preview(paths, docs_dir, site_dir, site_url=f"http://{host}:{port}/")
    banner = ErrorBanner(site_dir)

    def builder() -> None:
        started = time.perf_counter()
        try:
            rendered = regenerate()
            if rendered is None:
                return
            banner.clear()  # the pages as they were, before MkDocs compares their times
            kind = preview.update(rendered)
        except Exception as exc:  # show the problem in the terminal and on the preview's pages
            on_error(exc)
            banner.show(error_lines(exc))
            return
        if on_built:
            on_built(kind, time.perf_counter() - started)

    builder()
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    for path in watch:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
