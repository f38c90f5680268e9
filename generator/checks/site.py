"""Check a built site as the intranet will serve it: `rapportage check-site`.

Without a browser it reads every HTML and CSS file: no file loaded from another host,
every internal link points at a file that exists, every page says it is Dutch. With
`--browser` it also opens every page in headless Chromium (through Playwright) and
reports requests to other hosts, script errors and pages that do not load.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.core.browser import CHROMIUM_ARGS, find_chromium
from generator.core.problems import Problems

# Attributes whose URL the browser loads by itself (an <a href> only on a click).
_LOADED = {("img", "src"), ("script", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
           ("audio", "src"), ("embed", "src"), ("object", "data"), ("link", "href"), ("img", "srcset"),
           ("source", "srcset"), ("video", "poster"), ("input", "src")}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
_EXTERNAL = ("http:", "https:", "//")
_SKIP = ("mailto:", "tel:", "data:", "javascript:", "#")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str, int]] = []  # (tag, attribute, url, line)
        self.lang: str | None = None
        self.lang_line = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if tag == "html" and name == "lang":
                self.lang, self.lang_line = value, line
            if name in ("href", "src", "srcset", "poster", "data"):
                for url in ([u.strip().split(" ")[0] for u in value.split(",")] if name == "srcset" else [value]):
                    self.urls.append((tag, name, url.strip(), line))


def _target(site: Path, page: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    base = "" if path.startswith("/") else page.parent.relative_to(site).as_posix()
    joined = posixpath.normpath(posixpath.join("/", base, path)).lstrip("/")
    target = site / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_files(site: Path, problems: Problems, root: Path) -> int:
    """Static checks of every HTML and CSS file; returns the number of pages."""
    pages = sorted(site.rglob("*.html"))
    rel = lambda p: os.path.relpath(p, root).replace(os.sep, "/")  # noqa: E731
    for page in pages:
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        if (parser.lang or "").split("-")[0] != "nl":
            problems.add(rel(page), parser.lang_line, f"pagina heeft taal `{parser.lang or 'geen'}` in plaats van `nl`")
        for tag, attribute, url, line in parser.urls:
            if url.startswith(_EXTERNAL):
                if (tag, attribute) in _LOADED:
                    problems.add(rel(page), line, f"<{tag} {attribute}> laadt `{url}` van een andere server",
                                 "het intranet heeft geen internet: neem het bestand op in de site")
                continue
            if not url or url.startswith(_SKIP) or ":" in url.split("/")[0]:
                continue
            target = _target(site, page, url)
            if target is not None and not target.is_file():
                problems.add(rel(page), line, f"verwijzing naar `{url}`, maar die bestaat niet in de site")
    for css in sorted(site.rglob("*.css")):
        for number, text in enumerate(css.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            for url in _CSS_URL.findall(text):
                if url.startswith(_EXTERNAL):
                    problems.add(rel(css), number, f"stylesheet laadt `{url}` van een andere server",
                                 "het intranet heeft geen internet: neem het bestand op in de site")
    return len(pages)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the browser hangs up on a page it leaves: not a problem of the site


def check_in_browser(site: Path, problems: Problems, root: Path) -> int:
    """Open every page in headless Chromium; returns the number of pages opened."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        problems.add(os.path.relpath(site, root), None, "de browsercontrole heeft Playwright nodig",
                     "installeer het met: pip install \"rapportage[browser]\"")
        return 0
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted(site.rglob("*.html"))
    try:
        with sync_playwright() as pw:
            executable = find_chromium()
            browser = pw.chromium.launch(executable_path=str(executable) if executable else None, args=CHROMIUM_ARGS)
            context = browser.new_context()
            outside: list[str] = []

            def route(r) -> None:
                if r.request.url.startswith(origin):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            errors: list[str] = []
            dialogs: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            # alert()/confirm()/prompt(): a report never opens one; text that became script does.
            page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
            for path in pages:
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                url = f"{origin}/{path.relative_to(site).as_posix()}"
                outside.clear()
                errors.clear()
                dialogs.clear()
                try:
                    # networkidle: requests a script starts after `load` are seen too.
                    response = page.goto(url, wait_until="networkidle", timeout=30_000)
                    if response is None or not response.ok:
                        problems.add(rel, None, f"pagina laadt niet (HTTP {response.status if response else '?'})")
                except PlaywrightError as exc:
                    problems.add(rel, None, f"pagina laadt niet in de browser ({str(exc).splitlines()[0]})")
                for request in sorted(set(outside)):
                    problems.add(rel, None, f"de pagina vraagt `{request}` op bij een andere server",
                                 "het intranet heeft geen internet: de site mag niets van buiten laden")
                for message in errors:
                    problems.add(rel, None, f"scriptfout in de browser: {message}")
                for dialog in dialogs:
                    problems.add(rel, None, f"een script op de pagina opent een venster ({dialog})",
                                 "tekst uit de inhoud is als script uitgevoerd; zie docs/dev/security.md")
            browser.close()
    except PlaywrightError as exc:
        problems.add(os.path.relpath(site, root), None, f"de browser start niet ({str(exc).splitlines()[0]})",
                     "installeer Chromium (Debian: apt-get install chromium) of zet RAPPORTAGE_CHROMIUM")
        return 0
    finally:
        server.shutdown()
    return len(pages)
