"""Issue 14 point 7: while `serve` has a YAML error, the preview page shows it (no browser needed).

A fake LiveReloadServer drives the real preview builder: a good build, a broken YAML file,
then the fix, reading the served HTML after each step.
"""

from __future__ import annotations

from pathlib import Path

import mkdocs.livereload

from generator.cli import main
from generator.site.preview_error import ErrorBanner

EDITION = "content/edities/2023-Q3/indicatoren/eigen-regie.yml"


def test_the_preview_shows_the_yaml_error_and_loses_it_after_the_fix(example_project: Path, monkeypatch) -> None:
    narrative = example_project / EDITION
    good = narrative.read_text(encoding="utf-8")
    seen: dict[str, str] = {}

    class FakeServer:
        def __init__(self, builder, host, port, root):
            self.builder, self.root = builder, Path(root)

        def watch(self, path):
            pass

        def page(self) -> str:
            return (self.root / "index.html").read_text(encoding="utf-8")

        def serve(self):
            seen["good"] = self.page()
            narrative.write_text(good.replace("\naandacht: |", "\naandachtt: |", 1), encoding="utf-8")
            self.builder()
            seen["broken"] = self.page()
            narrative.write_text(good, encoding="utf-8")
            self.builder()
            seen["fixed"] = self.page()

        def shutdown(self):
            pass

    monkeypatch.setattr(mkdocs.livereload, "LiveReloadServer", FakeServer)
    site_before = sorted((example_project / "site").rglob("*")) if (example_project / "site").exists() else []
    assert main(["serve", "--project", str(example_project), "--port", "0"]) == 0
    assert "rapportage-fout" not in seen["good"]
    assert "Fout: dit voorbeeld is niet bijgewerkt." in seen["broken"]
    assert f"{EDITION}:7: fout: onbekende sleutel `aandachtt`" in seen["broken"]
    assert seen["fixed"] == seen["good"]
    # The real site/ is not the preview's folder and stays as it was.
    now = sorted((example_project / "site").rglob("*")) if (example_project / "site").exists() else []
    assert now == site_before


def test_an_error_before_any_good_build_is_the_preview_page(tmp_path: Path) -> None:
    banner = ErrorBanner(tmp_path / "preview")
    banner.show(["content/site.yml:3: fout: <script> onbekende sleutel"])
    page = (tmp_path / "preview/index.html").read_text(encoding="utf-8")
    assert 'role="alert"' in page and "&lt;script&gt;" in page and "<script>" not in page
    assert "http" not in page  # no request to another host
    banner.clear()
    assert not (tmp_path / "preview/index.html").exists()


def test_pages_get_their_bytes_and_times_back(tmp_path: Path) -> None:
    page = tmp_path / "a/index.html"
    page.parent.mkdir()
    page.write_text("<html><body class=\"x\"><p>goed</p></body></html>", encoding="utf-8")
    import os
    os.utime(page, ns=(1_000_000_000, 2_000_000_000))
    banner = ErrorBanner(tmp_path)
    banner.show(["a"])
    banner.show(["b"])  # a second error replaces the first
    text = page.read_text(encoding="utf-8")
    assert text.startswith('<html><body class="x"><!-- rapportage-fout -->') and ">b</pre>" in text and ">a</pre>" not in text
    banner.clear()
    assert page.read_text(encoding="utf-8") == "<html><body class=\"x\"><p>goed</p></body></html>"
    assert page.stat().st_mtime_ns == 2_000_000_000
