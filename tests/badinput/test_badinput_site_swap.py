"""site/ is old or new, never half: a failed build leaves it untouched, a killed build
leaves it old (or new, once the swap happened), and leftovers are cleaned up."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from badinput.corpus import tree_hash
from generator.site import build as pipeline
from generator.cli import main
from generator.site import output

REPO = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, set[str]]:
    """A project built once; its site's file list is what 'new' looks like."""
    project = tmp_path_factory.mktemp("swap") / "project"
    for name in ("content", "data"):
        shutil.copytree(REPO / name, project / name)
    assert main(["build", "--project", str(project)]) == 0
    return project, _files(project / "site")


def test_invalid_input_leaves_the_built_site_untouched(built, capsys) -> None:
    project, _ = built
    before = tree_hash(project / "site")
    narrative = project / "content/edities/2023-Q1/indicatoren/eigen-regie.yml"
    original = narrative.read_bytes()
    narrative.write_text("toelichting: <script>alert(1)</script>\n", encoding="utf-8")
    try:
        assert main(["build", "--project", str(project)]) == 1
    finally:
        narrative.write_bytes(original)
    assert "de vorige site is ongewijzigd" in capsys.readouterr().err
    assert tree_hash(project / "site") == before
    assert not list(project.glob(".site-new-*"))


def test_a_crash_while_writing_the_site_leaves_it_untouched(built, monkeypatch, capsys) -> None:
    project, _ = built
    before = tree_hash(project / "site")

    def half_then_crash(paths, rendered, docs_dir, site_dir, *args):
        (site_dir / "index.html").write_text("half", encoding="utf-8")
        raise OSError("schijf vol")

    # Inputs are unchanged, so the build would be skipped as up to date: force a real one.
    pipeline.manifest.forget(project / ".rapportage")
    monkeypatch.setattr(pipeline, "build_site", half_then_crash)
    assert main(["build", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "Interne fout" in err and "Traceback" not in err
    assert tree_hash(project / "site") == before
    assert not list(project.glob(".site-new-*")), "the scratch folder of a failed build must go"


# A build in a child process that stops at a chosen moment, so the test can SIGKILL it there.
_CHILD = r"""
import sys, time, shutil
from pathlib import Path
import generator.site.build as pipeline
import generator.site.output as output
from generator.cli import main

project, moment, ready = sys.argv[1], sys.argv[2], Path(sys.argv[3])

def pause():
    ready.write_text("ja")
    time.sleep(300)

if moment == "halfway":  # MkDocs has written some pages into the scratch folder
    import mkdocs.commands.build as mk
    real_page = mk._build_page
    count = [0]
    def page(*args, **kwargs):
        real_page(*args, **kwargs)
        count[0] += 1
        if count[0] == 5:
            pause()
    mk._build_page = page
elif moment == "before-swap":  # the new site is complete, not yet in place
    real_build = pipeline.build_site
    def build_site(*args, **kwargs):
        made = real_build(*args, **kwargs)
        pause()
        return made
    pipeline.build_site = build_site
elif moment == "after-swap":  # exchanged; the old site is being deleted
    real_rmtree = shutil.rmtree
    def rmtree(path, *args, **kwargs):
        if Path(path).name.startswith(".site-new-"):
            pause()
        real_rmtree(path, *args, **kwargs)
    output.shutil.rmtree = rmtree
sys.exit(main(["build", "--project", project]))
"""


@pytest.mark.parametrize("moment, expected", [("halfway", "old"), ("before-swap", "old"), ("after-swap", "new")])
def test_a_killed_build_leaves_the_old_or_the_new_site(built, tmp_path: Path, moment: str, expected: str) -> None:
    _, new_files = built
    project = tmp_path / "project"
    for name in ("content", "data"):
        shutil.copytree(REPO / name, project / name)
    old = project / "site"
    old.mkdir()
    (old / "index.html").write_text("<p>vorige site</p>", encoding="utf-8")
    old_hash = tree_hash(old)
    ready = tmp_path / "ready"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(project), moment, str(ready)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not ready.exists():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child build never reached the moment"
            time.sleep(0.1)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.stderr.close()

    if expected == "old":
        assert tree_hash(old) == old_hash
    else:
        assert _files(old) == new_files
    assert list(project.glob(".site-new-*")), "the killed build's scratch folder should still be there"

    if moment == "halfway":  # once is enough: the next build puts a complete site in place and cleans up
        assert main(["build", "--project", str(project)]) == 0
        assert _files(old) == new_files
        assert not list(project.glob(".site-new-*"))


def test_leftovers_of_a_live_build_are_kept(tmp_path: Path) -> None:
    """Another build still running (its process alive) keeps its scratch folder."""
    target = tmp_path / "site"
    mine = tmp_path / f".site-new-{os.getpid()}-abc"
    dead = tmp_path / ".site-new-999999999-abc"
    mine.mkdir()
    dead.mkdir()
    output.remove_leftovers(target)
    assert mine.is_dir() and not dead.exists()


def test_leftovers_of_a_site_folder_with_a_hyphen(tmp_path: Path) -> None:
    target = tmp_path / "mijn-site"
    dead = tmp_path / ".mijn-site-new-999999999-abc"
    other = tmp_path / ".mijn-site-nieuw"
    dead.mkdir()
    other.mkdir()
    output.remove_leftovers(target)
    assert not dead.exists() and other.is_dir()
