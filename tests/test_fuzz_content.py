"""Structured fuzzing of staff content: wrong types, missing and extra fields, huge strings,
unicode edge cases, deep nesting, anchors and aliases, dangling references. Whatever staff write,
loading only ever reports problems, quickly, and a bad set never replaces a good one."""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.load import LoadResult, load_content
from kiosk.ops.content_status import ContentStatus

REPO = Path(__file__).resolve().parent.parent
FILES = ["kiosk.yaml", "slides.yaml", "questionnaire.yaml", "packages.yaml"]
ORIGINAL = {name: (REPO / "content" / name).read_text(encoding="utf-8") for name in FILES}
DATA = {name: yaml.safe_load(text) for name, text in ORIGINAL.items()}
SETTINGS = settings(
    max_examples=40, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=True),
    st.text(max_size=40), st.just(""), st.just("x" * 200_000),  # a huge string
    st.sampled_from(
        ["\u202e", "\ufeff", "\u0000", "\ud7ff", "🧖‍♀️" * 50, "e\u0301", "ǅ", "\u2028", "\U0010ffff",
         "../../etc/passwd", "/etc/passwd", "https://example.com/x.png", "C:\\x.png",
         "{package}", "#GGGGGG", "25:99-99:00", "2026-02-30", "no", "~"]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def paths(
    value: Any, here: tuple[Any, ...] = (), seen: frozenset[int] = frozenset()
) -> Iterator[tuple[Any, ...]]:
    yield here
    if id(value) in seen or len(here) > 12:
        return  # an alias to itself, or a deep nest added by an earlier mutation
    inner = seen | {id(value)}
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*here, key), inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*here, index), inner)


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def broken_set(draw: st.DrawFn) -> tuple[str, str]:
    """One file of the default content with a few structural mutations, as YAML text."""
    name = draw(st.sampled_from(FILES))
    data = copy.deepcopy(DATA[name])
    for _ in range(draw(st.integers(1, 3))):
        all_paths = [p for p in paths(data) if p]
        path = draw(st.sampled_from(all_paths))
        parent = parent_of(data, path)
        action = draw(st.sampled_from(["type", "drop", "extra", "nest", "dangle", "alias"]))
        key = path[-1]
        if action == "type":
            parent[key] = draw(ODD_VALUES)
        elif action == "drop" and (isinstance(parent, dict) or len(parent) > 1):
            del parent[key]
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["titel", "minutess", "x", "", "optional "]))] = 1
        elif action == "nest":
            nested: Any = "deep"
            for _ in range(draw(st.integers(10, 120))):
                nested = [nested]
            parent[key] = nested
        elif action == "dangle":
            parent[key] = draw(st.sampled_from(["nowhere", "no_such_question", "ghost.png"]))
        elif action == "alias":
            parent[key] = parent  # PyYAML writes this as an anchor and an alias to itself
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, RecursionError, ValueError):
        text = "::: not yaml :::"
    return name, text


def load_with(folder: Path, name: str, text: str) -> LoadResult:
    for other in FILES:
        (folder / other).write_text(text if other == name else ORIGINAL[other], encoding="utf-8")
    start = time.perf_counter()
    result = load_content(folder)
    # A guard against a reader that hangs on some input, not a speed goal (that is the bench).
    assert time.perf_counter() - start < 30.0
    return result


@SETTINGS
@given(change=broken_set())
def test_structural_mutations_only_make_problems_and_never_replace_good_content(
    folder: Path, change: tuple[str, str]
) -> None:
    name, text = change
    result = load_with(folder, name, text)
    assert (result.content is None) == bool(result.errors)
    for problem in result.problems:
        assert "\n" not in problem.format() and problem.message
    status = ContentStatus(folder)
    status.loaded_at = 1.0
    delivered = status.record(result, None, 2.0)
    assert delivered == (result.content is not None)
    if not delivered:
        assert status.loaded_at == 1.0  # the last good content stays on screen
        assert status.problems  # and staff are told why
