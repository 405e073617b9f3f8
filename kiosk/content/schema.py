"""JSON Schemas of the four files, so editors give staff completion and red squiggles."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.content.model import FILE_MODELS
from kiosk.content.validate import adapter


def schema_for(file_name: str) -> dict[str, object]:
    schema = adapter(FILE_MODELS[file_name]).json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Spa Kiosk {file_name}"
    return schema


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name in FILE_MODELS:
        path = out / file_name.replace(".yaml", ".schema.json")
        path.write_text(json.dumps(schema_for(file_name), indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written
