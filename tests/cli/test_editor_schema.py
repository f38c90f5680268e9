"""JSON Schemas for editors: generated from the registered models, committed, up to date,
referenced by every example YAML file, and every example file validates against its schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from generator.cli import main
from generator.load.yamlfile import load_yaml
from generator.checks.json_schema import modeline, schema_text, update_schemas
from generator.checks.yaml_kinds import KINDS, kind_for, yaml_files
from generator.core.problems import Problems

REPO = Path(__file__).resolve().parents[2]


def _json_instance(value):
    """YAML data as an editor's YAML tooling sees it (JSON types, string keys)."""
    if isinstance(value, dict):
        return {str(k): _json_instance(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_instance(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _validator(root: Path, kind):
    schema = json.loads((root / kind.schema_path).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_committed_schema_is_up_to_date(kind) -> None:
    committed = REPO / kind.schema_path
    assert committed.is_file(), f"{kind.schema_path} ontbreekt: draai `rapportage schema`"
    assert committed.read_text(encoding="utf-8") == schema_text(kind), (
        f"{kind.schema_path} is verouderd: draai `rapportage schema` en commit het resultaat"
    )


def test_every_example_yaml_file_has_a_kind_and_its_modeline() -> None:
    files = yaml_files(REPO)
    assert len(files) >= 39
    for rel in files:
        kind = kind_for(rel)
        assert kind is not None, f"{rel}: geen soort in generator/checks/yaml_kinds.py"
        first = (REPO / rel).read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(rel, kind)


def test_modeline_paths_resolve_per_depth() -> None:
    narrative = "content/edities/2023-Q1/indicatoren/eigen-regie.yml"
    assert modeline(narrative, kind_for(narrative)) == (
        "# yaml-language-server: $schema=../../../../schemas/toelichting.schema.json"
    )
    assert modeline("content/site.yml", kind_for("content/site.yml")) == (
        "# yaml-language-server: $schema=../schemas/site.schema.json"
    )
    for rel in yaml_files(REPO):
        target = modeline(rel, kind_for(rel)).split("$schema=")[1]
        assert ((REPO / rel).parent / target).resolve().is_file(), rel


def test_every_example_file_validates_against_its_schema() -> None:
    checked = 0
    for rel in yaml_files(REPO):
        kind = kind_for(rel)
        doc = load_yaml(REPO / rel, rel, Problems())
        errors = list(_validator(REPO, kind).iter_errors(_json_instance(doc.data)))
        assert not errors, f"{rel}: {errors[0].message}"
        checked += 1
    assert checked >= 39


def test_schema_flags_what_rapportage_flags() -> None:
    """The schema can fail: a misspelt key, a wrong unit, a target without comparison."""
    validator = _validator(REPO, kind_for("content/indicatoren.yml"))
    good = {"id": "x", "nummer": 1, "titel": "X", "doelstelling": 1, "eenheid": "percentage",
            "richting": "hoger is beter", "streefwaarde": {"2023": ">= 80"}}
    assert not list(validator.iter_errors({"indicatoren": [good]}))
    for bad in (
        {**good, "richtng": "hoger is beter"},
        {**good, "eenheid": "procent"},
        {**good, "streefwaarde": {"2023": "80"}},
        {**good, "streefwaarde": {"volgend jaar": ">= 80"}},
        {**good, "id": "Kosten per klant"},
    ):
        assert list(validator.iter_errors({"indicatoren": [bad]})), bad
    edition = _validator(REPO, kind_for("content/edities/2023-Q1/editie.yml"))
    assert list(edition.iter_errors({"status": "klaar", "datum": "2023-05-15"}))
    progress = _validator(REPO, kind_for("content/edities/2023-Q3/maatregelen/1.1.2.yml"))
    ok = {"status": {"financieel": "groen", "resultaat": "afgerond", "planning": "oranje"}, "planning": "Q4 2023"}
    assert not list(progress.iter_errors(ok))
    assert list(progress.iter_errors({**ok, "status": {**ok["status"], "planning": "vlag"}}))
    assert list(progress.iter_errors({**ok, "planning": {"huidig": "Q4 2023", "nieuwe": "Q1 2024"}}))
    measures = _validator(REPO, kind_for("content/maatregelen.yml"))
    assert list(measures.iter_errors({"pijlers": [{"id": "x", "titel": "X", "kleur": "rood"}], "maatregelen": []}))


def test_descriptions_are_dutch_hover_help() -> None:
    schema = json.loads((REPO / "schemas/toelichting.schema.json").read_text(encoding="utf-8"))
    override = schema["$defs"]["StatusOverride"]["properties"]
    assert override["reden"]["description"].startswith("Waarom de berekende status niet klopt")
    assert schema["title"] == "Toelichting op een indicator"


def test_schema_command_adds_missing_modelines_and_check_reports_them(example_project: Path, capsys) -> None:
    rel = "content/edities/2023-Q3/indicatoren/doelbereik.yml"
    path = example_project / rel
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text(body, encoding="utf-8")
    (example_project / "schemas/editie.schema.json").write_text("{}\n", encoding="utf-8")

    assert main(["schema", "--check", "--project", str(example_project)]) == 1
    out = capsys.readouterr().out
    assert "schemas/editie.schema.json: verouderd" in out
    assert f"{rel}: eerste regel met het schema ontbreekt of klopt niet" in out
    assert path.read_text(encoding="utf-8") == body  # --check writes nothing

    assert main(["schema", "--project", str(example_project)]) == 0
    assert path.read_text(encoding="utf-8") == modeline(rel, kind_for(rel)) + "\n" + body
    assert update_schemas(example_project, check=True).changed is False
    assert main(["check", "--project", str(example_project)]) == 0
