"""The Dutch editors' guide is part of the example site, under "Handleiding"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.render.pages.guide import default_guide_dir, guide_pages

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(built_example) -> Path:
    return built_example.project


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_guide_is_in_the_nav_in_the_order_of_its_index(built: Path) -> None:
    page = soup(built / "site/handleiding/index.html")
    nav = page.select_one("nav.md-nav--primary")
    sections = [[a.get_text(" ", strip=True) for a in li.select("a.md-nav__link")] for li in nav.select("li.md-nav__item--nested")]
    guide = next(titles for titles in sections if titles and titles[0] == "Handleiding")
    assert guide == [
        "Handleiding",
        "Een indicator toevoegen",
        "De toelichting van een nieuw kwartaal schrijven",
        "Een brief aan de raad, bijlagen en domeinen",
        "Cijfers uit Excel toevoegen",
        "Een status met de hand vaststellen, met een reden",
        "Een editie publiceren, en een gepubliceerde editie corrigeren",
        "De voortgang van maatregelen bijwerken",
        "Wat de controles bij een pull request betekenen",
        "Naslag: alle opdrachten",
        "Naslag: alle sleutels in de YAML-bestanden",
    ]
    assert sections.index(guide) == len(sections) - 1  # after the editions


def test_guide_page_renders_code_tables_and_links(built: Path) -> None:
    page = soup(built / "site/handleiding/indicator-toevoegen/index.html")
    assert page.find("h1").get_text(strip=True) == "Een indicator toevoegen"
    code = [c.get_text() for c in page.select("pre code")]
    assert any("id: tijdige-beschikking-wmo" in c and 'streefwaarde:\n      2023: ">= 95"' in c for c in code)
    link = page.find("a", string="cijfers uit Excel toevoegen")
    assert link["href"] == "../cijfers-uit-excel/"
    keys = soup(built / "site/handleiding/sleutels/index.html")
    assert keys.find(id="schema-indicatoren").get_text(strip=True) == "content/indicatoren.yml"
    assert main(["check-site", "--project", str(built)]) == 0


def test_guide_is_off_unless_site_yml_asks(example_project: Path) -> None:
    site_yml = example_project / "content/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("handleiding: true\n", ""), encoding="utf-8")
    assert main(["build", "--project", str(example_project)]) == 0
    assert not (example_project / "site/handleiding").exists()


def test_guide_markdown_has_no_indented_fences() -> None:
    """The site's Markdown has no nested fenced blocks: a fence inside a list shows as plain text."""
    for path in default_guide_dir().glob("*.md"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert not re.match(r"^\s+```", line), f"{path.name}:{number}: ingesprongen codeblok"


def test_every_guide_page_has_a_title_and_is_linked_from_the_index() -> None:
    pages = guide_pages()
    assert pages[0].url == "handleiding/" and pages[0].address.index
    index = (default_guide_dir() / "index.md").read_text(encoding="utf-8")
    for page in pages[1:]:
        name = page.url.rstrip("/").split("/")[-1] + ".md"
        assert f"]({name})" in index, f"{name} staat niet in de inhoud van index.md"
        assert not page.body.lstrip().startswith("# ")
