"""The PDF of an edition (Typst, PDF/A-2a + PDF/UA-1), read back with pypdf; no browser."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.core.paths import ProjectPaths
from generator.pdf.typst_writer import compile_pdf, edition_pages, edition_typst
from generator.site.build import check, print_settings

KPI_TITLES = [
    "KPI 1: Ervaren eigen regie", "KPI 2: Gebruik e-health", "KPI 6: Wachttijden", "KPI 11: Ervaren autonomie medewerkers",
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from tests.conftest import copy_example

    project = copy_example(tmp_path_factory.mktemp("pdf") / "project")
    paths = ProjectPaths.at(project)
    computed = check(paths)
    editions = {e.summary.period: e for e in computed.editions}
    settings = print_settings(paths, computed.model)
    out = {}
    for period in ("2023-Q1", "2023-Q2", "2023-Q3"):
        edition = editions[period]
        doc = edition_typst(paths, edition, settings)
        pdf = compile_pdf(doc)
        out[period] = {"edition": edition, "doc": doc, "pdf": pdf, "reader": PdfReader(io.BytesIO(pdf)),
                       "pages": edition_pages(paths, edition)}
    out["again"] = compile_pdf(edition_typst(paths, editions["2023-Q1"], settings))
    return out


def _texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_a_rebuild_makes_the_same_bytes(made: dict) -> None:
    assert made["again"] == made["2023-Q1"]["pdf"]


def test_every_page_kinds_heading_is_in_the_pdf_in_the_sites_order(made: dict) -> None:
    q = made["2023-Q3"]
    text = " ".join(_texts(q["reader"])[2:])  # after the cover and contents
    position = -1
    order = ["letter", "edition", "kpi", "measures", "measures-pillar", "measure", "page", "changes", "annex"]
    for kind in order:
        pages = q["pages"][kind]
        assert pages, f"2023-Q3 has no {kind} page"
        # The overview's heading names the period (the cover has the report's title).
        title = "Overzicht Q3 2023" if kind == "edition" else pages[0].title
        found = text.find(title, position + 1)
        assert found > position, f"{kind}: {title!r} not found after position {position}"
        position = found
    # The letter's aanhef and signatures print with it; the annex keeps its number.
    assert "Geachte raads- en commissieleden" in text and "Het college van burgemeester en wethouders" in text
    assert "Bijlage 1: Toelichting op de definities" in text


def test_xmp_declares_pdfa2_and_pdfua1_and_the_document_is_dutch(made: dict) -> None:
    reader = made["2023-Q1"]["reader"]
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp) and re.search(r"<pdfaid:conformance>A</pdfaid:conformance>", xmp)
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert str(root["/Lang"]) == "nl"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "/OutputIntents" in root
    assert reader.metadata.title.startswith("Kwartaalrapportage Q1 2023")


def _structure(reader: PdfReader) -> list[dict]:
    out = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, dict) or hasattr(node, "get"):
            kind = node.get("/S")
            if kind is not None:
                out.append({"S": str(kind), "Alt": node.get("/Alt")})
            kids = node.get("/K")
            if kids is None:
                return
            if not isinstance(kids, list):
                kids = [kids]
            for kid in kids:
                if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                    walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return out


def test_structure_tree_has_headings_tables_with_header_cells_and_a_figure_with_alt_per_chart(made: dict) -> None:
    q = made["2023-Q1"]
    nodes = _structure(q["reader"])
    kinds = [n["S"] for n in nodes]
    assert "/H1" in kinds and "/H2" in kinds and "/H3" in kinds
    assert "/Table" in kinds and "/TH" in kinds and "/TD" in kinds
    figures = [n for n in nodes if n["S"] == "/Figure"]
    with_alt = [f for f in figures if f["Alt"]]
    assert q["doc"].charts >= 10
    assert len(with_alt) >= q["doc"].charts  # every chart (and the status icons are artifacts)


def test_cover_running_head_and_page_x_of_y(made: dict) -> None:
    texts = _texts(made["2023-Q1"]["reader"])
    assert "Gemeente Lindewaard" in texts[0] and "Kwartaalrapportage Q1 2023" in texts[0]
    assert "Periode Q1 2023" in texts[0] and "Gepubliceerd" in texts[0]
    total = len(texts)
    for number, text in enumerate(texts[1:], start=2):
        assert f"pagina {number} van {total}" in text
        assert "Gemeente Lindewaard ·" in text
    assert not any("CONCEPT" in t for t in texts)


def test_a_concept_edition_says_concept_on_every_page(made: dict) -> None:
    texts = _texts(made["2023-Q3"]["reader"])
    assert all("CONCEPT" in t for t in texts)


def test_contents_gives_the_page_each_section_starts_on(made: dict) -> None:
    texts = _texts(made["2023-Q1"]["reader"])
    contents = texts[1]
    assert contents.startswith("Inhoud") or "Inhoud" in contents[:80]
    for title in ["Doelstelling 3: Tijdig de juiste hulp", *KPI_TITLES, "Financiële verantwoording"]:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)", contents)
        assert match, f"{title} ontbreekt in de inhoudsopgave"
        page = int(match.group(1))
        assert title in texts[page - 1], f"{title} staat niet op pagina {page}"


# The text area of a page (A4, margins of typst_document._preamble), in points from the top.
TEXT_TOP, TEXT_BOTTOM = 2.2 / 2.54 * 72, 841.89 - 2 / 2.54 * 72


def page_fill(page) -> float:
    """How far down its text area a page is filled: the lowest text on it (the running head
    and the footer left out), 0 at the top of the text area, 1 at its bottom."""
    height = float(page.mediabox.height)
    lowest = TEXT_TOP

    def visit(text, cm, tm, font, size) -> None:
        nonlocal lowest
        if text.strip():
            y = height - (tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            if TEXT_TOP < y < TEXT_BOTTOM:
                lowest = max(lowest, y)

    page.extract_text(visitor_text=visit)
    return (lowest - TEXT_TOP) / (TEXT_BOTTOM - TEXT_TOP)


def _bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page number) of every bookmark, in document order."""
    out: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


