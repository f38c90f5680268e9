"""YAML files with line positions.

ruamel.yaml's round-trip loader keeps the line of every key and item; we turn its
nodes into plain dicts/lists (what pydantic wants) plus a position index, so that
a validation error at ('indicatoren', 3, 'streefwaarde') can name its line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.problems import Problems

Loc = tuple[Any, ...]

# Plenty for a report; a larger file is almost certainly a mistake (or an attack).
MAX_YAML_BYTES = 2 * 1024 * 1024


@dataclass
class YamlDoc:
    path: Path
    rel: str  # project-relative path for messages
    data: Any
    # loc -> 1-based line of the key (for mappings) or item (for sequences)
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _plain(node: Any, loc: Loc, lines: dict[Loc, int]) -> Any:
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key, value in node.items():
            key_plain = _scalar(key)
            try:
                line = node.lc.key(key)[0] + 1
            except (KeyError, TypeError, AttributeError):
                line = lines.get(loc, 1)
            lines[loc + (key_plain,)] = line
            out[key_plain] = _plain(value, loc + (key_plain,), lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            try:
                line = node.lc.item(i)[0] + 1
            except (KeyError, TypeError, AttributeError):
                line = lines.get(loc, 1)
            lines[loc + (i,)] = line
            items.append(_plain(value, loc + (i,), lines))
        return items
    return _scalar(node)


def _scalar(value: Any) -> Any:
    # ruamel's scalar subclasses (ScalarFloat, TimeStamp, ...) -> plain types.
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dt.datetime):
        return dt.datetime(*value.timetuple()[:6])
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        return str(value)
    return value


class _Fallback(Exception):
    """The fast reader leaves this document to ruamel (errors, anchors, rare types)."""


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fast_loader():
    """libyaml (through PyYAML) parses ten times faster than pure-Python ruamel.

    Scalars are resolved with ruamel's YAML 1.2 rules, so `yes` stays text and
    `012` is 12, exactly as the round-trip reader reads them.
    """
    import yaml
    from ruamel.yaml.nodes import ScalarNode as RuamelScalar
    from ruamel.yaml.resolver import VersionedResolver

    resolver = VersionedResolver(version=(1, 2))

    class FastLoader(yaml.CSafeLoader):
        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                return str(resolver.resolve(RuamelScalar, value, implicit)) if implicit[0] else _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

    return FastLoader, yaml


def _fast_scalar(node: Any) -> Any:
    tag, value = node.tag, node.value
    kind = tag.rsplit(":", 1)[-1] if tag.startswith("tag:yaml.org,2002:") else None
    if kind == "str":
        return value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        v = value.replace("_", "")
        sign = -1 if v.startswith("-") else 1
        v = v.lstrip("+-")
        base = {"0b": 2, "0o": 8, "0x": 16}.get(v[:2].lower(), 10)
        return sign * int(v[2:] if base != 10 else v, base)
    if kind == "float":
        v = value.replace("_", "").lower()
        if v.lstrip("+-") == ".inf":
            return float("-inf") if v.startswith("-") else float("inf")
        if v == ".nan":
            return float("nan")
        return float(v)
    if kind == "timestamp" and _DATE.match(value):
        return dt.date.fromisoformat(value)
    raise _Fallback


def _fast_plain(node: Any, loc: Loc, lines: dict[Loc, int], seen: set[int], yaml: Any) -> Any:
    if id(node) in seen:  # an alias: ruamel decides how it reads
        raise _Fallback
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise _Fallback
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise _Fallback
            key = _fast_scalar(key_node)
            if key in out:  # ruamel words the duplicate-key error
                raise _Fallback
            lines[loc + (key,)] = key_node.start_mark.line + 1
            out[key] = _fast_plain(value_node, loc + (key,), lines, seen, yaml)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise _Fallback
        items = []
        for i, item in enumerate(node.value):
            lines[loc + (i,)] = item.start_mark.line + 1
            items.append(_fast_plain(item, loc + (i,), lines, seen, yaml))
        return items
    return _fast_scalar(node)


def _fast_load(text: str) -> tuple[Any, dict[Loc, int]] | None:
    """(data, lines) read by libyaml, or None to let ruamel read (and word any error)."""
    try:
        loader_class, yaml = _FAST
    except NameError:
        return None
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        lines: dict[Loc, int] = {(): 1}
        data = None if node is None else _fast_plain(node, (), lines, set(), yaml)
    except Exception:  # _Fallback, or anything libyaml objects to
        return None
    return data, lines


try:
    _FAST = _fast_loader()
except (ImportError, AttributeError):  # PyYAML without libyaml: ruamel reads everything
    pass


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, f"bestand kan niet gelezen worden ({exc.strerror or exc})")
        return None
    if len(raw) > MAX_YAML_BYTES:
        problems.add(
            rel,
            None,
            f"bestand is te groot ({len(raw) // 1024} kB; maximaal {MAX_YAML_BYTES // 1024} kB)",
            "splits de inhoud over meerdere bestanden",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(
            rel,
            line,
            "bestand is geen geldige UTF-8-tekst",
            "sla het bestand op als UTF-8 (in Kladblok/VS Code: 'Opslaan als' > codering UTF-8)",
        )
        return None


def load_yaml(path: Path, rel: str, problems: Problems) -> YamlDoc | None:
    """Parse one YAML file; syntax errors become problems with their line."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
    return parse_yaml(text, path, rel, problems)


