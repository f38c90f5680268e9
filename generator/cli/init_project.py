"""`rapportage init MAP`: a new municipality's content repository that builds at once.

The files come from generator/cli/init_template/ (packaged with generator/) and the CI
templates of ci-sjablonen/ (packaged as generator/ci-sjablonen). `${jaar}` and friends in
a template are filled in; a folder named PERIODE becomes the first edition's period. The
schemas and the VS Code schema line of every YAML file are written by `rapportage schema`'s
own code, so they are exactly what `rapportage schema --check` expects.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from generator import __version__
from generator.core.paths import PACKAGE_DIR

TEMPLATE_DIR = Path(__file__).resolve().parent / "init_template"
PERIOD_FOLDER = "PERIODE"
# Template names that may not start with a dot in the package (a packaged .gitignore
# would be read as ignore rules by the build backend).
_RENAMED = {"_gitignore": ".gitignore"}
# CI templates: where they are in ci-sjablonen/ -> where the new repository gets them.
CI_FILES = {
    "github/rapportage.yml": ".github/workflows/rapportage.yml",
    "gitlab/.gitlab-ci.yml": ".gitlab-ci.yml",
    "pre-commit/.pre-commit-config.yaml": ".pre-commit-config.yaml",
}


class InitRefused(Exception):
    """Dutch message and hint: `init` wrote nothing."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class InitResult:
    root: Path
    period: str
    files: list[str] = field(default_factory=list)  # project-relative, sorted


def ci_templates_dir() -> Path:
    # Installed wheel: packaged inside generator/; a source checkout keeps them at the top.
    packaged = PACKAGE_DIR / "ci-sjablonen"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "ci-sjablonen"


def first_period(today: dt.date) -> tuple[int, str]:
    """The year of the example figures and the first edition: the last quarter of last year."""
    year = today.year - 1
    return year, f"{year}-Q4"


def planned_files(today: dt.date) -> dict[str, str]:
    """Project-relative path -> text of every file `init` writes (schemas apart)."""
    year, period = first_period(today)
    values = {"jaar": str(year), "volgend_jaar": str(year + 1), "kwartaal": f"Q4 {year}",
              "periode": period, "datum": today.isoformat(),
              "versie": __version__}  # the README installs the release that made the project
    files: dict[str, str] = {}
    for path in sorted(TEMPLATE_DIR.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        parts = [_RENAMED.get(p, period if p == PERIOD_FOLDER else p) for p in path.relative_to(TEMPLATE_DIR).parts]
        files["/".join(parts)] = Template(path.read_text(encoding="utf-8")).substitute(values)
    ci = ci_templates_dir()
    for source, target in CI_FILES.items():
        if (ci / source).is_file():
            files[target] = (ci / source).read_text(encoding="utf-8")
    return files


def init_project(root: Path, today: dt.date | None = None) -> InitResult:
    """Write a new project at `root`; refuses (InitRefused) when `root` exists and is not
    an empty folder. Never overwrites a file."""
    root = Path(os.path.abspath(root))
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        raise InitRefused(f"`{root}` bestaat al en is geen map; er is niets geschreven", "kies een nieuwe map")
    if root.is_dir() and any(root.iterdir()):
        raise InitRefused(
            f"de map `{root}` bestaat al en is niet leeg; er is niets geschreven",
            "kies een nieuwe of lege map, bijvoorbeeld: rapportage init ../gemeente-rapportage",
        )
    today = today or dt.date.today()
    files = planned_files(today)
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(text)
    from generator.checks.json_schema import update_schemas

    report = update_schemas(root)
    written = set(files) | set(report.schemas)
    return InitResult(root, first_period(today)[1], sorted(written))
