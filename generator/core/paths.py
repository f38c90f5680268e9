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


def unsafe_write_target(root: Path, path: Path) -> str | None:
    """Why the product may not write `path` (Dutch, names the offending part), or None.

    Writing is allowed only to a path inside `root` reached without a symlink on the way
    (the file itself included) and that is not something other than a regular file: a
    committed or planted link would make the write land outside the project.
    """
    root = Path(os.path.abspath(root))
    path = Path(os.path.abspath(path))
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return f"`{path}` ligt buiten het project; rapportage schrijft alleen binnen {root}"
    current = root
    for part in parts:
        current = current / part
        rel = current.relative_to(root).as_posix()
        if current.is_symlink():
            return f"`{rel}` is een koppeling (symlink); rapportage schrijft niet via een koppeling. Vervang het door een gewoon bestand of een gewone map"
        if current != path and current.exists() and not current.is_dir():
            return f"`{rel}` is geen map; verwijder of hernoem het"
    if path != root and path.exists() and not path.is_file() and not path.is_dir():
        return f"`{path.relative_to(root).as_posix()}` is geen gewoon bestand; rapportage overschrijft het niet"
    return None


def scratch_problem(root: Path, folder: Path) -> tuple[str, str] | None:
    """Why the scratch folder `folder` (e.g. `.rapportage/`) may not be used: (the offending
    path relative to `root`, Dutch reason), or None.

    The tool deletes and rewrites what is in its scratch folders, so neither the folder nor
    anything in it may be a symlink (to `content/`, say): that would delete the editors' files.
    """
    root = Path(os.path.abspath(root))
    folder = Path(os.path.abspath(folder))
    rel = folder.relative_to(root).as_posix()
    if not (folder.exists() or folder.is_symlink()):
        return None
    problem = unsafe_write_target(root, folder)
    if problem is None and not folder.is_dir():
        problem = f"`{rel}` moet een map zijn"
    if problem:
        return rel, problem + "; verwijder het, rapportage maakt het opnieuw"
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            entry = Path(dirpath) / name
            if entry.is_symlink():
                where = entry.relative_to(root).as_posix()
                return where, (f"`{where}` is een koppeling (symlink) in de werkmap van rapportage; rapportage "
                               f"verwijdert en herschrijft wat daar staat. Verwijder de koppeling (of heel `{rel}`), "
                               f"rapportage maakt de map opnieuw")
    return None
