"""Hostile assets: the logo SVG is parsed and rebuilt from an allow-list, and check-site
finds references to other hosts and scripts in pages, stylesheets and served assets."""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.dom import minidom

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.core.problems import Problems
from generator.load.svg_sanitise import css_unescape, sanitise_svg

REPO = Path(__file__).resolve().parents[2]
SVG = 'xmlns="http://www.w3.org/2000/svg"'


def sanitise(body: str, root: str = f"<svg {SVG}>") -> tuple[str | None, Problems]:
    problems = Problems()
    out = sanitise_svg(f"{root}\n{body}\n</svg>".encode("utf-8"), "content/logo.svg", problems)
    return (out.decode("utf-8") if out is not None else None), problems


def refused(body: str, says: str, line: int = 2) -> None:
    out, problems = sanitise(body)
    assert out is None, out
    texts = [p.format() for p in problems.errors]
    assert any(t.startswith(f"content/logo.svg:{line}: fout: SVG bevat {says}") for t in texts), texts


# --- the sanitiser ---------------------------------------------------------------------

def test_the_example_logo_survives_unchanged_in_shape() -> None:
    raw = (REPO / "content/logo.svg").read_bytes()
    problems = Problems()
    out = sanitise_svg(raw, "content/logo.svg", problems)
    assert out is not None and not problems.items
    before, after = minidom.parseString(raw), minidom.parseString(out)
    tags = lambda d: [(e.tagName, dict(e.attributes.items())) for e in d.getElementsByTagName("*")]  # noqa: E731
    assert tags(before) == tags(after)
    assert b"<!--" not in out  # comments go


@pytest.mark.parametrize("body", [
    '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>',
    '<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>',
    '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
    '<script>alert(1)</script>',
    '<g><metadata><script/></metadata></g>',  # also inside something that would be dropped
    '<SCRIPT xmlns="urn:x">x</SCRIPT>',
])
def test_scripts_in_any_namespace_are_refused(body: str) -> None:
    refused(body, "een script (<script>)")


@pytest.mark.parametrize("body", [
    '<a href="&#x6a;avascript:alert(1)"><rect/></a>',
    '<a href="&#106;avascript:alert(1)"><rect/></a>',
    '<a xmlns:l="http://www.w3.org/1999/xlink" l:href=" java&#9;script:alert(1)"><rect/></a>',
    '<a href="JaVaScRiPt:alert(1)"><rect/></a>',
])
def test_script_links_behind_character_references_are_refused(body: str) -> None:
    refused(body, "een script-link (javascript:)")


@pytest.mark.parametrize("body", [
    '<image href="&#104;ttp://evil.example/p.png"/>',
    '<image href="https://evil.example/p.png"/>',
    '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="//evil.example/s.svg#a"/>',
    '<rect style="fill:url(\\68ttp://evil.example/x)"/>',
    '<rect style="fill:u\\72l(http://evil.example/x)"/>',
    '<rect fill="url(&#104;ttp://evil.example/x)"/>',
    '<rect filter="url(\'https://evil.example/f.svg#f\')"/>',
    '<rect style="fill:url(\\\n//evil.example/x)"/>',
    '<a href="https://evil.example/"><rect/></a>',
])
def test_references_to_other_hosts_behind_escapes_are_refused(body: str) -> None:
    refused(body, "een verwijzing naar een andere website")


@pytest.mark.parametrize("body, says", [
    ('<rect onload="alert(1)"/>', "een script in een attribuut"),
    ('<rect ONCLICK="alert(1)"/>', "een script in een attribuut"),
    ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "ingesloten HTML"),
    ('<image href="data:image/svg+xml;base64,PHN2Zz4="/>', "een ingesloten bestand (data:)"),
    ('<use href="andere.svg#a"/>', "een verwijzing naar een ander bestand"),
    ('<rect style="fill:red;@import \'x.css\'"/>', "een verwijzing naar een ander bestand (@import)"),
])
def test_other_active_content_is_refused(body: str, says: str) -> None:
    refused(body, says)


def test_doctype_and_entities_are_refused_before_parsing() -> None:
    problems = Problems()
    raw = b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "x">]>\n<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert sanitise_svg(raw, "content/logo.svg", problems) is None
    assert problems.errors[0].line == 2 and "DOCTYPE- of ENTITY-declaratie" in problems.errors[0].message


def test_broken_xml_names_its_line() -> None:
    out, problems = sanitise("<g>\n<rect/>")
    assert out is None
    assert problems.errors[0].line == 4 and "SVG is geen geldige XML" in problems.errors[0].message


