"""Causes on the machine that an editor or maintainer can fix (a full disk, no write
permission, a port in use) are a Dutch message with what to do, never "Interne fout"."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import pytest

import generator.editions.publish as publish
import generator.site.mkdocs.adapter as adapter
from generator.cli import main


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", "/schijf/site/index.html")


def test_a_full_disk_during_build_is_named_and_the_old_site_stays(example_project: Path, monkeypatch, capsys) -> None:
    site = example_project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>vorige site</p>", encoding="utf-8")
    monkeypatch.setattr(adapter, "_write_if_changed", disk_full)
    assert main(["build", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "fout: de schijf is vol (/schijf/site/index.html)" in err and "maak ruimte vrij" in err
    assert "Interne fout" not in err and "Traceback" not in err
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>vorige site</p>"
    assert not list(example_project.glob(".site-new-*"))


def test_a_full_disk_during_publish_puts_editie_yml_back(example_project: Path, monkeypatch, capsys) -> None:
    folder = example_project / "content/edities/2023-Q3"
    before = (folder / "editie.yml").read_bytes()
    monkeypatch.setattr(publish, "_write_snapshot", disk_full)
    assert main(["publish", "2023-Q3", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "fout: de schijf is vol" in err and "Interne fout" not in err
    assert (folder / "editie.yml").read_bytes() == before
    assert not (folder / ".publicatie-bezig").exists()


def test_an_unknown_os_error_is_still_an_internal_error(example_project: Path, monkeypatch, capsys) -> None:
    def odd(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(adapter, "_write_if_changed", odd)
    assert main(["build", "--project", str(example_project)]) == 1
    assert "Interne fout (OSError)" in capsys.readouterr().err


def test_serve_on_a_port_in_use(example_project: Path, monkeypatch, capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        def serve(paths, regenerate, docs, site, host, port_, **kwargs):
            with socket.socket() as second:
                second.bind((host, port_))  # what the preview server does first
        monkeypatch.setattr(adapter, "serve", serve)
        assert main(["serve", "--project", str(example_project), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"fout: poort {port} is al in gebruik" in err and "--port" in err and "Interne fout" not in err


def test_serve_refuses_a_port_in_use_before_the_first_build(example_project: Path) -> None:
    """The server binds in `serve()`, after the first build: the port is claimed first, so
    an editor is not kept waiting a whole build for "poort is al in gebruik"."""
    from generator.core.paths import ProjectPaths

    built: list[bool] = []
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        paths = ProjectPaths.at(example_project)
        with pytest.raises(OSError) as caught:
            adapter.serve(paths, lambda: built.append(True), example_project / ".rapportage" / "docs",
                          example_project / "site", "127.0.0.1", port, [], on_error=lambda exc: None)
    assert caught.value.errno == errno.EADDRINUSE
    assert built == []
