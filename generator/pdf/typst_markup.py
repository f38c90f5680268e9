"""The site's page HTML -> Typst markup, for the edition PDF.

Every piece of text (editor text included) becomes a Typst *string literal* (`#"...";`),
so no text can ever become Typst code: the only Typst syntax in the output is what this
module writes. Elements map to Typst's semantic elements, which Typst tags for PDF/UA:
headings, paragraphs, lists, tables with `table.header` (TH cells, repeated on every page),
charts as figures with `alt` (the chart's Dutch summary) followed by their data table.
Status icons are drawn as artifacts; the status word next to them is the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Parts of a site page that mean nothing on paper: links to the PDF itself, breadcrumbs,
# the per-page edition banner (the cover and the corrections section say it once),
# CSV downloads, the "show table" toggles, text for screen readers only.
_DROP_CLASSES = frozenset({
    "rp-download", "rp-breadcrumb", "rp-edition-banner", "rp-chart__download", "rp-sr-only",
    "rp-changes-link", "rp-other-editions",
})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "nav", "figure", "table", "ul", "ol", "dl",
    "details", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "aside", "header", "footer",
})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source"})
_SVG = re.compile(r"<svg\b.*?</svg\s*>", re.S)
_SVG_MARK = re.compile(r"rp-svg-(\d+)")
# Where a page may go on to a next page (after a chart, before a heading): with NUL bytes,
# which no text can hold in the markup (string() escapes control characters), so a mark is
# only ever ours. `split_parts` keeps the marks outside any call or content block.
SPLIT_MARK = "\x00rp-split\x00"
_MARKUP_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\](){}]|\x00rp-split\x00')
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A chart's data table and a history table this narrow print side by side.
_NARROW_COLUMNS = 4

# Status colours of the icons (the site's CSS gives them through currentColor).
STATUS_COLOURS = {
    "groen": "#1a7f37", "oranje": "#a85400", "rood": "#c62828", "afgerond": "#1f5f99",
}
_DEFAULT_ICON_COLOUR = "#555555"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def _escape(match: re.Match) -> str:
    ch = match.group(0)
    return _ESCAPES.get(ch) or f"\\u{{{ord(ch):x}}}"


def string(text: str) -> str:
    """A Typst string literal holding `text` exactly (backslash, quote and control characters escaped)."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def text(value: str) -> str:
    """Plain text as Typst markup (a string literal, ended so nothing can continue it)."""
    return f"#{string(value)};" if value else ""


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text_content(self) -> str:
        return "".join(c if isinstance(c, str) else c.text_content() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self, svgs: list[str]):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]
        self.svgs = svgs

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_comment(self, data):
        match = _SVG_MARK.fullmatch(data.strip())
        if match:
            self.stack[-1].children.append(Node("svg", {"data-svg": match.group(1)}))


def parse(html: str) -> tuple[Node, list[str]]:
    """The HTML as a tree; inline SVGs are kept whole (as `svg` nodes pointing into the list)."""
    svgs: list[str] = []

    def lift(match: re.Match) -> str:
        svgs.append(match.group(0))
        return f"<!--rp-svg-{len(svgs) - 1}-->"

    builder = _TreeBuilder(svgs)
    builder.feed(_SVG.sub(lift, html))
    builder.close()
    return builder.root, svgs


