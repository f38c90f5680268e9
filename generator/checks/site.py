"""Check a built site as the intranet will serve it: `rapportage check-site`.

Without a browser it reads every HTML, CSS, SVG and JavaScript file: no file loaded
from another host (attributes, meta refresh, style attributes and <style> blocks, inline
SVG, CSS `url()` and `@import`, after HTML entities and CSS escapes are resolved), no
script in a served SVG, every internal link points at a file that exists, every page
says it is Dutch. With `--browser` it also opens every page and every SVG in headless
Chromium (through Playwright) and reports requests to other hosts, redirects to other
hosts (also delayed ones), script errors and pages that do not load.
"""

from __future__ import annotations

import functools
import html
import importlib.util
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
from generator.load.svg_sanitise import css_unescape

# Attributes whose URL the browser loads by itself (an <a href> only on a click).
_LOADED = {("img", "src"), ("script", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
           ("audio", "src"), ("embed", "src"), ("object", "data"), ("link", "href"), ("img", "srcset"),
           ("source", "srcset"), ("video", "poster"), ("input", "src"),
           # inline SVG
           ("image", "href"), ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"),
           ("feimage", "href"), ("feimage", "xlink:href"), ("script", "xlink:href")}
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_IMAGE_SET = re.compile(r"""image-set\(([^)]*)\)""", re.I)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")
_REFRESH = re.compile(r"""^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)""", re.I)
_EXTERNAL = ("http:", "https:", "//")
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")
# In a served SVG (opened on its own it runs scripts and follows links).
_SVG_ACTIVE = [
    (re.compile(r"<\s*(?:[\w.-]+:)?(?:script|handler|listener)\b", re.I), "een script (<script>)"),
    (re.compile(r"<\s*(?:[\w.-]+:)?(?:foreignObject|iframe|embed|object)\b", re.I), "ingesloten HTML of een ingesloten object"),
    (re.compile(r"[\s\"'/](?:[\w.-]+:)?on[a-z]+\s*=", re.I), "een script in een attribuut (on...=)"),
    (re.compile(r"(?:java|vb)script\s*:", re.I), "een script-link (javascript:)"),
]
_SVG_REF = re.compile(r"""(?<![\w.-])(?:[\w.-]+:)?(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_JS_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""", re.I)
_NAMESPACES = ("http://www.w3.org/", "https://www.w3.org/")
_OFFLINE = "het intranet heeft geen internet: neem het bestand op in de site"


def _is_external(url: str) -> bool:
    """Does the browser fetch `url` from another host? Blanks and control characters are
    stripped and `\\` counts as `/`, as browsers do."""
    return _BLANKS.sub("", url).lower().replace("\\", "/").startswith(_EXTERNAL)


def _js_unescape(text: str) -> str:
    """JavaScript string escapes resolved: `\\x68`, `\\u0068`, `\\u{68}`, `\\/`."""
    return re.sub(
        r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\}|(/))",
        lambda m: m.group(4) or chr(min(int(m.group(1) or m.group(2) or m.group(3), 16), 0x10FFFF)), text,
    )


