"""The example project builds end to end."""

from pathlib import Path

from bs4 import BeautifulSoup

from generator.cli import main


def test_example_builds(example_project: Path, capsys) -> None:
    assert main(["build", "--project", str(example_project)]) == 0
    site = example_project / "site"
    overview = BeautifulSoup((site / "2023-q1" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert overview.find("html")["lang"] == "nl"
    assert len(overview.select(".rp-card")) == 11
