"""Keep the report's HTML blocks away from Python-Markdown's HTML parser.

A rendered page is Markdown (headings) around large blocks of HTML from the
templates. Python-Markdown finds raw HTML blocks with the pure-Python
`html.parser` (md_in_html) and MkDocs parses them once more to collect anchor
ids: on a 1,000-page report that was more than half of the whole build. A raw
HTML block passes through Markdown unchanged, so we lift each one out before
MkDocs reads the page, leave a one-line placeholder, and put the block back into
the page's HTML right after Markdown ran (`on_page_content`).

Only blocks whose tags provably balance, that start a line at a block boundary
and that hold nothing Markdown would treat specially (script/style, the
`markdown` attribute) are lifted; anything unusual stays with Markdown, so the
output is the same either way.
"""

from __future__ import annotations

import re

from markdown import Markdown

BLOCK_LEVEL = frozenset(Markdown().block_level_elements)
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# Raw-text elements and md_in_html's attribute: blocks holding them stay with Markdown.
_UNSAFE = re.compile(r"<(?:script|style|textarea)\b|\smarkdown\s*=")

_START = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[\s/>]")
# One match per comment, per whole <svg> or <tr> (their insides never end a block:
# a nested one leaves a stray end tag, which makes the block stay with Markdown),
# or per other start or end tag.
_TAG = re.compile(
    r"<!--.*?-->|<(svg|tr)\b[^>]*>.*?</\1\s*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?>", re.S
)
_HEADING = re.compile(r"#{1,6}(\s|$)")
PLACEHOLDER = re.compile(r"<!--rp-blok-(\d+)-->")


def _unsafe(block: str) -> bool:
    # str.lower and `in` first: a case-insensitive regex over every block was slower
    # than the whole balance check.
    low = block.lower()
    return ("<script" in low or "<style" in low or "<textarea" in low or "markdown" in low) and bool(_UNSAFE.search(low))


def _block_end(text: str, start: int) -> int | None:
    """End (exclusive, at the line end) of the balanced HTML block at `start`, or None."""
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    for m in _TAG.finditer(text, start):
        if m.lastindex != 3:  # a comment or a whole <svg>/<tr>
            if not stack:
                return None
            continue
        name = m[3]
        if m[2]:  # an end tag
            if not stack or stack[-1] != name:
                return None
            pop()
            if stack:
                continue
        elif stack:
            if name not in VOID and m[0][-2] != "/":
                push(name)
            continue
        elif m.start() != start:
            return None
        elif name not in VOID and m[0][-2] != "/":
            push(name)
            continue
        end = m.end()  # the block's first tag closed it
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        if text[end:line_end].strip() or _unsafe(text[start:line_end]):
            return None
        return line_end
    return None


def lift(markdown_text: str) -> tuple[str, list[str]]:
    """Markdown with its HTML blocks replaced by placeholders, and the blocks."""
    out: list[str] = []
    blocks: list[str] = []
    pos, n = 0, len(markdown_text)
    boundary = True  # previous line blank, a heading, or a lifted block
    while pos < n:
        line_end = markdown_text.find("\n", pos)
        line_end = n if line_end == -1 else line_end
        m = _START.match(markdown_text, pos)
        if boundary and m and m.group(1).lower() in BLOCK_LEVEL:
            end = _block_end(markdown_text, pos)
            if end is not None:
                out.append(f"<!--rp-blok-{len(blocks)}-->")
                out.append("")  # Markdown ends a raw block with a blank line too
                blocks.append(markdown_text[pos:end])
                pos = end + 1
                continue
        line = markdown_text[pos:line_end]
        out.append(line)
        boundary = not line.strip() or bool(_HEADING.match(line))
        pos = line_end + 1
    return "\n".join(out) + "\n", blocks


def restore(html: str, blocks: list[str]) -> str:
    if not blocks:
        return html
    return PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
