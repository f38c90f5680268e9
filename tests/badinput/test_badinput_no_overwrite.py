"""The tool never rewrites what an editor wrote without being asked: `check` and `build`
write nothing under content/ or data/; `new-period` and `publish` only add files, refuse
to overwrite, and never write through a symlink or outside the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from badinput.corpus import REPO, tree_hash
from generator.cli import main


def _editor_files(project: Path) -> str:
    return tree_hash(project / "content") + tree_hash(project / "data")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "project"
    for name in ("content", "data"):
        shutil.copytree(REPO / name, dest / name)
    return dest


def test_check_and_build_write_nothing_an_editor_owns(project: Path) -> None:
    before = _editor_files(project)
    assert main(["check", "--project", str(project)]) == 0
    assert main(["build", "--project", str(project)]) == 0
    assert _editor_files(project) == before


def test_new_period_refuses_an_existing_edition(project: Path, capsys) -> None:
    before = _editor_files(project)
    assert main(["new-period", "2023-Q3", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "fout: editie 2023-Q3 bestaat al (content/edities/2023-Q3)" in err
    assert "rapportage overschrijft niets dat een redacteur schreef" in err
    assert _editor_files(project) == before


def test_new_period_refuses_a_folder_someone_started(project: Path, capsys) -> None:
    started = project / "content/edities/2023-Q4"
    started.mkdir()
    (started / "aantekeningen.txt").write_text("nog uitwerken", encoding="utf-8")
    before = _editor_files(project)
    assert main(["new-period", "2023-Q4", "--project", str(project)]) == 1
    assert "editie 2023-Q4 bestaat al" in capsys.readouterr().err
    assert _editor_files(project) == before


def test_new_period_adds_only_the_new_edition(project: Path) -> None:
    before = {p.relative_to(project).as_posix(): p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert main(["new-period", "2023-Q4", "--project", str(project)]) == 0
    after = {p.relative_to(project).as_posix(): p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert {k: v for k, v in after.items() if k in before} == before  # nothing changed
    assert all(k.startswith("content/edities/2023-Q4/") for k in set(after) - set(before))


def test_new_period_does_not_copy_a_symlink_out_of_the_project(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord", encoding="utf-8")
    (project / "content/edities/2023-Q3/bijlage.txt").symlink_to(secret)
    assert main(["new-period", "2023-Q4", "--project", str(project)]) == 0
    assert not (project / "content/edities/2023-Q4/bijlage.txt").exists()


def test_publish_refuses_a_published_edition(project: Path, capsys) -> None:
    before = _editor_files(project)
    assert main(["publish", "2023-Q1", "--project", str(project)]) == 1
    assert "fout: editie 2023-Q1 is al gepubliceerd (versie 1" in capsys.readouterr().err
    assert _editor_files(project) == before


def test_publish_never_writes_through_a_symlinked_editie_yml(project: Path, tmp_path: Path, capsys) -> None:
    settings = project / "content/edities/2023-Q3/editie.yml"
    outside = tmp_path / "elders.yml"
    outside.write_bytes(settings.read_bytes())
    settings.unlink()
    settings.symlink_to(outside)
    original = outside.read_bytes()
    assert main(["publish", "2023-Q3", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/edities/2023-Q3/editie.yml: fout: bestand is een koppeling (symlink) naar een plek buiten de projectmap" in err
    assert outside.read_bytes() == original
    assert not (project / "content/edities/2023-Q3/gepubliceerd").exists()


def test_publish_never_writes_into_a_symlinked_snapshot_folder(project: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    (project / "content/edities/2023-Q3/gepubliceerd").symlink_to(outside, target_is_directory=True)
    assert main(["publish", "2023-Q3", "--project", str(project)]) == 1
    assert "content/edities/2023-Q3/gepubliceerd: fout: de map voor bevroren edities is een koppeling" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_publish_writes_its_snapshot_past_a_planted_scratch_symlink(project: Path, tmp_path: Path) -> None:
    """A file planted where an older publish wrote its scratch file is never written through."""
    victim = tmp_path / "bashrc"
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    snapshots = project / "content/edities/2023-Q3/gepubliceerd"
    snapshots.mkdir()
    (snapshots / "versie-1.tmp").symlink_to(victim)
    assert main(["publish", "2023-Q3", "--project", str(project)]) == 0
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert (snapshots / "versie-1.json").is_file() and not (snapshots / "versie-1.json").is_symlink()
