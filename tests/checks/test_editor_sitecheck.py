"""`rapportage check-site`: the built site loads nothing from elsewhere and has no broken links."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main

PAGE = """<!doctype html>
<html lang="{lang}">
<head><link rel="stylesheet" href="{css}"></head>
<body>
<a href="../">home</a>
<a href="https://www.cbs.nl/">CBS</a>
<img src="{img}" alt="">
{extra}
</body>
</html>
"""


def make_site(root: Path, lang="nl", css="../assets/site.css", img="../assets/logo.svg", extra="") -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets/site.css").write_text("body { background: url(logo.svg); }\n", encoding="utf-8")
    (site / "assets/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (site / "index.html").write_text('<html lang="nl"><body><a href="kpi/">kpi</a></body></html>', encoding="utf-8")
    (site / "kpi").mkdir()
    (site / "kpi/index.html").write_text(PAGE.format(lang=lang, css=css, img=img, extra=extra), encoding="utf-8")
    return site


def test_clean_site_passes(tmp_path: Path, capsys) -> None:
    make_site(tmp_path)
    assert main(["check-site", "--project", str(tmp_path)]) == 0
    assert "Site in orde. 2 pagina's gecontroleerd." in capsys.readouterr().out


def test_external_files_broken_links_and_language_are_reported(tmp_path: Path, capsys, monkeypatch) -> None:
    make_site(tmp_path, lang="en", css="https://cdn.example.org/x.css", img="../assets/ontbreekt.png")
    (tmp_path / "site/assets/site.css").write_text("\n@import url(https://fonts.example.org/f.css);\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert main(["check-site", "--format", "github", "--project", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "::error file=site/assets/site.css,line=2,title=rapportage%3A fout::stylesheet laadt "
        "`https://fonts.example.org/f.css` van een andere server%0Atip: het intranet heeft geen internet: neem het bestand op in de site",
        "::error file=site/kpi/index.html,line=2,title=rapportage%3A fout::pagina heeft taal `en` in plaats van `nl`",
        "::error file=site/kpi/index.html,line=3,title=rapportage%3A fout::<link href> laadt "
        "`https://cdn.example.org/x.css` van een andere server%0Atip: het intranet heeft geen internet: neem het bestand op in de site",
        "::error file=site/kpi/index.html,line=7,title=rapportage%3A fout::verwijzing naar "
        "`../assets/ontbreekt.png`, maar die bestaat niet in de site",
    ]


def test_missing_site_says_build_first(tmp_path: Path, capsys) -> None:
    assert main(["check-site", "--project", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "site: fout: hier staat geen gebouwde site\n    tip: bouw eerst met: rapportage build" in err


def _require_chromium() -> None:
    if not (shutil.which("chromium") or os.environ.get("RAPPORTAGE_CHROMIUM")):
        if os.environ.get("RAPPORTAGE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium ontbreekt")
        pytest.skip("chromium ontbreekt")


@pytest.mark.browser
def test_browser_catches_requests_to_other_hosts_and_script_errors(tmp_path: Path, capsys) -> None:
    _require_chromium()
    make_site(tmp_path, extra='<script>fetch("https://tracker.example.org/pixel"); undefinedFunction();</script>')
    assert main(["check-site", "--browser", "--project", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "site/kpi/index.html: fout: de pagina vraagt `https://tracker.example.org/pixel` op bij een andere server" in err
    assert "site/kpi/index.html: fout: scriptfout in de browser: undefinedFunction is not defined" in err
    assert "site/index.html" not in err


@pytest.mark.browser
def test_browser_passes_a_clean_site(tmp_path: Path, capsys) -> None:
    _require_chromium()
    make_site(tmp_path)
    assert main(["check-site", "--browser", "--project", str(tmp_path)]) == 0
    assert "2 geopend in de browser" in capsys.readouterr().out
