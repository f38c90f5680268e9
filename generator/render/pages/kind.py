"""What a page kind is: a function from views to pages, and the template it renders."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterable, Union

from generator.compute.views import KpiHistoryView
from generator.compute.views import AccessibilityView, EditionView
from generator.render.renderer import Renderer
from generator.render.model import Page


class Scope(Enum):
    SITE = "site"  # rendered once per site
    EDITION = "edition"  # rendered for every edition (and cached with a frozen edition)


@dataclass(frozen=True)
class StaticFile:
    """A generated file that is not a page of the site (the /laatste/ redirect)."""

    path: str  # site-relative
    data: bytes


@dataclass
class SiteContext:
    """Everything a page kind may read besides its own views."""

    renderer: Renderer
    site_name: str
    editions: list[EditionView]  # newest first
    latest: EditionView | None  # the newest published edition
    histories: list[KpiHistoryView]
    guide: bool  # the editors' guide is part of the site
    accessibility: AccessibilityView | None
    with_pdf: bool  # edition overviews link to their PDF


Output = Union[Page, StaticFile]
SiteMake = Callable[[SiteContext], Iterable[Output]]
EditionMake = Callable[[SiteContext, EditionView], Iterable[Page]]


@dataclass(frozen=True)
class PageKind:
    name: str
    scope: Scope
    template: str | None  # its page template under templates/ (None: not from a template)
    make: SiteMake | EditionMake
    # The print (PDF) form of an edition kind's pages: generator/pdf/typst_document.py
    # PRINT_FORMS (tests/pdf/test_print_forms.py fails while a kind has none).
