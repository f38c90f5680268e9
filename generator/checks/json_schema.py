"""JSON Schema for editors' tools, generated from the models in the registry.

VS Code (with the YAML extension) and other editors read a schema through a
`# yaml-language-server: $schema=...` first line, and then autocomplete keys,
show the Dutch descriptions on hover and underline unknown keys while typing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator.checks.yaml_kinds import KINDS, SCHEMA_DIR, YamlKind, kind_for, yaml_files
from generator.core.paths import unsafe_write_target
from generator.load.yamlfile import MODELINE_PREFIX

DRAFT = "http://json-schema.org/draft-07/schema#"


def schema_for(kind: YamlKind) -> dict[str, Any]:
    body = kind.model.model_json_schema(by_alias=True, mode="validation")
    body.pop("title", None)
    body.pop("description", None)
    for key, item_model in kind.items:
        item = item_model.model_json_schema(by_alias=True, mode="validation")
        defs = body.setdefault("$defs", {})
        defs.update(item.pop("$defs", {}))
        defs[item_model.__name__] = item
        body["properties"][key]["items"] = {"$ref": f"#/$defs/{item_model.__name__}"}
    if "$defs" in body:
        body["$defs"] = dict(sorted(body["$defs"].items()))
    return {"$schema": DRAFT, "title": kind.title, "description": kind.description, **body}


def schema_text(kind: YamlKind) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def modeline(rel: str, kind: YamlKind) -> str:
    """The first line of a YAML file at `rel` that points at its schema."""
    here = PurePosixPath(rel).parent
    target = os.path.relpath(kind.schema_path, here.as_posix() or ".")
    return f"{MODELINE_PREFIX} $schema={PurePosixPath(target).as_posix()}"


def with_modeline(text: str, line: str) -> str:
    first, sep, rest = text.partition("\n")
    if first.startswith(MODELINE_PREFIX):
        return line + sep + rest if sep else line + "\n"
    return line + "\n" + text


@dataclass
class SchemaReport:
    schemas: list[str] = field(default_factory=list)  # written (or out of date with check)
    modelines: list[str] = field(default_factory=list)  # files given (or missing) a modeline
    unknown: list[str] = field(default_factory=list)  # YAML files no registered kind matches
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, Dutch reason): not written

    @property
    def changed(self) -> bool:
        return bool(self.schemas or self.modelines)


def update_schemas(root: Path, check: bool = False, modelines: bool = True) -> SchemaReport:
    """Write schemas/<kind>.schema.json and the modeline of every YAML file.

    Files whose content is already right are left alone. With `check`, nothing is
    written: the report lists what is out of date.
    """
    report = SchemaReport()
    for kind in KINDS:
        path = root / kind.schema_path
        wanted = schema_text(kind)
        if path.is_file() and path.read_text(encoding="utf-8") == wanted:
            continue
        problem = unsafe_write_target(root, path)
        if problem:
            report.refused.append((kind.schema_path, problem))
            continue
        report.schemas.append(kind.schema_path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_new(path, wanted.encode("utf-8"))
    for rel in yaml_files(root):
        kind = kind_for(rel)
        if kind is None:
            report.unknown.append(rel)
            continue
        if not modelines:
            continue
        path = root / rel
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue  # `check` reports the encoding; leave the file alone
        newline = "\r\n" if "\r\n" in text else "\n"
        updated = with_modeline(text.replace("\r\n", "\n"), modeline(rel, kind))
        if updated == text.replace("\r\n", "\n"):
            continue
        problem = unsafe_write_target(root, path)
        if problem:
            report.refused.append((rel, problem))
            continue
        report.modelines.append(rel)
        if not check:
            _write_new(path, updated.replace("\n", newline).encode("utf-8"))
    return report


def _write_new(path: Path, data: bytes) -> None:
    """Replace `path` by a new file (never writing through a link planted after the check):
    an exclusively created scratch file next to it, renamed over it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


__all__ = ["SCHEMA_DIR", "SchemaReport", "modeline", "schema_for", "schema_text", "update_schemas", "with_modeline"]
