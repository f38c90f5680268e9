"""Material's search entries of a page, cached by a hash of what they are made from.

Material's search plugin parses every page's HTML on every build (`HTMLParser.feed`): after
one narrative edit at municipal scale (1,605 pages) that was 16 of the rebuild's 40 s, for
entries that were the same as last time for all pages but one. An entry depends only on the
page's address, title, front matter and the HTML the plugin reads, and on the plugin's own
code: with those as the key, a page whose key is cached gets its entries back without being
parsed, and the index is byte-identical to one built without the cache (tested).

The cache lives in the project's `.rapportage/cache/search/`; deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from generator.core.paths import ProjectPaths, ordinary_mode

# Bump when what goes into an entry changes on our side.
_FORMAT = 1


def search_cache_dir(paths: ProjectPaths) -> Path:
    return paths.work / "cache" / "search"


def _plugin_version() -> str:
    try:
        from material import __version__
    except ImportError:  # another theme's search plugin: key on nothing it could change
        return "?"
    return str(__version__)


class SearchEntryCache:
    """Wraps a Material `SearchIndex` so that `add_entry_from_context` parses a page only
    when its entries are not cached yet."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.version = _plugin_version()
        self.hits = 0
        self.misses = 0

    def key(self, page: Any) -> str:
        meta = {k: page.meta.get(k) for k in ("title", "search", "tags")}
        raw = json.dumps([_FORMAT, self.version, page.url, str(page.title), meta, page.content],
                         ensure_ascii=False, default=str, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[dict] | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, entries: list[dict]) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename: a killed build never leaves half an entry list in the cache.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entries, f, ensure_ascii=False)
            ordinary_mode(Path(tmp))
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs the next build the parse

    def wrap(self, index: Any) -> None:
        """Make `index.add_entry_from_context` use the cache (once per index)."""
        if getattr(index, "_rapportage_cached", False):
            return
        original = index.add_entry_from_context

        def add_entry_from_context(page: Any) -> None:
            key = self.key(page)
            cached = self.get(key)
            if cached is not None:
                self.hits += 1
                index.entries.extend(cached)
                return
            self.misses += 1
            before = len(index.entries)
            original(page)
            self.put(key, index.entries[before:])

        index.add_entry_from_context = add_entry_from_context
        index._rapportage_cached = True
