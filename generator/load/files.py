"""Reading an editor's file safely: inside the project, a regular file, bounded in size.

Every loader reads through `read_project_file`, so no path an editor gives (a data file
in site.yml, a logo, a symlink in content/) can make the generator read outside the
project, block on a FIFO, loop on a symlink, or pull a huge file into memory.

The project root is derived from `rel` (the project-relative path every caller already
passes for messages): `path` ends with `rel`, so stripping it gives the root. That keeps
the loaders' signatures as they are.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Callable

from generator.core.problems import Problems


def project_root_of(path: Path, rel: str) -> Path | None:
    """The project folder that `rel` is relative to, or None when `rel` is not a suffix of `path`."""
    rel_parts = PurePosixPath(rel).parts
    if not rel_parts or PurePosixPath(rel).is_absolute() or ".." in rel_parts:
        return None
    parts = Path(os.path.abspath(path)).parts
    if len(parts) <= len(rel_parts) or tuple(parts[-len(rel_parts):]) != rel_parts:
        return None
    return Path(*parts[: -len(rel_parts)])


def editor_path_problem(name: str, folder: str) -> tuple[str, str] | None:
    """Why a path an editor wrote (relative to `folder`, e.g. `data/`) is refused, or None.

    Only plain relative paths inside the folder: no absolute paths, no `..`, no drive
    letters. Symlinks that leave the project are refused when the file is read.
    """
    pure = PurePosixPath(name.replace("\\", "/"))
    if not name.strip():
        return "een leeg pad", f"geef een bestandsnaam in de map {folder}"
    if pure.is_absolute() or PureWindowsPath(name).drive or name.startswith("~"):
        return f"`{name}` is een absoluut pad; dat is niet toegestaan", f"geef een pad binnen de map {folder}, bijvoorbeeld `bestand.csv`"
    if ".." in pure.parts:
        return f"`{name}` verwijst met `..` naar buiten de map {folder}; dat is niet toegestaan", f"zet het bestand in de map {folder}"
    return None


def file_problem(path: Path, rel: str, root: Path | None = None) -> tuple[str, str | None] | None:
    """Why `path` cannot be read as an editor's file, as (Dutch message, hint); None when it can."""
    root = root if root is not None else project_root_of(path, rel)
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            return "koppeling (symlink) naar een bestand dat niet bestaat", "vervang de koppeling door het bestand zelf"
        return "bestand ontbreekt", None
    except (RuntimeError, OSError):  # a symlink loop, or a path we may not enter
        return "bestand kan niet geopend worden (een koppeling die naar zichzelf verwijst?)", "vervang de koppeling door het bestand zelf"
    if root is not None and not resolved.is_relative_to(root.resolve()):
        return (
            "bestand is een koppeling (symlink) naar een plek buiten de projectmap; dat is niet toegestaan",
            "zet het bestand zelf in de projectmap",
        )
    try:
        mode = resolved.stat().st_mode
    except OSError:
        return "bestand kan niet geopend worden", None
    if stat.S_ISDIR(mode):
        return "dit is een map, geen bestand", "verwacht hier een bestand; verwijder of hernoem de map"
    if not stat.S_ISREG(mode):
        return "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp)", None
    return None


def read_project_file(path: Path, rel: str, problems: Problems, max_bytes: int, *, root: Path | None = None) -> bytes | None:
    """The file's bytes, or None after adding a Dutch problem (missing, outside, folder, too big)."""
    found = file_problem(path, rel, root)
    if found:
        problems.add(rel, None, *found)
        return None
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except PermissionError:
        problems.add(rel, None, "bestand mag niet gelezen worden (geen leesrechten)")
        return None
    except OSError:
        problems.add(rel, None, "bestand kan niet gelezen worden")
        return None
    if len(raw) > max_bytes:
        problems.add(
            rel, None,
            f"bestand is te groot (meer dan {_size(max_bytes)})",
            "splits de inhoud over meerdere bestanden",
        )
        return None
    return raw


def read_text_file(
    path: Path, rel: str, problems: Problems, max_bytes: int, *,
    binary_hint: str, decode: Callable[[bytes], str | None], control_message: str, control_hint: str,
) -> str | None:
    """The safe-read prelude of every text loader: bounded bytes, not binary, decoded,
    no invisible control characters. `decode` adds its own problem and returns None
    when the bytes are not text it accepts."""
    raw = read_project_file(path, rel, problems, max_bytes)
    if raw is None:
        return None
    binary = looks_binary(raw)
    if binary:
        problems.add(rel, None, binary, binary_hint)
        return None
    text = decode(raw)
    if text is None:
        return None
    control = first_control_character(text)
    if control:
        line, code = control
        problems.add(rel, line, control_message.format(code=code), control_hint)
        return None
    return text


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} kB"


def looks_binary(raw: bytes) -> str | None:
    """A Dutch description when `raw` is clearly not a text file, else None."""
    if raw.startswith(b"PK\x03\x04"):
        return "dit is een zip- of Excel-bestand (.xlsx), geen tekstbestand"
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        return "dit is een oud Office-bestand (.xls/.doc), geen tekstbestand"
    if raw.startswith(b"%PDF"):
        return "dit is een PDF-bestand, geen tekstbestand"
    if raw.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "dit is een afbeelding, geen tekstbestand"
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "dit is een binair bestand, geen tekstbestand"
    return None


def line_of_offset(text: str | bytes, offset: int) -> int:
    newline = "\n" if isinstance(text, str) else b"\n"
    return text[:offset].count(newline) + 1  # type: ignore[arg-type]


# Characters that never belong in an editor's text: control characters (tab, LF and CR
# are fine) and the non-characters YAML refuses.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def first_control_character(text: str) -> tuple[int, str] | None:
    """(line, 'U+001B') of the first invisible control character, or None."""
    match = _CONTROL.search(text)
    if match is None:
        return None
    return line_of_offset(text, match.start()), f"U+{ord(match.group()):04X}"
