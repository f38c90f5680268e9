"""The sandboxed Jinja environment every page, chart block and print document renders with."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator.charts.sentences import lower_first
from generator.compute.status import STATUS, STATUS_ALL
from generator.core.markdown import escape_markdown_text, render_markdown
from generator.core.paths import ProjectPaths, default_templates_dir, ordinary_mode


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


class CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates kept between builds (`.rapportage/cache/templates/`).

    Compiling the report's and the pages' templates took about a second of every build.
    Jinja names an entry by the template and a hash of its source, so an edited
    template is compiled again. The environment's options (autoescape, trim_blocks, ...)
    change the compiled code but not Jinja's key: entries live in a subfolder named by
    this module's source and Jinja's version. Deleting the folder is always safe.
    """

    def __init__(self, folder: Path):
        import jinja2

        h = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode())
        folder = folder / h.hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def dump_bytecode(self, bucket: Any) -> None:
        super().dump_bytecode(bucket)
        path = Path(self._get_cache_filename(bucket))
        if path.is_file():
            ordinary_mode(path)  # Jinja writes it 0600; the cache is shared like the project


def make_environment(paths: ProjectPaths, compiled: Path | None = None) -> SandboxedEnvironment:
    """The template environment; `compiled` keeps compiled templates in that folder."""
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
        bytecode_cache=CompiledTemplates(compiled) if compiled is not None else None,
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