@dataclass
class Converter:
    """Turns one page's HTML tree into Typst markup; `heading_offset` shifts h1..h6."""

    svgs: list[str]
    heading_offset: int = 0
    outlined: bool = True  # the page's own headings in the contents
    charts: int = 0  # figures written (for tests and the report)
    # Per table written, per body row: which cells are row headers (`<th>` outside the
    # head). Typst tags them as TD; typst_tags.py makes them TH with row scope.
    row_headers: list[tuple[tuple[bool, ...], ...]] = field(default_factory=list)
    split_points: bool = False  # mark SPLIT_MARK after each chart and before each heading (a KPI page)
    chart_width: str = "72%"  # a chart's width: Typst code (a ratio, or a name bound by the caller)
    # With a prefix, each chart's SVG is bound to a name (`bindings`, Typst `#let` lines the
    # caller puts before the markup) instead of written inline.
    binding_prefix: str = ""
    bindings: list[str] = field(default_factory=list)
    in_cards: int = 0  # inside a grid of series cards

    def blocks(self, node: Node) -> str:
        """The children; runs of two or more table wrappers (a KPI's history per series)
        side by side in two columns, so a KPI fits on its page."""
        out: list[str] = []
        run: list[Node] = []

        def flush() -> None:
            if len(run) >= 2:
                # Each table whole in its cell (a caption never apart from its table).
                cells = ", ".join(f"block(breakable: false)[{self.node(t).strip()}]" for t in run)
                out.append(f"\n\n#grid(columns: (1fr, 1fr), column-gutter: 1.2em, row-gutter: 0.8em, {cells});\n\n")
            else:
                out.extend(self.node(t) for t in run)
            run.clear()

        children = node.children
        i = 0
        while i < len(children):
            child = children[i]
            paired = self._paired_chart(children, i)
            if paired is not None:
                flush()
                markup, i = paired
                out.append(markup)
                continue
            i += 1
            if isinstance(child, Node) and "rp-table-wrap" in child.classes:
                run.append(child)
            elif isinstance(child, str) and not child.strip() and run:
                continue  # between two table wrappers; elsewhere a space is a space
            else:
                flush()
                out.append(self.node(child))
        flush()
        return "".join(out)

    def _paired_chart(self, children: list[Node | str], i: int) -> tuple[str, int] | None:
        """A chart whose narrow data table is followed by a heading and one narrow table (a
        KPI's chart and its history): the two tables side by side under the chart, so a KPI
        fits on its page. Returns the markup and the index after what it used, or None."""
        def significant(j: int) -> tuple[Node | None, int]:
            while j < len(children) and isinstance(children[j], str) and not children[j].strip():
                j += 1
            child = children[j] if j < len(children) else None
            return (child if isinstance(child, Node) else None), j

        charts, j = significant(i)
        if charts is None or "rp-charts" not in charts.classes:
            return None
        figures = [c for c in charts.children if isinstance(c, Node)]
        if len(figures) != 1 or "rp-chart" not in figures[0].classes:
            return None
        heading, h = significant(j + 1)
        wrap, w = significant(h + 1)
        after, _ = significant(w + 1)
        if heading is None or heading.tag not in _HEADINGS or wrap is None or "rp-table-wrap" not in wrap.classes:
            return None
        if after is not None and "rp-table-wrap" in after.classes:
            return None  # a history of several series: in two columns of its own
        data = [t for t in _walk(figures[0]) if t.tag == "table"]
        history = [t for t in _walk(wrap) if t.tag == "table"]
        if len(data) != 1 or len(history) != 1 or max(_table_width(data[0]), _table_width(history[0])) > _NARROW_COLUMNS:
            return None
        figure, data_markup = self._chart_parts(figures[0])
        if not figure:
            return None
        right = f"{self.node(heading).strip()}\n\n{self.node(wrap).strip()}"
        # Each table's share of the width by its number of columns.
        shares = f"({_table_width(data[0])}fr, {_table_width(history[0])}fr)"
        grid = (f"#grid(columns: {shares}, column-gutter: 1.6em, block(breakable: false)[{data_markup.strip()}], "
                f"block(breakable: false)[{right}]);")
        return f"{figure}{self._split()}\n\n{grid}\n\n", w + 1

    def _split(self) -> str:
        """A place where this page may go on to the next page."""
        return f"\n\n{SPLIT_MARK}\n\n" if self.split_points else ""

    def _div(self, node):
        if "rp-legend" in node.classes:  # its title ("Legenda") never apart from its list
            return f"\n\n#block(breakable: false)[{self.blocks(node).strip()}];\n\n"
        if "rp-cards" in node.classes:
            cards = [c for c in node.children if isinstance(c, Node)]
            if len(cards) >= 2:
                columns = min(3, len(cards))
                self.in_cards += 1
                cells = ", ".join(f"block(width: 100%, inset: 6pt, stroke: 0.5pt + luma(190), radius: 3pt)[{self.blocks(c).strip()}]" for c in cards)
                self.in_cards -= 1
                return f"\n\n#grid(columns: {columns}, column-gutter: 0.8em, row-gutter: 0.8em, {cells});\n\n"
        return f"\n\n{self.blocks(node)}\n\n"

    def inline(self, node: Node) -> str:
        out = "".join(self.node(c) for c in node.children)
        return re.sub(r"\n{2,}", " ", out).strip()

    def node(self, node: Node | str) -> str:
        if isinstance(node, str):
            collapsed = re.sub(r"\s+", " ", node)
            if not collapsed.strip():
                return " " if collapsed else ""
            return text(collapsed)
        if node.classes & _DROP_CLASSES or node.attrs.get("hidden") is not None and "hidden" in node.attrs:
            return ""
        tag = node.tag
        handler = getattr(self, f"_{tag}", None)
        if handler is not None:
            return handler(node)
        if tag in ("script", "style", "summary", "img", "input", "button", "template", "hr"):
            return ""
        if tag in _BLOCK:
            return f"\n\n{self.blocks(node)}\n\n"
        return self.blocks(node)  # span, a, time, abbr, ...: their content

    # -- block elements --------------------------------------------------------------

    def _heading(self, node: Node, level: int) -> str:
        level = min(6, level + self.heading_offset)
        outlined = "" if self.outlined else ", outlined: false"
        return f"{self._split()}\n\n#heading(level: {level}{outlined})[{self.inline(node)}]\n\n"

    def _h1(self, node): return self._heading(node, 1)
    def _h2(self, node): return self._heading(node, 2)
    def _h3(self, node): return self._heading(node, 3)
    def _h4(self, node): return self._heading(node, 4)
    def _h5(self, node): return self._heading(node, 5)
    def _h6(self, node): return self._heading(node, 6)

    def _p(self, node):
        body = self.inline(node)
        return f"\n\n{body}\n\n" if body else ""

    def _ul(self, node):
        return self._list(node, "list")

    def _ol(self, node):
        return self._list(node, "enum")

    def _list(self, node: Node, func: str) -> str:
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
        if not items:
            return ""
        parts = ", ".join(f"[{self._item(li)}]" for li in items)
        return f"\n\n#{func}({parts});\n\n"

    def _item(self, li: Node) -> str:
        return self.blocks(li).strip()

    def _dl(self, node):
        if "rp-series__facts" in node.classes and not self.in_cards:
            return self._facts(node)
        rows = []
        whole = "rp-about" in node.classes  # a KPI's "Over deze indicator": a few lines, never split
        for child in node.children:
            if not isinstance(child, Node):
                continue
            pairs = [child] if child.tag in ("dt", "dd") else [c for c in child.children if isinstance(c, Node)]
            for item in pairs:
                if item.tag == "dt":
                    rows.append(f"#strong[{self.inline(item)}];#\": \";")
                elif item.tag == "dd":
                    rows.append(f"{self.inline(item)}\n\n")
        if whole:
            return f"\n\n#block(breakable: false)[{''.join(rows).strip()}];\n\n"
        return "\n\n" + "".join(rows) + "\n\n"

    def _facts(self, node: Node) -> str:
        """A single series' facts (Doel, Afwijking, ...) on one row instead of one line each."""
        cells = []
        for item in (c for c in node.children if isinstance(c, Node)):
            pairs = [c for c in item.children if isinstance(c, Node) and c.tag in ("dt", "dd")]
            if pairs:
                cells.append("[" + "".join(
                    f"#strong[{self.inline(p)}];#\": \";" if p.tag == "dt" else self.inline(p) for p in pairs) + "]")
        if not cells:
            return ""
        return f"\n\n#grid(columns: {len(cells)}, column-gutter: 1.6em, {', '.join(cells)});\n\n"

    def _blockquote(self, node):
        return f"\n\n#quote(block: true)[{self.blocks(node).strip()}];\n\n"

    def _pre(self, node):
        return f"\n\n#raw(block: true, {string(node.text_content())});\n\n"

    def _details(self, node):
        return f"\n\n{self.blocks(node)}\n\n"  # the toggle's content, always shown; <summary> dropped

    # -- inline elements -------------------------------------------------------------

    def _strong(self, node):
        inner = self.inline(node)
        return f"#strong[{inner}];" if inner else ""

    _b = _strong

    def _em(self, node):
        inner = self.inline(node)
        return f"#emph[{inner}];" if inner else ""

    _i = _em

    def _code(self, node):
        return f"#raw({string(node.text_content())});"

    def _br(self, node):
        return "#linebreak();"

    def _svg(self, node):
        """An inline SVG that is not a chart: a status icon (an artifact) or a decoration (dropped)."""
        return ""

    # -- tables and charts -----------------------------------------------------------

    def _figure(self, node):
        if "rp-chart" in node.classes:
            return self._chart(node)
        return f"\n\n{self.blocks(node)}\n\n"

    def _chart(self, node: Node) -> str:
        figure, data = self._chart_parts(node)
        if not figure:
            return ""
        return f"{figure}{self._split()}{data}\n\n"

    def _chart_parts(self, node: Node) -> tuple[str, str]:
        """A chart as (its figure and summary, its data table); ("", "") without an SVG."""
        title = summary = ""
        svg: str | None = None
        rest: list[Node | str] = []
        for el in _walk(node):
            if "rp-chart__title" in el.classes and not title:
                title = el.text_content().strip()
            elif "rp-chart__summary" in el.classes and not summary:
                summary = el.text_content().strip()
            elif el.tag == "svg" and "data-svg" in el.attrs and svg is None:
                svg = self.svgs[int(el.attrs["data-svg"])]
        for child in node.children:
            if isinstance(child, Node) and child.tag == "details":
                rest.append(child)
        if svg is None:
            return "", ""
        self.charts += 1
        alt = summary or title
        data = "".join(self.node(c) for c in rest)
        data_code = f"bytes({string(svg)})"
        if self.binding_prefix:  # bound once, outside rp-keep's parts: its measures do not copy the SVG
            name = f"{self.binding_prefix}-{len(self.bindings)}"
            self.bindings.append(f"#let {name} = {data_code}\n")
            data_code = name
        image = f"image({data_code}, format: \"svg\", alt: {string(alt)}, width: {self.chart_width})"
        caption = f"[{text(title)}]"
        # A chart never splits: the figure is one unbreakable block; its summary is printed too.
        figure = (f"\n\n#block(breakable: false, figure({image}, caption: {caption}, kind: image, supplement: none));\n\n"
                  f"#text(size: 8.5pt, {string(summary)});\n\n")
        return figure, data

    def _table(self, node: Node) -> str:
        caption = ""
        head_rows: list[Node] = []
        body_rows: list[Node] = []
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if child.tag == "caption":
                caption = self.inline(child)
            elif child.tag == "thead":
                head_rows += [r for r in child.children if isinstance(r, Node) and r.tag == "tr"]
            elif child.tag in ("tbody", "tfoot"):
                body_rows += [r for r in child.children if isinstance(r, Node) and r.tag == "tr"]
            elif child.tag == "tr":
                body_rows.append(child)
        rows = head_rows + body_rows
        if not rows:
            return ""
        columns = _column_count(rows)
        cells = []
        if head_rows:
            header = ", ".join(self._cell(c, header=True) for r in head_rows for c in _cells(r))
            cells.append(f"table.header({header})")
        for row in body_rows:
            cells.extend(self._cell(c) for c in _cells(row))
        self.row_headers.append(tuple(tuple(c.tag == "th" for c in _cells(r)) for r in body_rows))
        table = f"table(columns: {columns}, {', '.join(cells)})"
        if caption:
            return f"\n\n#figure({table}, caption: figure.caption(position: top)[{caption}], kind: table);\n\n"
        return f"\n\n#{table};\n\n"

    def _cell(self, cell: Node, header: bool = False) -> str:
        args = []
        for name in ("colspan", "rowspan"):
            value = cell.attrs.get(name, "")
            if value.isdigit() and int(value) > 1:
                args.append(f"{name}: {int(value)}")
        if "rp-num" in cell.classes:
            args.append("align: right")
        content = f"[{self.inline(cell)}]"
        if cell.tag == "th" and not header:
            # A row header: bold on a light fill. Typst tags only `table.header` cells as TH
            # (column scope); row-scoped TH needs `pdf.header-cell`, behind Typst's
            # a11y-extras feature flag, which the Python binding cannot switch on.
            content = f"strong{content}"
            args.append("fill: luma(242)")
        elif header:
            content = f"strong{content}"
        if args:
            return f"table.cell({', '.join(args)}, {content})"
        return content


