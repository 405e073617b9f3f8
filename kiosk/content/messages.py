"""Turn pydantic's validation errors into one plain sentence a spa manager can act on."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING, Any

from kiosk.content.model import (
    ID_PATTERN,
    ID_WORDS,
    LANGUAGE_PATTERN,
    LANGUAGE_WORDS,
    Model,
    yaml_name,
)
from kiosk.content.problems import did_you_mean, quote_list

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# pydantic's name for a key that is not a field of the class (checked as a dataclass's arguments).
UNKNOWN_FIELD = "unexpected_keyword_argument"

# What a field holds, in staff words, for "expected a whole number of minutes".
_NOUNS = {
    "minutes": "a whole number of minutes",
    "seconds": "a number of seconds",
    "slide_seconds": "a number of seconds",
    "idle_seconds": "a number of seconds",
    "warning_seconds": "a number of seconds",
    "result_seconds": "a number of seconds",
    "max": "a whole number of options",
    "from": "a date written YYYY-MM-DD",
    "until": "a date written YYYY-MM-DD",
    "id": ID_WORDS,
}

# What the items of a list are called, for "expected at least 2 options".
_ITEMS = {
    "slides": "slide",
    "questions": "question",
    "packages": "package",
    "options": "option",
    "any_of": "option",
    "languages": "language",
}

# What a string must look like, by the pattern of its field type in model.py.
_PATTERNS = {
    ID_PATTERN: ID_WORDS,
    LANGUAGE_PATTERN: LANGUAGE_WORDS,
}


def describe(value: Any) -> str:
    """A short, readable rendering of what staff wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def field_names(model: type[Model]) -> list[str]:
    """The keys staff may write for `model`, in the order of model.py."""
    return [yaml_name(item.name) for item in fields(model)]  # type: ignore[arg-type]


def message_for(error: ErrorDetails, model_at_parent: type[Model] | None) -> str:
    kind = error["type"]
    loc = error["loc"]
    field = str(loc[-1]) if loc else ""
    got = describe(error.get("input"))
    ctx = error.get("ctx") or {}
    noun = _NOUNS.get(field)
    if kind == "missing":
        return f"required field '{field}' is missing"
    if kind == "opening_hours":
        return str(ctx["told"])
    if kind == UNKNOWN_FIELD:
        known = field_names(model_at_parent) if model_at_parent else []
        hint = did_you_mean(field, known)
        if not hint and known:
            hint = f" (known fields: {quote_list(known)})"
        return f"unknown field '{field}'{hint}"
    if kind == "number_text":
        return f"expected {noun or 'a number'}, got {got}{ctx.get('hint', '')}"
    if kind == "true_false":
        return f"expected true or false, got {got}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"expected {noun or 'a whole number'}, got {got}"
    if kind == "finite_number":
        return f"expected {noun or 'an ordinary number such as 1 or 0.5'}, got {got}"
    if kind in {"float_parsing", "float_type"}:
        return f"expected {noun or 'a number'}, got {got}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = describe(next(iter(ctx.values()), ""))
        relation = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"expected {noun or 'a number'} {relation} {bound}, got {got}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"expected true or false, got {got}"
    if kind in {"string_type", "string_sub_type"}:
        return f"expected {noun or 'text'}, got {got}"
    if kind == "string_pattern_mismatch":
        what = _PATTERNS.get(str(ctx.get("pattern", "")), noun)
        return f"expected {what or 'a value of the right form'}, got {got}"
    if kind == "string_too_short":
        return "expected text, got an empty string"
    if kind == "string_too_long":
        written = error.get("input")
        length = len(written) if isinstance(written, str) else "more"
        return f"expected at most {ctx.get('max_length')} characters, got {length}"
    if kind in {"dict_type", "dataclass_type", "mapping_type"}:
        return f"expected a mapping of 'name: value' lines, got {got}"
    if kind in {"tuple_type", "list_type", "iterable_type"}:
        return f"expected a list (lines starting with '- '), got {got}"
    if kind == "too_short":
        least = ctx.get("min_length")
        item = _ITEMS.get(field, "item")
        return f"expected at least {least} {item}{'' if least == 1 else 's'}, got {_count(error)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        hint = did_you_mean(str(error.get("input")), choices)
        return f"expected one of {expected}, got {got}{hint}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected {noun or 'a date written YYYY-MM-DD'}, got {got}"
    if kind in {"value_error", "assertion_error"}:
        return str(ctx.get("error", error["msg"]))
    return error["msg"][:1].lower() + error["msg"][1:]


def _count(error: ErrorDetails) -> str:
    value = error.get("input")
    return str(len(value)) if isinstance(value, list | tuple | dict | str) else describe(value)
