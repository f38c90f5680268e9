"""Every edition page kind has a print form; editor text never becomes Typst code."""

from __future__ import annotations

from generator.pdf.typst_document import PRINT_FORMS
from generator.pdf.typst_markup import html_to_typst, string
from generator.render.pages.kind import Scope
from generator.render.pages.registry import kinds


def test_every_edition_page_kind_has_a_print_form() -> None:
    missing = [kind.name for kind in kinds(Scope.EDITION) if kind.name not in PRINT_FORMS]
    assert not missing, f"page kinds without a print form in generator/pdf/typst_document.py: {missing}"
    assert set(PRINT_FORMS) <= {kind.name for kind in kinds(Scope.EDITION)}


def test_strings_escape_quotes_backslashes_and_control_characters() -> None:
    assert string('a"b\\c\nd\x01') == '"a\\"b\\\\c\\nd\\u{1}"'


def test_editor_text_stays_text() -> None:
    hostile = '<p>#set page(fill: red) ]) #"x" \\ $x$ *bold* _em_ @ref &lt;b&gt; // comment</p>'
    markup, _ = html_to_typst(hostile)
    # One string literal: every Typst-looking character is inside it.
    assert markup.startswith('#"') and markup.endswith('";')
    import typst

    pdf = typst.compile(f'#set document(title: "t")\n#set text(lang: "nl")\n{markup}'.encode(), pdf_standards=["a-2a", "ua-1"])
    assert pdf.startswith(b"%PDF")


def test_tables_get_header_rows_and_charts_their_alternative_text() -> None:
    html = ('<figure class="rp-chart"><figcaption><span class="rp-chart__title">Titel</span>'
            '<span class="rp-chart__summary">Samenvatting "x"</span></figcaption>'
            '<div class="rp-chart__image"><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg></div>'
            '<details><summary>Toon tabel</summary><table><caption>Cijfers</caption>'
            '<thead><tr><th scope="col">Periode</th><th scope="col">Waarde</th></tr></thead>'
            '<tbody><tr><th scope="row">Q1</th><td class="rp-num">5</td></tr></tbody></table></details>'
            '<p class="rp-chart__download"><a href="x.csv">Download</a></p></figure>')
    markup, charts = html_to_typst(html)
    assert charts == 1
    assert 'alt: "Samenvatting \\"x\\""' in markup
    assert "table.header(" in markup and "columns: 2" in markup
    assert "Toon tabel" not in markup and "Download" not in markup
