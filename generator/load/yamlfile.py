"""YAML files with line positions.

ruamel.yaml's round-trip loader keeps the line of every key and item; we turn its
nodes into plain dicts/lists (what pydantic wants) plus a position index, so that
a validation error at ('indicatoren', 3, 'streefwaarde') can name its line.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml as yaml_c  # PyYAML with libyaml: only for the fast, linear pre-scan
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.load.files import line_of_offset, read_text_file
from generator.core.problems import Problems

# The first line of a YAML file that points editors' tools at its JSON Schema (`rapportage schema`);
# it is not editor content (a CONCEPT marker or a snapshot hash goes below it).
MODELINE_PREFIX = "# yaml-language-server:"

Loc = tuple[Any, ...]

# Plenty for a report; a larger file is almost certainly a mistake (or an attack).
# ruamel's pure-Python round-trip parser needs seconds per megabyte, so these also bound
# how long one file can take.
MAX_YAML_BYTES = 1024 * 1024
MAX_YAML_NODES = 20_000  # keys, items and values, aliases expanded
MAX_YAML_DEPTH = 50
# Text after expanding aliases: 20,000 nodes of 30 KB each would be 600 MB of pages (the
# node count alone let a 406 KB site.yml expand to 5.4 GB of memory).
MAX_YAML_EXPANDED_BYTES = 4 * 1024 * 1024


@dataclass
class YamlDoc:
    path: Path
    rel: str  # project-relative path for messages
    data: Any
    # loc -> 1-based line of the key (for mappings) or item (for sequences)
    lines: dict[Loc, int] = field(default_factory=dict)
    text: str = ""  # the source, to find the line of a word inside a multi-line value

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def line_containing(self, loc: Loc, *needles: str) -> int | None:
        """The first line at or after `loc`'s line containing a needle (tried in order,
        case-insensitive); else `loc`'s line. Narrative is a multi-line value: this
        points the editor at the line inside it."""
        start = self.line_of(loc) or 1
        following = self.text.splitlines()[start - 1:]
        for needle in needles:
            needle = needle.lower()
            for number, line in enumerate(following, start=start):
                if needle and needle in line.lower():
                    return number
        return start


class _Refused(Exception):
    """A file we will not read further: carries the Dutch problem."""

    def __init__(self, line: int | None, message: str, hint: str | None = None):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def _plain(node: Any, loc: Loc, lines: dict[Loc, int], budget: list[int] | None = None) -> Any:
    # The pre-scan has bounded size, depth and aliases already; this is the second fence
    # (a budget of nodes and a depth limit), so a shared or recursive node can never
    # make the walk explode.
    budget = budget if budget is not None else [MAX_YAML_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise _Refused(lines.get(loc), _TOO_MANY_NODES, _TOO_MANY_NODES_HINT)
    if len(loc) > MAX_YAML_DEPTH:
        raise _Refused(lines.get(loc), _TOO_DEEP, _TOO_DEEP_HINT)
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key, value in node.items():
            try:
                line = node.lc.key(key)[0] + 1
            except (KeyError, TypeError, AttributeError):
                line = lines.get(loc, 1)
            key_plain = _key(key, line)
            lines[loc + (key_plain,)] = line
            out[key_plain] = _plain(value, loc + (key_plain,), lines, budget)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            try:
                line = node.lc.item(i)[0] + 1
            except (KeyError, TypeError, AttributeError):
                line = lines.get(loc, 1)
            lines[loc + (i,)] = line
            items.append(_plain(value, loc + (i,), lines, budget))
        return items
    if isinstance(node, (dict, list, set, tuple, bytes)):  # e.g. !!set, !!omap, !!binary (refused in the pre-scan)
        raise _Refused(lines.get(loc), "deze YAML-vorm wordt niet ondersteund", "gebruik gewone sleutels, lijsten en tekst")
    return _scalar(node)


def _key(key: Any, line: int) -> Any:
    # Mapping keys are text, or whole numbers (years: `2023: ">= 80"`).
    if isinstance(key, (CommentedMap, CommentedSeq, dict, list, tuple, set, frozenset)):
        raise _Refused(line, "een sleutel moet een woord zijn, geen lijst of verzameling", "schrijf `sleutel: waarde`")
    plain = _scalar(key)
    if plain is None:
        return "(leeg)"
    if isinstance(plain, bool) or not isinstance(plain, (int, str)):
        return str(key)
    return plain


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

    class Resolver(VersionedResolver):
        # ruamel asks a loader it does not have for the version on every scalar (two caught
        # AttributeErrors each, a tenth of `rapportage check`); this resolver is 1.2 only.
        processing_version = (1, 2)

    resolver = Resolver(version=(1, 2))
    # A plain scalar's tag depends on its text only: each text is resolved once (the same keys
    # and values recur in every file), bounded so that a large file cannot grow it without end.
    tags: dict[str, str] = {}

    class FastLoader(yaml.CSafeLoader):
        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                if not implicit[0]:
                    return _STR
                tag = tags.get(value)
                if tag is None:
                    tag = str(resolver.resolve(RuamelScalar, value, implicit))
                    if len(value) <= 64 and len(tags) < 4096:
                        tags[value] = tag
                return tag
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


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, with impossible dates reported at their line."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            raise ConstructorError(
                None, None, f"DATE:{node.value}", node.start_mark
            ) from None


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


# Tags an editor may write; anything else (`!!python/object`, `!!binary`, `!eigen`) is refused.
_ALLOWED_TAGS = {None, "!"} | {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
}


def prescan(text: str) -> _Refused | None:
    """Refuse, before ruamel parses, what would make it slow or worse.

    ruamel's pure-Python parser is quadratic in nesting depth and slow on very many
    nodes, and the later walk would expand an alias bomb (billion laughs). libyaml's
    event stream (C, linear) tells us size, depth, aliases and tags cheaply. A syntax
    error here is not reported: ruamel reports it below, with its own line.
    """
    flow = _flow_depth(text)
    if flow is not None:
        return _Refused(flow, _TOO_DEEP, _TOO_DEEP_HINT)
    parser = getattr(yaml_c, "CSafeLoader", yaml_c.SafeLoader)
    nodes = 0
    depth = 0
    open_anchors: list[tuple[str | None, int]] = []  # (anchor, nodes before it) per open collection
    anchor_sizes: dict[str, int] = {}
    size = 0  # characters of scalar text, aliases expanded
    open_sizes: list[int] = []
    anchor_bytes: dict[str, int] = {}
    try:
        for event in yaml_c.parse(text, Loader=parser):
            kind = type(event).__name__
            line = event.start_mark.line + 1 if event.start_mark else None
            if kind in ("ScalarEvent", "SequenceStartEvent", "MappingStartEvent"):
                tag = event.tag
                if tag not in _ALLOWED_TAGS and not (kind == "ScalarEvent" and event.implicit[0]):
                    shown = tag.replace("tag:yaml.org,2002:", "!!") if tag else tag
                    return _Refused(line, f"YAML-tag `{shown}` is niet toegestaan", "laat de tag weg; zet tekst tussen aanhalingstekens")
                nodes += 1
                if kind == "ScalarEvent":
                    size += len(event.value)
                    if event.anchor:
                        anchor_sizes[event.anchor] = 1
                        anchor_bytes[event.anchor] = len(event.value)
                else:
                    open_sizes.append(size)
                    depth += 1
                    if depth > MAX_YAML_DEPTH:
                        return _Refused(line, _TOO_DEEP, _TOO_DEEP_HINT)
                    open_anchors.append((event.anchor, nodes))
            elif kind in ("SequenceEndEvent", "MappingEndEvent"):
                depth -= 1
                anchor, before = open_anchors.pop()
                size_before = open_sizes.pop()
                if anchor:
                    anchor_sizes[anchor] = nodes - before + 1
                    anchor_bytes[anchor] = size - size_before
            elif kind == "AliasEvent":
                if any(anchor == event.anchor for anchor, _ in open_anchors):
                    return _Refused(line, f"verwijzing `*{event.anchor}` verwijst naar zichzelf", "verwijder de verwijzing")
                nodes += anchor_sizes.get(event.anchor, 1)
                size += anchor_bytes.get(event.anchor, 0)
            if nodes > MAX_YAML_NODES:
                return _Refused(line, _TOO_MANY_NODES, _TOO_MANY_NODES_HINT)
            if size > MAX_YAML_EXPANDED_BYTES:
                return _Refused(line, _TOO_MUCH_TEXT, _TOO_MANY_NODES_HINT)
    except yaml_c.YAMLError:
        return None
    return None


def _flow_depth(text: str) -> int | None:
    """The line where brackets nest deeper than we allow, or None.

    libyaml itself recurses on flow collections, so very deep `[[[[` is caught by a
    plain count first (brackets inside text only make this more careful, never wrong
    for a real report: no narrative opens 50 brackets in a row).
    """
    if text.count("[") + text.count("{") <= MAX_YAML_DEPTH:
        return None
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        if depth > MAX_YAML_DEPTH:
            return line_of_offset(text, match.start())
    return None


_BRACKETS = re.compile(r"[\[\]{}]")

_TOO_DEEP = f"YAML is te diep genest (meer dan {MAX_YAML_DEPTH} niveaus)"
_TOO_DEEP_HINT = "controleer de haken [ ] { } en de inspringing"
_TOO_MANY_NODES = f"bestand bevat te veel waarden (meer dan {MAX_YAML_NODES:_}, verwijzingen met * meegeteld)".replace("_", ".")
_TOO_MUCH_TEXT = (f"bestand bevat met de verwijzingen (*naam) meegeteld meer dan "
                  f"{MAX_YAML_EXPANDED_BYTES // (1024 * 1024)} MB tekst")
_TOO_MANY_NODES_HINT = "splits de inhoud over meerdere bestanden, of gebruik minder verwijzingen (&anker / *verwijzing)"


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    return read_text_file(
        path, rel, problems, MAX_YAML_BYTES, decode=lambda raw: _decode_utf8(raw, rel, problems),
        binary_hint="verwacht een YAML-tekstbestand",
        control_message="onzichtbaar stuurteken ({code}) in de tekst",
        control_hint="verwijder het teken (vaak meegekopieerd uit een ander programma)",
    )


def _decode_utf8(raw: bytes, rel: str, problems: Problems) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(rel, 1, "bestand is opgeslagen als UTF-16", _SAVE_AS_UTF8)
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(
            rel,
            line_of_offset(raw, exc.start),
            "bestand is geen geldige UTF-8-tekst (bijvoorbeeld een é of ë opgeslagen als Windows-1252)",
            _SAVE_AS_UTF8,
        )
        return None


_SAVE_AS_UTF8 = "sla het bestand op als UTF-8 (in Kladblok/VS Code: 'Opslaan als' > codering UTF-8)"


def load_yaml(path: Path, rel: str, problems: Problems) -> YamlDoc | None:
    """Parse one YAML file; syntax errors become problems with their line."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
    return parse_yaml(text, path, rel, problems)


