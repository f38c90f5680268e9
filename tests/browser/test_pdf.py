"""The PDF per edition (`rapportage build --pdf`, `rapportage pdf 2023-Q1`), read back with pypdf."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.cli import main
from generator.pdf.printer import outline_pages

KPI_TITLES = [
    "KPI 1: Ervaren eigen regie", "KPI 2: Gebruik e-health", "KPI 6: Wachttijden", "KPI 11: Ervaren autonomie medewerkers",
]


@pytest.fixture(scope="session")
def q1_pdf(built_site: Path) -> PdfReader:
    return PdfReader(built_site / "2023-q1" / "2023-q1-rapportage.pdf")


@pytest.fixture(scope="session")
def q1_text(q1_pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in q1_pdf.pages]


def test_every_edition_has_a_pdf_linked_from_its_overview(built_site: Path) -> None:
    for slug in ("2023-q1", "2023-q2", "2023-q3"):
        pdf = built_site / slug / f"{slug}-rapportage.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        soup = BeautifulSoup((built_site / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("a[download]")
        assert link is not None and link.get_text(strip=True) == "Download als PDF"
        assert link["href"] == f"{slug}-rapportage.pdf"  # relative: works on any intranet path


def test_cover_shows_organisation_title_period_status_and_date(q1_text: list[str]) -> None:
    cover = " ".join(q1_text[0].split())
    for expected in ("Gemeente Lindewaard", "Kwartaalrapportage Q1 2023", "Sociaal Team Lindewaard – Jeugd en Wmo",
                     "Periode Q1 2023", "Status Gepubliceerd", "Datum 15 mei 2023"):
        assert expected in cover
    assert "Pagina" not in cover  # no page number on the cover


def test_every_other_page_is_numbered(q1_text: list[str]) -> None:
    total = len(q1_text)
    assert total >= 15  # cover, contents, foreword, overview, a page per KPI
    for number, text in enumerate(q1_text[1:], start=2):
        assert f"Pagina {number} van {total}" in text
        assert "Gemeente Lindewaard · Kwartaalrapportage Q1 2023" in text  # running head


def test_table_of_contents_gives_the_page_each_section_starts_on(q1_pdf: PdfReader, q1_text: list[str]) -> None:
    contents = q1_text[1]
    assert contents.splitlines()[1].strip() == "Inhoud" or "Inhoud" in contents.splitlines()[:3]
    starts = outline_pages(_pdf_bytes(q1_pdf))
    for title in ["Voorwoord", "KPI-overzicht", "Doelstelling 3: Tijdig de juiste hulp", *KPI_TITLES]:
        match = re.search(re.escape(title) + r"\s*(?:pagina\s*)?(\d+)\s*$", contents, re.MULTILINE)
        assert match, f"{title} ontbreekt in de inhoudsopgave"
        page = int(match.group(1))
        assert page == starts[title]
        assert title in q1_text[page - 1], f"{title} staat niet op pagina {page}"


def test_kpi_overview_lists_every_kpi_with_its_status(q1_text: list[str]) -> None:
    start = next(i for i, t in enumerate(q1_text) if "KPI-overzicht" in t and "Alle KPI's van Q1 2023" in t)
    overview = " ".join(" ".join(q1_text[start:start + 2]).split())
    for title in KPI_TITLES:
        assert title in overview
    assert "Wijkteam Jeugd 95 dagen maximaal 56 dagen -69,64% Niet gehaald" in overview
    assert "Legenda" in overview


def test_each_kpi_starts_a_page_with_its_figures_and_text(q1_text: list[str]) -> None:
    start = next(i for i, t in enumerate(q1_text) if "KPI 6: Wachttijden\nWijkteam Jeugd" in t)
    flat = " ".join(q1_text[start].split())
    assert "Wijkteam Jeugd 95 dagen Doel: maximaal 56 dagen Afwijking: -69,64% T.o.v. Q4 2022: +5 dagen Niet gehaald" in flat
    assert "Toelichting" in flat and "Aandacht" in flat
    following = " ".join(q1_text[start + 1].split())
    assert "Verloop Wachttijden – Wijkteam Jeugd" in following


def test_charts_and_logo_are_vectors_not_images(q1_pdf: PdfReader) -> None:
    images = [(n, img.name) for n, page in enumerate(q1_pdf.pages, start=1) for img in page.images]
    assert images == []


def test_pdf_is_tagged_and_has_bookmarks(q1_pdf: PdfReader) -> None:
    assert "/StructTreeRoot" in q1_pdf.trailer["/Root"]
    assert len(q1_pdf.outline) >= 8
    assert q1_pdf.metadata.title == "Kwartaalrapportage Q1 2023 – Gemeente Lindewaard"


def test_concept_edition_says_so_on_every_page(built_site: Path) -> None:
    reader = PdfReader(built_site / "2023-q3" / "2023-q3-rapportage.pdf")
    texts = [p.extract_text() for p in reader.pages]
    assert "Status Concept, nog niet gepubliceerd" in " ".join(texts[0].split())
    assert all("CONCEPT" in t for t in texts[1:])


def test_pdf_command_prints_one_edition(example_project: Path, tmp_path: Path, chromium_path) -> None:
    # In a child process: this session's Playwright (the `browser` fixture) cannot nest another.
    out = tmp_path / "raad" / "q2.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "pdf", "2023-Q2", "--project", str(example_project), "--output", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "PDF gemaakt" in done.stdout
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Kwartaalrapportage Q2 2023" in first and "Periode Q2 2023" in first


def test_pdf_command_names_unknown_editions_in_dutch(example_project: Path, capsys, chromium_path) -> None:
    assert main(["pdf", "2024-Q1", "--project", str(example_project)]) == 1
    assert "editie 2024-Q1 bestaat niet; bestaande edities: 2023-Q1, 2023-Q2, 2023-Q3" in capsys.readouterr().err
    assert main(["pdf", "2023-Q5", "--project", str(example_project)]) == 1
    assert "geen geldige periode" in capsys.readouterr().err


def _pdf_bytes(reader: PdfReader) -> bytes:
    import io

    buffer = io.BytesIO()
    reader.stream.seek(0)
    buffer.write(reader.stream.read())
    return buffer.getvalue()
