"""The editors' guide (docs/handleiding/*.md) as pages of the site, under "Handleiding".

The guide is plain Markdown so it also reads well on GitHub or GitLab. Its index
page's links set the order in the navigation; pages it does not link come last.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.paths import PACKAGE_DIR
from generator.render.pages import NavItem, Page

GUIDE_URL_DIR = "handleiding"
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


def guide_pages(guide_dir: Path | None = None) -> tuple[list[Page], NavItem | None]:
    folder = guide_dir or default_guide_dir()
    files = {p.name: p for p in folder.glob("*.md")} if folder.is_dir() else {}
    if not files:
        return [], None
    pages: list[Page] = []
    section = NavItem("Handleiding", children=[])
    for name in _order(files):
        title, body = _split_title(files[name].read_text(encoding="utf-8"), name[:-3])
        page = Page(f"{GUIDE_URL_DIR}/{name}", title, body, description="Handleiding voor redacteuren")
        pages.append(page)
        section.children.append(NavItem("Overzicht" if name == "index.md" else title, page.path))
    return pages, section
