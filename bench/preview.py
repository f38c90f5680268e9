"""What `rapportage serve` does on a save, without the web server: time it.

    python -m bench.preview PROJECT EDITED_FILE

Builds the preview once (as serve does on start), then appends a sentence to
EDITED_FILE and brings the preview up to date again. Prints JSON with both times.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from generator.site.build import check, render
from generator.core.paths import ProjectPaths
from generator.render.renderer import PageMemo
from generator.site.mkdocs.adapter import Preview


CACHE = PageMemo()  # as `serve` keeps one


def regenerate(paths: ProjectPaths):
    rendered, _ = render(paths, check(paths), cache=CACHE)
    return rendered


def main(root: str, edited: str) -> dict:
    paths = ProjectPaths.at(root)
    with tempfile.TemporaryDirectory(prefix="rapportage-preview-") as tmp:
        preview = Preview(paths, paths.work / "serve-docs", Path(tmp) / "site", site_url="http://127.0.0.1:8000/")
        started = time.perf_counter()
        first = preview.update(regenerate(paths))
        start_seconds = time.perf_counter() - started

        path = Path(edited)
        text = path.read_text(encoding="utf-8")
        head, sep, rest = text.partition("aandacht: |\n")
        path.write_text(f"{head.rstrip()}\n  Voorbeeldwijziging: dit cijfer is nagekeken.\n{sep}{rest}", encoding="utf-8")
        started = time.perf_counter()
        regenerated = regenerate(paths)
        middle = time.perf_counter()
        kind = preview.update(regenerated)
        edit_seconds = time.perf_counter() - started
        html = (Path(tmp) / "site").rglob("index.html")
        found = any("Voorbeeldwijziging" in p.read_text(encoding="utf-8") for p in html)
    return {
        "start_seconds": start_seconds, "start_kind": first,
        "edit_seconds": edit_seconds, "edit_generator_seconds": middle - started,
        "edit_kind": kind, "edit_visible": found,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