def parse_yaml(text: str, path: Path, rel: str, problems: Problems, line_offset: int = 0) -> YamlDoc | None:
    """Parse YAML text; `line_offset` is added to every line (YAML front matter inside a
    Markdown file starts below the file's first line)."""
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                problems.add(
                    rel,
                    number + line_offset,
                    "tab gebruikt om in te springen; YAML staat alleen spaties toe",
                    "vervang de tab door spaties",
                )
                return None
    fast = _fast_load(text)
    if fast is not None:
        data, lines = fast
        if line_offset:
            lines = {loc: line + line_offset for loc, line in lines.items()}
        return YamlDoc(path=path, rel=rel, data=data, lines=lines)
    try:
        node = _yaml().load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _duplicate_key_name(exc)
        problems.add(
            rel,
            mark.line + 1 + line_offset if mark else None,
            f"sleutel `{key}` komt twee keer voor" if key else "een sleutel komt twee keer voor",
            "verwijder of hernoem een van beide",
        )
        return None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context_mark
        started = (
            f" (begonnen op regel {context.line + 1 + line_offset})"
            if context is not None and mark is not None and context.line != mark.line
            else ""
        )
        problems.add(
            rel,
            mark.line + 1 + line_offset if mark else None,
            f"YAML kan niet gelezen worden: {_dutch_yaml_problem(exc.problem or exc.context or '')}{started}",
            "controleer inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven",
        )
        return None
    except (YAMLError, RecursionError, ValueError) as exc:
        problems.add(rel, None, f"YAML kan niet gelezen worden ({type(exc).__name__})")
        return None
    lines: dict[Loc, int] = {(): 1}
    data = _plain(node, (), lines)
    if line_offset:
        lines = {loc: line + line_offset for loc, line in lines.items()}
    return YamlDoc(path=path, rel=rel, data=data, lines=lines)


def _duplicate_key_name(exc: DuplicateKeyError) -> str | None:
    text = str(exc.problem or "")
    # ruamel: 'found duplicate key "x" with value ...'
    if '"' in text:
        parts = text.split('"')
        if len(parts) >= 2:
            return parts[1]
    return None


_YAML_PHRASES = {
    "mapping values are not allowed here": "een dubbele punt staat op een plek waar die niet mag (zet de tekst tussen aanhalingstekens)",
    "could not find expected ':'": "een dubbele punt (:) ontbreekt",
    "found character that cannot start any token": "een teken dat hier niet mag (bijvoorbeeld een tab, @ of `)",
    "expected <block end>, but found": "de inspringing klopt niet",
    "found unexpected end of stream": "het bestand houdt onverwacht op (een aanhalingsteken niet gesloten?)",
    "found undefined alias": "een verwijzing (*naam) naar iets dat niet bestaat",
    "did not find expected key": "de inspringing klopt niet of een sleutel ontbreekt",
    "did not find expected '-' indicator": "een lijstitem (-) staat niet goed ingesprongen",
    "expected ',' or ']'": "een lijst tussen [ en ] is niet goed afgesloten (zet tekst met [ tussen aanhalingstekens)",
    "expected ',' or '}'": "een verzameling tussen { en } is niet goed afgesloten (zet tekst met { tussen aanhalingstekens)",
    "while scanning a quoted scalar": "een aanhalingsteken is niet gesloten",
    "expected the node content, but found '<stream end>'": "een waarde ontbreekt aan het eind van het bestand",
    "found unknown escape character": "een onbekende escape (\\) in tekst tussen dubbele aanhalingstekens",
}


def _dutch_yaml_problem(problem: str) -> str:
    for english, dutch in _YAML_PHRASES.items():
        if english in problem:
            return dutch
    return f"syntaxfout ({problem})" if problem else "syntaxfout"