def test_harmless_unknown_bits_are_dropped_silently() -> None:
    out, problems = sanitise(
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" id="n"/>'
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>'
        '<?xml-stylesheet href="https://evil.example/x.css"?>'
        '<!-- opmerking --><animate attributeName="href" to="x"/>'
        '<a><rect width="3" data-x="1" style="fill:red; behavior:url(#x); position:fixed" fill="url(#g)"/></a>'
        '<linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '<use href="#g"/>',
        root=f'<svg {SVG} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1">',
    )
    assert not problems.items
    assert out == (
        f'<svg {SVG}>\n<g><rect width="3" style="fill:red" fill="url(#g)"/></g>'
        '<linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><use href="#g"/>\n</svg>\n'
    )


def test_a_style_element_is_dropped_with_a_warning() -> None:
    out, problems = sanitise("<style>rect { fill: url(#g) }</style><rect/>")
    assert out == f"<svg {SVG}>\n<rect/>\n</svg>\n"
    assert [(p.severity, p.line) for p in problems] == [("waarschuwing", 2)]
    assert "<style>-blok" in problems.items[0].message


def test_deep_nesting_is_refused() -> None:
    refused("<g>" * 100 + "</g>" * 100, "meer dan 64 geneste elementen")


def test_a_no_namespace_svg_is_published_with_the_namespace() -> None:
    out, problems = sanitise('<rect width="1"/>', root="<svg>")
    assert out == f'<svg {SVG}>\n<rect width="1"/>\n</svg>\n'


# --- property: whatever goes in, nothing active comes out ------------------------------

ELEMENTS = ["rect", "g", "path", "text", "a", "use", "image", "script", "svg:script", "foreignObject",
            "style", "metadata", "linearGradient", "title", "set", "animate", "x:script", "h:script", "feImage"]
NAMES = ["fill", "style", "href", "xlink:href", "onload", "onclick", "id", "d", "filter", "mask", "x",
         "class", "to", "values", "src", "data-x", "x:onload", "clip-path"]
EXTERNAL = ["http://evil.example/x", "https://evil.example/x", "//evil.example/x", "javascript:alert(1)"]


def _escaped(text: str, how: int) -> str:
    """One way of hiding `text` from a regex: XML character references, CSS escapes, case."""
    if how == 1:
        return "".join(f"&#x{ord(c):x};" if c.isalpha() else c for c in text[:3]) + text[3:]
    if how == 2:
        return "".join(f"\\{ord(c):x} " if c.isalpha() else c for c in text)
    if how == 3:
        return text.upper()
    if how == 4:
        return "&#10;" + text
    return text


values = st.one_of(
    st.sampled_from(["#g", "red", "url(#g)", "M0 0L1 1", "1", "fill:red"]),
    st.builds(lambda u, h: _escaped(u, h), st.sampled_from(EXTERNAL), st.integers(0, 4)),
    st.builds(lambda u, h: "url(" + _escaped(u, h) + ")", st.sampled_from(EXTERNAL), st.integers(0, 4)),
    st.builds(lambda u, h: "fill:" + _escaped("url(" + u + ")", h), st.sampled_from(EXTERNAL), st.integers(0, 4)),
    st.text(alphabet="ab#:;()\\/&x ", max_size=12).map(lambda t: t.replace("&", "&amp;")),
)
attributes = st.lists(st.tuples(st.sampled_from(NAMES), values), max_size=3, unique_by=lambda a: a[0])


