"""Issue 19 point 4: Material's search entries are cached by a hash of what they are made
from (generator/site/mkdocs/search_cache.py). A build from the cache writes the same index,
byte for byte, as one that parses every page; a page that changed is parsed again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.core.paths import ProjectPaths
from generator.site.build import build
from generator.site.mkdocs import search_cache


def _fresh_build(project: Path) -> bytes:
    for name in ("build-manifest.json", "last-build.json"):  # a real build, not "nothing changed"
        (project / ".rapportage" / name).unlink(missing_ok=True)
    site = build(ProjectPaths.at(project)).site_dir
    return (site / "search" / "search_index.json").read_bytes()


def test_the_cached_index_is_the_parsed_index(example_project: Path, monkeypatch) -> None:
    calls: list[int] = []
    original = search_cache.SearchEntryCache.wrap

    def counting(self, index):
        original(self, index)
        calls.append(id(self))
        monkeypatch.setattr(self, "put", lambda key, entries, put=self.put: (calls.append(-1), put(key, entries)))

    monkeypatch.setattr(search_cache.SearchEntryCache, "wrap", counting)
    parsed = _fresh_build(example_project)
    cache = example_project / ".rapportage" / "cache" / "search"
    pages = len(list(cache.rglob("*.json")))
    assert pages > 100 and calls.count(-1) == pages  # every page parsed and stored once
    calls.clear()
    cached = _fresh_build(example_project)
    assert cached == parsed
    assert calls and -1 not in calls  # ... and the second build parsed none


def test_a_changed_page_is_parsed_again(example_project: Path) -> None:
    _fresh_build(example_project)
    narrative = example_project / "content/edities/2023-Q3/indicatoren/eigen-regie.yml"
    narrative.write_text(narrative.read_text(encoding="utf-8").replace(
        "Bij Jeugd ervaart 83%", "Bij Jeugd ervaart zeldzaam veel, 83%"), encoding="utf-8")
    index = json.loads(_fresh_build(example_project))
    texts = [d["text"] for d in index["docs"] if d["location"].startswith("2023-q3/kpi/eigen-regie/")]
    assert any("zeldzaam veel" in t for t in texts)
    shutil.rmtree(example_project / ".rapportage" / "cache" / "search")
    assert json.loads(_fresh_build(example_project)) == index  # the same as without any cache
