"""The accessibility statement (toegankelijkheidsverklaring): settings in content/site.yml, page at /toegankelijkheid/."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.cli import main

STATEMENT = """toegankelijkheid:
  datum: 2024-02-29
  contact: https://www.voorbeeld.nl/contact
  organisatie: Sociaal Team Voorbeeld
  status: voldoet volledig
"""


def _site_yml(project: Path) -> Path:
    return project / "content" / "site.yml"


def _without_statement(text: str) -> str:
    return text.split("toegankelijkheid:")[0]


def _page(project: Path) -> BeautifulSoup:
    return BeautifulSoup((project / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_example_statement_shows_its_settings(example_project: Path) -> None:
    assert main(["build", "--project", str(example_project)]) == 0
    soup = _page(example_project)
    article = soup.select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert soup.select_one("h1").get_text(strip=True) == "Toegankelijkheidsverklaring"
    assert "Gemeente Lindewaard wil dat iedereen de rapportages" in text
    assert "Deze site voldoet gedeeltelijk aan de eisen van de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA" in text
    mail = article.select_one('a[href="mailto:informatiebeheer@lindewaard.nl"]')
    assert mail is not None and mail.get_text() == "informatiebeheer@lindewaard.nl"
    assert "Telefoon 14 0456" in text
    assert article.select_one('time[datetime="2023-05-01"]').get_text() == "1 mei 2023"
    assert len(article.select(".rp-limitations li")) == 2


def test_statement_fields_are_configurable(example_project: Path) -> None:
    site = _site_yml(example_project)
    site.write_text(_without_statement(site.read_text(encoding="utf-8")) + STATEMENT, encoding="utf-8")
    assert main(["build", "--project", str(example_project)]) == 0
    article = _page(example_project).select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert "Sociaal Team Voorbeeld wil dat iedereen" in text
    assert "Deze site voldoet volledig aan de eisen" in text
    assert "Contact https://www.voorbeeld.nl/contact" in text  # not an e-mail address: no mailto link
    assert article.select('a[href^="mailto:"]') == []
    assert "Er zijn op dit moment geen beperkingen bekend." in text
    assert article.select_one("time").get_text() == "29 februari 2024"


def test_without_settings_there_is_no_statement_and_no_footer_link(example_project: Path) -> None:
    site = _site_yml(example_project)
    site.write_text(_without_statement(site.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["build", "--project", str(example_project)]) == 0
    assert not (example_project / "site" / "toegankelijkheid").exists()
    home = BeautifulSoup((example_project / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select("a.rp-footer-link") == []


def test_statement_settings_are_checked_in_dutch(example_project: Path, capsys) -> None:
    site = _site_yml(example_project)
    bad = _without_statement(site.read_text(encoding="utf-8")) + (
        "toegankelijkheid:\n  datum: gisteren\n  status: voldoet bijna\n  kontakt: iemand@voorbeeld.nl\n"
    )
    site.write_text(bad, encoding="utf-8")
    line = bad.splitlines().index("  datum: gisteren") + 1
    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert f"content/site.yml:{line}: fout: `datum` moet een datum zijn, niet `gisteren`" in err
    assert "`voldoet bijna` is geen geldige waarde voor `status`; kies uit: voldoet volledig, voldoet gedeeltelijk, eerste maatregelen genomen, voldoet niet" in err
    assert "onbekende sleutel `kontakt`" in err and "bedoelt u `contact`?" in err
    assert "verplichte sleutel `contact` ontbreekt" in err
