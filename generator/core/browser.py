"""Headless Chromium, started offline through Playwright's driver (PDFs, `check-site --browser`).

We never let Playwright download a browser: the system's Chromium (Debian package
`chromium`) is used, or the one named in RAPPORTAGE_CHROMIUM.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# No background traffic (updates, safe browsing, metrics): the intranet has no internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--metrics-recording-only",
]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class BrowserMissing(RuntimeError):
    """No Chromium on this machine; the message is Dutch and says how to install it."""


def find_chromium() -> Path | None:
    named = os.environ.get("RAPPORTAGE_CHROMIUM")
    if named:
        return Path(named) if Path(named).is_file() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


@contextmanager
def chromium() -> Iterator[object]:
    """A launched headless Chromium (a Playwright Browser); closed on exit."""
    executable = find_chromium()
    if executable is None:
        raise BrowserMissing(
            "Chromium is niet gevonden; dat is nodig om een PDF te maken. Installeer het pakket "
            "`chromium` (apt-get install chromium) of wijs met RAPPORTAGE_CHROMIUM naar het programma."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise BrowserMissing("Het pakket `playwright` ontbreekt; installeer rapportage opnieuw.") from exc
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
