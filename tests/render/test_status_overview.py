"""The one-screen status overview at the top of an edition's page (point 8 of issue 17)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.compute.kpi import status_overview


class Cells(HTMLParser):
    """The overview table's rows as (tag, scope, text) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str | None, str]]] = []
        self.caption = ""
        self._in: tuple[str, str | None] | None = None
        self._text = ""
        self._caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._in, self._text = (tag, dict(attrs).get("scope")), ""
        elif tag == "caption":
            self._caption = True

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._in:
            self.rows[-1].append((*self._in, " ".join(self._text.split())))
            self._in = None
        elif tag == "caption":
            self._caption = False

    def handle_data(self, data):
        if self._in:
            self._text += data
        if self._caption:
            self.caption += data


def overview_html(site, slug: str) -> str | None:
    page = (site / slug / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<div class="rp-overview">.*?</table>', page, re.S)
    return m.group(0) if m else None


def test_concept_edition_opens_with_every_series_value_target_deviation_and_status(built_example):
    html = overview_html(built_example.site, "2023-q3")
    assert html is not None
    page = (built_example.site / "2023-q3" / "index.html").read_text(encoding="utf-8")
    assert page.index("Stand in één oogopslag") < page.index("Voorwoord") < page.index('class="rp-cards"')
    parser = Cells()
    parser.feed(html)
    assert "Alle KPI's van Q3 2023" in parser.caption
    header = parser.rows[0]
    assert [c[2] for c in header] == ["KPI", "Reeks", "Waarde", "Doel", "Afwijking", "Stand"]
    assert all(tag == "th" and scope == "col" for tag, scope, _ in header)
    body = [r for r in parser.rows[1:] if not (len(r) == 1 and r[0][1] == "rowgroup")]
    assert len(body) == 28  # every series of every KPI of the example's Q3, the telindicator too
    wachttijden = [r for r in body if any("Zorgcollectief Waardland" == c[2] for c in r)]
    assert wachttijden and wachttijden[0][-1][2] == "Niet gehaald"  # the word, not only the colour
    assert [c for r in body for c in r if c[1] == "row"][0][2] == "KPI 1: Ervaren eigen regie"
    counts = re.findall(r'rp-status__word">([^<]+)</span></span> <span class="rp-summary__count">(\d+)</span>', html)
    assert counts[0] == ("Niet gehaald", "1")  # worst first
    assert sum(int(n) for _, n in counts) == 26  # not the telindicator (KPI 13): it has no status
    assert "KPI 6</a> Wachttijden (Zorgcollectief Waardland)" in html  # the count says what it counts


def test_frozen_editions_keep_the_page_they_were_published_with(built_example):
    for slug in ("2023-q1", "2023-q2"):
        assert overview_html(built_example.site, slug) is None
        assert "Stand per reeks in" in (built_example.site / slug / "index.html").read_text(encoding="utf-8")


def test_groups_worst_first_and_name_each_series():
    def ind(number, title, statuses):
        series = [type("S", (), {"status": s, "name": n, "override_reason": None})() for n, s in statuses]
        return type("I", (), {"number": number, "title": title, "url": f"x/kpi/{number}/", "series": series})()

    goals = [type("G", (), {"indicators": [ind("1", "Eigen regie", [("Jeugd", "groen"), ("Wmo", "rood")]),
                                            ind("2", "E-health", [("", "geen-gegevens")])]})()]
    ov = status_overview(goals)  # type: ignore[arg-type]  # duck-typed GoalViews
    assert (ov.kpi_count, ov.series_count) == (2, 3)
    assert [g.status for g in ov.groups] == ["rood", "groen", "geen-gegevens"]
    assert [(e.number, e.series_name) for e in ov.groups[0].entries] == [("1", "Wmo")]