def section_pages(q: dict) -> list[range]:
    """The pages of each part of the PDF that starts on a new page (a KPI, a chapter), from
    the page its heading's bookmark points to up to the page before the next one starts."""
    from generator.pdf.typst_document import edition_sections

    reader = q["reader"]
    marks = _bookmarks(reader)
    starts, at = [3], 0  # the cover and the contents come first
    for section in edition_sections(q["edition"], q["pages"]):
        if not section.page_break:
            continue
        at = next(i for i in range(at, len(marks)) if marks[i][0] == section.title)
        starts.append(marks[at][1])
    starts += [page for title, page in marks[at:] if title in ("Rectificaties", "Bronnen")]  # new pages too
    starts = sorted(set(starts)) + [len(reader.pages) + 1]
    return [range(a, b) for a, b in zip(starts, starts[1:])]


@pytest.mark.parametrize("period", ["2023-Q1", "2023-Q2", "2023-Q3"])
def test_no_page_is_nearly_empty_but_a_short_sections_end(made: dict, period: str) -> None:
    """Every page of a section (a KPI, a chapter) but its last is filled at least 40 %; the
    last page of a section over two pages at least 30 % (a KPI that does not fit on one page
    is split where both pages stay filled), of a longer one at least 10 % (a whole block,
    never a line or two): a page that only holds a KPI's "Richting/Bron" fails."""
    q = made[period]
    fills = [page_fill(page) for page in q["reader"].pages]
    sections = section_pages(q)
    assert len(sections) >= 15 and sections[0].start == 3
    short = []
    for pages in sections:
        for number in pages:
            least = 0.40 if number != pages[-1] else 0.30 if len(pages) == 2 else 0.10 if len(pages) > 2 else 0
            if fills[number - 1] < least:
                short.append(f"pagina {number} ({fills[number - 1]:.0%}, deel van pagina {pages.start}-{pages[-1]})")
    assert not short, f"{period}: {short}"


