"""Put a freshly built site in place without ever leaving a half-written `site/`.

The new site is built in a sibling folder, then exchanged with the old one in a
single atomic rename (Linux renameat2 RENAME_EXCHANGE); elsewhere two renames.
A failed or killed build leaves the previous site untouched.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import shutil
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def new_build_dir(target: Path) -> Path:
    """A scratch folder next to `target` (same filesystem, so the swap is a rename).

    Its name carries our process id, so leftovers of a killed build can be recognised
    and removed by the next one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-{os.getpid()}-", dir=target.parent))
    # mkdtemp makes the folder private (0700); a web server reading the copied site/
    # needs what any other build folder gets: the user's umask applied to 0777.
    umask = os.umask(0)
    os.umask(umask)
    new.chmod(0o777 & ~umask)
    return new


def remove_leftovers(target: Path) -> None:
    """Delete scratch folders of builds that were killed (their process is gone)."""
    for prefix in (f".{target.name}-new-", f".{target.name}-old-"):
        for leftover in target.parent.glob(glob.escape(prefix) + "*"):
            pid = leftover.name[len(prefix):].split("-")[0]
            if pid.isdigit() and not _alive(int(pid)) and leftover.is_dir() and not leftover.is_symlink():
                remove_tree(leftover)


def remove_tree(folder: Path) -> None:
    """Delete a scratch folder the build made, also when the site in it was made read-only
    (`chmod -R a-w site/`): a folder we may not write is made writable for its owner first.
    Never follows a symlink."""
    def make_writable_and_retry(function, path, _exc_info) -> None:
        parent = os.path.dirname(path)
        try:
            for folder in {parent, path}:
                if os.path.isdir(folder) and not os.path.islink(folder):
                    os.chmod(folder, os.stat(folder).st_mode | 0o700)
            function(path)
        except OSError:
            pass  # what cannot be removed stays; the next build tries again

    shutil.rmtree(folder, onerror=make_writable_and_retry)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def target_problem(target: Path, protected: list[Path]) -> str | None:
    """Why building into `target` could destroy someone's work (Dutch), or None.

    The swap replaces `target` as a whole, so it must not be (or contain, or sit inside)
    the project's own folders, and an existing folder must look like an earlier site.
    """
    if target.is_symlink():
        return (f"de bouwmap `{target}` is een koppeling (symlink); rapportage vervangt de map als geheel "
                f"en laat een koppeling niet staan. Geef de echte map op met --site-dir")
    if target.exists() and not target.is_dir():
        return (f"de bouwmap `{target}` is een bestand, geen map; rapportage verwijdert geen bestand dat het niet "
                f"zelf heeft gemaakt. Hernoem of verplaats het, of kies een andere map met --site-dir")
    resolved = target.resolve()
    for folder in protected:
        folder = folder.resolve()
        if resolved == folder or folder.is_relative_to(resolved) or resolved.is_relative_to(folder):
            return f"de bouwmap `{target}` valt samen met projectbestanden ({folder.name}/); kies een eigen map zoals site/"
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / "index.html").is_file():
        return f"de bouwmap `{target}` bestaat al en is geen eerder gebouwde site; rapportage vervangt alleen een eigen site"
    return None


def swap_into_place(new: Path, target: Path) -> None:
    """`target` is a folder (an earlier site) or absent: `target_problem` refused the rest."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise FileExistsError(f"{target} is not a folder")
    if target.exists():
        if _exchange(new, target):
            remove_tree(new)  # `new` now holds the old site
            return
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        os.rename(target, old)
        os.rename(new, target)
        remove_tree(old)
    else:
        os.rename(new, target)


def discard(new: Path) -> None:
    remove_tree(new)
