"""Write the generated pages as a plain MkDocs project, for the engine's floor.

    python -m bench.baseline PROJECT DEST

The benchmark then times `mkdocs build` of DEST: the same pages, nav and theme
settings, built by MkDocs alone.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.site.build import check, render
from generator.core.paths import ProjectPaths
from generator.site.mkdocs.adapter import write_plain_project


def main(root: str, dest: str) -> Path:
    paths = ProjectPaths.at(root)
    rendered, _ = render(paths, check(paths))
    out = Path(dest)
    if out.exists():
        shutil.rmtree(out)
    return write_plain_project(paths, rendered, out)


if __name__ == "__main__":
    print(main(sys.argv[1], sys.argv[2]))
