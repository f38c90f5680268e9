"""The whole edition as one Typst document, in the site's reading order.

The site's own pages of the edition (every edition page kind of render/pages/registry.py)
are rendered as for the site, their Markdown turned into HTML, and that HTML into Typst
markup (`typst_markup.py`, where every text is a string literal). `PRINT_FORMS` says for
each edition page kind where its pages go and at what heading level;
tests/pdf/test_print_forms.py fails when an edition page kind has none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from generator.compute.views import EditionView
from generator.core.vocabulary import EditionStatus
from generator.pdf.typst_markup import SPLIT_MARK, convert, split_parts, string, text
from generator.render.model import Page


@dataclass(frozen=True)
class PrintSettings:
    """Site-wide settings the cover shows (the rest comes from the edition's views)."""

    subtitle: str | None = None
    logo: Path | None = None  # the published logo (an SVG rebuilt from its allow-list, or a bitmap)


@dataclass(frozen=True)
class Section:
    """One page of the site in the PDF: its heading, heading level and body (HTML)."""

    title: str
    level: int
    body: str
    page_break: bool  # start on a new page (a KPI, a new chapter)
    lead: str = ""  # Typst markup before the page (a goal's heading and description)
    outlined: bool = True  # the page's own headings in the contents
    # Kept on one page if it fits in the space left (charts narrower if that helps); else
    # split in two at a heading or after a chart (`rp-keep`), so no page holds only its
    # last lines. For a KPI and a chapter of its own (a free page, the measures, what changed).
    keep: bool = False


@dataclass(frozen=True)
class PrintForm:
    """How the pages of one page kind are printed: `order` places the kind in the document,
    `sections(edition, pages)` turns the kind's pages into sections in reading order."""

    order: int
    sections: Callable[[EditionView, list[Page]], Iterator[Section]]


def _by_url(pages: list[Page]) -> dict[str, Page]:
    return {page.url: page for page in pages}


def _edition(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    for page in pages:
        # Its goal headings would stand twice in the contents (the goal sections follow).
        yield Section(f"Overzicht {edition.summary.label}", 1, page.body, True, outlined=False)


def _kpis(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    by_url = _by_url(pages)
    slug = edition.summary.slug
    for goal in edition.goals:
        lead = f"#heading(level: 1)[{text(goal.heading)}]\n\n"
        if goal.description:
            lead += f"{text(goal.description)}\n\n"
        for ind in goal.indicators:
            page = by_url.get(f"{slug}/kpi/{ind.id}/")
            if page is None:
                continue
            yield Section(page.title, 2, page.body, True, lead, keep=True)
            lead = ""


def _measures(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    for page in pages:
        yield Section(page.title, 1, page.body, True, keep=True)


def _pillars(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    """A pillar's page, then its measures (the measure kind prints with its pillar)."""
    if edition.measures is None:
        return
    by_url = _by_url(pages)
    for pillar in edition.measures.pillars:
        page = by_url.get(pillar.url)
        if page is not None:
            yield Section(page.title, 2, page.body, True)


def _measure_pages(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    for page in pages:
        yield Section(page.title, 3, page.body, False, keep=True)


def _free(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    for page in pages:
        yield Section(page.title, 1, page.body, True, keep=True)


def _changes(edition: EditionView, pages: list[Page]) -> Iterator[Section]:
    for page in pages:
        yield Section(page.title, 1, page.body, True, keep=True)


# Edition page kind -> its print form. The order is the site's reading order: the
# overview, the KPIs per goal, the measures (each pillar followed by its measures),
# the free pages, what changed. Rectificaties and sources follow (not site pages).
PRINT_FORMS: dict[str, PrintForm] = {
    "letter": PrintForm(5, _free),  # the letter opens the document
    "edition": PrintForm(10, _edition),
    "kpi": PrintForm(20, _kpis),
    "measures": PrintForm(30, _measures),
    "measures-pillar": PrintForm(40, _pillars),
    "measure": PrintForm(41, _measure_pages),
    "page": PrintForm(50, _free),
    "changes": PrintForm(60, _changes),
    "annex": PrintForm(70, _free),  # the annexes close it, titled "Bijlage N: ..."
}


def _markdown_html(body: str) -> str:
    """A site page body (Markdown around HTML blocks) as HTML, the way the site's engine reads it."""
    from markdown import Markdown  # only when printing

    return Markdown(extensions=["attr_list", "md_in_html", "tables"]).convert(body)


# Raw HTML that Markdown passes unchanged; lifted out first, as it costs Markdown's HTML
# parser most of its time.
_LIFT = re.compile(r"<svg\b.*?</svg\s*>|<table\b.*?</table\s*>", re.S)


def page_html(body: str) -> str:
    """A page body as HTML; its SVGs and tables are kept away from Markdown (it passes them unchanged)."""
    svgs: list[str] = []

    def lift(match: re.Match) -> str:
        svgs.append(match.group(0))
        return f"<!--rp-lift-{len(svgs) - 1}-->"

    html = _markdown_html(_LIFT.sub(lift, body))
    return re.sub(r"<!--rp-lift-(\d+)-->", lambda m: svgs[int(m.group(1))], html)


def edition_sections(edition: EditionView, pages_by_kind: dict[str, list[Page]]) -> list[Section]:
    """Every section of the PDF, in reading order, from the edition's site pages."""
    sections: list[Section] = []
    ordered = sorted(PRINT_FORMS.items(), key=lambda item: item[1].order)
    measure_pages = pages_by_kind.get("measure", [])
    for name, form in ordered:
        if name == "measure":
            continue  # printed right after each pillar below
        for section in form.sections(edition, pages_by_kind.get(name, [])):
            sections.append(section)
            if name == "measures-pillar" and edition.measures is not None:
                pillar = next((p for p in edition.measures.pillars if p.title == section.title), None)
                if pillar is not None:
                    urls = {m.url for m in pillar.measures}
                    mine = [p for p in measure_pages if p.url in urls]
                    sections.extend(PRINT_FORMS["measure"].sections(edition, mine))
    return sections


@dataclass(frozen=True)
class TypstDocument:
    source: str
    charts: int  # chart figures in it (each with alt text)
    timestamp: dt.datetime  # the PDF's creation date: the edition's date, so rebuilds are identical
    # Per table of the page bodies, in document order: row-header cells per body row.
    row_headers: tuple[tuple[tuple[bool, ...], ...], ...] = ()


def _date(iso: str) -> dt.datetime:
    day = dt.date.fromisoformat(iso)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _preamble(edition: EditionView, settings: PrintSettings) -> str:
    summary = edition.summary
    concept = summary.status == EditionStatus.CONCEPT
    title = f"{summary.title} – {edition.organisation}"
    running = f"{edition.organisation} · {edition.series_title} · {summary.label}"
    day = dt.date.fromisoformat(summary.date)
    concept_mark = '#h(1fr)#text(fill: rgb("#b00020"), weight: "bold")[#"CONCEPT";]' if concept else ""
    return f"""#set document(title: {string(title)}, author: {string(edition.organisation)}, date: datetime(year: {day.year}, month: {day.month}, day: {day.day}))
#set text(lang: "nl", font: ("DejaVu Sans",), size: 9.5pt)
#set par(justify: false, leading: 0.6em, spacing: 0.8em)
#set page(
  paper: "a4",
  margin: (top: 2.2cm, bottom: 2cm, x: 1.9cm),
  header: context {{
    if counter(page).get().first() > 1 {{
      set text(size: 7.5pt, fill: luma(80))
      [#{string(running)};{concept_mark}]
      v(-0.5em)
      line(length: 100%, stroke: 0.4pt + luma(160))
    }}
  }},
  footer: context {{
    set text(size: 7.5pt, fill: luma(80))
    h(1fr)
    [#"pagina ";#counter(page).display();#" van ";#counter(page).final().first();]
  }},
)
#set heading(numbering: none)
#show heading.where(level: 1): set text(size: 15pt, fill: rgb("#1f3a5f"))
#show heading.where(level: 2): set text(size: 12.5pt, fill: rgb("#1f3a5f"))
#show heading.where(level: 3): set text(size: 10.5pt)
#show heading.where(level: 4): set text(size: 9.5pt)
#show heading: set block(sticky: true, above: 1.2em, below: 0.7em)
#set table(stroke: 0.4pt + luma(170), inset: (x: 4pt, y: 2.5pt))
#show table: set text(size: 8pt)
#show figure: set block(breakable: true)
#show figure.where(kind: image): set block(breakable: false)
#show figure.caption: set text(size: 8.5pt, weight: "bold")
#show list: set block(breakable: false)
#show enum: set block(breakable: false)
#set list(indent: 0.6em)
#set enum(indent: 0.6em)
{_KEEP}"""


# `rp-keep(..parts)`: a KPI or a chapter, cut into parts where it may go on to a next page (after a
# chart, before a heading), each part a function of the charts' width. On the page it
# starts on when it fits in the space left there, with its charts at full width (72 %) or,
# if that makes it fit, narrower (down to 60 %, where the charts' 13 px labels are still
# 6.7 pt), or onto fewer pages with them narrower. Otherwise split in two: the first k
# parts here, the rest on one next page, with k as large as leaves a third of that page
# filled (else where both pages are fullest), so no page holds only a KPI's last lines;
# if no split fits that way, it runs on. Measured at A4 with the margins of `_preamble` (text 17.2 cm wide,
# ending 2 cm above the bottom edge, a page's text 25.5 cm high).
_KEEP = """#let rp-keep(..parts) = context {
  let parts = parts.pos()
  let free = 29.7cm - 2cm - here().position().y
  let page-text = 25.5cm
  // Each part measured once, the whole once at each width (memory: a part laid out again
  // for every split tried cost gigabytes at 80 KPIs); parts joined are their sum plus the
  // mean gap between them in the whole, and 2pt more, so what is said to fit does fit.
  let height(c) = measure(block(width: 17.2cm, c)).height
  let join(ps, w) = ps.map(p => p(w)).join()
  let full = 72%
  let small = 60%
  let at-full = parts.map(p => height(p(full)))
  let whole = height(join(parts, full))
  let gap = (whole - at-full.sum()) / calc.max(1, parts.len() - 1) + 2pt
  let sum(hs) = hs.sum(default: 0pt) + calc.max(0, hs.len() - 1) * gap
  let least = if whole <= free { whole } else { height(join(parts, small)) }
  // Fewer pages with narrower charts? Then charts as wide as that allows (a page that
  // runs on keeps 30pt of slack per page for what cannot break).
  let pages(h) = if h <= free { 1 } else { 1 + calc.ceil((h - free) / page-text) }
  let n = pages(least)
  let target = free + (n - 1) * (page-text - 30pt)
  let shrink = n < pages(whole) and least <= target and least < whole
  let best = none
  let score = 0
  if not shrink {
    for k in range(1, parts.len()) {
      let first = sum(at-full.slice(0, k))
      let rest = sum(at-full.slice(k))
      // The most on the first page (a chart with its story) while the next page is not
      // nearly empty (a third of it at least); failing that, both pages fullest.
      let fill = if rest >= page-text / 3 { 1 + k } else { calc.min(first / free, rest / page-text) }
      if first <= free and rest <= page-text and fill > score { best = k; score = fill }
    }
  }
  if whole <= free { join(parts, full) } else if shrink {
    let w = calc.max(small, small + (full - small) * ((target - least) / (whole - least)) - 1%)
    join(parts, w)
  } else if best != none {
    join(parts.slice(0, best), full); pagebreak(); join(parts.slice(best), full)
  } else { join(parts, full) }
}
#let rp-together(body) = context {
  if measure(block(width: 17.2cm, body)).height <= 25.5cm { block(breakable: false, body) } else { body }
}
"""


def _section(section: Section, markup: str) -> str:
    heading = f"#heading(level: {section.level})[{text(section.title)}]\n\n"
    if section.keep:
        parts = split_parts(markup)
        if len(parts) > 1:
            parts[0] = heading + parts[0]
            return "#rp-keep(" + ", ".join(f"rp-w => [{part}]" for part in parts) + ");\n\n"
    return f"{heading}{markup.replace(SPLIT_MARK, '')}\n\n"


def _cover(edition: EditionView, settings: PrintSettings) -> str:
    summary = edition.summary
    concept = summary.status == EditionStatus.CONCEPT
    status = "Concept, nog niet gepubliceerd" if concept else "Gepubliceerd"
    parts = ["#v(2cm)"]
    if settings.logo is not None and settings.logo.suffix.lower() == ".svg":
        svg = settings.logo.read_text(encoding="utf-8")  # the published logo, rebuilt from an allow-list
        parts.append(f"#image(bytes({string(svg)}), format: \"svg\", "
                     f"alt: {string('Logo ' + edition.organisation)}, height: 2cm);\n")
    parts.append(f"#text(size: 13pt)[{text(edition.organisation)}]\n")
    parts.append(f"#heading(level: 1, outlined: false, bookmarked: true)[#text(size: 24pt)[{text(summary.title)}]]\n")
    if settings.subtitle:
        parts.append(f"#text(size: 13pt)[{text(settings.subtitle)}]\n")
    parts.append("#v(1cm)")
    facts = [("Periode", summary.label), ("Status", status), ("Datum", summary.date_text)]
    cells = ", ".join(f"[#strong[{text(k)}]], [{text(v)}]" for k, v in facts)
    parts.append(f"#table(columns: 2, stroke: none, inset: (x: 0pt, y: 3pt), column-gutter: 1em, "
                 f"table.header(pdf.artifact[], pdf.artifact[]), {cells});\n")
    if concept:
        parts.append('#v(1cm)#text(size: 20pt, weight: "bold", fill: rgb("#b00020"))[#"CONCEPT";]\n')
    if summary.corrections:
        parts.append(f"#v(0.5cm)#text[{text('Deze editie is gecorrigeerd; zie Rectificaties.')}]\n")
    return "\n".join(p for p in parts if p)


def _corrections(edition: EditionView) -> str:
    corrections = edition.summary.corrections
    if not corrections:
        return ""
    items = []
    for c in corrections:
        line = f"#strong[{text(f'Gecorrigeerd op {c.date_text}')}];{text(': ' + c.reason)}"
        if c.what:
            line += text(f" ({c.what})")
        items.append(f"[{line}]")
    return ("#pagebreak(weak: true)\n#heading(level: 1)[#\"Rectificaties\";]\n\n"
            f"{text('Na publicatie is deze editie gecorrigeerd:')}\n\n#list({', '.join(items)});\n\n")


def _sources(edition: EditionView) -> str:
    rows = []
    for goal in edition.goals:
        for ind in goal.indicators:
            rows.append(f"[{text(f'KPI {ind.number}: {ind.title}')}], [{text(ind.source or 'niet opgegeven')}]")
    for page in edition.pages:
        for block in page.blocks:
            source = getattr(block.table, "source", None) if block.table is not None else None
            if source:
                rows.append(f"[{text(page.title)}], [{text(source)}]")
    if not rows:
        return ""
    # Kept whole (on the next page if need be) when it fits on a page: never one row apart.
    return ("#rp-together[#heading(level: 1)[#\"Bronnen\";]\n\n"
            "#table(columns: (1fr, 1fr), table.header([#strong[#\"Onderdeel\";]], [#strong[#\"Bron\";]]), "
            f"{', '.join(rows)});];\n\n")


def edition_document(edition: EditionView, pages_by_kind: dict[str, list[Page]],
                     settings: PrintSettings) -> TypstDocument:
    """The Typst source of an edition's PDF."""
    out = [_preamble(edition, settings), _cover(edition, settings)]
    out.append("#pagebreak()\n#outline(title: [#\"Inhoud\";], depth: 2)\n")
    charts = 0
    row_headers: list[tuple[tuple[bool, ...], ...]] = []
    for number, section in enumerate(edition_sections(edition, pages_by_kind)):
        if section.page_break:
            out.append("#pagebreak(weak: true)\n")
        if section.lead:
            out.append(section.lead)
        markup, converter = convert(page_html(section.body), heading_offset=section.level - 1,
                                    outlined=section.outlined, split_points=section.keep,
                                    chart_width="rp-w" if section.keep else "72%",
                                    binding_prefix=f"rp-svg-{number}" if section.keep else "")
        out.extend(converter.bindings)
        charts += converter.charts
        row_headers += converter.row_headers
        out.append(_section(section, markup))
    out.append(_corrections(edition))
    out.append(_sources(edition))
    return TypstDocument("\n".join(out), charts, _date(edition.summary.date), tuple(row_headers))
