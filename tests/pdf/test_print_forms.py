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


def test_a_kpi_is_cut_only_where_a_page_may_end() -> None:
    """Split marks inside a grid cell, a call or a string never cut; editor text holding
    brackets, or the mark's name, does not confuse the cut."""
    from generator.pdf.typst_markup import SPLIT_MARK, convert, split_parts

    html = ('<p>Tekst met ] en [ en "rp-split"</p><h2>Toelichting</h2><p>Uitleg</p>'
            '<ul><li><h3>In een lijst</h3></li></ul><h2>Verloop</h2><p>Cijfers</p>')
    markup, _ = convert(html, split_points=True)
    parts = split_parts(markup)
    assert len(parts) == 3  # before each top-level heading; the heading inside the list item is no cut
    assert parts[0].startswith('#"Tekst met ] en [') and "Toelichting" in parts[1] and "In een lijst" in parts[1]
    assert "Verloop" in parts[2] and all(SPLIT_MARK not in part for part in parts)
    markup, _ = convert(html)  # not a KPI: no marks at all
    assert SPLIT_MARK not in markup and len(split_parts(markup)) == 1


def test_a_single_series_facts_print_on_one_row_and_its_two_tables_side_by_side() -> None:
    """The compact forms a KPI needs to fit on its page (the text itself unchanged)."""
    from generator.pdf.typst_markup import convert

    facts = ('<div class="rp-series"><dl class="rp-series__facts"><div><dt>Doel</dt><dd>minimaal 10%</dd></div>'
             '<div><dt>Afwijking</dt><dd>0,00%</dd></div></dl></div>')
    markup, _ = convert(facts)
    assert markup.startswith("#grid(columns: 2,") and '#"minimaal 10%"' in markup and '#"Afwijking"' in markup
    table = ("<div class=\"rp-table-wrap\"><table><thead><tr><th>Periode</th><th>Waarde</th></tr></thead>"
             "<tbody><tr><th>Q1</th><td>5%</td></tr></tbody></table></div>")
    chart = ('<div class="rp-charts"><figure class="rp-chart"><figcaption><span class="rp-chart__title">T</span>'
             '<span class="rp-chart__summary">Samenvatting</span></figcaption><svg viewBox="0 0 1 1"></svg>'
             f'<details>{table}</details></figure></div>')
    markup, converter = convert(f"{chart}<h2>Verloop</h2>{table}<h2>Over deze indicator</h2>")
    assert converter.charts == 1 and "#grid(columns: (2fr, 2fr)" in markup
    grid = markup[markup.index("#grid(columns: (2fr"):]
    assert grid.index('#"Periode"') < grid.index('#"Verloop"') < grid.index('#"Over deze indicator"')
    # A history of several series is not paired: its tables stand two by two of their own.
    markup, _ = convert(f"{chart}<h2>Verloop</h2>{table}{table}")
    assert "#grid(columns: (2fr, 2fr)" not in markup and "#grid(columns: (1fr, 1fr)" in markup
