"""The editors' guide (docs/handleiding/*.md) as pages of the site, under "Handleiding".

The guide is plain Markdown so it also reads well on GitHub or GitLab. Its index
page's links set the order in the navigation; pages it does not link come last.
Its pages link to each other by file name (`](tabellen.md)`): the body stays Markdown
the engine resolves (see docs/dev/engines.md).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from generator.core.paths import PACKAGE_DIR
from generator.render.model import Address, NavPlace, Page
from generator.render.pages.kind import PageKind, Scope, SiteContext

GUIDE_URL_DIR = "handleiding"
SECTION = (GUIDE_URL_DIR, "Handleiding")
_TITLE = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$")
_LINK = re.compile(r"\]\(([a-z0-9-]+\.md)(#[^)]*)?\)")


def default_guide_dir() -> Path:
    # Installed wheel: packaged inside generator/; a source checkout: docs/handleiding.
    packaged = PACKAGE_DIR / "handleiding"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "docs" / "handleiding"


def _split_title(text: str, fallback: str) -> tuple[str, str]:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _TITLE.match(line)
        if match:
            return match.group(1), "\n".join(lines[i + 1:])
        break
    return fallback, text


def _order(files: dict[str, Path]) -> list[str]:
    names = ["index.md"] if "index.md" in files else []
    if names:
        for match in _LINK.finditer(files["index.md"].read_text(encoding="utf-8")):
            name = match.group(1)
            if name in files and name not in names:
                names.append(name)
    return names + sorted(n for n in files if n not in names)


def guide_pages(guide_dir: Path | None = None) -> list[Page]:
    folder = guide_dir or default_guide_dir()
    files = {p.name: p for p in folder.glob("*.md")} if folder.is_dir() else {}
    pages: list[Page] = []
    for name in _order(files):
        title, body = _split_title(files[name].read_text(encoding="utf-8"), name[:-3])
        index = name == "index.md"
        address = Address(f"{GUIDE_URL_DIR}/" if index else f"{GUIDE_URL_DIR}/{name[:-3]}/", index=index)
        pages.append(Page(address, title, body, description="Handleiding voor redacteuren",
                          nav=NavPlace((SECTION,), "Overzicht" if index else title)))
    return pages


def make(ctx: SiteContext) -> Iterator[Page]:
    if ctx.guide:
        yield from guide_pages()


KIND = PageKind("guide", Scope.SITE, None, make)
