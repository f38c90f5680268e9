"""Print edition documents to PDF with headless Chromium, offline.

Two passes: the first print's document outline (PDF bookmarks, one per heading)
tells on which page every section starts; the second print fills those page
numbers into the table of contents.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable

from generator.core.browser import chromium

# The print document is self-contained; anything else it asks for is refused.
_ALLOWED_SCHEMES = ("data:", "about:")


def _offline(route) -> None:
    if route.request.url.startswith(_ALLOWED_SCHEMES):
        route.continue_()
    else:
        route.abort()


def outline_pages(pdf: bytes) -> dict[str, int]:
    """Heading text -> 1-based page number, first occurrence, from the PDF's outline."""
    from pypdf import PdfReader  # only when printing: it costs every other command 0.1 s to import

    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            number = reader.get_destination_page_number(item)
            title = " ".join(str(item.title).split())
            if number is not None and number >= 0 and title not in pages:
                pages[title] = number + 1

    walk(reader.outline)
    return pages


def print_html(page, html: str) -> bytes:
    page.set_content(html, wait_until="load")
    return page.pdf(
        prefer_css_page_size=True,
        print_background=True,
        outline=True,  # bookmarks per heading, for the reader and for our page numbers
        tagged=True,  # a tagged (structured) PDF for screen readers
    )


def print_document(
    page,
    render: Callable[[dict[str, int] | None], str],
    titles: dict[str, str],
) -> bytes:
    """Print `render(toc_pages)`; `titles` maps each TOC anchor to its heading text."""
    pdf = print_html(page, render(None))
    toc_pages = _toc_pages(pdf, titles)
    for _ in range(2):  # the second print settles it; a third only if the contents grew a page
        pdf = print_html(page, render(toc_pages))
        printed = _toc_pages(pdf, titles)
        if printed == toc_pages:
            break
        toc_pages = printed
    return pdf


def _toc_pages(pdf: bytes, titles: dict[str, str]) -> dict[str, int]:
    by_title = outline_pages(pdf)
    return {anchor: by_title[title] for anchor, title in titles.items() if title in by_title}


def write_pdfs(jobs: list[tuple[Callable[[dict[str, int] | None], str], dict[str, str], Path]]) -> list[Path]:
    """Print every (render, titles, output) job in one browser; write each file atomically."""
    written = []
    with chromium() as browser:
        context = browser.new_context(service_workers="block")
        context.route("**/*", _offline)
        page = context.new_page()
        for render, titles, output in jobs:
            pdf = print_document(page, render, titles)
            output.parent.mkdir(parents=True, exist_ok=True)
            tmp = output.with_name(f".{output.name}.tmp")
            tmp.write_bytes(pdf)
            os.replace(tmp, output)
            written.append(output)
        context.close()
    return written