@st.composite
def documents(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        tag = draw(st.sampled_from(ELEMENTS))
        attrs = "".join(f' {name}="{value.replace(chr(34), "&quot;")}"' for name, value in draw(attributes))
        inner = draw(documents(depth + 1)) if depth < 3 else ""
        parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
    return "".join(parts)


NAMESPACES = ('xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg" '
              'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:x="http://www.w3.org/2000/svg" '
              'xmlns:h="http://www.w3.org/1999/xhtml"')


def assert_inactive(out: bytes) -> None:
    doc = minidom.parseString(out)  # the output is well-formed XML
    for element in doc.getElementsByTagName("*"):
        local = element.localName.lower()
        assert local not in ("script", "foreignobject", "style", "image", "set", "animate", "feimage"), element.tagName
        assert element.namespaceURI == "http://www.w3.org/2000/svg"
        for name, value in element.attributes.items():
            if name == "xmlns" or name.startswith("xmlns:"):
                assert value in ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"), value
                continue
            assert not name.split(":")[-1].lower().startswith("on"), name
            decoded = css_unescape(html.unescape(value)).lower()
            if name.split(":")[-1] == "href":
                assert re.fullmatch(r"#[a-z_][\w.:-]*", value.strip(), re.I), value
            for url in re.findall(r"url\(([^)]*)\)", decoded):
                assert re.fullmatch(r"\s*['\"]?#[\w.:-]+['\"]?\s*", url), value
            assert "javascript" not in decoded and "//" not in decoded and "\\" not in value, value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_sanitised_svg_never_holds_script_handlers_or_external_references(body: str) -> None:
    problems = Problems()
    out = sanitise_svg(f"<svg {NAMESPACES}>{body}</svg>".encode(), "content/logo.svg", problems)
    if out is None:
        assert problems.errors and all(p.line for p in problems.errors)
        return
    assert_inactive(out)
    assert sanitise_svg(out, "content/logo.svg", Problems()) == out  # idempotent


# --- the build publishes the rebuilt logo ----------------------------------------------

def test_the_site_gets_the_rebuilt_logo_not_the_file(example_project: Path) -> None:
    from generator.core.paths import ProjectPaths
    from generator.site.build import _published_logo

    logo = example_project / "content/logo.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace(
        "<title", '<metadata><x:y xmlns:x="urn:x" x:naam="1"/></metadata><title', 1), encoding="utf-8")
    published = _published_logo(ProjectPaths.at(example_project), logo)
    assert published is not None and published != logo
    assert published.read_bytes() == sanitise_svg(logo.read_bytes(), "content/logo.svg", Problems())
    assert b"metadata" not in published.read_bytes()


# --- check-site: every blind spot, static mode -----------------------------------------

