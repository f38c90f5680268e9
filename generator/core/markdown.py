"""Editors' Markdown -> safe HTML.

Narrative is written by editors and read by the council: it may format text, but
it never reaches the reader's browser as script. Markdown is converted first, then
sanitised with an allow-list (nh3, the Rust `ammonia` sanitiser).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "ul", "ol", "li", "blockquote", "code", "pre", "hr", "abbr",
    "h3", "h4", "h5", "h6", "a",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_HEADING = re.compile(r"<(/?)h([1-6])(\b[^>]*)>")


def _demote(html: str, shift: int = 2) -> str:
    # Narrative sits under the page's own h1/h2; an editor's "# Kop" becomes h3.
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}{m.group(3)}>", html)


_local = threading.local()


def _converter() -> md.Markdown:
    # Building a Markdown instance (loading its extensions) cost more than converting a
    # narrative; one per thread, reset before each use, gives the same output.
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = md.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    return converter


# --- Bounded work: a linear-time look before Python-Markdown ------------------------------
# Python-Markdown recurses once per nesting level (1,000 nested list markers raise
# RecursionError) and is quadratic in some constructs (thousands of `<a ` or `![`/`[`:
# every opener rescans the rest). These limits are far above any report's text (the
# longest toelichting of the five seed reports is under 4,000 characters).
MAX_FIELD_CHARS = 50_000  # one narrative field
MAX_PAGE_CHARS = 200_000  # one free page
MAX_NESTING = 20  # list markers, quote markers and 4-space indents before a line's text
MAX_OPENERS = 500  # `<` and `[` each: tags, links and images in one text

_LINE_PREFIX = re.compile(r"[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)]|>)(?=[ \t]|$)[ \t]*)*")
_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)]|>)(?=[ \t]|$)")


LIMIT_HINT = ("maak de tekst korter of de lijst minder diep (een lange tekst past op een vrije pagina); "
              "de grenzen staan in docs/dev/security.md")


def markdown_limit(text: str, free_page: bool = False) -> Finding | None:
    """The first limit `text` exceeds, as a Dutch error, or None. Linear in len(text)."""
    limit = MAX_PAGE_CHARS if free_page else MAX_FIELD_CHARS
    if len(text) > limit:
        return Finding(True, f"de tekst is {len(text):,} tekens lang; de grens is {limit:,}".replace(",", "."), (text[:60].split("\n")[0],), LIMIT_HINT)
    for line in text.splitlines():
        prefix = _LINE_PREFIX.match(line).group(0)
        indent = len(prefix) - len(prefix.lstrip(" \t"))
        depth = len(_MARKER.findall(prefix)) + indent // 4
        if depth > MAX_NESTING:
            return Finding(True, f"lijsten of citaten zijn {depth} niveaus diep genest; de grens is {MAX_NESTING}", (line.strip()[:40],), LIMIT_HINT)
    for opener, what in (("<", "`<` (HTML-tags)"), ("[", "`[` (links en afbeeldingen)")):
        count = text.count(opener)
        if count > MAX_OPENERS:
            first = next(line for line in text.splitlines() if opener in line)
            return Finding(True, f"de tekst bevat {count} keer {what}; de grens is {MAX_OPENERS}", (first.strip()[:40],), LIMIT_HINT)
    return None


def _to_html(text: str, free_page: bool = False) -> str:
    """Markdown -> HTML with headings placed for where the text sits (not yet sanitised)."""
    html = _converter().reset().convert(text)
    if free_page:
        return _HEADING.sub(lambda m: f"<{m.group(1)}h{max(2, int(m.group(2)))}{m.group(3)}>", html)
    return _demote(html)


def _allowed_tags(free_page: bool) -> set[str]:
    return ALLOWED_TAGS | ({"h2"} if free_page else set())


@lru_cache(maxsize=4096)
def render_markdown(text: str | None, free_page: bool = False) -> str:
    """Markdown -> sanitised HTML. In narrative an editor's "# Kop" becomes h3 (it sits under
    the page's own headings); on a free page, whose only h1 is its title, "# Kop" and
    "## Kop" become h2 and deeper levels stay as written."""
    if not text or not text.strip():
        return ""
    if markdown_limit(text, free_page) is not None:  # `check` refused it; never feed it to Markdown
        return "<p>" + text[:MAX_FIELD_CHARS].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"
    return nh3.clean(
        _to_html(text, free_page),
        tags=_allowed_tags(free_page),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def escape_markdown_text(text: str) -> str:
    """Editor text placed in a Markdown heading: no markup, no HTML."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", out)


# --- What the sanitiser would remove, so the editor hears about it -------------------------

# Elements that make a page do something: never harmless, always reported as an error.
ACTIVE_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "link", "meta", "base", "style", "svg", "math", "template",
    "portal", "noscript",
}
# URL schemes that run code or smuggle a document in; anything else not allowed is only dropped.
ACTIVE_SCHEMES = {"javascript", "vbscript", "data", "livescript", "mocha"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "srcset", "data", "codebase"}

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    """Something in an editor's Markdown that will not reach the site."""

    active: bool  # True: script-like (an error); False: harmless formatting we drop (a warning)
    message: str  # Dutch
    needles: tuple[str, ...]  # text to look for in the source to find its line, best first
    hint: str | None = None  # what to do, when the general HTML hint does not fit


class _Inspector(HTMLParser):
    def __init__(self, allowed_tags: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.findings.append(Finding(True, f"HTML-element `<{tag}>` is niet toegestaan en wordt verwijderd", (f"<{tag}",)))
        elif tag not in self.allowed_tags:
            what = "afbeeldingen worden niet getoond" if tag == "img" else "het wordt weggelaten"
            self.findings.append(Finding(False, f"HTML-element `<{tag}>` wordt niet ondersteund; {what}", (f"<{tag}",)))
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(Finding(True, f"HTML-attribuut `{name}` (een script) is niet toegestaan en wordt verwijderd", (name,)))
            elif name in URL_ATTRIBUTES and value:
                scheme = _scheme(value)
                if scheme in ACTIVE_SCHEMES:
                    self.findings.append(Finding(True, f"een `{scheme}:`-link is niet toegestaan en wordt verwijderd", (scheme, f"{name}=", "](")))
                elif scheme and scheme not in URL_SCHEMES and tag in self.allowed_tags:
                    self.findings.append(Finding(False, f"een `{scheme}:`-link wordt niet als link getoond; alleen http, https en mailto", (f"{scheme}:",)))

    handle_startendtag = handle_starttag


def _scheme(url: str) -> str | None:
    # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    match = _SCHEME.match(_INVISIBLE.sub("", url))
    return match.group(1).lower() if match else None


def inspect_markdown(text: str | None, free_page: bool = False) -> list[Finding]:
    """Everything `render_markdown(text, free_page)` would remove, as Dutch findings."""
    if not text or not text.strip():
        return []
    too_much = markdown_limit(text, free_page)
    if too_much is not None:
        return [too_much]
    inspector = _Inspector(_allowed_tags(free_page))
    inspector.feed(_to_html(text, free_page))
    inspector.close()
    seen: set[Finding] = set()
    return [f for f in inspector.findings if not (f in seen or seen.add(f))]
