"""Rendered pages of frozen editions, kept between builds.

A frozen edition's pages are a pure function of its snapshot, the templates and the
generator's code, so they are rendered once and reused until one of those changes.
The cache lives in `.rapportage/render-cache/` (ignored by git) and is only a speed-up:
deleting it changes nothing but the build time.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from generator.core.paths import PACKAGE_DIR, ProjectPaths, default_templates_dir
from generator.render.model import RenderedEdition

CACHE_FORMAT = "2"  # 2: pages addressed by URL, with their nav place


def pages_fingerprint(paths: ProjectPaths) -> str:
    """Hash of everything besides the view that shapes a page: code and templates."""
    h = hashlib.sha256(CACHE_FORMAT.encode())
    roots = [PACKAGE_DIR, default_templates_dir()]
    if paths.templates.is_dir():
        roots.append(paths.templates)
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                h.update(path.relative_to(root).as_posix().encode())
                h.update(b"\0")
                h.update(path.read_bytes())
    return h.hexdigest()


class RenderCache:
    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.used: set[Path] = set()

    def _path(self, slug: str, digest: str, extra: str) -> Path:
        key = hashlib.sha256(f"{self.fingerprint}\0{slug}\0{digest}\0{extra}".encode()).hexdigest()[:32]
        return self.folder / f"{slug}-{key}.json"

    def get(self, slug: str, digest: str, extra: str = "") -> RenderedEdition | None:
        path = self._path(slug, digest, extra)
        self.used.add(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return RenderedEdition.from_json(data, {k: base64.b64decode(v) for k, v in data.get("files", {}).items()})
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, slug: str, digest: str, pages: RenderedEdition, extra: str = "") -> None:
        path = self._path(slug, digest, extra)
        self.used.add(path)
        data = pages.to_json()
        data["files"] = {k: base64.b64encode(v).decode() for k, v in pages.files.items()}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Drop entries this build did not use (old snapshots, old code)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path not in self.used:
                path.unlink(missing_ok=True)
