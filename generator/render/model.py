"""What render hands to a site engine: engine-neutral pages, a nav tree and files.

A page is addressed by its site-relative directory URL ("2023-q1/kpi/eigen-regie/",
"" for the home page). Which file an engine writes for it (MkDocs: a `.md` file),
and how it shows the title and the nav, is up to the engine adapter under
`generator/site/<engine>/`; see docs/dev/engines.md.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The edition banner's "this page in other editions" links depend on which pages the
# other editions have. The banner template leaves this slot; it is filled per build, so a
# frozen edition's rendered pages can be reused when a new edition appears.
OTHER_EDITIONS_SLOT = "<!-- rp:andere-edities -->"


@dataclass(frozen=True)
class Address:
    """Where a page lives. `index`: the page is the overview of its own folder
    (an edition, a pillar), so the files attached to it (chart CSVs) go into that
    folder; any other page's files go next to it, into its parent folder."""

    url: str  # site-relative directory URL: "2023-q1/", "2023-q1/kpi/eigen-regie/", "" (home)
    index: bool = False

    @property
    def folder(self) -> str:
        """Site-relative folder of the page's files, without trailing slash ("" = site root)."""
        if self.index:
            return self.url.rstrip("/")
        return posixpath.dirname(self.url.rstrip("/"))


@dataclass(frozen=True)
class NavPlace:
    """A page's place in the navigation: inside `sections` (outermost first, each a
    (key, title) pair; the key keeps two sections with the same title apart), listed as `title`."""

    sections: tuple[tuple[str, str], ...]
    title: str


@dataclass
class Page:
    address: Address
    title: str
    body: str  # Markdown with HTML blocks from the templates (the heading is the title)
    description: str | None = None
    edition: str | None = None  # slug of the edition this page belongs to
    nav: NavPlace | None = None  # None: reachable by links only
    kind: str = ""  # name of its page kind (render/pages/registry.py)
    others: str = ""  # HTML for OTHER_EDITIONS_SLOT

    @property
    def url(self) -> str:
        return self.address.url

    def content(self) -> str:
        """The body as published: the other-editions slot filled."""
        return self.body.strip().replace(OTHER_EDITIONS_SLOT, self.others)

    def search_text(self) -> str:
        """Plain words of the page, for an engine without its own search indexer."""
        text = re.sub(r"<svg\b.*?</svg>|<[^>]+>", " ", self.content(), flags=re.S | re.I)
        return " ".join([self.title, *text.split()])

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url, "index": self.address.index, "title": self.title, "body": self.body,
            "description": self.description, "edition": self.edition, "kind": self.kind,
            "nav": None if self.nav is None else {"sections": [list(s) for s in self.nav.sections], "title": self.nav.title},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Page":
        nav = data["nav"]
        place = None if nav is None else NavPlace(tuple((k, t) for k, t in nav["sections"]), nav["title"])
        return cls(Address(data["url"], data["index"]), data["title"], data["body"], data["description"],
                   data["edition"], place, data["kind"])


@dataclass
class NavItem:
    """One entry of the engine-neutral nav tree: a link to a page (`url`) or a section."""

    title: str
    url: str | None = None
    children: list["NavItem"] = field(default_factory=list)


def build_nav(pages: list[Page]) -> list[NavItem]:
    """The nav tree from the pages' places, in page order (a section where it first appears)."""
    root: list[NavItem] = []
    sections: dict[tuple[tuple[str, str], ...], NavItem] = {}
    for page in pages:
        if page.nav is None:
            continue
        children = root
        for depth in range(len(page.nav.sections)):
            key = page.nav.sections[: depth + 1]
            section = sections.get(key)
            if section is None:
                section = sections[key] = NavItem(key[-1][1])
                children.append(section)
            children = section.children
        children.append(NavItem(page.nav.title, page.url))
    return root


@dataclass
class RenderedEdition:
    """Everything one edition contributes to the site (cached for frozen editions)."""

    pages: list[Page]
    files: dict[str, bytes] = field(default_factory=dict)  # generated site-relative files (chart CSVs)

    def to_json(self) -> dict[str, Any]:
        return {"pages": [p.to_json() for p in self.pages]}

    @classmethod
    def from_json(cls, data: dict[str, Any], files: dict[str, bytes]) -> "RenderedEdition":
        return cls([Page.from_json(p) for p in data["pages"]], files)


@dataclass
class RenderedSite:
    pages: list[Page]
    nav: list[NavItem]
    assets: dict[str, Path]  # site-relative path -> source file
    site_name: str
    files: dict[str, bytes] = field(default_factory=dict)  # generated site-relative files (redirects, CSVs)
    reused: list[str] = field(default_factory=list)  # slugs of frozen editions taken from the cache


def pdf_path(slug: str) -> str:
    """Site-relative path of an edition's PDF: '2023-q1/2023-q1-rapportage.pdf'."""
    return f"{slug}/{slug}-rapportage.pdf"


def relative_url(from_url: str, to_url: str) -> str:
    """Link between two site-relative directory URLs."""
    base = "/" + from_url
    target = "/" + to_url
    rel = posixpath.relpath(target, base if base.endswith("/") else posixpath.dirname(base))
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
