"""Hostile content never runs: narrative Markdown is sanitised, template syntax in editor
text is data (never compiled), and plain text reaches the page escaped everywhere,
including the parts MkDocs and its theme print themselves (<title>, nav, site name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from badinput.corpus import copy_example
from generator.cli import main
from generator.core.paths import ProjectPaths
from generator.compute.pages import refused_directive
from generator.core.markdown import inspect_markdown, render_markdown
from generator.render.environment import make_environment

# --- the sanitiser ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown, gone",
    [
        ('Tekst <script>alert("x")</script>', "<script"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("[klik](javascript:alert(1))", "javascript:"),
        ('<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', "script:"),
        ('<iframe src="https://voorbeeld.nl"></iframe>', "<iframe"),
        ("<svg onload=alert(1)></svg>", "<svg"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<p style="background:url(https://voorbeeld.nl/pixel)">x</p>', "voorbeeld.nl"),
        ("<form action=https://voorbeeld.nl><input name=wachtwoord></form>", "<input"),
        ("<scr<script>ipt>alert(1)</script>", "<script"),
        ('<object data="x.swf"></object><embed src="x.swf">', "swf"),
        ("<style>body{display:none}</style>", "display:none"),
    ],
)
def test_active_content_never_reaches_the_html(markdown: str, gone: str) -> None:
    html = render_markdown(markdown)
    assert gone not in html.lower()
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in ("script", "iframe", "svg", "object", "embed", "form", "input", "style")
        assert not [a for a in tag.attrs if a.startswith("on") or a == "style"]


def test_allowed_formatting_still_works() -> None:
    html = render_markdown(
        "## Kop\n\n**vet**, *schuin*, <sup>2</sup> en [bron](https://cbs.nl \"CBS\").\n\n"
        "- een\n- twee\n\n| KPI | Waarde |\n|---|---:|\n| Wachttijd | 42 |\n\n`code` en <mailto:team@lindewaard.nl>\n"
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h4.text == "Kop"  # demoted under the page's own headings
    assert soup.strong.text == "vet" and soup.em.text == "schuin" and soup.sup.text == "2"
    link = soup.find("a", string="bron")
    assert link["href"] == "https://cbs.nl" and link["title"] == "CBS" and "noopener" in link["rel"]
    assert [li.text for li in soup.select("ul li")] == ["een", "twee"]
    assert [td.text for td in soup.select("tbody td")] == ["Wachttijd", "42"]
    assert soup.code.text == "code"
    assert soup.find("a", string="team@lindewaard.nl") is not None


def test_code_spans_show_html_as_text() -> None:
    html = render_markdown("Schrijf nooit `<script>` in een toelichting.")
    assert "<code>&lt;script&gt;</code>" in html
    assert inspect_markdown("Schrijf nooit `<script>` in een toelichting.") == []


def test_findings_separate_active_from_harmless() -> None:
    findings = inspect_markdown('<div>blok</div> <img src="x.png" onerror="alert(1)"> [share](file://server/map)')
    assert {(f.active, f.message) for f in findings} == {
        (False, "HTML-element `<div>` wordt niet ondersteund; het wordt weggelaten"),
        (False, "HTML-element `<img>` wordt niet ondersteund; afbeeldingen worden niet getoond"),
        (True, "HTML-attribuut `onerror` (een script) is niet toegestaan en wordt verwijderd"),
        (False, "een `file:`-link wordt niet als link getoond; alleen http, https en mailto"),
    }


# --- template syntax -------------------------------------------------------------------------
# Directives in narrative and free pages ({{ kpi("...") }}, generator/compute/pages.py) are
# the only template code an editor may write; `refused_directive` judges it before anything
# is evaluated, so code, and work that would hang the build, never runs.


def _refused(text: str):
    return refused_directive(SandboxedEnvironment().parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ 7*7 }}",
        "{{ 9**9**9 }}",  # would compute for hours
        '{{ "a".center(999999999) }}',  # would allocate a gigabyte
        '{{ "{:>999999999}".format(1) }}',
        "{% for i in range(10) %}x{% endfor %}",
        "{% for a in 'xxxxxxxxxx' %}{% for b in 'xxxxxxxxxx' %}x{% endfor %}{% endfor %}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        '{{ kpi("eigen-regie") | attr("__class__") }}',
        '{{ kpi(*["a"]) }}',
        "{{ kpi(naam) }}",
        "{{ [1, 2, 3] }}",
        "{%- set x = 1 %}",
        '{{ kpi("a") if true else "b" }}',
    ],
)
def test_template_code_is_refused_before_it_runs(text: str) -> None:
    refused = _refused(f"Tekst\n{text} tekst")
    assert refused is not None and refused[0] == 2


@pytest.mark.parametrize(
    "text",
    ['{{ kpi("eigen-regie") }}', "{{ kpi('wachttijden', 'Toegang', 'streefwaarde') }}", '{{ totaal("zorgkosten", "verschil") }}',
     "{{ tabel }}", "a { b } c", "{ {", '{{ "letterlijk" }}'],
)
def test_directives_and_plain_braces_pass(text: str) -> None:
    assert _refused(text) is None


@pytest.mark.parametrize("text", ["{{ 7*7 }}", "{% for i in range(3) %}x{% endfor %}", "{{ ''.__class__.__mro__ }}", "{# weg #}"])
def test_narrative_is_data_not_a_template(text: str, tmp_path: Path) -> None:
    """Even text that would fail the check is inert when it reaches a template."""
    env = make_environment(ProjectPaths.at(tmp_path))
    html = env.from_string("<div>{{ text | markdown }}</div><p>{{ text }}</p>").render(text=text)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all("p", recursive=False)[-1].get_text() == text  # shown as written
    assert soup.div.get_text().strip()[:2] == text[:2]  # the braces are still there: nothing ran
    assert "49" not in html and "xxx" not in html and "object" not in html


@pytest.mark.parametrize(
    "code",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ (1).__class__.__base__.__subclasses__() }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_our_template_environment_is_a_sandbox(code: str, tmp_path: Path) -> None:
    """Templates (ours, a project's overrides, or citation directives compiled from text)
    run in Jinja's sandbox: escapes fail instead of reaching Python internals."""
    env = make_environment(ProjectPaths.at(tmp_path))
    assert isinstance(env, SandboxedEnvironment)
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string(code).render(cycler=None)


# --- a whole build with hostile plain text ---------------------------------------------------

HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)> {{ 7*7 }} </title>'


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_example(tmp_path_factory.mktemp("hostile") / "project")
    content = project / "content"
    _edit(content / "site.yml", "organisatie: Gemeente Lindewaard", f"organisatie: {_quoted('Lindewaard ' + HOSTILE)}")
    _edit(content / "site.yml", "titel: Kwartaalrapportage Sociaal Domein", f"titel: {_quoted('Rapport & ' + HOSTILE)}")
    _edit(content / "doelstellingen.yml", "titel: Preventie en eigen kracht", f"titel: {_quoted('Preventie ' + HOSTILE)}")
    _edit(content / "indicatoren.yml", "titel: Ervaren eigen regie", f"titel: {_quoted('Eigen regie ' + HOSTILE)}")
    _edit(content / "indicatoren.yml", "bron: Cliëntervaringsonderzoek (CEO) Sociaal Team Lindewaard", f"bron: {_quoted('CEO ' + HOSTILE)}")
    _edit(content / "edities/2023-Q1/editie.yml", "titel: Kwartaalrapportage Q1 2023", f"titel: {_quoted('Q1 ' + HOSTILE)}")
    _edit(content / "edities/2023-Q1/paginas/financiele-verantwoording.md", "titel: Financiële verantwoording",
          f"titel: {_quoted('Financiën ' + HOSTILE)}")
    _edit(content / "edities/2023-Q1/tabellen.yml", "    titel: Financieel overzicht 2023, stand 31 maart",
          f"    titel: {_quoted('Overzicht ' + HOSTILE)}")
    # A series name Excel would run as a formula, in the CSV next to every chart.
    _edit(content / "indicatoren.yml", "      - naam: Jeugd\n      - naam: Wmo", "      - naam: '=1+1'\n      - naam: Wmo")
    csv = project / "data/indicatoren.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("eigen-regie;Jeugd;", "eigen-regie;=1+1;"), encoding="utf-8")
    narrative = content / "edities/2023-Q1/indicatoren/eigen-regie.yml"
    head = narrative.read_text(encoding="utf-8").split("    reden: >-\n")[0]  # the reason is the file's last value
    narrative.write_text(head + f"    reden: {_quoted('Reden ' + HOSTILE)}\n", encoding="utf-8")
    assert main(["build", "--project", str(project)]) == 0
    return project / "site"


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_page_has_active_content(hostile_site: Path) -> None:
    for path, soup in _pages(hostile_site):
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), path
        for tag in soup.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not handlers, (path, tag.name, handlers)
            assert tag.name != "iframe"
        # Markup only counts when it is a real element: as text it is harmless.
        assert not soup.find("img", src="x")


