"""Build time of the draft edition against the number of published (frozen) editions.

    .venv/bin/python bench/editions.py            # 1, 4 and 12 editions
    .venv/bin/python bench/editions.py 1 4 12 24  # other sizes

For each size it makes a project from the example under bench/out/ with that many
quarterly editions ending in 2023-Q3: all but the newest are published (frozen), the
newest is a concept. Older quarters get figures copied from the same quarter of 2022.
It then builds three times and prints the time per stage:

    koud     first build, empty render cache
    warm     same inputs again (frozen editions come from the render cache)
    concept  after an edit of the draft edition's narrative (the everyday case)

`load` validates all files (frozen editions with unchanged files are not parsed, only
hashed), `compute` computes the draft edition, `render` renders the draft's pages plus
the cross-edition pages, `site` is MkDocs, which always writes every page.
Results are recorded in docs/dev/editions.md. Not a test: nothing is asserted.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.editions.publish import publish  # noqa: E402
from generator.core.periods import Period  # noqa: E402
from generator.site.build import build  # noqa: E402
from generator.core.paths import ProjectPaths  # noqa: E402

OUT = ROOT / "bench" / "out"
NEWEST = Period.parse("2023-Q3")


def quarters(n: int) -> list[Period]:
    out = [NEWEST]
    while len(out) < n:
        out.append(out[-1].previous())
    return sorted(out)


def make_project(n: int) -> Path:
    project = OUT / f"edities-{n}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "content", project / "content", ignore=shutil.ignore_patterns("edities"))
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    periods = quarters(n)
    _extend_figures(project / "data" / "indicatoren.csv", periods)
    template = ROOT / "content" / "edities" / str(NEWEST)
    for i, period in enumerate(periods):
        folder = project / "content" / "edities" / str(period)
        shutil.copytree(template, folder, ignore=shutil.ignore_patterns("gepubliceerd"))
        day = dt.date(period.year, 3 * period.index, 1) + dt.timedelta(days=45)
        text = (folder / "editie.yml").read_text(encoding="utf-8")
        text = text.replace("Q3 2023", period.label).replace("status: concept", "status: concept")
        text = "\n".join(f"datum: {day.isoformat()}" if line.startswith("datum:") else line for line in text.splitlines()) + "\n"
        (folder / "editie.yml").write_text(text, encoding="utf-8")
    paths = ProjectPaths.at(project)
    for period in periods[:-1]:
        day = dt.date(period.year, 3 * period.index, 1) + dt.timedelta(days=45)
        publish(paths, str(period), date=day)
    return project


def _extend_figures(path: Path, periods: list[Period]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, body = rows[0], rows[1:]
    have = {(r[0], r[1], r[2]) for r in body}
    by_quarter = {(r[0], r[1], Period.parse(r[2]).index): r[3] for r in body if r[2].startswith("2022-")}
    for (ind, series, index), value in sorted(by_quarter.items()):
        for p in periods:
            if p.index == index and (ind, series, str(p)) not in have:
                body.append([ind, series, str(p), value])
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows([header, *body])


def measure(project: Path) -> list[tuple[str, object]]:
    paths = ProjectPaths.at(project)
    shutil.rmtree(paths.work, ignore_errors=True)
    results = []
    for label in ("koud", "warm", "concept"):
        if label == "concept":
            draft = project / "content" / "edities" / str(NEWEST) / "indicatoren" / "eigen-regie.yml"
            draft.write_text(draft.read_text(encoding="utf-8") + "# bijgewerkt\n", encoding="utf-8")
        started = time.perf_counter()
        result = build(paths)
        total = time.perf_counter() - started
        results.append((label, result, total))
    return results


def main(sizes: list[int]) -> None:
    print("| edities | bevroren | build | totaal | load | compute | render | site (MkDocs) | hergebruikt | pagina's |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        project = make_project(n)
        for label, result, total in measure(project):
            t = result.timings
            print(
                f"| {n} | {result.frozen} | {label} | {total:.2f} | {t['load']:.2f} | {t['compute']:.3f} | "
                f"{t['render']:.3f} | {t['site']:.2f} | {result.reused} | {result.pages} |",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 4, 12])