def test_page_fill_measures_how_far_down_the_text_goes() -> None:
    """The measure itself: a page with a few lines is nearly empty, a full one is full."""
    import typst

    from generator.pdf.typst_writer import font_paths

    def fill(body: str) -> list[float]:
        source = ('#set page(paper: "a4", margin: (top: 2.2cm, bottom: 2cm, x: 1.9cm), '
                  'header: [Kop], footer: [pagina])\n' + body)
        pdf = typst.compile(source.encode(), font_paths=font_paths(), ignore_system_fonts=True)
        return [page_fill(page) for page in PdfReader(io.BytesIO(pdf)).pages]

    few, full = fill("Een regel.\n\nNog een.\n\n#pagebreak()\n#lorem(900)")[:2]
    assert few < 0.05 and full > 0.9
    assert 0.45 < fill("#v(12cm)\nHalverwege.")[0] < 0.55


def test_every_kpi_of_the_overview_is_in_the_pdf_with_its_status(made: dict) -> None:
    text = " ".join(_texts(made["2023-Q1"]["reader"]))
    for title in KPI_TITLES:
        assert title in text
    assert "Niet gehaald" in text and "Legenda" in text


def test_rectificaties_of_a_corrected_edition_are_printed_as_text(made: dict) -> None:
    from generator.compute.views import CorrectionView
    from generator.pdf.typst_document import PrintSettings, edition_document

    edition = made["2023-Q1"]["edition"]
    reason = 'Cijfer wachttijden hersteld #set page(fill: red) "]'
    correction = CorrectionView(date="2023-06-02", date_text="2 juni 2023", reason=reason, what="KPI 6")
    corrected = edition.model_copy(update={"summary": edition.summary.model_copy(update={"corrections": [correction]})})
    pdf = compile_pdf(edition_document(corrected, made["2023-Q1"]["pages"], PrintSettings()))
    texts = _texts(PdfReader(io.BytesIO(pdf)))
    assert "Deze editie is gecorrigeerd" in texts[0]
    section = next(t for t in texts if "Rectificaties" in t and "Gecorrigeerd op 2 juni 2023" in t)
    assert reason in section and "(KPI 6)" in section
    contents = texts[1]
    assert "Rectificaties" in contents and "Bronnen" in contents


def test_build_pdf_writes_every_editions_pdf_linked_from_its_overview_and_same_as_rapportage_pdf(
    made: dict, tmp_path: Path
) -> None:
    from bs4 import BeautifulSoup

    from generator.cli import main
    from tests.conftest import copy_example

    project = copy_example(tmp_path / "project")
    assert main(["build", "--pdf", "--project", str(project)]) == 0
    site = project / "site"
    for slug in ("2023-q1", "2023-q2", "2023-q3"):
        pdf = site / slug / f"{slug}-rapportage.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        soup = BeautifulSoup((site / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("a[download]")
        assert link is not None and link["href"] == f"{slug}-rapportage.pdf"
    # The build prints from the site's pages; `rapportage pdf` renders them itself: same bytes.
    assert (site / "2023-q1" / "2023-q1-rapportage.pdf").read_bytes() == made["2023-Q1"]["pdf"]
    assert main(["pdf", "2023-Q1", "--project", str(project), "--output", str(tmp_path / "q1.pdf")]) == 0
    assert (tmp_path / "q1.pdf").read_bytes() == made["2023-Q1"]["pdf"]


def test_row_headers_are_th_with_row_scope_and_named_by_the_rows_cells(made: dict) -> None:
    from generator.pdf.typst_tags import _elements, _table_attrs

    for period in ("2023-Q1", "2023-Q3"):
        q = made[period]
        root = q["reader"].trailer["/Root"]["/StructTreeRoot"].get_object()
        row_th = [c for c in _elements(root, "/TH") if _table_attrs(c).get("/Scope") == "/Row"]
        planned = sum(flag for table in q["doc"].row_headers for row in table for flag in row)
        assert planned > 0 and len(row_th) == planned  # every <th> of a body row, none lost
        for row in _elements(root, "/TR"):  # each row header heads the data cells of its row
            cells = [c for c in row["/K"] if c.get_object().get("/S") in ("/TD", "/TH")]
            ids = {str(c.get_object()["/ID"]) for c in cells if _table_attrs(c.get_object()).get("/Scope") == "/Row"}
            for cell in (c.get_object() for c in cells if c.get_object()["/S"] == "/TD"):
                assert ids <= {str(h) for h in _table_attrs(cell).get("/Headers", [])}
        assert q["reader"].pdf_header == "%PDF-1.7"
        assert "/Producer" not in q["reader"].trailer["/Info"]  # Info still agrees with the XMP