def _walk(node: Node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from _walk(child)


def _table_width(table: Node) -> int:
    rows = [r for r in _walk(table) if r.tag == "tr"]
    return _column_count(rows) if rows else 0


def _cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]


def _column_count(rows: list[Node]) -> int:
    """Columns of a table: the widest row, counting cells spanned from rows above."""
    width = 0
    carry: list[int] = []  # per column: rows still covered by a rowspan from above
    for row in rows:
        col = 0
        covered = [c for c in carry]
        new_carry = [max(0, c - 1) for c in carry]
        for cell in _cells(row):
            while col < len(covered) and covered[col] > 0:
                col += 1
            span = int(cell.attrs.get("colspan", "1") or 1) if (cell.attrs.get("colspan") or "1").isdigit() else 1
            rowspan = int(cell.attrs.get("rowspan", "1") or 1) if (cell.attrs.get("rowspan") or "1").isdigit() else 1
            for k in range(col, col + span):
                while len(new_carry) <= k:
                    new_carry.append(0)
                new_carry[k] = max(new_carry[k], rowspan - 1)
            col += span
        while col < len(covered) and covered[col] > 0:
            col += 1
        width = max(width, col)
        carry = new_carry
    return max(width, 1)


def icon(svg: str, status: str) -> str:
    """A status icon: an artifact (the status word next to it is the text)."""
    colour = STATUS_COLOURS.get(status, _DEFAULT_ICON_COLOUR)
    svg = svg.replace("currentColor", colour)
    return f"#pdf.artifact(box(baseline: 15%, image(bytes({string(svg)}), format: \"svg\", height: 0.9em)));#h(0.25em);"


