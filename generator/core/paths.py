"""Where a project's files live. `--project DIR` points here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # generator/


def ordinary_mode(path: Path, folder: bool = False) -> None:
    """Give a file (or folder) made by tempfile.mkstemp/mkdtemp (0600/0700) the permissions
    of any other file the user makes: 0666 (0777 for a folder) with the umask applied, so
    another user's build or a web server can read it."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod((0o777 if folder else 0o666) & ~umask)


def default_templates_dir() -> Path:
    # Installed wheel: templates are packaged inside generator/; a source checkout
    # (editable install) keeps them at the repository's top-level templates/.
    packaged = PACKAGE_DIR / "templates"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "templates"


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @classmethod
    def at(cls, root: str | Path | None) -> "ProjectPaths":
        return cls(Path(root or ".").resolve())

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def editions(self) -> Path:
        return self.content / "edities"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def work(self) -> Path:
        """Scratch space for caches (ignored by git)."""
        return self.root / ".rapportage"

    def rel(self, path: Path) -> str:
        # Lexically first: a symlink inside the project is named where the editor sees it.
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except (ValueError, RuntimeError, OSError):
            return path.as_posix()