def site_with(root: Path, body: str = "", head: str = "", files: dict[str, str] | None = None) -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<!doctype html>\n<html lang="nl">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n', encoding="utf-8")
    for rel, text in (files or {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


def check_site(root: Path, capsys, *extra: str) -> str:
    code = main(["check-site", "--project", str(root), *extra])
    captured = capsys.readouterr()
    assert code == 1, captured.out
    return captured.err


@pytest.mark.parametrize("head, says", [
    ('<meta http-equiv="refresh" content="0;url=http://other.example/">',
     "site/index.html:4: fout: <meta http-equiv=refresh> stuurt door naar `http://other.example/` op een andere server"),
    ('<meta http-equiv=Refresh content="5; URL=\'//other.example/x\'">',
     "site/index.html:4: fout: <meta http-equiv=refresh> stuurt door naar `//other.example/x` op een andere server"),
    ("<style>\nbody { color: red }\n@import 'https://fonts.example/f.css';\n</style>",
     "site/index.html:6: fout: <style> laadt `https://fonts.example/f.css` van een andere server (@import)"),
    ("<style>p { background: url(\\68ttp://evil.example/p.png) }</style>",
     "site/index.html:4: fout: <style> laadt `http://evil.example/p.png` van een andere server (url())"),
])
def test_static_check_reads_head_redirects_and_style_blocks(tmp_path: Path, capsys, head: str, says: str) -> None:
    site_with(tmp_path, head=head)
    assert says in check_site(tmp_path, capsys)


@pytest.mark.parametrize("body, says", [
    ('<p style="background:url(http://evil.example/p.png)">x</p>',
     "site/index.html:7: fout: style laadt `http://evil.example/p.png` van een andere server (url())"),
    ('<p style="background:url(&#104;ttp://evil.example/p.png)">x</p>',
     "site/index.html:7: fout: style laadt `http://evil.example/p.png` van een andere server (url())"),
    ('<svg><image href="https://evil.example/p.png"/></svg>',
     "site/index.html:7: fout: <image href> laadt `https://evil.example/p.png` van een andere server"),
    ('<svg><use xlink:href="//evil.example/s.svg#a"/></svg>',
     "site/index.html:7: fout: <use xlink:href> laadt `//evil.example/s.svg#a` van een andere server"),
    ('<svg><use href=" HTTPS://evil.example/s.svg#a"/></svg>',
     "site/index.html:7: fout: <use href> laadt `HTTPS://evil.example/s.svg#a` van een andere server"),
])
def test_static_check_reads_style_attributes_and_inline_svg(tmp_path: Path, capsys, body: str, says: str) -> None:
    site_with(tmp_path, body=body)
    assert says in check_site(tmp_path, capsys)


def test_static_check_reads_css_imports_and_escapes(tmp_path: Path, capsys) -> None:
    site_with(tmp_path, files={"assets/a.css": "/* url(http://in-a-comment.example) */\n@import \"http://evil.example/a.css\";\n"
                                               "p { background: u\\72l(\\68ttp://evil.example/b.png) }\n"})
    err = check_site(tmp_path, capsys)
    assert "site/assets/a.css:2: fout: stylesheet laadt `http://evil.example/a.css` van een andere server" in err
    assert "site/assets/a.css:3: fout: stylesheet laadt `http://evil.example/b.png` van een andere server" in err
    assert "in-a-comment" not in err


@pytest.mark.parametrize("svg, says", [
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script></svg>',
     "site/assets/logo.svg:2: fout: SVG bevat een script (<script>)"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<a href="&#x6a;avascript:alert(1)"><rect/></a></svg>',
     "site/assets/logo.svg:2: fout: SVG bevat een script-link (javascript:)"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect onclick="x()"/></svg>',
     "site/assets/logo.svg:2: fout: SVG bevat een script in een attribuut"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<image href="&#104;ttp://evil.example/p.png"/></svg>',
     "site/assets/logo.svg:2: fout: SVG verwijst naar `http://evil.example/p.png` op een andere server"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect style="fill:url(\\68ttp://evil.example/x)"/></svg>',
     "site/assets/logo.svg:2: fout: SVG laadt `http://evil.example/x` van een andere server (url())"),
])
def test_static_check_opens_served_svgs(tmp_path: Path, capsys, svg: str, says: str) -> None:
    site_with(tmp_path, body='<img src="assets/logo.svg" alt="">', files={"assets/logo.svg": svg})
    assert says in check_site(tmp_path, capsys)


def test_static_check_reads_the_sites_own_scripts_but_not_the_themes(tmp_path: Path, capsys) -> None:
    import material

    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    site_with(tmp_path, files={
        "assets/eigen.js": 'const ns = "http://www.w3.org/2000/svg";\nfetch("https:\\/\\/evil.example/t");\n',
        f"assets/javascripts/{bundle.name}": bundle.read_text(encoding="utf-8"),
    })
    err = check_site(tmp_path, capsys)
    assert "site/assets/eigen.js:2: fout: script bevat het adres `https://evil.example/t` van een andere server" in err
    assert "w3.org" not in err and "javascripts/bundle" not in err


def test_an_internal_refresh_to_a_missing_page_is_a_broken_link(tmp_path: Path, capsys) -> None:
    site_with(tmp_path, head='<meta http-equiv="refresh" content="0; url=weg/">')
    assert "site/index.html:4: fout: verwijzing naar `weg/`, maar die bestaat niet in de site" in check_site(tmp_path, capsys)


def test_the_built_example_site_passes(tmp_path: Path, capsys) -> None:
    """The real site: the theme's CSS, scripts and the rebuilt logo raise nothing."""
    from badinput.corpus import copy_example

    project = copy_example(tmp_path / "project", unfreeze=False)
    assert main(["build", "--project", str(project)]) == 0
    assert main(["check-site", "--project", str(project)]) == 0, capsys.readouterr().err
    assert (project / "site/assets/logo.svg").read_bytes() == sanitise_svg(
        (project / "content/logo.svg").read_bytes(), "content/logo.svg", Problems())


# --- check-site in the browser ---------------------------------------------------------

def _require_chromium() -> None:
    import os
    import shutil

    if not (shutil.which("chromium") or os.environ.get("RAPPORTAGE_CHROMIUM")):
        if os.environ.get("RAPPORTAGE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium ontbreekt")
        pytest.skip("chromium ontbreekt")


@pytest.mark.browser
def test_browser_sees_a_delayed_refresh_and_opens_svgs(tmp_path: Path, capsys) -> None:
    _require_chromium()
    site_with(tmp_path, head='<meta http-equiv="refresh" content="30;url=https://other.example/">', files={
        "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><x:script xmlns:x="http://www.w3.org/2000/svg">'
                           'fetch("http://tracker.example/t")</x:script></svg>',
    })
    assert main(["check-site", "--browser", "--project", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "site/index.html: fout: de pagina stuurt door naar `https://other.example/` op een andere server" in err
    assert "site/assets/logo.svg: fout: de pagina vraagt `http://tracker.example/t` op bij een andere server" in err
