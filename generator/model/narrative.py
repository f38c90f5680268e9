"""Checks on editors' Markdown: what the sanitiser would remove.

The site never shows active content whatever this finds: `render_markdown` sanitises
every narrative and free page. These checks exist so the editor hears about it, at
file and line, before the council does (see docs/dev/security.md for the policy):

- script-like HTML (`<script>`, `<iframe>`, `on...=` handlers, `javascript:` links): error;
- harmless HTML the site does not support (`<div>`, `<img>`, `file:` links): warning,
  which `--strict` turns into an error.

Template code in text (`{{ ... }}`, `{% ... %}`) is judged where directives are
resolved: `refused_directive` in generator/compute/pages.py.
"""

from __future__ import annotations

from typing import Any

from generator.load.yamlfile import YamlDoc
from generator.core.problems import Problems
from generator.core.vocabulary import Severity
from generator.core.markdown import Finding, inspect_markdown

HTML_HINT = "gebruik Markdown voor opmaak (**vet**, *schuin*, [tekst](https://...)); HTML met scripts komt nooit op de site"


def check_markdown(doc: YamlDoc, loc: tuple[Any, ...], text: str | None, problems: Problems) -> None:
    """Report what `text` (the Markdown value at `loc` in `doc`) would lose."""
    if not text:
        return
    for finding in inspect_markdown(text):
        _add(problems, doc.rel, doc.line_containing(loc, *finding.needles), finding)


def check_markdown_text(rel: str, first_line: int, text: str | None, problems: Problems) -> None:
    """The same for Markdown that is a file of its own (a free page); `first_line` is the
    file line of the text's first line."""
    if not text:
        return
    lines = text.splitlines()
    for finding in inspect_markdown(text, free_page=True):
        offset = next(
            (i for needle in finding.needles for i, line in enumerate(lines) if needle.lower() in line.lower()), 0
        )
        _add(problems, rel, first_line + offset, finding)


def _add(problems: Problems, rel: str, line: int | None, finding: Finding) -> None:
    problems.add(rel, line, finding.message, HTML_HINT, severity=Severity.ERROR if finding.active else Severity.WARNING)