def test_hostile_text_reads_as_written(hostile_site: Path) -> None:
    soup = BeautifulSoup((hostile_site / "2023-q1/kpi/eigen-regie/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text().startswith("KPI 1: Eigen regie " + HOSTILE)
    assert soup.h1.get_text() == "KPI 1: Eigen regie " + HOSTILE
    assert soup.find("meta", attrs={"name": "description"})["content"] == f"Eigen regie {HOSTILE}, Q1 2023"
    logo = soup.select_one("a.md-logo")
    assert logo["title"] == logo["aria-label"] == f"Lindewaard {HOSTILE} · Rapport & {HOSTILE}"
    text = soup.get_text()
    assert f"CEO {HOSTILE}" in text and f"Reden {HOSTILE}" in text
    assert "{{ 7*7 }}" in text and " 49 " not in text
    nav = [a.get_text(" ", strip=True) for a in soup.select("nav a")]
    assert any(HOSTILE.strip() in t for t in nav)
    finance = BeautifulSoup((hostile_site / "2023-q1/financiele-verantwoording/index.html").read_text(encoding="utf-8"), "html.parser")
    assert finance.h1.get_text() == f"Financiën {HOSTILE}"
    assert finance.select_one("figure table caption").get_text(" ", strip=True).startswith(f"Overzicht {HOSTILE}".strip())
    overview = BeautifulSoup((hostile_site / "2023-q1/index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(h.get_text() == f"Doelstelling 1: Preventie {HOSTILE}".strip() for h in overview.find_all("h2"))


def test_harmless_html_is_a_warning_and_is_dropped(tmp_path: Path, capsys) -> None:
    project = copy_example(tmp_path / "project")
    narrative = project / "content/edities/2023-Q1/indicatoren/wachttijden.yml"
    _edit(narrative, "  de norm is 56 dagen.", '  de norm is <font color="red">56 dagen</font>.')
    assert main(["check", "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert (
        "content/edities/2023-Q1/indicatoren/wachttijden.yml:4: waarschuwing: "
        "HTML-element `<font>` wordt niet ondersteund; het wordt weggelaten"
    ) in err
    assert main(["check", "--strict", "--project", str(project)]) == 1
    capsys.readouterr()
    assert main(["build", "--project", str(project)]) == 0
    page = (project / "site/2023-q1/kpi/wachttijden/index.html").read_text(encoding="utf-8")
    assert "de norm is 56 dagen." in BeautifulSoup(page, "html.parser").get_text()
    assert "<font" not in page


@pytest.mark.browser
def test_hostile_text_stays_text_in_the_browser(hostile_site: Path) -> None:
    """What runs in the reader's browser: the theme's scripts must not turn escaped text
    back into HTML (Material's tooltips did, through innerHTML; they are switched off)."""
    import functools
    import os
    import shutil as sh
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from generator.checks.site import find_chromium

    if not (sh.which("chromium") or os.environ.get("RAPPORTAGE_CHROMIUM")):
        if os.environ.get("RAPPORTAGE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium ontbreekt")
        pytest.skip("chromium ontbreekt")
    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    planted: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: planted.append(r.url) if r.url.endswith("/x") else None)
            for path in ("", "2023-q1/", "2023-q1/kpi/eigen-regie/", "2023-q1/financiele-verantwoording/"):
                page.goto(origin + path, wait_until="networkidle")
                page.hover("a.md-logo")
                page.wait_for_timeout(300)
            page.focus("input.md-search__input")
            page.keyboard.type("eigen regie")
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
            page.wait_for_timeout(500)
            titles = page.locator(".md-search-result__item h1").all_inner_texts()
            browser.close()
    finally:
        server.shutdown()
    assert dialogs == [] and planted == []
    assert any(HOSTILE.strip() in t for t in titles), titles  # shown as text, not run


@pytest.mark.browser
def test_check_site_reports_a_script_that_opens_a_dialog(tmp_path: Path, capsys) -> None:
    import os
    import shutil as sh

    if not (sh.which("chromium") or os.environ.get("RAPPORTAGE_CHROMIUM")):
        if os.environ.get("RAPPORTAGE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium ontbreekt")
        pytest.skip("chromium ontbreekt")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="nl"><body><p>Tekst</p><img src="x" alt="" onerror="alert(\'geraakt\')"></body></html>',
        encoding="utf-8",
    )
    assert main(["check-site", "--browser", "--project", str(tmp_path)]) == 1
    assert "site/index.html: fout: een script op de pagina opent een venster (alert: geraakt)" in capsys.readouterr().err


def test_chart_csv_never_holds_a_formula(hostile_site: Path) -> None:
    """A series name like `=1+1` reaches the downloadable CSV as text, not as an Excel formula."""
    import csv as csvmod

    files = [hostile_site / "2023-q1/kpi/grafieken/eigen-regie.csv"]
    assert files
    cells = [cell for f in files for row in csvmod.reader(f.read_text(encoding="utf-8-sig").splitlines(), delimiter=";") for cell in row]
    assert any(c.startswith("'=1+1") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]
