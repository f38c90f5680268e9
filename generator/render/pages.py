"""Render every page of the site from computed views with Jinja templates.

Pages are Markdown files whose body is mostly HTML from templates; the site adapter
turns them into a site. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from generator.compute.status import STATUS
from generator.compute.views import EditionView, IndicatorView, PageView, block_token
from generator.project import ProjectPaths, default_templates_dir
from generator.render.markdown import escape_markdown_text, render_markdown
from generator.render.measures import add_measure_pages


@dataclass
class Page:
    path: str  # docs-relative, e.g. "2023-q1/kpi/eigen-regie.md"
    title: str
    body: str
    description: str | None = None

    @property
    def url(self) -> str:
        return page_url(self.path)

    def text(self) -> str:
        front = {"title": self.title}
        if self.description:
            front["description"] = self.description
        head = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
        heading = escape_markdown_text(self.title)
        return f"---\n{head}\n---\n\n# {heading}\n\n{self.body.strip()}\n"


@dataclass
class NavItem:
    title: str
    path: str | None = None
    children: list["NavItem"] = field(default_factory=list)


@dataclass
class RenderedSite:
    pages: list[Page]
    nav: list[NavItem]
    assets: dict[str, Path]  # docs-relative path -> source file
    site_name: str


def page_url(path: str) -> str:
    """docs path -> directory URL: 'a/index.md' -> 'a/', 'a/b.md' -> 'a/b/'."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Link between two site-relative directory URLs."""
    base = "/" + from_url
    target = "/" + to_url
    rel = posixpath.relpath(target, base if base.endswith("/") else posixpath.dirname(base))
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def make_environment(paths: ProjectPaths) -> SandboxedEnvironment:
    loaders = []
    if paths.templates.is_dir():
        loaders.append(FileSystemLoader(str(paths.templates)))
    loaders.append(FileSystemLoader(str(default_templates_dir())))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = lambda text: _markup(render_markdown(text))
    env.filters["mdtext"] = escape_markdown_text
    env.globals["STATUS"] = STATUS
    return env


def _markup(html: str) -> Any:
    from markupsafe import Markup

    return Markup(html)


class Renderer:
    def __init__(self, paths: ProjectPaths):
        self.paths = paths
        self.env = make_environment(paths)

    def render(self, template: str, page_path: str, **context: Any) -> str:
        here = page_url(page_path)
        url: Callable[[str], str] = lambda target: relative_url(here, target)
        return self.env.get_template(template).render(url=url, page_url=here, **context)


def render_site(
    paths: ProjectPaths, site_name: str, editions: list[EditionView], logo: Path | None = None, guide: bool = False,
) -> RenderedSite:
    renderer = Renderer(paths)
    pages: list[Page] = []
    nav: list[NavItem] = [NavItem("Home", "index.md")]
    published = [e for e in editions if e.summary.status == "gepubliceerd"]
    latest = published[0] if published else None

    pages.append(Page("index.md", site_name, renderer.render(
        "pages/home.html", "index.md", editions=editions, latest=latest, site_name=site_name,
    ), description="Overzicht van alle edities"))

    for edition in editions:
        slug = edition.summary.slug
        overview_path = f"{slug}/index.md"
        pages.append(Page(overview_path, edition.summary.title, renderer.render(
            "pages/edition.html", overview_path, edition=edition,
        ), description=f"KPI-overzicht {edition.summary.label}"))
        section = NavItem(edition.summary.label, children=[NavItem("Overzicht", overview_path)])
        for goal in edition.goals:
            goal_nav = NavItem(f"Doelstelling {goal.number}", children=[])
            for ind in goal.indicators:
                path = f"{slug}/kpi/{ind.id}.md"
                pages.append(Page(path, f"KPI {ind.number}: {ind.title}", renderer.render(
                    "pages/indicator.html", path, edition=edition, goal=goal, indicator=ind,
                ), description=f"{ind.title}, {edition.summary.label}"))
                goal_nav.children.append(NavItem(f"KPI {ind.number}: {ind.title}", path))
            section.children.append(goal_nav)
        add_measure_pages(renderer, edition, pages, section)
        for free in edition.pages:
            path = f"{slug}/{free.slug}.md"
            pages.append(Page(path, free.title, renderer.render(
                "pages/page.html", path, edition=edition, page=free, body=_markup(render_page_body(renderer.env, free)),
            ), description=f"{free.title}, {edition.summary.label}"))
            section.children.append(NavItem(free.title, path))
        nav.append(section)

    if guide:
        from generator.render.guide import guide_pages

        guide_list, guide_nav = guide_pages()
        pages.extend(guide_list)
        if guide_nav is not None:
            nav.append(guide_nav)

    assets = {"assets/rapportage.css": _template_file(paths, "assets/rapportage.css")}
    if logo is not None:
        assets[f"assets/{logo.name}"] = logo
    return RenderedSite(pages, nav, assets, site_name)


def render_page_body(env: SandboxedEnvironment, page: PageView) -> str:
    """A free page: the editor's Markdown, sanitised, with the computed tables put in
    afterwards (editors cannot inject HTML; our tables survive the sanitiser)."""
    html = render_markdown(page.body_md, free_page=True)
    table_macro = env.get_template("partials/_data_table.html").module.data_table  # type: ignore[attr-defined]
    for index, block in enumerate(page.blocks):
        token = block_token(index)
        block_html = str(table_macro(block.table)).strip() if block.table is not None else ""
        html = html.replace(f"<p>{token}</p>", block_html).replace(token, block_html)
    return html


def _template_file(paths: ProjectPaths, rel: str) -> Path:
    own = paths.templates / rel
    return own if own.is_file() else default_templates_dir() / rel


def indicator_by_id(edition: EditionView, indicator_id: str) -> IndicatorView | None:
    for goal in edition.goals:
        for ind in goal.indicators:
            if ind.id == indicator_id:
                return ind
    return None
