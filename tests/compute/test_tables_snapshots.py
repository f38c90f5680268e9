"""One rendered table per table kind, compared with its stored HTML (tests/snapshots/tables/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables_util import compute_tables, messages
from snapshot import assert_snapshot

from generator.compute.views import PageBlock, PageView, block_token
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import TableKind
from generator.render.environment import make_environment
from generator.render.pages.free_page import render_page_body

REPO = Path(__file__).resolve().parents[2]

CASES: dict[TableKind, tuple[str, dict[str, str]]] = {
    TableKind.BUDGET: ("""
        tabellen:
          - {id: t, soort: begroting, titel: Begroting, bestand: t.csv, eenheid: euro_x1000, decimalen_procent: 1}
        """, {"t.csv": """
        omschrijving;begroting;prognose;soort
        Jeugd;1200000;1350000;regel
        Wmo;800000;700500;regel
        Sociaal domein;;;subtotaal
        Eigen bijdrage;-98000;-83000;regel
        """}),
    TableKind.QUARTERS: ("""
        tabellen:
          - {id: t, soort: kwartalen, titel: Kwartalen, bestand: t.csv, geen_som: [Unieke cliënten]}
        """, {"t.csv": """
        omschrijving;Q1;Q2;Q3;Q4;totaal
        Klachten;4;6;;;
        Bezwaren;2;n.v.t.;;;
        Unieke cliënten;5;7;;;9
        """}),
    TableKind.SHARES: ("""
        tabellen:
          - {id: t, soort: aandelen, titel: Aandelen, bestand: t.csv, eenheid: euro}
        """, {"t.csv": """
        omschrijving;waarde
        Jeugd;300
        Wmo;200
        Participatie;-
        """}),
    TableKind.CROSS: ("""
        tabellen:
          - {id: t, soort: kruistabel, titel: Kruistabel, bestand: t.csv, rijen: Wet, kolom: Status,
             kolomvolgorde: [Afgehandeld, Lopend]}
        """, {"t.csv": """
        Wet;Status
        Jeugdwet;Afgehandeld
        Wmo;Lopend
        Jeugdwet;Lopend
        Jeugdwet;Afgehandeld
        """}),
    TableKind.TEXT: ("""
        tabellen:
          - {id: t, soort: tekst, titel: Klachten, bestand: t.csv, bron: Klachtenregistratie}
        """, {"t.csv": """
        Categorie;Omschrijving;Status
        Bejegening;Te laat <teruggebeld> & niet excuus;Lopend
        """}),
    TableKind.STOCK: ("""
        tabellen:
          - {id: t, soort: standen, titel: Inwoners met PGA, bestand: t.csv}
        """, {"t.csv": """
        omschrijving;Q1 2020;Ultimo 2020;Q1 2021
        18 min;8;10;11
        18-23;7;n.v.t.;11
        """}),
}


@pytest.mark.parametrize("kind", list(TableKind))
def test_table_kind_html(tmp_path, kind):
    tables_yml, files = CASES[kind]
    views, problems = compute_tables(tmp_path, tables_yml, files)
    assert [m for m in messages(problems) if ": fout:" in m] == []
    page = PageView(slug="p", title="P", order=1, body_md=block_token(0) + "\n",
                    blocks=[PageBlock(kind="tabel", table=views["t"])], url="2023-q2/p/")
    html = render_page_body(make_environment(ProjectPaths.at(REPO)), page)
    assert_snapshot(html + "\n", f"tables/{kind.value}.html")