def parse_yaml(text: str, path: Path, rel: str, problems: Problems, line_offset: int = 0) -> YamlDoc | None:
    """Parse YAML text; `line_offset` is added to every line (YAML front matter inside a
    Markdown file starts below the file's first line)."""

    def at(line: int | None) -> int | None:
        return None if line is None else line + line_offset

    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                problems.add(
                    rel,
                    at(number),
                    "tab gebruikt om in te springen; YAML staat alleen spaties toe",
                    "vervang de tab door spaties",
                )
                return None
    parsed = _cache_get(text)
    if parsed is None:
        parsed = _parse(text, rel, problems, at)
        if parsed is None:
            return None
        _cache_put(text, *parsed)
    data, lines = parsed
    if line_offset:
        lines = {loc: line + line_offset for loc, line in lines.items()}
    # The source, padded so its line numbers are the file's (for `line_containing`).
    return YamlDoc(path=path, rel=rel, data=data, lines=lines, text="\n" * line_offset + text)


_BLOCK_START = re.compile(r"^(\s*)(?:-\s+)?([^\s#:][^:#]*?):\s*[|>][-+0-9]*\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[^\s#:'\"][^:#]*:(\s|$)")


def _block_dedent(text: str) -> tuple[int, str, int] | None:
    """(line, key, indent) of the first line that leaves a `key: |` text block by being less
    indented than the block's text while not being a new key: the usual cause of a YAML error
    that libyaml reports a few lines further on (or past the end of the file)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _BLOCK_START.match(lines[i])
        i += 1
        if not m:
            continue
        key_indent = len(m.group(1))
        body = next((j for j in range(i, len(lines)) if lines[j].strip()), None)
        if body is None:
            break
        indent = len(lines[body]) - len(lines[body].lstrip(" "))
        if indent <= key_indent:
            continue
        for j in range(body + 1, len(lines)):
            line = lines[j]
            if not line.strip():
                continue
            if line.rstrip() in ("---", "..."):
                break  # a document marker: its own error, not a dedented line
            here = len(line) - len(line.lstrip(" "))
            if here >= indent:
                continue
            if here <= key_indent and (_KEY_LINE.match(line) or line.lstrip().startswith("#")):
                break  # the next key: the block ended as it should
            return j + 1, m.group(2).strip(), indent
        i = body
    return None


def _parse(text: str, rel: str, problems: Problems, at) -> tuple[Any, dict[Loc, int]] | None:
    refused = prescan(text)
    if refused is not None:
        problems.add(rel, at(refused.line), refused.message, refused.hint)
        return None
    # After the pre-scan (size, depth, aliases are bounded): libyaml reads the common
    # case fast; anything it leaves (errors, anchors, rare types) goes to ruamel.
    fast = _fast_load(text)
    if fast is not None:
        return fast
    try:
        node = _yaml().load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _duplicate_key_name(exc)
        problems.add(
            rel,
            at(mark.line + 1) if mark else None,
            f"sleutel `{key}` komt twee keer voor" if key else "een sleutel komt twee keer voor",
            "verwijder of hernoem een van beide",
        )
        return None
    except MarkedYAMLError as exc:
        problem = str(exc.problem or exc.context or "")
        mark = exc.problem_mark or exc.context_mark
        context = exc.context_mark
        if "end of stream" in problem and context is not None:
            mark = context  # where the unclosed quote or bracket started
        if problem.startswith("DATE:"):
            problems.add(
                rel, at(mark.line + 1) if mark else None,
                f"`{problem[5:]}` is geen bestaande datum",
                "schrijf een datum als 2023-05-15 (jaar-maand-dag)",
            )
            return None
        dedent = _block_dedent(text)
        if dedent is not None and mark is not None and mark.line + 1 >= dedent[0]:
            line, key, indent = dedent
            problems.add(
                rel, at(line),
                f"deze regel springt minder ver in dan de tekst van `{key}` erboven, en is daardoor geen deel meer van die tekst",
                f"begin elke regel van de tekst onder `{key}: |` met {indent} spaties, net als de eerste",
            )
            return None
        started = (
            f" (begonnen op regel {at(context.line + 1)})"
            if context is not None and mark is not None and context.line != mark.line
            else ""
        )
        problems.add(
            rel,
            at(mark.line + 1) if mark else None,
            f"YAML kan niet gelezen worden: {_dutch_yaml_problem(problem)}{started}",
            "controleer inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven",
        )
        return None
    except (YAMLError, RecursionError, ValueError, OverflowError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        problems.add(rel, at(line + 1 if line is not None else 1), f"YAML kan niet gelezen worden ({_dutch_yaml_problem(str(exc))})")
        return None
    lines: dict[Loc, int] = {(): 1}
    try:
        data = _plain(node, (), lines)
    except _Refused as refused:
        problems.add(rel, at(refused.line or 1), refused.message, refused.hint)
        return None
    except RecursionError:
        problems.add(rel, at(1), _TOO_DEEP, _TOO_DEEP_HINT)
        return None
    return data, lines


# Parsed files by content. ruamel's pure-Python parser is the slowest step of a check;
# `serve` and repeated checks re-read mostly unchanged files. Keyed by the text itself,
# so a hit is exactly what a fresh parse would give; callers get their own copy.
_CACHE: OrderedDict[bytes, tuple[Any, dict[Loc, int]]] = OrderedDict()
_CACHE_SIZE = 512
_CACHE_LOCK = threading.Lock()


def _cache_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _cache_get(text: str) -> tuple[Any, dict[Loc, int]] | None:
    key = _cache_key(text)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is None:
            return None
        _CACHE.move_to_end(key)
    return copy.deepcopy(hit[0]), dict(hit[1])


def _cache_put(text: str, data: Any, lines: dict[Loc, int]) -> None:
    key = _cache_key(text)
    with _CACHE_LOCK:
        _CACHE[key] = (copy.deepcopy(data), dict(lines))
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


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
    "found another document": "een tweede document (---) in hetzelfde bestand; één document per bestand",
    "expected a single document": "een tweede document (---) in hetzelfde bestand; één document per bestand",
    "found duplicate anchor": "een anker (&naam) komt twee keer voor",
    "expected alphabetic or numeric character": "een anker of verwijzing (& of *) zonder naam",
    "found unexpected ':'": "een dubbele punt staat op een plek waar die niet mag (zet de tekst tussen aanhalingstekens)",
    "block sequence entries are not allowed": "een lijstitem (-) staat op een plek waar dat niet mag",
    "found a tab character": "een tab waar alleen spaties mogen",
    "could not determine a constructor": "een onbekende YAML-tag",
}


def _dutch_yaml_problem(problem: str) -> str:
    for english, dutch in _YAML_PHRASES.items():
        if english in problem:
            return dutch
    return "syntaxfout"
