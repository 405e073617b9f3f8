"""Check staff data against a content class of model.py with pydantic.

Only the content reader (and the schema writer) come here, so a kiosk running on checked content
never imports pydantic. One adapter per class, built on first use and kept.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")
_adapters: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(model: type[T]) -> TypeAdapter[T]:
    found = _adapters.get(model)
    if found is None:
        found = _adapters[model] = TypeAdapter(model)
    return found


def validate(model: type[T], data: Any) -> T:
    """`data` (as read from YAML) as a checked `model`; raises pydantic's ValidationError."""
    return adapter(model).validate_python(data)
