"""The quick ways through libyaml for yamlread: a cheaper composer, and plain files read straight
from the parser's events.

Composing a big file is mostly Python work done for every value (a node object, its tag asked
for), not parsing. A file with no anchors (no '&') cannot repeat a value, so its values can be
made straight from libyaml's events, without nodes: half the time of composing. Only the common
case is read that way; anything else (an alias, a merge key, a tag that is not a plain value, a
duplicate key, deep nesting, too many values, a syntax error) raises `Unusual`, and yamlread
reads the file the full way, which then says what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
MERGE_TAG = "tag:yaml.org,2002:merge"
PLAIN_TAGS = frozenset({
    STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
})
# Each plain value's own constructor: SafeConstructor.construct_object would also keep every
# value it made, for aliases.
CONSTRUCTORS = {tag: SafeConstructor.yaml_constructors[tag] for tag in PLAIN_TAGS}

_resolved: dict[str, str] = {}  # the tag of a plain (unquoted) value, by its text


class Unusual(Exception):
    """Not the common case: read the file the full way."""


def _fast_composer() -> type[yaml.CSafeLoader] | None:
    """libyaml's composer with PyYAML's safe tag rules, asked for more cheaply: libyaml calls
    back into Python for every value (three calls), a third of the time of composing a big
    file. The tag of a quoted value is always text, a plain value's tag depends only on its text
    (so it is remembered), and without path resolvers (the safe loader has none) there is no
    path to follow. None without libyaml."""
    base = getattr(yaml, "CSafeLoader", None)
    if base is None or base.yaml_path_resolvers:
        return None
    resolve = base.resolve  # for lists and mappings

    class FastComposer(base):  # type: ignore[misc, valid-type]
        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is not ScalarNode:
                return resolve(self, kind, value, implicit)  # type: ignore[no-any-return]
            if not implicit[0]:
                return STR_TAG
            return _resolved.get(value) or _plain_tag(value, implicit)

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    return FastComposer


FastComposer = _fast_composer()
_RESOLVER = yaml.resolver.Resolver()


def read_plain(text: str, max_values: int, max_depth: int) -> Any:
    """The values of `text`, a file with no anchors, as the full way would make them; raises
    Unusual for anything but the common case."""
    if FastComposer is None or "&" in text:
        raise Unusual
    loader = FastComposer(text)
    try:
        return _values(loader, max_values, max_depth)
    except yaml.YAMLError as exc:
        raise Unusual from exc
    finally:
        loader.dispose()


_NO_KEY = object()


def _values(loader: Any, max_values: int, max_depth: int) -> Any:
    get = loader.get_event
    get()  # the start of the stream
    if get().__class__ is StreamEndEvent:
        return None  # no document at all
    constructor = SafeConstructor()
    open_values: list[Any] = []  # the lists and mappings being filled, innermost last
    keys: list[Any] = []  # for each of them: the key waiting for its value (mappings)
    root: Any = None
    count = 0
    while True:
        event = get()
        kind = event.__class__
        if kind is ScalarEvent:
            value = _scalar(event, constructor)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or len(open_values) >= max_depth:
                raise Unusual
            if event.tag not in (None, "!", MAP_TAG if kind is MappingStartEvent else SEQ_TAG):
                raise Unusual
            value = {} if kind is MappingStartEvent else []
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            open_values.pop()
            keys.pop()
            continue
        elif kind is DocumentEndEvent:
            if get().__class__ is not StreamEndEvent or count > max_values:
                raise Unusual  # a second document, or too many values: the full way says so
            return root
        else:
            raise Unusual  # an alias
        count += 1  # keys count as values, as in the full way
        if not open_values:
            root = value
        elif open_values[-1].__class__ is list:
            open_values[-1].append(value)
        elif keys[-1] is _NO_KEY:
            if kind is not ScalarEvent:
                raise Unusual  # a list or mapping as a key
            key = _key(value)
            if key in open_values[-1]:
                raise Unusual  # a duplicate key
            keys[-1] = key
            continue
        else:
            open_values[-1][keys[-1]] = value
            keys[-1] = _NO_KEY
        if kind is not ScalarEvent:
            open_values.append(value)
            keys.append(_NO_KEY)


def _scalar(event: Any, constructor: SafeConstructor) -> Any:
    tag = event.tag
    value = event.value
    if tag is None or tag == "!":
        implicit = event.implicit
        if not implicit[0]:
            return value
        tag = _resolved.get(value) or _plain_tag(value, implicit)
    if tag == STR_TAG:
        return value
    if tag not in PLAIN_TAGS:
        raise Unusual  # a merge key, or a tag the full way refuses
    node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        return CONSTRUCTORS[tag](constructor, node)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError):
        return value  # such as a date that does not exist: validation says what is wrong


def _plain_tag(value: str, implicit: tuple[bool, bool]) -> str:
    tag: str = _RESOLVER.resolve(ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
    if len(_resolved) < 4096 and len(value) <= 64:
        _resolved[value] = tag
    return tag


def _key(value: Any) -> str:
    """A key as text, as the full way makes it ("yes: 1" has the key "true")."""
    if isinstance(value, str):
        return value
    if value is None or not isinstance(value, Hashable):
        raise Unusual
    return str(value).lower() if isinstance(value, bool) else str(value)
