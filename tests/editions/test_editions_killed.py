"""publish and new-period killed halfway (os._exit at the worst moment, no clean-up runs):
the next build names the unfinished work, the next run of the command finishes or cleans it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]

_CHILD = r"""
import os, sys
import generator.editions.publish as publish
import generator.editions.scaffold as scaffold
from generator.cli import main

project, moment, command = sys.argv[1], sys.argv[2], sys.argv[3:]
if moment == "before-snapshot":  # editie.yml already says gepubliceerd, no snapshot yet
    publish._write_snapshot = lambda *args: os._exit(9)
elif moment == "snapshot-scratch":  # the snapshot's scratch file is written, not yet renamed
    real_replace = os.replace
    def replace(src, dst, *a, **k):
        if str(src).endswith(".tmp"):
            os._exit(9)
        return real_replace(src, dst, *a, **k)
    publish.os.replace = replace
elif moment == "new-period-copying":  # some files copied into the scratch folder
    real_rename = os.rename
    scaffold.os.rename = lambda *args: os._exit(9)
main([*command, "--project", project])
"""


def killed(project: Path, moment: str, *command: str) -> None:
    result = subprocess.run([sys.executable, "-c", _CHILD, str(project), moment, *command],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 9, result.stderr


def test_a_publish_killed_before_its_snapshot_is_unfinished_not_published(example_project: Path, capsys) -> None:
    folder = example_project / "content/edities/2023-Q3"
    before = (folder / "editie.yml").read_bytes()
    killed(example_project, "before-snapshot", "publish", "2023-Q3")
    assert b"status: gepubliceerd" in (folder / "editie.yml").read_bytes()  # the kill left it half done
    assert not (folder / "gepubliceerd").exists() or not list((folder / "gepubliceerd").glob("versie-*.json"))

    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert ("content/edities/2023-Q3/.publicatie-bezig: fout: de publicatie van editie 2023-Q3 is onderbroken" in err), err
    assert "rapportage publish 2023-Q3` opnieuw uit" in err

    assert main(["publish", "2023-Q3", "--project", str(example_project)]) == 0
    capsys.readouterr()
    assert (folder / "gepubliceerd/versie-1.json").is_file()
    assert not (folder / ".publicatie-bezig").exists()
    after = (folder / "editie.yml").read_bytes()
    assert after == before.replace(b"status: concept", b"status: gepubliceerd", 1)
    assert main(["check", "--project", str(example_project)]) == 0


def test_a_killed_publish_leaves_no_scratch_file_after_the_next(example_project: Path, capsys) -> None:
    snapshots = example_project / "content/edities/2023-Q3/gepubliceerd"
    killed(example_project, "snapshot-scratch", "publish", "2023-Q3")
    assert list(snapshots.glob(".versie-*.tmp"))
    (snapshots / ".versie-abc.tmp").write_text("{}", encoding="utf-8")  # an older release's name
    assert main(["publish", "2023-Q3", "--project", str(example_project)]) == 0
    assert not list(snapshots.glob(".versie-*.tmp"))
    assert [p.name for p in snapshots.iterdir()] == ["versie-1.json"]


def test_a_killed_new_period_is_named_by_the_build_and_cleaned_by_the_next_run(example_project: Path, capsys) -> None:
    editions = example_project / "content/edities"
    killed(example_project, "new-period-copying", "new-period", "2023-Q4")
    leftovers = list(editions.glob(".2023-Q4-nieuw-*"))
    assert leftovers and not (editions / "2023-Q4").exists()

    assert main(["check", "--project", str(example_project)]) == 0  # not an edition: skipped, with a warning
    err = capsys.readouterr().err
    rel = f"content/edities/{leftovers[0].name}"
    assert f"{rel}: waarschuwing: map van een onderbroken `rapportage new-period 2023-Q4`" in err, err

    assert main(["new-period", "2023-Q4", "--project", str(example_project)]) == 0
    assert not list(editions.glob(".2023-Q4-nieuw-*"))
    assert (editions / "2023-Q4" / "editie.yml").is_file()
