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

from pydantic import BaseModel

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
    problems.add(rel, line, finding.message, finding.hint or HTML_HINT, severity=Severity.ERROR if finding.active else Severity.WARNING)


# Lists whose items the site renders as Markdown, one each (templates/pages/measure.html).
MARKDOWN_LISTS = {"risicos"}


def check_markdown_fields(doc: YamlDoc, value: Any, problems: Problems, loc: tuple[Any, ...] = ()) -> None:
    """`check_markdown` on every Markdown field of a validated model (a field whose
    description says it is Markdown), nested models, lists and dicts included: every field
    that the site renders as Markdown gets the same check as `toelichting`."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            child = getattr(value, name, None)
            key = info.alias or name
            if isinstance(child, str) and _is_markdown(info.description):
                check_markdown(doc, loc + (key,), child, problems)
            elif isinstance(child, dict) and _is_markdown(info.description):
                for k, text in child.items():
                    if isinstance(text, str):
                        check_markdown(doc, loc + (key, k), text, problems)
            elif isinstance(child, list) and key in MARKDOWN_LISTS:
                for i, text in enumerate(child):
                    if isinstance(text, str):
                        check_markdown(doc, loc + (key, i), text, problems)
            elif isinstance(child, (BaseModel, list)):
                check_markdown_fields(doc, child, problems, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, BaseModel):
                check_markdown_fields(doc, item, problems, loc + (i,))


def _is_markdown(description: str | None) -> bool:
    return bool(description) and ("(Markdown" in description or " in Markdown" in description)
