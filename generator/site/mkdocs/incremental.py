"""Incremental `build`: pages whose MkDocs input did not change are taken from the old site.

A full build renders every page through Material's templates even when one narrative
changed; at municipal scale (1,600 pages) that is most of a rebuild. When the previous
build's layout (nav, mkdocs.yml, theme, assets, engine versions) is the same and its
site folder is untouched (the manifest says so), each unchanged page's HTML is
hard-linked from the old site into the new build folder and MkDocs renders only the
changed pages (its dirty build). The new folder is still swapped in as a whole.

Why this gives the same bytes as a full build: a page's HTML depends on its own
Markdown, the nav (titles are explicit in mkdocs.yml's nav, so a page's title in other
pages' nav does not come from its content), mkdocs.yml, the theme and the build date;
all but the first are in the layout key. `tests/site/test_incremental_build.py` compares
an incremental build with a full one, byte for byte, search index included.

The old site never changes: only files MkDocs does not write are linked (page HTML of
unchanged pages); static files, sitemaps, the 404 page and the search index are written
fresh, and the merged search index replaces its file instead of writing into it.

Only used with the plugins whose output is per page and known here (Material's search
and ours) and without hooks: another plugin may make a page depend on other pages.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.core.paths import ordinary_mode

SAFE_PLUGINS = {"material/search", "rapportage"}


@dataclass
class Reuse:
    """What an incremental build may take from the old site."""

    old_site: Path
    pages: frozenset[str]  # docs paths (x/index.md) whose MkDocs input is unchanged
    linked: list[str] = field(default_factory=list)  # dest paths linked into the new site
    rebuilt: list[str] = field(default_factory=list)  # page urls MkDocs rendered this time
    order: list[str] = field(default_factory=list)  # every page url, in MkDocs' build order


def supported(config) -> bool:
    """Whether this MkDocs configuration keeps each page's HTML a function of its own input."""
    return set(config.plugins) <= SAFE_PLUGINS and not config.hooks and "material/search" in config.plugins


def link_unchanged(reuse: Reuse, files, site_dir: Path, render_instead: Callable[[str], None]) -> None:
    """Hard-link unchanged pages' HTML into the new site and tell MkDocs' dirty build to skip them.

    Called from the plugin's on_files. A page whose old HTML cannot be linked is rendered
    after all: `render_instead(docs path)` writes its Markdown first.
    """
    for file in files.documentation_pages():
        url = "" if file.url in (".", "./") else file.url  # the home page's url, as Page.url gives it
        reuse.order.append(url)
        if file.src_uri not in reuse.pages:
            reuse.rebuilt.append(url)
            continue
        old = reuse.old_site / file.dest_uri
        new = site_dir / file.dest_uri
        try:
            new.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, new)
        except OSError:  # gone, or a file system without hard links: render it
            render_instead(file.src_uri)
            reuse.rebuilt.append(url)
            continue
        file.is_modified = _unmodified  # instance attribute: MkDocs asks the file
        reuse.linked.append(file.dest_uri)


def _unmodified() -> bool:
    return False


def merge_search_index(reuse: Reuse, site_dir: Path) -> None:
    """The full build's search index: old entries for linked pages, new ones for the rest.

    Material adds a page's entries (its location, then `location#anchor`s) when it builds
    the page, in build order; a dirty build's index holds only the rendered pages.
    """
    path = site_dir / "search" / "search_index.json"
    old_path = reuse.old_site / "search" / "search_index.json"
    fresh = json.loads(path.read_text(encoding="utf-8"))
    old = json.loads(old_path.read_text(encoding="utf-8"))
    rebuilt = set(reuse.rebuilt)
    by_page_new = _by_page(fresh["docs"])
    by_page_old = _by_page(old["docs"])
    docs = []
    for url in reuse.order:
        docs.extend((by_page_new if url in rebuilt else by_page_old).get(url, []))
    data = {"config": fresh["config"], "docs": docs}
    # Material's own serialisation (search/plugin.py generate_search_index).
    text = json.dumps(data, separators=(",", ":"), default=str)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    ordinary_mode(Path(tmp))  # mkstemp makes it 0600
    os.replace(tmp, path)


def _by_page(entries: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for entry in entries:
        out.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    return out
