"""An editor's SVG, parsed as XML and rebuilt from an allow-list.

An SVG is a document: opened on its own (the logo's address) a script in it runs on the
site's origin, a link in it fires on a click, and every `href` or `url()` can make the
reader's browser ask another host for something. A regex over the text is not enough:
XML resolves namespace prefixes (`<svg:script>`) and character references
(`&#x6a;avascript:`), CSS resolves escapes (`url(\\68ttp://...)`). So the file is parsed
by expat (no DTD: a DOCTYPE or ENTITY is refused before parsing), and what is published
is a new document written from the parsed tree: only known SVG elements and attributes,
`href` only to `#id` in the same document, `url()` only as `url(#id)`, style only as
known presentation properties. What is dangerous is refused with its line; harmless
unknown bits (editor metadata, comments, unknown attributes) are left out silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from generator.core.problems import Problems

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_DEPTH = 64
HINT = "exporteer het logo opnieuw als eenvoudige SVG (zonder scripts, koppelingen en ingesloten bestanden) of als PNG"

# Elements kept (SVG namespace, or no namespace under a no-namespace <svg> root).
ELEMENTS = frozenset("""
svg g defs symbol use title desc path rect circle ellipse line polyline polygon text tspan textPath
linearGradient radialGradient stop clipPath mask pattern marker
""".split())
# Unwrapped: the element goes, its children stay (a link around a shape).
UNWRAP = frozenset({"a", "switch"})
# Refused wherever they are and in whichever namespace.
REFUSED_ELEMENTS = {
    "script": "een script (<script>)",
    "handler": "een script (<handler>)",
    "listener": "een script (<listener>)",
    "foreignobject": "ingesloten HTML (<foreignObject>)",
    "iframe": "een ingesloten pagina of object",
    "embed": "een ingesloten pagina of object",
    "object": "een ingesloten pagina of object",
}
# CSS presentation properties, as attributes and in style="".
PRESENTATION = frozenset("""
fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit
stroke-dasharray stroke-dashoffset stroke-opacity opacity color display visibility
font-family font-size font-weight font-style font-variant font-stretch letter-spacing word-spacing
text-anchor text-decoration dominant-baseline alignment-baseline baseline-shift writing-mode direction
clip-path clip-rule mask stop-color stop-opacity shape-rendering text-rendering color-interpolation
vector-effect paint-order transform-origin marker-start marker-mid marker-end
""".split())
ATTRIBUTES = PRESENTATION | frozenset("""
id class x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points transform viewBox
preserveAspectRatio version role focusable dx dy rotate textLength lengthAdjust startOffset
offset gradientUnits gradientTransform spreadMethod clipPathUnits maskUnits maskContentUnits
patternUnits patternContentUnits patternTransform markerUnits markerWidth markerHeight refX refY orient
pathLength style lang tabindex
""".split())
ARIA = re.compile(r"aria-[a-z]+")
SAME_DOCUMENT = re.compile(r"#[A-Za-z_][\w.:-]*")
URL_TOKEN = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)]*))\s*\)", re.I)
SAFE_CSS_VALUE = re.compile(r"[\w\s#%.,()+\-'\"!]*")
SAFE_PLAIN_VALUE = re.compile(r"[\w\s.,%+\-#()]*")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(\n)|(.))", re.S)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def css_unescape(text: str) -> str:
    """CSS escapes resolved: `\\68ttp` -> `http`, `\\:` -> `:`; an escaped newline vanishes."""
    def one(m: re.Match) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return "" if m.group(2) else m.group(3)
    return _CSS_ESCAPE.sub(one, text)


def strip_css_comments(text: str) -> str:
    return re.sub(r"/\*.*?(?:\*/|$)", " ", text, flags=re.S)


def url_kind(url: str) -> str | None:
    """Why a URL may not be in an image: None for `#id`, else a Dutch description."""
    bare = _CONTROL.sub("", url)
    if SAME_DOCUMENT.fullmatch(bare):
        return None
    lower = bare.lower()
    if lower.startswith(("javascript:", "vbscript:")):
        return "een script-link (javascript:)"
    if lower.startswith(("http:", "https:", "//", "\\\\", "/\\", "ftp:")):
        return "een verwijzing naar een andere website"
    if lower.startswith("data:"):
        return "een ingesloten bestand (data:)"
    return "een verwijzing naar een ander bestand"


class Refused(Exception):
    def __init__(self, line: int, what: str) -> None:
        super().__init__(what)
        self.line, self.what = line, what


@dataclass
class _Node:
    tag: str  # local name
    attrs: list[tuple[str, str]]  # (output name, value), already checked
    line: int
    children: list[_Node | str] = field(default_factory=list)
    keep: bool = True  # False: the node and its subtree are left out
    unwrap: bool = False


def _css_value(value: str, line: int) -> str | None:
    """A presentation value after CSS unescaping; Refused for a forbidden url(), None to drop it."""
    decoded = css_unescape(strip_css_comments(value))
    for m in URL_TOKEN.finditer(decoded):
        target = next(g for g in m.groups() if g is not None).strip()
        what = url_kind(target)
        if what:
            raise Refused(line, what)
    low = decoded.lower()
    if "url(" in low.replace(" ", "") and not URL_TOKEN.search(decoded):
        raise Refused(line, "een verwijzing (url()) die niet te lezen is")
    if "\\" in decoded or "@" in decoded or "expression" in low or not SAFE_CSS_VALUE.fullmatch(decoded):
        return None
    return decoded.strip()


def _style(value: str, line: int) -> str | None:
    decoded = css_unescape(strip_css_comments(value))
    if "@import" in decoded.lower():
        raise Refused(line, "een verwijzing naar een ander bestand (@import)")
    kept = []
    for declaration in decoded.split(";"):
        name, sep, val = declaration.partition(":")
        name = name.strip().lower()
        if not sep:
            continue
        checked = _css_value(val, line)
        if name in PRESENTATION and checked:
            kept.append(f"{name}:{checked}")
    return ";".join(kept) or None


class _Builder:
    def __init__(self, problems: Problems, rel: str) -> None:
        self.problems, self.rel = problems, rel
        self.stack: list[_Node] = []
        self.root: _Node | None = None
        self.no_namespace_root = False
        self.uses_xlink = False
        self.style_line: int | None = None
        self.parser: expat.XMLParserType | None = None

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber if self.parser else 1

    def start(self, name: str, attributes: dict[str, str]) -> None:
        line = self.line
        ns, _, local = name.rpartition(" ")
        if local.lower() in REFUSED_ELEMENTS:
            raise Refused(line, REFUSED_ELEMENTS[local.lower()])
        parent = self.stack[-1] if self.stack else None
        if len(self.stack) >= MAX_DEPTH:
            raise Refused(line, f"meer dan {MAX_DEPTH} geneste elementen")
        if parent is None:
            if local != "svg" or ns not in (SVG_NS, ""):
                raise Refused(line, "geen <svg> als buitenste element")
            self.no_namespace_root = ns == ""
        in_svg = ns == SVG_NS or (ns == "" and self.no_namespace_root)
        node = _Node(local, [], line)
        if not in_svg or (local not in ELEMENTS and local not in UNWRAP) or (parent is not None and not parent.keep):
            node.keep = False
            if local == "style" and in_svg and (parent is None or parent.keep) and self.style_line is None:
                self.style_line = line
        node.unwrap = local in UNWRAP
        node.attrs = self._attributes(attributes, line, node)
        if parent is None:
            self.root = node
        else:
            parent.children.append(node)
        self.stack.append(node)

    def _attributes(self, attributes: dict[str, str], line: int, node: _Node) -> list[tuple[str, str]]:
        kept = []
        for name, value in attributes.items():
            ns, _, local = name.rpartition(" ")
            if local.lower().startswith("on"):
                raise Refused(line, "een script in een attribuut (on...=)")
            if local == "href" and ns in ("", XLINK_NS):
                what = url_kind(value)
                if what:
                    raise Refused(line, what)
                if node.tag in ("use", "linearGradient", "radialGradient", "pattern", "textPath"):
                    kept.append(("xlink:href" if ns else "href", value.strip()))
                    self.uses_xlink |= bool(ns)
                continue
            if ns == XML_NS and local in ("lang", "space"):
                kept.append((f"xml:{local}", value))
                continue
            if ns or node.unwrap:
                if ns and local in ("src", "action", "formaction", "data"):
                    raise Refused(line, url_kind(value) or "een verwijzing naar een ander bestand")
                continue
            # every value is checked, even one left out: a url() to elsewhere is refused
            if "url(" in css_unescape(value).lower().replace(" ", ""):
                _css_value(value, line)
            if local == "style":
                style = _style(value, line)
                if style:
                    kept.append(("style", style))
            elif local in PRESENTATION:
                checked = _css_value(value, line)
                if checked is not None:
                    kept.append((local, checked))
            elif ARIA.fullmatch(local) or local in ("role", "lang"):
                kept.append((local, value))  # text for screen readers
            elif local == "id" or local == "class":
                if re.fullmatch(r"[\w.:\- ]*", value) and "//" not in value:
                    kept.append((local, value))
            elif local in ATTRIBUTES and SAFE_PLAIN_VALUE.fullmatch(value):
                kept.append((local, value))  # numbers, path data, keywords
        return kept

    def end(self, name: str) -> None:
        self.stack.pop()

    def text(self, data: str) -> None:
        if self.stack and self.stack[-1].keep:
            self.stack[-1].children.append(data)

    def refuse_dtd(self, *args) -> None:
        raise Refused(self.line, "een DOCTYPE- of ENTITY-declaratie")


_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)


def sanitise_svg(raw: bytes, rel: str, problems: Problems) -> bytes | None:
    """The rebuilt SVG (UTF-8), or None with a Dutch problem at the offending line."""
    def refuse(line: int, what: str) -> None:
        problems.add(rel, line, f"SVG bevat {what}; dat is niet toegestaan in een afbeelding op de site", HINT)

    dtd = _DTD.search(raw)
    if dtd:
        refuse(raw.count(b"\n", 0, dtd.start()) + 1, "een DOCTYPE- of ENTITY-declaratie")
        return None
    builder = _Builder(problems, rel)
    parser = expat.ParserCreate("utf-8", namespace_separator=" ")
    builder.parser = parser
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.text
    parser.StartDoctypeDeclHandler = builder.refuse_dtd
    parser.EntityDeclHandler = builder.refuse_dtd
    parser.ExternalEntityRefHandler = builder.refuse_dtd
    try:
        parser.Parse(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw, True)
    except Refused as exc:
        refuse(exc.line, exc.what)
        return None
    except expat.ExpatError as exc:
        problems.add(
            rel, exc.lineno, f"SVG is geen geldige XML ({expat.ErrorString(exc.code)})",
            "open het bestand in een tekeneditor en sla het opnieuw op als SVG, of gebruik een PNG",
        )
        return None
    if builder.root is None:
        problems.add(rel, 1, "dit is geen SVG-afbeelding", "sla de afbeelding opnieuw op als SVG of PNG")
        return None
    if builder.style_line is not None:
        problems.add(
            rel, builder.style_line, "het <style>-blok in de SVG is weggelaten (opmaak in CSS wordt niet overgenomen)",
            "zet kleuren en lijnen als attributen op de vormen (fill, stroke) of in style=\"...\"",
            severity="waarschuwing",
        )
    return serialise(builder.root, builder.uses_xlink).encode("utf-8")


# Characters XML 1.0 does not allow (a CSS escape such as `\\b` decodes to one).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escape(text: str, attribute: bool = False) -> str:
    text = _NOT_XML.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return text


def serialise(root: _Node, uses_xlink: bool = False) -> str:
    out: list[str] = []

    def write(node: _Node, top: bool) -> None:
        if not node.keep:
            return
        if node.unwrap:
            node = _Node("g", [], node.line, node.children)
        attrs = "".join(f' {name}="{_escape(value, True)}"' for name, value in node.attrs if name != "xmlns")
        if top:
            attrs = f' xmlns="{SVG_NS}"' + (f' xmlns:xlink="{XLINK_NS}"' if uses_xlink else "") + attrs
        out.append(f"<{node.tag}{attrs}")
        children = [c for c in node.children if isinstance(c, str) or c.keep]
        if not children:
            out.append("/>")
            return
        out.append(">")
        for child in children:
            if isinstance(child, str):
                out.append(_escape(child))
            else:
                write(child, False)
        out.append(f"</{node.tag}>")

    write(root, True)
    return "".join(out) + "\n"
