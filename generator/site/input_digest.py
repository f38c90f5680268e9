"""One hash of every file a build reads, taken before anything is loaded.

When it equals the hash the last successful build recorded, and `site/` is still what
that build left, the build has nothing to do: loading, computing and rendering every
edition only to find the same pages would cost seconds at municipal scale
(generator/site/unchanged.py). So the hash must cover everything the output depends
on: the project's own files (content/, data/, templates/, mkdocs.yml and whatever
the site engine reads besides, such as a theme folder), the generator's code and
templates, the installed packages and the environment variable that dates the site.

Not every project can be hashed safely or cheaply: with a symbolic link among the
files, more than MAX_FILES files or more than MAX_BYTES bytes, `input_digest` returns
None and the build simply runs (and reports what is wrong, if anything is).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import Iterable

from generator import __version__
from generator.core.paths import PACKAGE_DIR, ProjectPaths, default_templates_dir

MAX_FILES = 50_000
MAX_BYTES = 1 << 30  # 1 GiB: far above any real project; the loader limits each file much lower
_SKIP_DIRS = {"__pycache__"}


class _TooMuch(Exception):
    """Not worth or not safe to hash: let the build run."""


class _Hasher:
    def __init__(self) -> None:
        self.h = hashlib.sha256()
        self.files = 0
        self.bytes = 0

    def add(self, *parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
            self.h.update(len(data).to_bytes(8, "little"))
            self.h.update(data)

    def tree(self, label: str, root: Path) -> None:
        """Every file under `root` (or `root` itself), by relative path and content."""
        self.add("tree", label)
        if root.is_symlink():
            raise _TooMuch
        if root.is_file():
            self._file(root, root.name)
            return
        if not root.is_dir():
            self.add("absent")
            return
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
            for name in dirnames:
                if os.path.islink(os.path.join(dirpath, name)):
                    raise _TooMuch  # os.walk does not follow it: what it points to would go unseen
            for name in sorted(filenames):
                path = Path(dirpath, name)
                self._file(path, path.relative_to(root).as_posix())

    def _file(self, path: Path, rel: str) -> None:
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode):  # a symlink, a device, a pipe
            raise _TooMuch
        self.files += 1
        self.bytes += st.st_size
        if self.files > MAX_FILES or self.bytes > MAX_BYTES:
            raise _TooMuch
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        self.add(rel, digest.digest())


def _installed_packages() -> list[str]:
    """The distributions on sys.path, by folder name (which carries the version):
    upgrading MkDocs, Material, Altair or vl-convert changes what a build makes."""
    names: list[str] = []
    for entry in sys.path:
        try:
            names += [n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
    return sorted(names)


def input_digest(paths: ProjectPaths, target: Path, engine_inputs: Iterable[Path] = ()) -> str | None:
    """The hash of everything a build of `paths` into `target` reads, or None when the
    project cannot be hashed safely (see the module's docstring)."""
    h = _Hasher()
    try:
        h.add(__version__, sys.version, str(target.resolve()), os.environ.get("SOURCE_DATE_EPOCH", "-"))
        h.add(*_installed_packages())
        h.tree("generator", PACKAGE_DIR)
        templates = default_templates_dir()
        if not templates.is_relative_to(PACKAGE_DIR):
            h.tree("default templates", templates)
        for label, root in (("content", paths.content), ("data", paths.data), ("templates", paths.templates),
                            ("mkdocs.yml", paths.mkdocs_config)):
            h.tree(label, root)
        for extra in engine_inputs:
            h.tree(f"engine {extra}", extra)
    except (_TooMuch, OSError):
        return None
    return h.h.hexdigest()
