"""`spa-kiosk schema --out DIR`: one JSON Schema per file, and the default content fits them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.cli import main

REPO = Path(__file__).resolve().parent.parent
FILES = ["kiosk", "slides", "questionnaire", "packages"]


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("schemas")
    assert main(["schema", "--out", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{name}.schema.json" for name in FILES)
    return {name: json.loads((out / f"{name}.schema.json").read_text()) for name in FILES}


def test_schema_command_says_what_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--out", str(tmp_path / "new" / "folder")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"wrote {tmp_path / 'new' / 'folder' / f'{n}.schema.json'}" for n in FILES]


def test_each_schema_names_its_dialect_and_file(schemas: dict[str, dict[str, Any]]) -> None:
    for name, schema in schemas.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] == f"Spa Kiosk {name}.yaml"
        assert schema["type"] == "object"
        assert schema["additionalProperties"] is False


def test_top_level_structure(schemas: dict[str, dict[str, Any]]) -> None:
    assert schemas["kiosk"]["required"] == ["spa_name"]
    assert set(schemas["kiosk"]["properties"]) == {
        "spa_name", "languages", "theme", "timing", "booking", "disclaimer", "opening_hours",
        "words",
    }
    assert schemas["slides"]["required"] == ["slides"]
    assert schemas["questionnaire"]["required"] == ["questions"]
    assert schemas["packages"]["required"] == ["packages"]
    assert set(schemas["packages"]["properties"]) == {"packages", "consult"}


def test_spec_field_names_are_in_the_schemas(schemas: dict[str, dict[str, Any]]) -> None:
    defs = {name: schema.get("$defs", {}) for name, schema in schemas.items()}
    assert {"background", "surface", "text", "accent", "font", "logo"} <= set(
        defs["kiosk"]["Theme"]["properties"]
    )
    assert set(defs["kiosk"]["Timing"]["properties"]) == {
        "slide_seconds", "idle_seconds", "warning_seconds", "result_seconds",
        "advance_on_choice",
    }
    assert set(defs["slides"]["Slide"]["properties"]) == {
        "id", "title", "body", "image", "seconds", "source", "show",
    }
    assert set(defs["slides"]["Show"]["properties"]) == {"from", "until", "days", "hours"}
    assert set(defs["questionnaire"]["Question"]["properties"]) == {
        "id", "prompt", "help", "kind", "max", "optional", "show_if", "options",
    }
    assert set(defs["questionnaire"]["Option"]["properties"]) == {
        "id", "label", "icon", "concerns", "flags", "minutes", "exclusive",
    }
    assert set(defs["packages"]["Package"]["properties"]) == {
        "id", "name", "minutes", "price", "code", "summary", "image", "addresses", "avoid_if",
    }
    assert defs["packages"]["Package"]["properties"]["minutes"] == {
        "exclusiveMinimum": 0, "maximum": 1440, "title": "Minutes",
        "type": ["integer", "string"], "pattern": r"^\s*[-+]?\d+\s*$",  # "30" is 30 too
        "description": "how long the session lasts, in minutes", "examples": [60],
        "errorMessage": "expected a whole number of minutes more than 0 and at most 1440, such "
                        "as 60 (write 90 for an hour and a half)",  # what an editor shows
    }


def _properties(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {f"{schema['title']}.{key}": value for key, value in schema["properties"].items()}
    for name, part in schema.get("$defs", {}).items():
        if "properties" in part:
            found |= {f"{name}.{key}": value for key, value in part["properties"].items()}
    return found


def test_every_field_says_what_it_is_for(schemas: dict[str, dict[str, Any]]) -> None:
    """Editors show the description on hover and the example on completion."""
    every: dict[str, dict[str, Any]] = {}
    for schema in schemas.values():
        every |= _properties(schema)
    assert len(every) == 66
    assert [name for name, field in every.items() if len(field.get("description", "")) < 10] == []
    lists = {"Spa Kiosk slides.yaml.slides", "Spa Kiosk questionnaire.yaml.questions",
             "Spa Kiosk packages.yaml.packages", "Question.options"}
    mappings = {"Spa Kiosk kiosk.yaml.theme", "Spa Kiosk kiosk.yaml.timing",
                "Spa Kiosk kiosk.yaml.booking", "Spa Kiosk packages.yaml.consult"}
    assert [n for n, f in every.items() if "examples" not in f and n not in lists | mappings] == []
    timing = schemas["kiosk"]["$defs"]["Timing"]["properties"]
    assert timing["slide_seconds"]["default"] == 8
    assert schemas["questionnaire"]["$defs"]["Question"]["properties"]["kind"]["enum"] == [
        "single", "multiple"
    ]


def test_the_default_content_names_its_schema() -> None:
    """VS Code's YAML extension reads the first line and uses the schema with no set-up."""
    for name in FILES:
        first = (REPO / "content" / f"{name}.yaml").read_text(encoding="utf-8").split("\n")[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"


def test_the_schemas_in_the_repository_are_the_ones_the_model_makes(
    schemas: dict[str, dict[str, Any]]
) -> None:
    for name in FILES:
        written = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
        assert written == schemas[name], f"run: spa-kiosk schema --out schemas ({name})"


# A small JSON Schema checker for the keywords pydantic writes (jsonschema is not a dependency).
def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "") -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return errors(value, root["$defs"][name], root, where)
    if "anyOf" in schema:
        options = [errors(value, option, root, where) for option in schema["anyOf"]]
        return [] if any(not found for found in options) else [f"{where}: no anyOf matches"]
    found: list[str] = []
    kind = schema.get("type")
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
    }
    kinds = kind if isinstance(kind, list) else [kind] if kind else []
    if kinds and not any(checks[one](value) for one in kinds):
        return [f"{where}: not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: not {schema['const']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            found.append(f"{where}: too short")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{where}: below minimum")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            found.append(f"{where}: not above exclusiveMinimum")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{where}: above maximum")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{where}: too few items")
        for i, item in enumerate(value):
            found += errors(item, schema.get("items", {}), root, f"{where}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        required = schema.get("required", [])
        found += [f"{where}: missing {key}" for key in required if key not in value]
        if len(value) < schema.get("minProperties", 0):
            found.append(f"{where}: too few properties")
        for key, item in value.items():
            if key in props:
                found += errors(item, props[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{where}: unknown {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += errors(item, schema["additionalProperties"], root, f"{where}.{key}")
    return found


def as_json(value: Any) -> Any:
    """What an editor's YAML language server sees: dates are strings."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("packages", {"packages": [{"id": 123, "name": 2024, "minutes": "30", "code": 123,
                                   "price": 12.5}]}),
        ("questionnaire", {"questions": [{"id": "q", "prompt": "P", "kind": "single",
                                          "optional": "yes",
                                          "options": [{"id": "a", "label": True},
                                                      {"id": "b", "label": "B"}]}]}),
        ("kiosk", {"spa_name": {"en": "S", "no": "S"}, "languages": ["en", "no"]}),
    ],
)
def test_what_the_kiosk_reads_as_written_an_editor_accepts(
    schemas: dict[str, dict[str, Any]], name: str, data: dict[str, Any]
) -> None:
    """An editor reads `code: 0123` as a number and `optional: yes` as text (YAML 1.2): the
    schemas accept both, as the kiosk does."""
    assert errors(data, schemas[name], schemas[name]) == []


@pytest.mark.parametrize("name", FILES)
def test_default_content_fits_its_schema(schemas: dict[str, dict[str, Any]], name: str) -> None:
    data = as_json(yaml.safe_load((REPO / "content" / f"{name}.yaml").read_text(encoding="utf-8")))
    assert errors(data, schemas[name], schemas[name]) == []


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        (
            "packages", {"packages": [{"id": "a", "name": "A", "minutes": "sixty"}]},
            ".packages[0].minutes: does not match ^\\s*[-+]?\\d+\\s*$",
        ),
        (
            "packages", {"packages": [{"id": "a", "name": "A", "minutes": 0}]},
            ".packages[0].minutes: not above exclusiveMinimum",
        ),
        ("slides", {"slides": [{"id": "a", "titel": "A"}]}, ".slides[0]: missing title"),
        (
            "kiosk", {"spa_name": "S", "theme": {"text": "white"}},
            ".theme.text: does not match ^#[0-9A-Fa-f]{6}$",
        ),
        (
            "kiosk", {"spa_name": "S", "languages": ["English"]},
            ".languages[0]: does not match ^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$",
        ),
        (
            "questionnaire",
            {"questions": [{"id": "q", "prompt": "P", "kind": "singel", "options": []}]},
            ".questions[0].kind: not one of ['single', 'multiple']",
        ),
    ],
)
def test_schemas_catch_typical_mistakes(
    schemas: dict[str, dict[str, Any]], name: str, data: dict[str, Any], problem: str
) -> None:
    assert problem in errors(data, schemas[name], schemas[name])
