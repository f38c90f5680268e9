"""Put a freshly built site in place without ever leaving a half-written `site/`.

The new site is built in a sibling folder, then exchanged with the old one in a
single atomic rename (Linux renameat2 RENAME_EXCHANGE); elsewhere two renames.
A failed or killed build leaves the previous site untouched.
"""

from __future__ import annotations

import ctypes
import ctypes.util
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
    """A scratch folder next to `target` (same filesystem, so the swap is a rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    # mkdtemp makes the folder private (0700); a web server reading the copied site/
    # needs what any other build folder gets: the user's umask applied to 0777.
    umask = os.umask(0)
    os.umask(umask)
    new.chmod(0o777 & ~umask)
    return new


def swap_into_place(new: Path, target: Path) -> None:
    if target.is_symlink() or target.is_file():
        target.unlink()
    if target.exists():
        if _exchange(new, target):
            shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old site
            return
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        os.rename(target, old)
        os.rename(new, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(new, target)


def discard(new: Path) -> None:
    shutil.rmtree(new, ignore_errors=True)
