"""The data files of tables (CSV, XLSX under data/), each read once per run.

Several tables may read the same file (sheets of one workbook, one CSV in two editions):
the first read is kept, with the problems it found, and a later read gets the same rows
and the same problems again, so every table still reports what is wrong with its file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.core.paths import ProjectPaths
from generator.core.problems import Problem, Problems
from generator.load.csvfile import CsvTable, read_csv
from generator.load.xlsxfile import open_workbook, read_range


class DataFiles:
    """A cache of data files keyed by path; `close()` closes the open workbooks."""

    def __init__(self, paths: ProjectPaths):
        self.paths = paths
        self._csv: dict[Path, tuple[CsvTable | None, list[Problem]]] = {}
        self._workbooks: dict[Path, tuple[Any, list[Problem]]] = {}

    def csv(self, path: Path, problems: Problems) -> CsvTable | None:
        if path not in self._csv:
            found = Problems()
            self._csv[path] = (read_csv(path, self.paths.rel(path), found), found.items)
        table, found_items = self._csv[path]
        problems.extend(found_items)
        return table

    def xlsx(self, path: Path, sheet: str | None, cell_range: str | None, problems: Problems,
             named_at: tuple[str, int | None]) -> CsvTable | None:
        rel = self.paths.rel(path)
        if path not in self._workbooks:
            found = Problems()
            self._workbooks[path] = (open_workbook(path, rel, found), found.items)
        workbook, found_items = self._workbooks[path]
        problems.extend(found_items)
        if workbook is None:
            return None
        return read_range(workbook, path, rel, sheet, cell_range, problems, named_at)

    def close(self) -> None:
        for workbook, _ in self._workbooks.values():
            if workbook is not None:
                workbook.close()
        self._workbooks.clear()

    def __enter__(self) -> DataFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
