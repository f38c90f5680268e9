"""Everything an editor can type is documented, and every help text is Dutch with examples.

Generic on purpose: it walks the command table (`generator.cli.COMMANDS`, from which
`build_parser()` makes the parser) for every command and option, and every
model in the YAML registry for every key (nested models too). A new command, option or
key fails here until the editor's guide (docs/handleiding/) documents it; see
docs/dev/editor-workflow.md.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from generator.cli import COMMANDS as COMMAND_TABLE, build_parser
from generator.checks.yaml_kinds import KINDS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "handleiding"
COMMANDS_PAGE = GUIDE / "opdrachten.md"
KEYS_PAGE = GUIDE / "sleutels.md"
_HEADING = re.compile(r"^(#{1,6})\s")


def section(page: Path, anchor: str) -> str:
    """The text under the heading marked `{#anchor}`, up to the next heading of its level."""
    lines = page.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.rstrip().endswith("{#" + anchor + "}")), None)
    assert start is not None, f"{page.name} mist een kop met {{#{anchor}}}"
    level = len(_HEADING.match(lines[start]).group(1))
    out = []
    for line in lines[start + 1:]:
        m = _HEADING.match(line)
        if m and len(m.group(1)) <= level:
            break
        out.append(line)
    return "\n".join(out)


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> list[str]:
    return [s for a in parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"]


def aliases(model: type[BaseModel], seen: set | None = None) -> set[str]:
    """Every Dutch key of `model` and of the models nested in it."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        keys.add(field.alias or name)
        for inner in _models_in(field.annotation):
            keys |= aliases(inner, seen)
    return keys


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


PARSER = build_parser()
COMMANDS = {command.name: subcommands(PARSER)[command.name] for command in COMMAND_TABLE}
COMMON_OPTIONS = ["--project"]  # every command has it (build_parser's common parent)


def table_options(name: str) -> list[str]:
    command = next(c for c in COMMAND_TABLE if c.name == name)
    return COMMON_OPTIONS + [f for option in command.options for f in option.flags if f.startswith("--")]


def test_the_parser_is_the_command_table() -> None:
    assert set(subcommands(PARSER)) == set(COMMANDS)
    for name, parser in COMMANDS.items():
        assert sorted(options(parser)) == sorted(table_options(name)), name


def test_the_walk_finds_the_known_commands_and_keys() -> None:
    assert {"build", "check", "serve", "schema"} <= set(COMMANDS)
    assert {"--strict", "--format", "--project", "--site-dir"} <= set(table_options("build"))
    assert {"reden", "reeks", "handmatige_status", "toelichting"} <= aliases(
        next(k.model for k in KINDS if k.name == "toelichting")
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_in_the_guide(name: str) -> None:
    text = section(COMMANDS_PAGE, f"opdracht-{name}")
    page = COMMANDS_PAGE.read_text(encoding="utf-8")
    shared = set.intersection(*(set(table_options(n)) for n in COMMANDS))
    for option in table_options(name):
        where = page if option in shared else text
        assert f"`{option}" in where, f"optie {option} van `rapportage {name}` staat niet in {COMMANDS_PAGE.name}"
    guide = "\n".join(p.read_text(encoding="utf-8") for p in GUIDE.glob("*.md"))
    assert f"rapportage {name}" in guide


def test_top_level_options_are_in_the_guide() -> None:
    page = COMMANDS_PAGE.read_text(encoding="utf-8")
    for option in options(PARSER):
        assert f"`rapportage {option}`" in page or f"`{option}`" in page, option


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_yaml_key_is_in_the_guide(kind) -> None:
    text = section(KEYS_PAGE, f"schema-{kind.name}")
    keys = set().union(*(aliases(model) for model in kind.models()))
    missing = sorted(key for key in keys if f"`{key}`" not in text)
    assert missing == [], f"sleutels van {kind.patterns[0]} ontbreken in {KEYS_PAGE.name}: {missing}"


# Words of English help text (argparse's own, or a forgotten help=) that must not show.
ENGLISH = re.compile(
    r"\b(usage|options|optional arguments|positional arguments|show|this|the|and|with|default|"
    r"file|directory|message|exit|version number|error|build the|only)\b",
    re.IGNORECASE,
)


def _prose(parser: argparse.ArgumentParser) -> str:
    """What a reader sees in --help, minus option names, metavars and example command lines."""
    text = parser.format_help()
    text = re.sub(r"^\s+rapportage .*$", "", text, flags=re.MULTILINE)  # example lines
    text = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", "", text)  # option strings
    text = re.sub(r"\{[a-z,]+\}", "", text)  # choices
    return text


@pytest.mark.parametrize("name", ["rapportage", *sorted(COMMANDS)])
def test_help_is_dutch_with_examples(name: str) -> None:
    parser = PARSER if name == "rapportage" else COMMANDS[name]
    text = parser.format_help()
    assert text.startswith("gebruik: rapportage")
    assert "opties:" in text
    match = ENGLISH.search(_prose(parser))
    assert match is None, f"Engels in `{name} --help`: {match.group(0)!r}"
    assert re.search(r"^Voorbeelden?:$", text, re.MULTILINE), f"`{name} --help` heeft geen voorbeelden"
    command = "rapportage" if name == "rapportage" else f"rapportage {name}"
    assert re.search(rf"^  {command}\b", text, re.MULTILINE), f"geen voorbeeldregel `{command} ...`"
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            assert action.help, f"{name}: {action.option_strings or action.dest} heeft geen helptekst"


def test_argparse_errors_are_dutch(capsys) -> None:
    with pytest.raises(SystemExit):
        PARSER.parse_args(["check", "--strikt"])
    err = capsys.readouterr().err
    assert "rapportage: fout: onbekende argumenten: --strikt" in err
    with pytest.raises(SystemExit):
        PARSER.parse_args(["bouw"])
    assert "ongeldige keuze: 'bouw'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--project", "X", "check"], ["check", "--project", "X"]])
def test_project_goes_before_or_after_the_command(argv: list[str]) -> None:
    """Issue 14: `rapportage --project X check` used to fail with 'ongeldige keuze'."""
    args = PARSER.parse_args(argv)
    assert (args.command, args.project) == ("check", "X")


def test_project_after_the_command_wins_and_the_environment_is_the_default(monkeypatch) -> None:
    from generator.cli import build_parser

    assert PARSER.parse_args(["--project", "A", "check", "--project", "B"]).project == "B"
    monkeypatch.setenv("RAPPORTAGE_PROJECT", "uit-omgeving")
    assert build_parser().parse_args(["check"]).project == "uit-omgeving"
