"""Read one YAML file safely and remember where every value came from.

PyYAML's safe loader is the base, with what it lacks for staff files: a size cap, a cap on the
values that aliases can expand to (an "alias bomb" of a few lines would otherwise grow to
gigabytes), an error for duplicate keys (PyYAML silently keeps the last one), a refusal of every
tag that is not a plain value (no Python objects), and the line and column of every key and value
so that a validation error can point at the exact spot.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.yamlfast import (
    CONSTRUCTORS,
    MAP_TAG,
    MERGE_TAG,
    PLAIN_TAGS,
    SEQ_TAG,
    STR_TAG,
    FastComposer,
    Unusual,
    read_plain,
)

MAX_FILE_BYTES = 1024 * 1024
MAX_VALUES = 100_000
MAX_DEPTH = 64

Location = tuple[int, int]
KeyPath = tuple[str | int, ...]



class YamlError(Exception):
    """The file cannot be read as YAML; `line`/`column` are 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class YamlDocument:
    """The plain data of one file, with the location of every value and every mapping key.

    The locations are worked out from the parsed file only when first asked for: a file with
    no problem never needs them, and they were a third of the time of reading a big file."""

    def __init__(self, data: Any = None) -> None:
        self.data = data
        self.duplicates: list[tuple[KeyPath, Location, Location]] = []
        self._root: Node | str | None = None  # the composed file, or its text (composed later)
        self._plain = False
        self._located: tuple[dict[KeyPath, Location], dict[KeyPath, Location]] | None = None

    @property
    def values(self) -> dict[KeyPath, Location]:
        """Where each value is written, by key path."""
        return self._locations()[0]

    @property
    def keys(self) -> dict[KeyPath, Location]:
        """Where each mapping key is written, by the key path of its value."""
        return self._locations()[1]

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """Where `path` is written; for a missing value, where its nearest parent is."""
        values, keys = self._locations()
        if key and path in keys:
            return keys[path]
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in values:
                return values[prefix]
        return (1, 1)

    def _locations(self) -> tuple[dict[KeyPath, Location], dict[KeyPath, Location]]:
        if self._located is None:
            values: dict[KeyPath, Location] = {}
            keys: dict[KeyPath, Location] = {}
            root = _compose(self._root) if isinstance(self._root, str) else self._root
            if root is not None:
                # The same walk as the first, now noting where everything is; it cannot fail,
                # as it did not the first time.
                _Builder(YamlDocument(), plain=self._plain, locations=(values, keys)).build(
                    root, (), 0
                )
            self._located = (values, keys)
            self._root = None
        return self._located


def read_yaml(file: Path, max_bytes: int = MAX_FILE_BYTES) -> YamlDocument:
    """Read `file`; raise YamlError with a line and column when it is not safe, plain YAML."""
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise YamlError(
                f"file is {size / 1024 / 1024:.1f} MB; content files may be at most "
                f"{max_bytes // 1024 // 1024} MB"
            )
        with file.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as exc:
        raise YamlError(f"cannot read the file: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        raise YamlError(f"file is larger than {max_bytes // 1024 // 1024} MB")
    return parse_yaml(raw)


def parse_yaml(raw: bytes) -> YamlDocument:
    text = _decode(raw)
    try:
        data = read_plain(text, MAX_VALUES, MAX_DEPTH)
    except Unusual:
        pass  # the full way, below
    else:
        document = YamlDocument(data)
        document._root, document._plain = text, True
        return document
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        problem, mark = _plain_syntax_error(exc)
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlError(f"YAML syntax error: {problem}", line, column) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlError(
            f"the file contains the control character U+{exc.character:04X}, which YAML does not "
            "allow; delete it (it is often invisible: retype the line)",
            line, column,
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML syntax error: {exc}") from exc
    except RecursionError as exc:
        raise YamlError(f"nesting is too deep (more than {MAX_DEPTH} levels)") from exc
    document = YamlDocument()
    if node is not None:
        # Without an '&' there is no anchor, so no alias: every node is met once, and the
        # builder can count them as it goes instead of a walk of its own first.
        plain = "&" not in text
        if not plain:
            _refuse_alias_bomb(node)
        document.data = _Builder(document, plain=plain).build(node, (), 0)
        document._root, document._plain = node, plain
    return document


def _compose(text: str) -> Node | None:
    """Compose with libyaml when it is there (several times faster on a big file); when it finds
    a mistake, let the pure-Python parser find it again: its messages say more."""
    if FastComposer is not None:
        try:
            return yaml.compose(text, Loader=FastComposer)
        except yaml.YAMLError as exc:
            if "nesting depth" in str(exc):
                mark = getattr(exc, "problem_mark", None)
                where = (mark.line + 1, mark.column + 1) if mark else (0, 0)
                message = f"nesting is too deep (more than {MAX_DEPTH} levels)"
                raise YamlError(message, *where) from exc
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _plain_syntax_error(exc: yaml.MarkedYAMLError) -> tuple[str, yaml.Mark | None]:
    """PyYAML's parser words, in words staff know, and the spot where the mistake is."""
    problem = exc.problem or exc.context or "not valid YAML"
    context = exc.context or ""
    at_problem = exc.problem_mark or exc.context_mark
    at_start = exc.context_mark or exc.problem_mark
    if "\\t" in problem or "\t" in problem:  # PyYAML writes the tab as '\\t'
        return "a tab character; indent with spaces, not tabs", at_problem
    if "flow sequence" in context:
        return "this '[' list is never closed with ']'", at_start
    if "flow mapping" in context:
        return "this '{' mapping is never closed with '}'", at_start
    if "quoted scalar" in context and "end of stream" in problem:
        return "this quote is never closed", at_start
    if problem.startswith("mapping values are not allowed"):
        return (
            "a ': ' where no new key can start; put the whole value in quotes, "
            "or line this key up with the keys above it",
            at_problem,
        )
    if problem.startswith("expected <block end>"):
        return (
            "this line is not lined up with the lines above it; check its indentation", at_problem
        )
    if problem.startswith("could not find expected ':'"):
        return "this line has no ':'; write 'key: value', or put the text in quotes", at_start
    if problem.startswith("found undefined alias"):
        name = problem.rsplit(" ", 1)[-1].strip("'")
        return f"'*{name}' refers to an anchor '&{name}' that is not defined above it", at_problem
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if problem.count("'") >= 2 else "this character"
        return f"a value cannot start with '{char}'; put the value in quotes", at_problem
    return problem, at_problem


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X}); save it as UTF-8",
            line,
            column,
        ) from exc
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        raise YamlError("the file contains a NUL byte; it is not a text file", line, 1)
    return text


