"""The sandboxed Jinja environment every page, chart block and print document renders with."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator.charts.sentences import lower_first
from generator.compute.status import STATUS, STATUS_ALL
from generator.core.markdown import escape_markdown_text, render_markdown
from generator.core.paths import ProjectPaths, default_templates_dir


class ReportSandbox(SandboxedEnvironment):
    """The sandbox, with its attribute check remembered per (type, name).

    Jinja's check depends only on the object's type and the attribute name, and
    templates read the same few attributes of views thousands of times.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


def make_environment(paths: ProjectPaths) -> SandboxedEnvironment:
    loaders = []
    if paths.templates.is_dir():
        loaders.append(FileSystemLoader(str(paths.templates)))
    loaders.append(FileSystemLoader(str(default_templates_dir())))
    env = ReportSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = lambda text: Markup(render_markdown(text))
    # Already HTML-escaped (and Markdown-escaped): mark it so autoescape does not escape twice.
    env.filters["mdtext"] = lambda text: Markup(escape_markdown_text(str(text)))
    # A title named mid-sentence ("Verloop doelbereik"), in the same sentence case as chart summaries.
    env.filters["lower_first"] = lower_first
    env.globals["STATUS"] = STATUS
    env.globals["STATUS_ALL"] = STATUS_ALL  # with "onbekend", which the legend does not list
    return env


def template_file(paths: ProjectPaths, rel: str) -> Path:
    """The project's own copy of a template file, else the default one."""
    own = paths.templates / rel
    return own if own.is_file() else default_templates_dir() / rel


def templates_digest(paths: ProjectPaths) -> str:
    h = hashlib.sha256()
    for folder in (paths.templates, default_templates_dir()):
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                h.update(str(path).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()