class PageConverter(Converter):
    """Also draws status icons (`span.rp-status--<status>` around an inline SVG)."""

    def _span(self, node):
        if "rp-was" in node.classes:  # a block of its own on the site ("verbeterd, was oranje")
            return f"#linebreak();#text(size: 0.85em)[{self.inline(node)}];"
        status = next((c.removeprefix("rp-status--") for c in node.classes if c.startswith("rp-status--")), None)
        if status is None:
            return self.blocks(node)
        out = []
        for child in node.children:
            if isinstance(child, Node) and child.tag == "svg" and "data-svg" in child.attrs:
                out.append(icon(self.svgs[int(child.attrs["data-svg"])], status))
            else:
                out.append(self.node(child))
        return "".join(out)


def html_to_typst(html: str, heading_offset: int = 0, outlined: bool = True) -> tuple[str, int]:
    """Typst markup for a page body in HTML; returns it with the number of charts in it."""
    markup, converter = convert(html, heading_offset, outlined)
    return markup, converter.charts


def convert(html: str, heading_offset: int = 0, outlined: bool = True,
            split_points: bool = False, chart_width: str = "72%", binding_prefix: str = "") -> tuple[str, Converter]:
    """Typst markup for a page body in HTML, with the converter (charts, row headers).
    `split_points`: put SPLIT_MARK after each chart and before each heading (where a KPI
    may go on to a next page, see `split_parts`); `chart_width`: Typst code for the charts' width;
    `binding_prefix`: see Converter."""
    root, svgs = parse(html)
    converter = PageConverter(svgs, heading_offset, outlined, split_points=split_points,
                              chart_width=chart_width, binding_prefix=binding_prefix)
    markup = converter.blocks(root)
    return re.sub(r"\n{3,}", "\n\n", markup).strip(), converter


def split_parts(markup: str) -> list[str]:
    """The markup cut at its split marks that stand outside every call, content block and
    string (a mark inside a grid cell or a list item cannot be a page's split); the other
    marks are dropped. Parts without content are left out."""
    parts: list[str] = []
    depth = start = 0
    pieces: list[str] = []
    for match in _MARKUP_TOKENS.finditer(markup):
        token = match.group(0)
        if token in "[({":
            depth += 1
        elif token in "])}":
            depth -= 1
        elif token == SPLIT_MARK:
            pieces.append(markup[start:match.start()])
            start = match.end()
            if depth == 0:
                parts.append("".join(pieces))
                pieces = []
    pieces.append(markup[start:])
    parts.append("".join(pieces))
    return [part.strip() for part in parts if part.strip()]