def _too_many_values() -> YamlError:
    return YamlError(
        f"the file holds more than {MAX_VALUES} values; a content file needs far fewer "
        "(is this the right file?)",
        1, 1,
    )


def _refuse_alias_bomb(root: Node) -> None:
    """Count the values the node graph expands to, once per distinct node, before building it."""
    distinct, shared = _count_distinct(root)
    if distinct > MAX_VALUES:
        raise _too_many_values()
    if not shared:
        return  # no aliases: a plain tree expands to exactly its `distinct` values, no loops
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    order: list[tuple[Node, bool]] = [(root, False)]
    while order:
        node, children_done = order.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in open_nodes:
                raise YamlError("an alias refers to the value that contains it", *_location(node))
            open_nodes.add(id(node))
        else:
            open_nodes.discard(id(node))
            total = 1 + sum(sizes.get(id(child), 0) for child in children)
            sizes[id(node)] = total
            if total > MAX_VALUES:
                raise YamlError(
                    f"the file expands to more than {MAX_VALUES} values (anchors and aliases "
                    "repeated too often); write the values out plainly",
                    *_location(node),
                )
            continue
        order.append((node, True))
        order.extend((child, False) for child in children if id(child) not in sizes)


def _count_distinct(root: Node) -> tuple[int, bool]:
    """The number of distinct nodes (counting stops just past MAX_VALUES), and whether any node
    is reached more than once (an alias)."""
    seen: set[int] = set()
    shared = False
    todo = [root]
    while todo and len(seen) <= MAX_VALUES:
        node = todo.pop()
        if id(node) in seen:
            shared = True
            continue
        seen.add(id(node))
        todo.extend(_children(node))
    return len(seen), shared


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _location(node: Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns composed nodes into plain Python values, counting every value it makes.

    `plain`: the text has no anchors, so no node is met twice; then keys are counted as well, as
    _refuse_alias_bomb would have counted them, and there is no loop to look out for.
    `locations`: dicts to note where each value and each key is written, by key path."""

    def __init__(
        self, document: YamlDocument, *, plain: bool = False,
        locations: tuple[dict[KeyPath, Location], dict[KeyPath, Location]] | None = None,
    ) -> None:
        self.document = document
        self.locating = locations is not None
        self.values, self.keys = locations or ({}, {})
        self.plain = plain
        self.count = 0
        self.active: set[int] = set()
        # Only the constructor: a whole SafeLoader is a reference cycle (its parser state
        # points back at it), left for the cycle collector after every file.
        self.constructor = SafeConstructor()

    def build(self, node: Node, path: KeyPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            self._too_many(node)
        if depth > MAX_DEPTH:
            raise YamlError(f"nesting is too deep (more than {MAX_DEPTH} levels)", *_location(node))
        if self.locating and path not in self.values:
            mark = node.start_mark
            self.values[path] = (mark.line + 1, mark.column + 1)
        if node.tag == STR_TAG and isinstance(node, ScalarNode):
            return node.value
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if self.plain:
            return self._container(node, path, depth)
        if id(node) in self.active:
            raise YamlError("an alias refers to the value that contains it", *_location(node))
        self.active.add(id(node))
        try:
            return self._container(node, path, depth)
        finally:
            self.active.discard(id(node))

    def _too_many(self, node: Node) -> None:
        if self.plain:
            raise _too_many_values()
        raise YamlError(
            f"the file expands to more than {MAX_VALUES} values (anchors and aliases "
            "repeated too often); write the values out plainly",
            *_location(node),
        )

    def _text(self, node: Node, depth: int) -> bool:
        """Whether `node`, a child at `depth`, is plain text that needs nothing from build():
        then the caller takes its value itself and counts it (most values of a file)."""
        return (
            node.tag == STR_TAG and node.__class__ is ScalarNode and not self.locating
            and depth <= MAX_DEPTH
        )

    def _container(self, node: Node, path: KeyPath, depth: int) -> Any:
        if isinstance(node, SequenceNode):
            self._require_tag(node, SEQ_TAG)
            items: list[Any] = []
            texts = 0
            for i, item in enumerate(node.value):
                if self._text(item, depth + 1):
                    texts += 1
                    items.append(item.value)
                else:
                    items.append(self.build(item, (*path, i), depth + 1))
            self.count += texts
            if self.count > MAX_VALUES:
                self._too_many(node)
            return items
        if isinstance(node, MappingNode):
            self._require_tag(node, MAP_TAG)
            return self._mapping(node, path, depth)
        raise YamlError("unsupported YAML node", *_location(node))

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag not in PLAIN_TAGS:
            raise YamlError(_tag_message(node.tag), *_location(node))
        if node.tag == STR_TAG:
            return node.value
        try:
            # The value's own constructor: construct_object would also keep every value made.
            return CONSTRUCTORS[node.tag](self.constructor, node)
        except (ConstructorError, ValueError, OverflowError):
            return node.value  # such as a date that does not exist: validation says what is wrong

    def _mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: list[dict[str, Any]] = []
        if self.plain:
            self.count += len(node.value)  # the keys
        texts = 0
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(self._merge_sources(value_node, path, depth))
                continue
            if not isinstance(key_node, ScalarNode):
                raise YamlError(
                    "a key must be a plain word, not a list or mapping", *_location(key_node)
                )
            key = key_node.value if key_node.tag == STR_TAG else self._key(key_node)
            if key in result:  # merged keys come in after this loop
                first = self._first_key(node, key)
                self.document.duplicates.append(
                    ((*path, key), _location(key_node), _location(first))
                )
                continue
            if self.locating:
                self.keys[(*path, key)] = _location(key_node)
            if self._text(value_node, depth + 1):
                texts += 1
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, (*path, key), depth + 1)
        self.count += texts
        if self.count > MAX_VALUES:
            self._too_many(node)
        for source in merged:
            for key, value in source.items():
                result.setdefault(key, value)
        return result

    def _key(self, key_node: ScalarNode) -> str:
        """A key that is not plain text, as text ("yes: 1" has the key "true")."""
        value = self._scalar(key_node)
        if not isinstance(value, Hashable) or value is None:
            raise YamlError("a key must be a plain word", *_location(key_node))
        return str(value).lower() if isinstance(value, bool) else str(value)

    def _first_key(self, node: MappingNode, key: str) -> Node:
        """The first key node of `node` that reads as `key` (for a duplicate key's message)."""
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag != MERGE_TAG:
                text = key_node.value if key_node.tag == STR_TAG else self._key(key_node)
                if text == key:
                    return key_node
        raise AssertionError(f"no key {key!r}")  # pragma: no cover - the key was read from node

    def _merge_sources(self, node: Node, path: KeyPath, depth: int) -> list[dict[str, Any]]:
        items = node.value if isinstance(node, SequenceNode) else [node]
        if self.plain and isinstance(node, SequenceNode):
            self.count += 1  # the list of mappings itself
        sources = []
        for item in items:
            value = self.build(item, path, depth + 1)
            if not isinstance(value, dict):
                raise YamlError("'<<' can only merge a mapping", *_location(item))
            sources.append(value)
        return sources

    @staticmethod
    def _require_tag(node: Node, tag: str) -> None:
        if node.tag != tag:
            raise YamlError(_tag_message(node.tag), *_location(node))


def _tag_message(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the YAML tag '{short}' is not allowed; write plain text, numbers, lists and mappings"
