"""Remember what the last successful build put in `site/`, to skip building it again.

The manifest (under .rapportage/) holds the fingerprint of the build's inputs and a
digest of the site folder's files (path, size, modification time) right after the
build. When both still match, the site on disk is exactly what a new build would
make, and the site engine need not run. It also holds the layout hash and a hash per
page, so a build after a small edit can take the unchanged pages from the old site
(`unchanged_pages`; see generator/site/mkdocs/incremental.py), and the digest of the
build's input files with a summary of its result, so a build whose inputs did not
change need not even load them (`replay`; see generator/site/unchanged.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

MANIFEST = "build-manifest.json"


def tree_state(root: Path) -> str:
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            st = os.stat(path)
            h.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _load(work: Path) -> dict:
    try:
        return json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def last_build(work: Path, site: Path) -> dict:
    """What the last successful build recorded, if `site` is still exactly what it left
    (same folder, same files, sizes and times); otherwise {}. Read once per build: the
    site's digest walks every file."""
    last = _load(work)
    if isinstance(last, dict) and last.get("site") == str(site.resolve()) and site.is_dir() and last.get("state") == tree_state(site):
        return last
    return {}


def unchanged(last: dict, fingerprint: str) -> bool:
    """True when the site of `last` (from `last_build`) holds exactly the build of these inputs."""
    return bool(last) and last.get("fingerprint") == fingerprint


def unchanged_pages(last: dict, layout: str, pages: dict[str, str]) -> frozenset[str] | None:
    """The pages whose input is the same as in the build `last` describes, when that build
    had the same layout and the same set of pages; otherwise None (build every page)."""
    old = last.get("pages")
    if not (isinstance(old, dict) and last.get("layout") == layout and old.keys() == pages.keys()):
        return None
    return frozenset(rel for rel, digest in pages.items() if old[rel] == digest)


def replay(last: dict, inputs: str) -> dict | None:
    """The summary of the build `last` (from `last_build`) when it was made from exactly
    the input files that hash to `inputs`; otherwise None."""
    summary = last.get("summary")
    if last.get("inputs") == inputs and isinstance(summary, dict):
        return summary
    return None


def record(
    work: Path, fingerprint: str, site: Path, layout: str | None = None, pages: dict[str, str] | None = None,
    inputs: str | None = None, summary: dict | None = None,
) -> None:
    """Remember this build. With `layout` and `pages` a later build can reuse unchanged
    pages; with `inputs` (taken before loading) and `summary` it can be replayed."""
    work.mkdir(parents=True, exist_ok=True)
    data: dict = {"fingerprint": fingerprint, "site": str(site.resolve()), "state": tree_state(site)}
    if layout is not None and pages is not None:
        data.update(layout=layout, pages=pages)
    if inputs is not None and summary is not None:
        data.update(inputs=inputs, summary=summary)
    tmp = work / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, work / MANIFEST)


def forget(work: Path) -> None:
    (work / MANIFEST).unlink(missing_ok=True)