def _css_refs(text: str) -> list[tuple[str, int, str]]:
    """(url, line within `text`, how) for every url(), @import and image-set() string in
    CSS text, after HTML entities and CSS escapes are resolved."""
    text = re.sub(r"/\*.*?(?:\*/|$)", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\\" in line or "&" in line:
            line = css_unescape(html.unescape(line))
        for m in _CSS_URL.finditer(line):
            found.append((next(g for g in m.groups() if g is not None).strip(), number, "url()"))
        for m in _CSS_IMPORT.finditer(line):
            found.append((next(g for g in m.groups() if g is not None).strip(), number, "@import"))
        for m in _CSS_IMAGE_SET.finditer(line):
            for s in _CSS_STRING.finditer(m.group(1)):
                found.append((next(g for g in s.groups() if g is not None).strip(), number, "image-set()"))
    return found


def _theme_files() -> list[Path]:
    """Folders of the installed MkDocs themes: their scripts are the theme's own."""
    dirs = []
    for name in ("material", "mkdocs"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                dirs += [Path(location) / "templates", Path(location) / "themes", Path(location)]
    return [d for d in dirs if d.is_dir()]


def _is_theme_file(site: Path, path: Path, themes: list[Path]) -> bool:
    rel = path.relative_to(site)
    data = None
    for theme in themes:
        candidate = theme / rel
        if candidate.is_file():
            data = data if data is not None else path.read_bytes()
            if candidate.read_bytes() == data:
                return True
    return False
_SKIP = ("mailto:", "tel:", "data:", "javascript:", "#")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str, int]] = []  # (tag, attribute, url, line)
        self.lang: str | None = None
        self.lang_line = 1
        self.css: list[tuple[str, int, str]] = []  # (CSS text, first line, where: "style" or "<style>")
        self.refreshes: list[tuple[str, int]] = []  # (url, line) of <meta http-equiv=refresh>
        self._style: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag == "style":
            self._style = (line, [])
        if tag == "meta" and any(n == "http-equiv" and (v or "").strip().lower() == "refresh" for n, v in attrs):
            content = next((v for n, v in attrs if n == "content" and v), "")
            target = _REFRESH.match(content)
            if target and target.group(1).strip():
                self.refreshes.append((target.group(1).strip(), line))
        for name, value in attrs:
            if value is None:
                continue
            if tag == "html" and name == "lang":
                self.lang, self.lang_line = value, line
            if name == "style":
                self.css.append((value, line, "style"))
            if name in ("href", "src", "srcset", "poster", "data", "xlink:href"):
                for url in ([u.strip().split(" ")[0] for u in value.split(",")] if name == "srcset" else [value]):
                    self.urls.append((tag, name, url.strip(), line))

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            self._style[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style is not None:
            self.css.append(("".join(self._style[1]), self._style[0], "<style>"))
            self._style = None


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
            if _is_external(url):
                if (tag, attribute) in _LOADED:
                    problems.add(rel(page), line, f"<{tag} {attribute}> laadt `{url}` van een andere server", _OFFLINE)
                continue
            if not url or url.startswith(_SKIP) or ":" in url.split("/")[0]:
                continue
            target = _target(site, page, url)
            if target is not None and not target.is_file():
                problems.add(rel(page), line, f"verwijzing naar `{url}`, maar die bestaat niet in de site")
        for url, line in parser.refreshes:
            if _is_external(url):
                problems.add(rel(page), line, f"<meta http-equiv=refresh> stuurt door naar `{url}` op een andere server",
                             "de site mag de lezer niet ongevraagd naar buiten sturen: haal de doorverwijzing weg")
            elif not url.startswith(_SKIP) and ":" not in url.split("/")[0]:
                target = _target(site, page, url)
                if target is not None and not target.is_file():
                    problems.add(rel(page), line, f"verwijzing naar `{url}`, maar die bestaat niet in de site")
        for text, first, where in parser.css:
            for url, offset, how in _css_refs(text):
                if _is_external(url):
                    problems.add(rel(page), first + offset - 1, f"{where} laadt `{url}` van een andere server ({how})", _OFFLINE)
    for css in sorted(site.rglob("*.css")):
        for url, number, how in _css_refs(css.read_text(encoding="utf-8", errors="replace")):
            if _is_external(url):
                problems.add(rel(css), number, f"stylesheet laadt `{url}` van een andere server", _OFFLINE)
    for svg in sorted(site.rglob("*.svg")):
        _check_svg(svg, rel(svg), problems)
    themes = _theme_files()
    for script in sorted(site.rglob("*.js")):
        if _is_theme_file(site, script, themes):
            continue  # the theme's own scripts name other hosts in comments and options; --browser sees what they load
        for number, text in enumerate(script.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            for url in _JS_URL.findall(_js_unescape(text) if "\\" in text else text):
                if _is_external(url) and not url.startswith(_NAMESPACES):
                    problems.add(rel(script), number, f"script bevat het adres `{url}` van een andere server",
                                 "het intranet heeft geen internet: een script op de site mag niets van buiten laden")
    return len(pages)


def _check_svg(svg: Path, rel: str, problems: Problems) -> None:
    """A served SVG: opened on its own, its scripts run and its references load."""
    for number, text in enumerate(svg.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        decoded = html.unescape(text) if "&" in text else text
        squeezed = _BLANKS.sub("", decoded)  # `java&#9;script:` is a script link too
        for pattern, what in _SVG_ACTIVE:
            if pattern.search(decoded) or (pattern is _SVG_ACTIVE[-1][0] and pattern.search(squeezed)):
                problems.add(rel, number, f"SVG bevat {what}; dat hoort niet in een afbeelding op de site",
                             "bouw de site opnieuw; staat het in het logo, exporteer het dan opnieuw als eenvoudige SVG")
        for m in _SVG_REF.finditer(decoded):
            url = next(g for g in m.groups() if g is not None)
            if _is_external(url):
                problems.add(rel, number, f"SVG verwijst naar `{url.strip()}` op een andere server", _OFFLINE)
        for url, _, how in _css_refs(decoded):
            if _is_external(url):
                problems.add(rel, number, f"SVG laadt `{url}` van een andere server ({how})", _OFFLINE)


_REFRESHES_JS = """() => Array.from(document.getElementsByTagName('meta'))
    .filter(m => (m.getAttribute('http-equiv') || '').trim().toLowerCase() === 'refresh')
    .map(m => m.getAttribute('content') || '')"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the browser hangs up on a page it leaves: not a problem of the site


def check_in_browser(site: Path, problems: Problems, root: Path) -> int:
    """Open every page and every SVG in headless Chromium; returns the number of pages opened."""
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
    assets = sorted(site.rglob("*.svg"))  # opened on their own, SVGs run scripts and load references
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
            for path in pages + assets:
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
                try:
                    # A refresh after a delay happens long after `load`: read it from the DOM.
                    refreshes = page.evaluate(_REFRESHES_JS)
                except PlaywrightError:
                    refreshes = []  # the page is navigating (a refresh without delay: seen as a request)
                for content in refreshes:
                    target = _REFRESH.match(content or "")
                    if target and _is_external(target.group(1)):
                        problems.add(rel, None, f"de pagina stuurt door naar `{target.group(1).strip()}` op een andere server (<meta http-equiv=refresh>)",
                                     "de site mag de lezer niet ongevraagd naar buiten sturen: haal de doorverwijzing weg")
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
