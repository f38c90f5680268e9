"""`serve`: while the project has an error, the preview in the browser says so (issue 14 point 7).

Without this the browser kept showing the last good pages and an editor who did not look
at the terminal thought the change had been taken in. On an error every HTML page of the
*preview* folder (a temporary folder, never `site/`) gets a banner with the Dutch problems
at the top; the next successful update first puts every page back byte for byte, with its
old modification time, so MkDocs' dirty build still sees which pages need rendering.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

MAX_SHOWN = 50  # problems in the banner; the terminal has them all
_MARK = "<!-- rapportage-fout -->"
_STYLE = ("position:sticky;top:0;z-index:1000;margin:0;padding:1rem 1.5rem;background:#fff;color:#1a1a1a;"
          "border:4px solid #b00020;font:1rem/1.5 system-ui,sans-serif;white-space:normal")


def banner_html(lines: list[str]) -> str:
    """The banner: a heading that says it in words (not by colour alone) and the problems."""
    shown = lines[:MAX_SHOWN]
    items = "".join(f"<li><pre style=\"white-space:pre-wrap;margin:0\">{html.escape(line)}</pre></li>" for line in shown)
    more = f"<p>En nog {len(lines) - MAX_SHOWN} meer; zie de terminal.</p>" if len(lines) > MAX_SHOWN else ""
    return (
        f"{_MARK}<div role=\"alert\" style=\"{_STYLE}\"><p style=\"margin:0 0 .5rem\"><strong>Fout: dit voorbeeld is "
        "niet bijgewerkt.</strong> Herstel de fouten hieronder; de pagina laadt daarna vanzelf opnieuw. "
        f"Wat u nu ziet is de vorige versie.</p><ul>{items}</ul>{more}</div>{_MARK}"
    )


def _error_page(banner: str) -> str:
    return ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Fout in het voorbeeld</title></head>"
            f"<body>{banner}</body></html>")


class ErrorBanner:
    """Shows the problems on every page of a preview folder, and takes them off again."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._originals: dict[Path, tuple[bytes, int, int]] = {}  # page -> bytes, atime_ns, mtime_ns
        self._created: list[Path] = []

    @property
    def shown(self) -> bool:
        return bool(self._originals or self._created)

    def show(self, lines: list[str]) -> None:
        banner = banner_html(lines)
        pages = sorted(self.site_dir.rglob("*.html")) if self.site_dir.is_dir() else []
        pages = [p for p in pages if p not in self._created and p.is_file() and not p.is_symlink()]
        if not pages:  # no good build yet: an error page is the whole preview
            index = self.site_dir / "index.html"
            self.site_dir.mkdir(parents=True, exist_ok=True)
            index.write_text(_error_page(banner), encoding="utf-8")
            if index not in self._created:
                self._created.append(index)
            return
        for page in pages:
            if page not in self._originals:
                st = page.stat()
                self._originals[page] = (page.read_bytes(), st.st_atime_ns, st.st_mtime_ns)
            original = self._originals[page][0].decode("utf-8", "replace")
            page.write_text(_with_banner(original, banner), encoding="utf-8")

    def clear(self) -> None:
        for page, (data, atime, mtime) in self._originals.items():
            if page.is_file() and not page.is_symlink():
                page.write_bytes(data)
                os.utime(page, ns=(atime, mtime))
        for page in self._created:
            if page.is_file() and not page.is_symlink():
                page.unlink()
        self._originals.clear()
        self._created.clear()


def _with_banner(page: str, banner: str) -> str:
    """The page with the banner right after <body ...> (or at the start, for a page without one)."""
    start = page.find("<body")
    end = page.find(">", start) if start >= 0 else -1
    if end < 0:
        return banner + page
    return page[: end + 1] + banner + page[end + 1 :]
