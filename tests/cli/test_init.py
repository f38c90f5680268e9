"""`rapportage init MAP` (issue 14): a new municipality's repository that builds at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.cli import main
from generator.cli.init_project import init_project
from generator.load.yamlfile import MODELINE_PREFIX

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 3, 9)


def test_init_then_check_strict_and_build_make_the_pages(tmp_path: Path, monkeypatch, capsys) -> None:
    project = tmp_path / "gemeente"
    init_project(project, today=TODAY)
    monkeypatch.chdir(project)
    assert main(["check", "--strict"]) == 0
    assert main(["schema", "--check"]) == 0
    assert main(["build", "--strict"]) == 0
    out = capsys.readouterr().out
    assert "1 indicatoren, 1 edities" in out and "Site gebouwd" in out
    site = project / "site"
    edition = site / "2025-q4"
    assert (site / "index.html").is_file()
    assert "Wachttijd Wmo-ondersteuning" in "".join(p.read_text(encoding="utf-8") for p in edition.rglob("*.html"))
    assert "Snellere intake bij de Wmo" in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert (site / "handleiding" / "index.html").is_file()
    assert main(["check-site"]) == 0


def test_init_writes_the_promised_files(tmp_path: Path) -> None:
    project = tmp_path / "nieuw"
    result = init_project(project, today=TODAY)
    for rel in ("content/site.yml", "mkdocs.yml", "content/doelstellingen.yml", "content/indicatoren.yml",
                "data/indicatoren.csv", "content/maatregelen.yml", "content/edities/2025-Q4/editie.yml",
                "content/edities/2025-Q4/indicatoren/wachttijd-wmo.yml", "content/edities/2025-Q4/maatregelen/1.1.yml",
                ".github/workflows/rapportage.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml", "README.md",
                ".gitignore", "schemas/site.schema.json"):
        assert (project / rel).is_file(), rel
        assert rel in result.files
    # The CI templates are the ones the project ships.
    assert (project / ".gitlab-ci.yml").read_text(encoding="utf-8") == (REPO / "ci-sjablonen/gitlab/.gitlab-ci.yml").read_text(encoding="utf-8")
    # VS Code's schema line on every YAML file under content/.
    for path in (project / "content").rglob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith(MODELINE_PREFIX + " $schema="), path
    figures = (project / "data/indicatoren.csv").read_text(encoding="utf-8").splitlines()
    assert figures[1:] == [f"wachttijd-wmo;;2025-Q{q};{v}" for q, v in zip(range(1, 5), (51, 48, 45, 43))]
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/rapportage" in readme and "pull request" in readme and "${" not in readme
    assert "status: concept" in (project / "content/edities/2025-Q4/editie.yml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path: Path, capsys) -> None:
    project = tmp_path / "bestaand"
    project.mkdir()
    (project / "notities.txt").write_text("van mij\n", encoding="utf-8")
    assert main(["init", str(project)]) == 1
    err = capsys.readouterr().err
    assert "bestaat al en is niet leeg" in err and "Traceback" not in err
    assert [p.name for p in project.iterdir()] == ["notities.txt"]
    assert (project / "notities.txt").read_text(encoding="utf-8") == "van mij\n"
    afile = tmp_path / "bestand"
    afile.write_text("x", encoding="utf-8")
    assert main(["init", str(afile)]) == 1
    assert afile.read_text(encoding="utf-8") == "x"


def test_init_accepts_an_empty_folder(tmp_path: Path, capsys) -> None:
    project = tmp_path / "leeg"
    project.mkdir()
    assert main(["init", str(project)]) == 0
    assert "Nieuwe rapportage gemaakt" in capsys.readouterr().out
    assert (project / "content/site.yml").is_file()


def test_the_package_ships_the_template_and_the_ci_templates() -> None:
    """The wheel holds generator/ (init_template included) and force-includes ci-sjablonen/
    as generator/ci-sjablonen, where `ci_templates_dir` looks first."""
    import tomllib

    from generator.cli.init_project import CI_FILES, TEMPLATE_DIR

    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert "generator" in settings["packages"]
    assert settings["force-include"]["ci-sjablonen"] == "generator/ci-sjablonen"
    assert TEMPLATE_DIR.is_relative_to(REPO / "generator")
    assert all((REPO / "ci-sjablonen" / source).is_file() for source in CI_FILES)
    # No dotfile in the package's template: a nested .gitignore would act as ignore rules.
    assert not [p for p in TEMPLATE_DIR.rglob(".*")]


def test_the_guides_first_steps_work_when_typed_literally(tmp_path: Path, monkeypatch, capsys) -> None:
    """docs/handleiding/index.md#nieuwe-rapportage, run as written from the rapportage folder
    (`.venv/bin/rapportage` is `main`; `serve` only parsed, since it keeps running)."""
    import re
    import shlex

    from generator.cli import build_parser

    guide = (REPO / "docs/handleiding/index.md").read_text(encoding="utf-8")
    section = guide[guide.index("{#nieuwe-rapportage}"):]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    lines = [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]
    assert lines and all(argv[0] == ".venv/bin/rapportage" for argv in lines)
    here = tmp_path / "rapportage"
    here.mkdir()
    monkeypatch.chdir(here)
    for argv in lines:
        if argv[1] == "serve":
            assert build_parser().parse_args(argv[1:]).project == "../gemeente-rapportage"
            continue
        assert main(argv[1:]) == 0, (argv, capsys.readouterr().err)
    assert (tmp_path / "gemeente-rapportage/site/index.html").is_file()


def test_init_takes_the_folder_from_project_before_or_after_the_command(tmp_path: Path, monkeypatch, capsys) -> None:
    # Issue 14: `rapportage --project X init` used to fail with "deze argumenten zijn verplicht: MAP".
    monkeypatch.delenv("RAPPORTAGE_PROJECT", raising=False)
    from generator.cli import main as run

    assert run(["--project", str(tmp_path / "voor"), "init"]) == 0
    assert run(["init", "--project", str(tmp_path / "na")]) == 0
    assert (tmp_path / "voor/content/site.yml").is_file() and (tmp_path / "na/content/site.yml").is_file()
    assert run(["--project", str(tmp_path / "voor"), "check"]) == 0
    assert run(["init", str(tmp_path / "een"), "--project", str(tmp_path / "twee")]) == 1
    assert not (tmp_path / "een").exists() and not (tmp_path / "twee").exists()
    assert run(["init"]) == 1
    assert "welke map moet de nieuwe rapportage worden?" in capsys.readouterr().err


def test_the_version_to_install_is_this_release_everywhere(tmp_path: Path) -> None:
    import re

    from generator import __version__
    from generator.cli import main as run

    assert run(["init", str(tmp_path / "p")]) == 0
    readme = (tmp_path / "p/README.md").read_text(encoding="utf-8")
    assert f'pip install "rapportage=={__version__}"' in readme
    repo = Path(__file__).resolve().parents[2]
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in pyproject
    for path in (repo / "ci-sjablonen").rglob("*"):
        if path.is_file():
            for pin in re.findall(r"rapportage(?:\[browser\])?==([0-9][0-9.]*)|rapportage\.git@v([0-9][0-9.]*)|rev: v([0-9][0-9.]*)",
                                  path.read_text(encoding="utf-8")):
                assert __version__ in pin, (path, pin)
