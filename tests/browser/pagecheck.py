"""Shared by the browser tests: paths, viewports and the request log."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# JavaScript for chart tests: `visible(el)` (laid out and not hidden) and `shown(el, svg)`:
# Vega hides a label that would overlap its neighbour (labelOverlap) with opacity 0.
CHART_VISIBILITY_JS = """
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const shown = (el, svg) => {
    for (let e = el; e && e !== svg; e = e.parentElement)
      if (parseFloat(getComputedStyle(e).opacity) === 0) return false;
    return true;
  };
"""


def chart_pages_of(built_site: Path, site_pages: list[str]) -> list[str]:
    """The pages of the built site that show a chart."""
    return [rel for rel in site_pages
            if "rp-chart__svg" in (built_site / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)).read_text(encoding="utf-8")]


class RequestLog:
    """Every request a page makes; requests to another host are aborted and remembered."""

    def __init__(self, base_url: str):
        self.local = urlsplit(base_url).netloc
        self.foreign: list[str] = []
        self.failed: list[str] = []

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob") or (parts.scheme in ("http", "https") and parts.netloc == self.local)

    def observe(self, request) -> None:
        # Also sees requests that routing may not (web workers): belt and braces.
        if not self.is_local(request.url) and request.url not in self.foreign:
            self.foreign.append(request.url)

    def response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def request_failed(self, request) -> None:
        # A request cut short by the next navigation (ERR_ABORTED) is not a broken file.
        if request.failure != "net::ERR_ABORTED" and self.is_local(request.url):
            self.failed.append(f"{request.failure} {request.url}")

    def route(self, route) -> None:
        url = route.request.url
        if self.is_local(url):
            route.continue_()
        else:
            if url not in self.foreign:
                self.foreign.append(url)
            route.abort()
