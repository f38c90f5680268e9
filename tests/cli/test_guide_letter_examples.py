"""The examples of docs/handleiding/brief-en-bijlagen.md work as written: the letter, the
annexes and the domains build, and the errors the chapter shows are the ones `check` gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from new_projects import FIRST_PERIOD as PERIOD, new_project
from generator.render.pages.guide import default_guide_dir

CHAPTER = default_guide_dir() / "brief-en-bijlagen.md"
QUARTERS = """omschrijving,soort,2025-Q1,2025-Q2,2025-Q3,2025-Q4,2025
Wmo,,41,39,44,38,
Jeugd,,52,55,49,47,
"""
TABLES = """tabellen:
  - id: doorlooptijden
    titel: Doorlooptijd van aanvragen in dagen
    soort: kwartalen
    bestand: 2025-Q4/doorlooptijden.csv
    geen_som: [Wmo, Jeugd]
"""


def blocks(language: str) -> list[str]:
    """The chapter's fenced blocks of one language ("" for a block without one)."""
    out: list[str] = []
    current: list[str] | None = None
    for line in CHAPTER.read_text(encoding="utf-8").splitlines(keepends=True):
        if current is None and line.startswith("```"):
            current = [] if line.strip() == "```" + language else None
            if current is None:
                current = ["\0"]  # a block of another language: skipped
        elif current is not None and line.strip() == "```":
            if current[:1] != ["\0"]:
                out.append("".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return out


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(new_project(tmp_path / "gemeente"))
    return tmp_path / "gemeente"


def write_examples(root: Path) -> dict[str, str]:
    """The chapter's pages (its ```markdown blocks, by their title) and its doelstellingen.yml."""
    pages = root / "content/edities" / PERIOD / "paginas"
    pages.mkdir()
    written = {}
    for i, page in enumerate(blocks("markdown")):
        title = re.search(r"^titel: (.+)$", page, flags=re.M).group(1)
        (pages / f"pagina-{i}.md").write_text(page, encoding="utf-8")
        written[title] = f"pagina-{i}"
    (domains,) = [b for b in blocks("yaml") if b.startswith("indeling: domeinen")]
    (root / "content/doelstellingen.yml").write_text(domains, encoding="utf-8")
    (root / "content/edities" / PERIOD / "tabellen.yml").write_text(TABLES, encoding="utf-8")
    (root / "data" / PERIOD).mkdir(parents=True, exist_ok=True)
    (root / "data" / PERIOD / "doorlooptijden.csv").write_text(QUARTERS, encoding="utf-8")
    return written


def test_the_chapters_letter_annexes_and_domains_build(project: Path) -> None:
    slugs = write_examples(project)
    assert list(slugs) == ["Brief aan de raad", "Toelichting op de definities", "Voorbeeldgrafieken doorlooptijden"]
    # the second signature example replaces the letter's own list
    (two,) = [b for b in blocks("yaml") if b.startswith("ondertekening:")]
    letter_file = project / "content/edities" / PERIOD / "paginas" / f"{slugs['Brief aan de raad']}.md"
    letter_text = letter_file.read_text(encoding="utf-8")
    assert main(["check", "--strict"]) == 0
    assert main(["build", "--strict"]) == 0
    site = project / "site" / PERIOD.lower()
    letter = (site / slugs["Brief aan de raad"] / "index.html").read_text(encoding="utf-8")
    assert "Geachte raads- en commissieleden," in letter
    assert "Het college van burgemeester en wethouders van Lindewaard" in letter and "de secretaris, de burgemeester" in letter
    first = (site / slugs["Toelichting op de definities"] / "index.html").read_text(encoding="utf-8")
    assert "Bijlage 1: Toelichting op de definities" in first
    second = (site / slugs["Voorbeeldgrafieken doorlooptijden"] / "index.html").read_text(encoding="utf-8")
    assert "Bijlage 2: Voorbeeldgrafieken doorlooptijden" in second
    assert 'id="grafiek-doorlooptijden"' in second and "Doorlooptijd van aanvragen in dagen" in second
    overview = (site / "index.html").read_text(encoding="utf-8")
    assert "Participatiewet" in overview and "Doelstelling 1" not in overview
    assert overview.index("Bijlage 1: Toelichting op de definities") < overview.index("Bijlage 2: Voorbeeldgrafieken")

    letter_file.write_text(re.sub(r"ondertekening:\n(  .*\n)+", two, letter_text), encoding="utf-8")
    assert main(["build", "--strict"]) == 0
    letter = (site / slugs["Brief aan de raad"] / "index.html").read_text(encoding="utf-8")
    assert letter.count('class="rp-letter__signature"') == 2
    assert "M. de Vries" in letter and "gemeentesecretaris" in letter


def test_the_errors_the_chapter_shows_are_the_ones_check_gives(project: Path, capsys) -> None:
    (shown,) = blocks("")
    wrong_kind, wrong_grouping, grouping_tip = shown.strip().splitlines()
    pages = project / "content/edities" / PERIOD / "paginas"
    pages.mkdir()
    (pages / "brief.md").write_text("---\ntitel: Brief\nsoort: voorwoord\n---\nTekst.\n", encoding="utf-8")
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert wrong_kind.replace("2023-Q3", PERIOD) in (captured.out + captured.err).splitlines()
    (pages / "brief.md").unlink()
    (project / "content/doelstellingen.yml").write_text(
        "indeling: thema\ndoelstellingen:\n  - nummer: 1\n    titel: Wmo\n", encoding="utf-8")
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    out = (captured.out + captured.err).splitlines()
    assert wrong_grouping in out and grouping_tip in out


def test_letter_keys_on_another_page_are_an_error_with_their_line(project: Path, capsys) -> None:
    pages = project / "content/edities" / PERIOD / "paginas"
    pages.mkdir()
    (pages / "bijlage.md").write_text(
        "---\ntitel: Bijlage\nsoort: bijlage\naanhef: Geachte raad,\nondertekening:\n  - naam: Het college\n---\nTekst.\n",
        encoding="utf-8")
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    out = captured.out + captured.err
    rel = f"content/edities/{PERIOD}/paginas/bijlage.md"
    assert f"{rel}:4: fout: `aanhef` hoort alleen bij een brief; deze pagina heeft `soort: bijlage`" in out
    assert f"{rel}:5: fout: `ondertekening` hoort alleen bij een brief; deze pagina heeft `soort: bijlage`" in out
    assert "tip: zet `soort: brief` in de kop, of laat `aanhef` weg" in out


def test_letter_keys_on_a_page_without_soort_say_it_is_an_ordinary_page(project: Path, capsys) -> None:
    pages = project / "content/edities" / PERIOD / "paginas"
    pages.mkdir()
    (pages / "verslag.md").write_text("---\ntitel: Verslag\naanhef: Geachte raad,\n---\nTekst.\n", encoding="utf-8")
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    rel = f"content/edities/{PERIOD}/paginas/verslag.md"
    assert (f"{rel}:3: fout: `aanhef` hoort alleen bij een brief; deze pagina heeft geen `soort` (dus een gewone pagina)"
            in captured.out + captured.err)
