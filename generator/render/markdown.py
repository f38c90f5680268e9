"""Editors' Markdown -> safe HTML.

Narrative is written by editors and read by the council: it may format text, but
it never reaches the reader's browser as script. Markdown is converted first, then
sanitised with an allow-list (nh3, the Rust `ammonia` sanitiser).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

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


@lru_cache(maxsize=4096)
def render_markdown(text: str | None, free_page: bool = False) -> str:
    """Markdown -> sanitised HTML. In narrative an editor's "# Kop" becomes h3 (it sits under
    the page's own headings); on a free page, whose only h1 is its title, "# Kop" and
    "## Kop" become h2 and deeper levels stay as written."""
    if not text or not text.strip():
        return ""
    html = _converter().reset().convert(text)
    if free_page:
        html = _HEADING.sub(lambda m: f"<{m.group(1)}h{max(2, int(m.group(2)))}{m.group(3)}>", html)
    else:
        html = _demote(html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS | ({"h2"} if free_page else set()),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def escape_markdown_text(text: str) -> str:
    """Editor text placed in a Markdown heading: no markup, no HTML."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", out)
