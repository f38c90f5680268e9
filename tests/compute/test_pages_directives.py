"""Free pages: directives for tables, live citations, errors with file:line, the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.compute.views import EditionView
from generator.site.build import check
from generator.core.problems import ValidationFailed
from generator.core.paths import ProjectPaths
from generator.model.narrative import HTML_HINT
from generator.core.markdown import render_markdown
from generator.render.site import render_site
from generator.site.mkdocs.adapter import docs_path, page_source
from tables_util import write

PAGE = "content/edities/2023-Q1/paginas/test.md"


def _thaw(project: Path, period: str = "2023-Q1") -> None:
    """These tests change inputs of 2023-Q1 or 2023-Q2, which the example publishes (frozen):
    unfreeze the edition (docs/dev/editions.md)."""
    import shutil

    # Without its snapshot the edition is computed from its files again; `check` then only
    # warns that it is "gepubliceerd" but not frozen.
    shutil.rmtree(project / "content/edities" / period / "gepubliceerd")


def _problems(project: Path) -> list[str]:
    try:
        result = check(ProjectPaths.at(project))
    except ValidationFailed as failed:
        return [p.format() for p in failed.problems.sorted() if p.severity == "fout"]
    return [p.format() for p in result.model.problems if p.severity == "fout"]


def _render(project: Path):
    paths = ProjectPaths.at(project)
    editions = check(paths).editions
    return render_site(paths, "Test", editions), editions


def _words(soup) -> str:
    return " ".join(soup.get_text(" ").split()).replace("( ", "(").replace(" )", ")").replace(" ,", ",").replace(" .", ".")


def _page(rendered, path: str) -> BeautifulSoup:
    page = next(p for p in rendered.pages if docs_path(p.address) == path)
    return BeautifulSoup(page.body, "html.parser")


def test_directive_errors_name_file_and_line_counting_the_front_matter(example_project: Path) -> None:
    _thaw(example_project)
    write(example_project / PAGE, """
    ---
    titel: Test
    volgorde: 5
    ---
    De kosten per klant: {{ kpi("kosten-per-klantt") }}.

    {{ tabel("financieel-overzicht") }}

    {{ tabel("bestaat-niet") }}

    Jeugd: {{ kpi("eigen-regie") }} en {{ kpi("eigen-regie", "Jeugt") }}.
    Totaal: {{ totaal("financieel-overzicht", "verschill") }}, {{ cel("zorgkosten", "Regiotaxi", "verschil") }}.
    {{ kpi("eigen-regie", "Jeugd", "kleur") }} {{ grafiek("kosten") }}
    """)
    assert _problems(example_project) == [
        f"{PAGE}:5: fout: indicator `kosten-per-klantt` bestaat niet\n    tip: bedoelt u `kosten-per-klant`?",
        f"{PAGE}:9: fout: tabel `bestaat-niet` bestaat niet in deze editie\n"
        "    tip: tabellen in content/edities/2023-Q1/tabellen.yml: financieel-overzicht, klachten, klachten-bezwaren-kwartaal, "
        "klachten-per-wet, kostenverdeling, zorgkosten",
        f"{PAGE}:11: fout: indicator `eigen-regie` heeft meerdere reeksen; zeg welke\n"
        '    tip: bijvoorbeeld {{ kpi("eigen-regie", "Jeugd") }}; reeksen: Jeugd, Wmo',
        f"{PAGE}:11: fout: reeks `Jeugt` bestaat niet bij indicator `eigen-regie`\n    tip: bedoelt u `Jeugd`?",
        f"{PAGE}:12: fout: regel `Regiotaxi` bestaat niet in tabel `zorgkosten`\n    tip: bedoelt u `Wmo regiotaxi`?",
        f"{PAGE}:12: fout: tabel `financieel-overzicht` heeft geen kolom `verschill`\n    tip: bedoelt u `verschil`?",
        f"{PAGE}:13: fout: `kleur` is geen onderdeel van een KPI\n"
        "    tip: kies uit: waarde, streefwaarde, afwijking, verandering, status",
        f"{PAGE}:13: fout: tabel `kosten` bestaat niet in deze editie\n    tip: bedoelt u `zorgkosten`?",
    ]


TEMPLATE_ERRORS = [
    ('{{ tabel("financieel-overzicht") }', "de opdracht tussen {{ en }} klopt niet: de accolades kloppen niet"),
    ('{{ tabel("financieel-overzicht" }}', "de opdracht tussen {{ en }} klopt niet: "),
    ("{{ onbekend }}", "onbekende naam `onbekend`"),
    ("{{ tabel }}", "`tabel` zonder haakjes: schrijf tabel(...)"),
    ("{{ kpi('kosten-per-klant').__len__ }}", "deze opdracht is in een tekst niet toegestaan"),
    ('{{ "".__class__.__mro__ }}', "deze opdracht is in een tekst niet toegestaan"),
    ("{{ range(10) }}", "onbekende naam `range`"),
    ('{{ kpi("kosten-per-klant", reeks="x") }}', "`kpi(...)` krijgt alleen teksten tussen aanhalingstekens"),
    ('{{ totaal("zorgkosten") }}', "`totaal(...)` heeft een ander aantal argumenten"),
    ('Tekst ervoor {{ tabel("zorgkosten") }}', "`tabel(...)` moet op een eigen regel staan, zonder andere tekst"),
    ('{% include "base.html" %}', "de opdracht tussen {{ en }} kan niet worden uitgevoerd"),
]


def test_template_errors_are_problems_with_the_line(example_project: Path) -> None:
    _thaw(example_project)
    # One page per case (a syntax error stops its page), all checked in one run.
    for i, (line, _) in enumerate(TEMPLATE_ERRORS):
        write(example_project / f"content/edities/2023-Q1/paginas/fout-{i:02d}.md", f"---\ntitel: Test\n---\nEen alinea.\n\n{line}\n")
    problems = _problems(example_project)
    for i, (line, expected) in enumerate(TEMPLATE_ERRORS):
        prefix = f"content/edities/2023-Q1/paginas/fout-{i:02d}.md:6: fout: "
        mine = [p for p in problems if p.startswith(f"content/edities/2023-Q1/paginas/fout-{i:02d}.md")]
        assert len(mine) == 1 and mine[0].startswith(prefix + expected), (line, mine)


def test_the_sandbox_runs_no_code(example_project: Path, tmp_path: Path) -> None:
    _thaw(example_project)
    marker = tmp_path / "pwned"
    attempts = [
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ lipsum.__globals__['os'].system('touch " + str(marker) + "') }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    ]
    for i, attempt in enumerate(attempts):
        write(example_project / f"content/edities/2023-Q1/paginas/poging-{i}.md", f"---\ntitel: Test\n---\n{attempt}\n")
    problems = _problems(example_project)
    for i, attempt in enumerate(attempts):
        mine = [p for p in problems if p.startswith(f"content/edities/2023-Q1/paginas/poging-{i}.md:4: fout: ")]
        assert len(mine) == 1, (attempt, problems)
    assert not marker.exists()


def test_editor_html_is_sanitised_but_tables_survive(example_project: Path) -> None:
    _thaw(example_project)
    write(example_project / PAGE, """
    ---
    titel: Test <b>vet</b>
    ---
    <script>alert(1)</script>
    <table><tr><td onclick="x()">eigen tabel</td></tr></table>

    # Een kop

    {{ tabel("zorgkosten") }}

    Verschil: **{{ totaal("zorgkosten", "verschil") }}**, {{ totaal("zorgkosten", "vn") }}, {{ totaal("zorgkosten", "afwijking") }}.
    """)
    # Script-like HTML is an error at its line (docs/dev/security.md) ...
    assert _problems(example_project) == [
        f"{PAGE}:4: fout: HTML-element `<script>` is niet toegestaan en wordt verwijderd\n    tip: {HTML_HINT}",
        f"{PAGE}:5: fout: HTML-attribuut `onclick` (een script) is niet toegestaan en wordt verwijderd\n    tip: {HTML_HINT}",
    ]
    # ... and the sanitiser removes it whatever the check says.
    assert "<script" not in render_markdown("<script>alert(1)</script>", free_page=True)
    page_file = example_project / PAGE
    text = page_file.read_text(encoding="utf-8")
    page_file.write_text(text.replace("<script>alert(1)</script>\n", "").replace(' onclick="x()"', ""), encoding="utf-8")
    rendered, _ = _render(example_project)
    page = next(p for p in rendered.pages if p.url == "2023-q1/test/")
    assert page.title == "Test <b>vet</b>"
    assert "# Test &lt;b&gt;vet&lt;/b&gt;" in page_source(page) or "\\<b\\>" in page_source(page)
    soup = BeautifulSoup(page.body, "html.parser")
    assert soup.find("script") is None
    assert "onclick" not in page.body
    assert soup.find("h2").get_text() == "Een kop"  # on a free page "# Kop" is a section (h2)
    table = soup.select_one("figure#tabel-zorgkosten table")
    assert table.caption.get_text(" ", strip=True) == "Zorgkosten Jeugd en Wmo, begroting en prognose 2023 (bedragen x € 1.000)"
    assert [th.get("scope") for th in table.thead.find_all("th")] == ["col"] * 6
    total = table.tbody.find_all("tr")[-1]
    assert total["class"] == ["rp-row--totaal"]
    # -746, not 9.596 - 10.341: every figure is rounded from the euros, not from other rounded figures
    assert [c.get_text() for c in total.find_all(["th", "td"])] == ["Totaal", "9.596", "10.341", "-746", "N", "-8%"]
    assert soup.find("strong").get_text() == "-€\u00a0746.000"  # in thousands, written out in euros; no line break
    assert "Verschil: -€ 746.000, nadeel, -8%." in _words(soup)


def test_example_pages_are_built_in_the_nav_after_the_kpis(example_project: Path) -> None:
    assert main(["build", "--project", str(example_project)]) == 0
    site = example_project / "site"
    html = (site / "2023-q1" / "financiele-verantwoording" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Financiële verantwoording"
    overview = soup.select_one("#tabel-financieel-overzicht table")
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in overview.find_all("tr")]
    assert rows[0] == ["Post", "Begroting 2023", "Verwachting 2023", "Verschil", "V/N", "Afwijking"]
    assert rows[-1] == ["Te financieren door de gemeente", "€ 26.547.000", "€ 27.349.000", "-€ 802.000", "N", "-3%"]
    for td in overview.select("td.rp-num"):
        assert "rp-num" in td["class"]
    # the narrative cites the table's total: text and table cannot disagree
    assert "verwachting -€ 802.000." in _words(soup.select_one(".rp-page"))
    # a quarterly table with empty future quarters and a marked non-sum total
    klachten = BeautifulSoup((site / "2023-q2" / "klachten-en-bezwaren" / "index.html").read_text(encoding="utf-8"), "html.parser")
    quarters = klachten.select_one("#tabel-klachten-bezwaren-kwartaal table")
    unique = next(tr for tr in quarters.tbody.find_all("tr") if tr.th.get_text() == "Unieke indieners")
    assert [td.get_text(strip=True) for td in unique.find_all("td")] == ["5", "5", "nog niet bekend", "nog niet bekend", "9*"]
    assert "Sinds januari dienden 9 verschillende inwoners" in _words(klachten)
    edition = BeautifulSoup((site / "2023-q1" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a.get_text() for a in edition.select(".rp-page-list a")]
    assert links == ["Financiële verantwoording", "Klachten en bezwaren"]


def test_nav_order_and_url(example_project: Path) -> None:
    rendered, editions = _render(example_project)
    q1 = next(item for item in rendered.nav if item.title == "Q1 2023")
    titles = [child.title for child in q1.children]
    assert titles[0] == "Overzicht"
    assert titles[-2:] == ["Financiële verantwoording", "Klachten en bezwaren"]
    assert q1.children[-2].url == "2023-q1/financiele-verantwoording/"
    q1_view = next(e for e in editions if e.summary.period == "2023-Q1")
    assert [p.url for p in q1_view.pages] == ["2023-q1/financiele-verantwoording/", "2023-q1/klachten-en-bezwaren/"]


def test_frozen_views_render_identically(example_project: Path) -> None:
    """Pages and tables are a pure function of the JSON-serialisable edition view."""
    paths = ProjectPaths.at(example_project)
    rendered, editions = _render(example_project)
    thawed = [EditionView.model_validate_json(e.model_dump_json()) for e in editions]
    assert thawed == editions
    # Change the data after "publication": the stored views still render the old figures.
    csv = example_project / "data" / "2023-Q1" / "zorgkosten.csv"
    csv.write_bytes(csv.read_bytes().replace(b"6.068.790", b"7.068.790"))
    again = render_site(paths, "Test", thawed)
    assert [p.body for p in again.pages] == [p.body for p in rendered.pages]
    assert "-1.084" in _page(again, "2023-q1/financiele-verantwoording.md").get_text()


def test_citations_in_indicator_narratives_and_foreword(example_project: Path) -> None:
    narrative = example_project / "content/edities/2023-Q3/indicatoren/kosten-per-klant.yml"
    text = narrative.read_text(encoding="utf-8")
    narrative.write_text(
        'toelichting: |\n  De kosten per klant waren {{ kpi("kosten-per-klant") }}\n  ({{ kpi("kosten-per-klant", "afwijking") }}).\n'
        + "\n".join(line for line in text.splitlines() if not line.startswith(("toelichting", "  "))) + "\n",
        encoding="utf-8",
    )
    rendered, _ = _render(example_project)
    soup = _page(rendered, "2023-q3/kpi/kosten-per-klant.md")
    assert "De kosten per klant waren € 1.760 (-3,53%)." in _words(soup)
    foreword = _words(_page(rendered, "2023-q1/index.md"))
    assert "wijkteam Jeugd is met 95 dagen veel te lang, en de kosten per klant zijn gestegen naar € 1.805" in foreword

    narrative.write_text('toelichting: |\n  Eerste regel.\n  Tweede {{ kpi("kosten") }}.\n', encoding="utf-8")
    assert _problems(example_project) == [
        "content/edities/2023-Q3/indicatoren/kosten-per-klant.yml:3: fout: indicator `kosten` bestaat niet\n"
        "    tip: bedoelt u `kosten-per-klant`?",
    ]
    narrative.write_text('toelichting: |\n  {{ tabel("zorgkosten") }}\n', encoding="utf-8")
    assert _problems(example_project)[0].startswith(
        "content/edities/2023-Q3/indicatoren/kosten-per-klant.yml:2: fout: een tabel kan alleen op een vrije pagina staan")


def test_check_reports_table_and_page_errors_together(example_project: Path, capsys) -> None:
    _thaw(example_project, "2023-Q2")
    csv = example_project / "data" / "2023-Q2" / "zorgkosten.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("6212450", "zes miljoen"), encoding="utf-8")
    page = example_project / "content/edities/2023-Q3/paginas/klachten-en-bezwaren.md"
    page.write_text(page.read_text(encoding="utf-8").replace('tabel("klachten")', 'tabel("klacht")'), encoding="utf-8")
    (example_project / "site").mkdir()
    (example_project / "site" / "index.html").write_text("vorige site", encoding="utf-8")
    assert main(["build", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "data/2023-Q2/zorgkosten.csv:2: fout: kolom `Prognose 2023`: `zes miljoen` is geen getal" in err
    assert "content/edities/2023-Q3/paginas/klachten-en-bezwaren.md:11: fout: tabel `klacht` bestaat niet in deze editie" in err
    assert "2 fouten gevonden." in err
    assert (example_project / "site" / "index.html").read_text(encoding="utf-8") == "vorige site"


def test_unused_table_is_a_warning_and_page_file_names(example_project: Path) -> None:
    _thaw(example_project)
    write(example_project / "content/edities/2023-Q1/paginas/Financien.md", "Tekst\n")
    write(example_project / "content/edities/2023-Q1/paginas/kpi.md", "Tekst\n")
    assert _problems(example_project) == [
        "content/edities/2023-Q1/paginas/Financien.md: fout: `Financien.md`: de bestandsnaam wordt het adres van de pagina "
        "en mag alleen kleine letters, cijfers en koppeltekens bevatten\n    tip: bijvoorbeeld financiele-verantwoording.md",
        "content/edities/2023-Q1/paginas/kpi.md: fout: `kpi` is gereserveerd voor de pagina's van de editie zelf\n"
        "    tip: kies een andere bestandsnaam",
    ]
    (example_project / "content/edities/2023-Q1/paginas/Financien.md").unlink()
    (example_project / "content/edities/2023-Q1/paginas/kpi.md").unlink()
    tables = example_project / "content/edities/2023-Q1/tabellen.yml"
    lines = len(tables.read_text(encoding="utf-8").splitlines())
    with tables.open("a", encoding="utf-8") as f:
        f.write("  - id: reserve\n    titel: Reserve\n    soort: tekst\n    bestand: 2023-Q1/klachten.csv\n")
    model = check(ProjectPaths.at(example_project)).model
    assert [p.format() for p in model.problems.warnings if "nog niet bevroren" not in p.message] == [
        f"content/edities/2023-Q1/tabellen.yml:{lines + 1}: waarschuwing: tabel `reserve` wordt nergens gebruikt\n"
        '    tip: zet {{ tabel("reserve") }} op een vrije pagina, of verwijder de tabel',
    ]
    with pytest.raises(ValidationFailed):
        check(ProjectPaths.at(example_project), strict=True)


def test_front_matter_errors_have_file_lines(example_project: Path) -> None:
    _thaw(example_project)
    write(example_project / PAGE, "---\ntitel: Test\nvolgorde: eerst\nkleur: rood\n---\nTekst\n")
    assert _problems(example_project) == [
        f"{PAGE}:3: fout: `volgorde` moet een geheel getal zijn, niet `eerst`",
        f"{PAGE}:4: fout: onbekende sleutel `kleur`\n    tip: toegestane sleutels: `titel`, `volgorde`, `soort`, `aanhef`, `ondertekening`",
    ]
    write(example_project / PAGE, "# Mijn titel\n\nTekst\n")
    rendered, _ = _render(example_project)
    page = next(p for p in rendered.pages if p.url == "2023-q1/test/")
    assert page.title == "Mijn titel"
    assert "Mijn titel" not in str(BeautifulSoup(page.body, "html.parser").select_one(".rp-page"))  # not repeated
