"""Shared pydantic configuration and Dutch error messages.

Editors write Dutch keys; fields are English. Every model maps them with aliases,
forbids unknown keys, and its errors are translated here into Dutch messages that
name the key and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Collection, Iterator, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from generator.core.paths import ProjectPaths
from generator.core.periods import Period, PeriodError
from generator.load.yamlfile import YamlDoc, load_yaml
from generator.core.problems import Problems, suggest
from generator.core.vocabulary import Severity
from generator.model.frozen_inputs import LEFTOVER_RE


class DutchModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=False,
        frozen=True,
        str_strip_whitespace=True,
        allow_inf_nan=False,  # `.inf` / `.nan` in YAML are never a real figure
    )


def dutch_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _key_text(loc: tuple[Any, ...]) -> str:
    keys = [str(k) for k in loc if not isinstance(k, int)]
    return keys[-1] if keys else "(bestand)"


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Follow `loc` through nested models to find which model a key belongs to."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        field = next(
            (f for n, f in current.model_fields.items() if (f.alias or n) == part), None
        )
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def translate_error(err: dict[str, Any], root_model: type[BaseModel]) -> tuple[str, str | None]:
    """One pydantic error -> (Dutch message, hint)."""
    kind = err["type"]
    loc = tuple(err["loc"])
    key = _key_text(loc)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        parent = _model_at(root_model, loc[:-1])
        hint = suggest(loc[-1], dutch_keys(parent)) if parent else None
        if hint is None and parent is not None:
            hint = "toegestane sleutels: " + ", ".join(f"`{k}`" for k in dutch_keys(parent))
        return f"onbekende sleutel `{loc[-1]}`", hint
    if kind == "invalid_key":  # a number where a word is expected: `1: ...`
        parent = _model_at(root_model, loc[:-1])
        hint = ("toegestane sleutels: " + ", ".join(f"`{k}`" for k in dutch_keys(parent))) if parent else None
        return f"onbekende sleutel `{_show(value)}`", hint
    if kind == "missing":
        return f"verplichte sleutel `{key}` ontbreekt", None
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"`{key}` moet een geheel getal zijn, niet `{_show(value)}`", None
    if kind == "finite_number":
        return f"`{key}` moet een gewoon getal zijn, niet `{_show(value)}`", None
    if kind in ("float_parsing", "float_type"):
        return f"`{key}` moet een getal zijn, niet `{_show(value)}`", "gebruik een punt als decimaalteken in YAML, bijvoorbeeld 7.5"
    if kind in ("string_type",):
        return f"`{key}` moet tekst zijn, niet `{_show(value)}`", "zet de waarde tussen aanhalingstekens"
    if kind in ("bool_type", "bool_parsing"):
        return f"`{key}` moet ja of nee zijn (true/false), niet `{_show(value)}`", None
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'\"") for o in str(expected).replace(" or ", ", ").split(",") if o.strip()]
        hint = suggest(value, options) if isinstance(value, str) else None
        return f"`{_show(value)}` is geen geldige waarde voor `{key}`; kies uit: {', '.join(options)}", hint
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"`{key}` moet een verzameling sleutels met waarden zijn, niet `{_show(value)}`", None
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"`{key}` moet een lijst zijn (regels die beginnen met `- `)", None
    if kind in ("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"`{key}` moet een datum zijn, niet `{_show(value)}`", "schrijf een datum als 2023-05-15"
    if kind == "string_pattern_mismatch":
        return f"`{_show(value)}` is geen geldige waarde voor `{key}`", "gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld `kosten-per-klant`"
    if kind in ("too_short",):
        return f"`{key}` mag niet leeg zijn", None
    if kind in ("string_too_short",):
        return f"`{key}` mag niet leeg zijn", None
    if kind in ("greater_than_equal", "greater_than"):
        return f"`{key}` moet minimaal {ctx.get('ge', ctx.get('gt'))} zijn, niet `{_show(value)}`", None
    if kind in ("less_than_equal", "less_than"):
        return f"`{key}` mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn, niet `{_show(value)}`", None
    if kind == "rapportage":  # our own PydanticCustomError messages are already Dutch
        return err["msg"], ctx.get("hint")
    if kind == "value_error":
        return f"`{key}`: {err['msg'].removeprefix('Value error, ')}", None
    return f"ongeldige waarde voor `{key}` ({err['msg']})", None


def _show(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


M = TypeVar("M", bound=BaseModel)


def validate_doc(doc: YamlDoc, model: type[M], problems: Problems, prefix: tuple[Any, ...] = ()) -> M | None:
    """Validate a YAML document (or a part of it at `prefix`) against `model`."""
    data = doc.data
    for part in prefix:
        data = data[part]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.add(doc.rel, doc.line_of(prefix), "verwacht sleutels met waarden (bijvoorbeeld `titel: ...`), geen losse tekst of lijst")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = prefix + tuple(err["loc"])
            message, hint = translate_error(err, model)
            problems.add(doc.rel, doc.line_of(loc), message, hint)
        return None


def validate_list(
    doc: YamlDoc, key: str, model: type[M], problems: Problems, others: tuple[str, ...] = ()
) -> tuple[list[M], list[Any]] | None:
    """Validate `key: [items]` item by item, so one bad item never hides the others.

    Returns the valid items and the raw items (for cross-references of invalid ones),
    or None when the file does not have the expected shape.
    """
    data = doc.data
    if data is None:
        problems.add(doc.rel, 1, f"bestand is leeg; verwacht `{key}:` met een lijst")
        return None
    if not isinstance(data, dict):
        problems.add(doc.rel, doc.line_of(()), f"verwacht `{key}:` met een lijst eronder")
        return None
    for extra in data:
        if extra != key and extra not in others:  # `others`: file-level keys the caller validates
            problems.add(doc.rel, doc.line_of((extra,)), f"onbekende sleutel `{extra}`", suggest(extra, [key, *others]))
    items = data.get(key)
    if key not in data:
        problems.add(doc.rel, 1, f"verplichte sleutel `{key}` ontbreekt")
        return None
    if not isinstance(items, list):
        problems.add(doc.rel, doc.line_of((key,)), f"`{key}` moet een lijst zijn (regels die beginnen met `- `)")
        return None
    valid: list[M] = []
    for i, _ in enumerate(items):
        item = validate_doc(doc, model, problems, prefix=(key, i))
        if item is not None:
            valid.append(item)
    return valid, items


def keyed_yaml_files(
    paths: ProjectPaths,
    folder: Path,
    known: Collection[str] | None,
    raw_keys: Collection[str],
    problems: Problems,
    unknown: Callable[[str], tuple[str, str | None]],
) -> Iterator[tuple[str, YamlDoc]]:
    """(key, parsed file) of every `<key>.yml` in a folder whose key names something known.

    One file per item of an edition (a KPI's narrative, a measure's progress): the file
    name is the reference. A key whose definition has errors of its own is skipped
    silently (do not pile on); an unknown key is reported at line 1 of its file with
    `unknown(key)` -> (message, hint). `known` None: the definitions could not be read.
    """
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml"):
            if path.is_file() and path.suffix.lower() in (".yml", ".yaml"):
                problems.add(paths.rel(path), None, *near_miss_suffix(path, ".yml"), severity=Severity.WARNING)
            continue
        rel = paths.rel(path)
        key = path.stem
        if key in raw_keys and (known is None or key not in known):
            continue
        if known is not None and key not in known:
            problems.add(rel, 1, *unknown(key))
            continue
        doc = load_yaml(path, rel, problems)
        if doc is not None:
            yield key, doc


def near_miss_suffix(path: Path, wanted: str) -> tuple[str, str]:
    """(message, hint) for a file the build skips because its extension differs in case
    only (`verslag.MD`): on Linux that is another name, on the editor's laptop it is not."""
    return (f"bestand wordt niet gebruikt: de extensie `{path.suffix}` moet `{wanted}` zijn, in kleine letters",
            f"hernoem het naar {path.stem}{wanted}")


def edition_folders(paths: ProjectPaths, problems: Problems | None = None) -> Iterator[tuple[Period, Path]]:
    """(period, folder) of every edition folder, in name order; bad folder names are skipped,
    and reported when `problems` is given (the edition loader does; the others only skip)."""
    if not paths.editions.is_dir():
        return
    for folder in sorted(p for p in paths.editions.iterdir() if p.is_dir()):
        rel = paths.rel(folder)
        try:
            period = Period.parse(folder.name)
        except PeriodError as exc:
            leftover = LEFTOVER_RE.match(folder.name)
            if leftover is not None:
                if problems is not None:
                    problems.add(
                        rel, None, f"map van een onderbroken `rapportage new-period {leftover.group(1)}`; "
                        "deze map is geen editie en wordt overgeslagen",
                        f"voer `rapportage new-period {leftover.group(1)}` opnieuw uit (dat ruimt de map op) of verwijder de map",
                        severity=Severity.WARNING,
                    )
                continue
            if problems is not None:
                problems.add(rel, None, f"mapnaam: {exc}")
            continue
        if str(period) != folder.name:
            if problems is not None:
                problems.add(rel, None, f"mapnaam `{folder.name}` moet `{period}` zijn")
            continue
        yield period, folder
