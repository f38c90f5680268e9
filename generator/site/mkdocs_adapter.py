"""The MkDocs adapter: the only module that knows the site engine.

Material for MkDocs is in maintenance mode and its successor reads the same
mkdocs.yml, so everything engine-specific stays behind `build_site` and `serve`.
"""

from __future__ import annotations

import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from markupsafe import escape

from generator.project import PACKAGE_DIR, ProjectPaths
from generator.render.pages import NavItem, RenderedSite

DEFAULT_CONFIG = PACKAGE_DIR / "site" / "default-mkdocs.yml"
# Small Material overrides (a named search dialog, the footer link to the
# accessibility statement); a project's own custom_dir still wins.
THEME_OVERRIDES = PACKAGE_DIR / "site" / "theme"
REPORT_CSS = "assets/rapportage.css"
REPORT_JS = "assets/rapportage.js"
ACCESSIBILITY_PAGE = "toegankelijkheid/"
UNSAFE_FEATURES = {"content.tooltips"}  # see load_mkdocs_config


def _quiet_mkdocs() -> None:
    for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.structure", "mkdocs.plugins", "material"):
        logging.getLogger(name).setLevel(logging.ERROR)


def write_docs(rendered: RenderedSite, docs_dir: Path) -> int:
    """Write pages and assets; files whose content is unchanged are left alone.

    Returns the number of files written. Stale files from earlier builds are removed.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    wanted: set[Path] = set()
    written = 0
    for page in rendered.pages:
        path = docs_dir / page.path
        wanted.add(path)
        written += _write_if_changed(path, page.text().encode("utf-8"))
    for rel, source in rendered.assets.items():
        path = docs_dir / rel
        wanted.add(path)
        written += _write_if_changed(path, source.read_bytes())
    for rel, data in rendered.files.items():  # generated static files, e.g. laatste/index.html
        path = docs_dir / rel
        wanted.add(path)
        written += _write_if_changed(path, data)
    for path in sorted(docs_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def _write_if_changed(path: Path, data: bytes) -> int:
    if path.is_file() and path.read_bytes() == data:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return 1


def _nav(items: list[NavItem]) -> list[Any]:
    # Titles are editor text and Material prints them unescaped; Markup is escaped once
    # and stays so where a template adds `| e`.
    out: list[Any] = []
    for item in items:
        if item.children:
            out.append({escape(item.title): _nav(item.children)})
        else:
            out.append({escape(item.title): item.path})
    return out


def load_mkdocs_config(paths: ProjectPaths, rendered: RenderedSite, docs_dir: Path, site_dir: Path):
    from mkdocs.config import load_config

    _quiet_mkdocs()
    config_file = paths.mkdocs_config if paths.mkdocs_config.is_file() else DEFAULT_CONFIG
    config = load_config(
        str(config_file),
        site_name=rendered.site_name,
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=_nav(rendered.nav),
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
    logo = next((rel for rel in rendered.assets if rel.startswith("assets/") and rel not in (REPORT_CSS, REPORT_JS) and rel.endswith((".svg", ".png"))), None)
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


def build_site(paths: ProjectPaths, rendered: RenderedSite, docs_dir: Path, site_dir: Path,
               source_date_epoch: int | None = None) -> None:
    from mkdocs.commands.build import build

    write_docs(rendered, docs_dir)
    config = load_mkdocs_config(paths, rendered, docs_dir, site_dir)
    with _build_date(source_date_epoch):
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    shutil.rmtree(site_dir / "__pycache__", ignore_errors=True)


def serve(
    paths: ProjectPaths,
    regenerate: Callable[[], RenderedSite | None],
    docs_dir: Path,
    site_dir: Path,
    host: str,
    port: int,
    watch: list[Path],
    on_error: Callable[[BaseException], None],
) -> None:
    """Preview with live reload: every change under `watch` regenerates and rebuilds."""
    from mkdocs.commands.build import build
    from mkdocs.livereload import LiveReloadServer

    state: dict[str, RenderedSite] = {}

    def builder() -> None:
        try:
            rendered = regenerate()
        except Exception as exc:  # show the problem in the terminal, keep serving the last good site
            on_error(exc)
            return
        if rendered is None:
            return
        state["site"] = rendered
        write_docs(rendered, docs_dir)
        config = load_mkdocs_config(paths, rendered, docs_dir, site_dir)
        config.site_url = f"http://{host}:{port}/"
        build(config, serve_url=config.site_url, dirty=False)

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
