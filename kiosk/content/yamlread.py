"""Read one staff YAML file safely, every value as the text written, with where it was written.

The rules (those of StrictYAML, and of YAML 1.2's core schema for what counts as nothing):
- every value is kept as the characters written; `0123`, `12.50`, `yes`, `no`, `18:00` and
  `2024-01-01` are text. The field that holds a value says what it must be (model.py turns text
  into numbers and true/false there, with a sentence for staff when it cannot);
- nothing written (`key:` with no value), `~` and `null` are "not set" (None), unless quoted;
- keys are text as written (`no:` is Norwegian, `on:` an id); quoting changes nothing else;
- every tag (`!!int`, `!!bool`, `!secret`, `!!python/...`) is refused;
- merge keys (`<<`) and aliases work, and every value is located where it was written;
- a size cap, a cap on the values aliases can expand to (an "alias bomb"), a depth cap, an error
  for a duplicate key, one document per file.

The file is read from the parser's events (libyaml's when installed, else PyYAML's own parser).
When libyaml finds a mistake, PyYAML's parser reads the file again for its more precise words,
which `yamlwords.py` turns into plain sentences. A file with a tab in it is read by PyYAML's
parser alone: libyaml takes tabs in places PyYAML refuses them, and every reading path must give
the same answer. (The two parsers still differ on a few files no one writes on purpose, such as
`[a? b]` or `|#`; there one of them cannot read the file at all.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from kiosk.content.yamlwords import SYNTAX, YamlError, plain_syntax_error

__all__ = ["KeyPath", "Location", "YamlDocument", "YamlError", "parse_yaml", "read_yaml"]

MAX_FILE_BYTES = 1024 * 1024
MAX_VALUES = 100_000
MAX_DEPTH = 64

Location = tuple[int, int]
KeyPath = tuple[str | int, ...]

# What YAML 1.2's core schema reads as "nothing"; an empty plain value is nothing as well.
NOTHING = frozenset({"", "~", "null", "Null", "NULL"})
MERGE_KEY = "<<"

PARSERS: dict[str, type[Any]] = {"python": yaml.loader.BaseLoader}
if hasattr(yaml, "CBaseLoader"):
    PARSERS["libyaml"] = yaml.CBaseLoader
DEFAULT_PARSER = "libyaml" if "libyaml" in PARSERS else "python"


@dataclass
class YamlDocument:
    """The plain data of one file (text, lists, mappings, None), with the location of every
    value and every mapping key, and the plain values followed by a `#` comment on their line.

    A file is read without noting locations, which a file with no problem never needs (and
    which were half the time of reading a big file); they are noted by reading it again when
    first asked for, or at once when the file has a duplicate key or a commented value."""

    data: Any = None
    duplicates: list[tuple[KeyPath, Location, Location]] = field(default_factory=list)
    commented: dict[KeyPath, Location] = field(default_factory=dict)
    _values: dict[KeyPath, Location] = field(default_factory=dict)
    _keys: dict[KeyPath, Location] = field(default_factory=dict)
    _source: tuple[str, type[Any]] | None = None  # the text and parser, to locate later

    @property
    def values(self) -> dict[KeyPath, Location]:
        """Where each value is written, by key path."""
        self._locate_all()
        return self._values

    @property
    def keys(self) -> dict[KeyPath, Location]:
        """Where each mapping key is written, by the key path of its value."""
        self._locate_all()
        return self._keys

    def _locate_all(self) -> None:
        if self._source is not None:
            text, parser = self._source
            self._source = None
            located = _Reader(text, parser, locating=True).read()
            self._values, self._keys = located._values, located._keys

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """Where `path` is written; for a missing value, where its nearest parent is."""
        values, keys = self.values, self.keys
        if key and path in keys:
            return keys[path]
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in values:
                return values[prefix]
        return (1, 1)


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


def parse_yaml(raw: bytes, parser: str | None = None) -> YamlDocument:
    """The document in `raw`, read with `parser` ("libyaml" or "python": the same answer;
    DEFAULT_PARSER when not given)."""
    text = _decode(raw)
    if "\t" in text:
        # libyaml takes a tab in places where PyYAML's parser refuses it, as YAML 1.1 did: a
        # file with a tab is read by PyYAML's parser alone, on every reading path.
        parser = "python"
    parser = parser or DEFAULT_PARSER
    ways = [parser]  # read again, noting where things are
    try:
        reader = _Reader(text, PARSERS[parser], locating=False)
        document = reader.read()
    except (yaml.YAMLError, YamlError):
        # PyYAML's own parser says more precisely what is wrong, and where; if it reads the
        # file, the first parser's error stands (they differ on a few odd files).
        ways = ["python", parser] if parser != "python" else ["python"]
    else:
        if not reader.needs_locations:
            document._source = (text, PARSERS[parser])
            return document
    for way in ways:
        try:
            document = _Reader(text, PARSERS[way]).read()
        except (yaml.YAMLError, YamlError) as exc:
            error = _for_staff(exc, text)
            break
        if way == parser:
            return document  # a duplicate key or a commented value, now located
    else:  # pragma: no cover - the first read failed, so one of these does
        raise AssertionError("a read that failed once succeeded twice")
    try:
        raise error
    finally:
        del error  # else this frame and the error would hold each other (a reference cycle)


def _for_staff(exc: yaml.YAMLError | YamlError, text: str) -> YamlError:
    """A new error, with no traceback that holds the reader's frames."""
    if isinstance(exc, YamlError):
        return YamlError(exc.message, exc.line, exc.column)
    return plain_syntax_error(exc, text)


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise YamlError("the file is saved as UTF-16; save it as UTF-8", 1, 1)
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


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of plain letters is a NUL."""
    start = raw[:64]
    return len(start) >= 4 and (
        start[1::2].count(0) == len(start) // 2 or start[0::2].count(0) == (len(start) + 1) // 2
    )


@dataclass
class _Open:
    """A list or mapping being read: where it goes, and what it has so far."""

    value: dict[str, Any] | list[Any]
    path: KeyPath
    anchor: str | None
    counted: int  # values counted when it opened
    entries: int  # locations noted when it opened
    keep: bool = True  # False for the value of a duplicate key: read, then dropped
    key: str | None = None  # a mapping's key waiting for its value
    merging: bool = False  # the value waiting is that of a merge key ('<<')
    merges: list[tuple[dict[str, Any], KeyPath]] = field(default_factory=list)


@dataclass
class _Anchor:
    value: Any
    path: KeyPath
    size: int  # values it expands to
    entries: tuple[int, int]  # its slice of the noted locations


class _Reader:
    """Builds the document from the parser's events, counting what aliases expand to."""

    def __init__(self, text: str, parser: type[Any], *, locating: bool = True) -> None:
        self.text = text
        self.parser = parser
        self.locating = locating
        self.needs_locations = False  # without locating: a duplicate key, a commented value
        self.document = YamlDocument()
        self.count = 0
        self.aliased = False
        self.anchors: dict[str, _Anchor | None] = {}  # None: still open
        # Every location noted, in order (for aliases and merges, which repeat a slice of it).
        self.noted: list[tuple[KeyPath, Location, bool]] = []
        self.comment_lines = _comment_lines(text)
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def read(self) -> YamlDocument:
        loader = self.parser(self.text)
        try:
            self._events(loader.get_event)
        finally:
            loader.dispose()
        return self.document

    def _events(self, get: Any) -> None:
        get()  # the start of the stream
        event = get()
        if isinstance(event, StreamEndEvent):
            return
        stack: list[_Open] = []
        while True:
            event = get()
            kind = event.__class__  # (not isinstance: this loop runs for every value)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                value = self._close(done)
                self._place(stack, value, done.path, None)
                continue
            if kind is DocumentEndEvent:
                following = get()
                if isinstance(following, DocumentStartEvent):
                    raise YamlError(
                        "a second document starts here ('---'); a content file holds one "
                        "document: delete this line, or put the rest in its own file",
                        *_at(following.start_mark),
                    )
                return
            depth = len(stack)
            if depth > MAX_DEPTH:
                raise YamlError(
                    f"nesting is too deep (more than {MAX_DEPTH} levels)", *_at(event.start_mark)
                )
            path = self._path_for(stack) if self.locating else ()
            if kind is AliasEvent:
                self._place(stack, self._alias(event, path, stack), path, event)
                continue
            if event.tag is not None:
                raise YamlError(_tag_message(event.tag), *_at(event.start_mark))
            self._counted(event)
            if kind is ScalarEvent:
                value = self._scalar(event, stack, path)
                if value is not _KEY:
                    self._place(stack, value, path, event)
                continue
            assert isinstance(event, MappingStartEvent | SequenceStartEvent)
            if stack and stack[-1].value.__class__ is dict and stack[-1].key is None:
                raise YamlError(
                    "a key must be a plain word, not a list or mapping", *_at(event.start_mark)
                )
            keep = not stack or stack[-1].keep
            if keep and self.locating:
                self._note(path, _at(event.start_mark), False)
            if event.anchor is not None:
                self.anchors[event.anchor] = None
            stack.append(
                _Open({} if kind is MappingStartEvent else [], path, event.anchor,
                      self.count, len(self.noted), keep)
            )

    def _path_for(self, stack: list[_Open]) -> KeyPath:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        if top.key is None:
            return top.path  # a key: it has no path of its own
        return (*top.path, top.key)

    def _counted(self, event: Any) -> None:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self._too_many(event)

    def _too_many(self, event: Any) -> YamlError:
        if self.aliased:
            return YamlError(
                f"the file expands to more than {MAX_VALUES} values (anchors and aliases "
                "repeated too often); write the values out plainly",
                *_at(event.start_mark),
            )
        return YamlError(
            f"the file holds more than {MAX_VALUES} values; a content file needs far fewer "
            "(is this the right file?)",
            1, 1,
        )

    def _scalar(self, event: ScalarEvent, stack: list[_Open], path: KeyPath) -> Any:
        plain = not event.style  # None from PyYAML's parser, "" from libyaml
        value: str | None = event.value
        top = stack[-1] if stack else None
        if top is not None and top.value.__class__ is dict and top.key is None:
            self._key(top, event, plain)
            return _KEY
        if plain and value in NOTHING:
            value = None
        end = event.end_mark
        if plain and (not top or top.keep) and end is not None and end.line in self.comment_lines:
            hash_at = self._comment_after(end)
            if hash_at is not None and value is not None:
                self.document.commented[path] = hash_at
                self.needs_locations = True
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(
                value, path, 1, (len(self.noted), len(self.noted) + 1)
            )
        return value

    def _key(self, top: _Open, event: ScalarEvent, plain: bool) -> None:
        key = event.value
        if plain and not key:  # the parsers mark an empty key at different spots: find the ':'
            at = _at(event.start_mark)[0] - 1
            raise YamlError(
                "a key is missing before this ':'; write 'key: value'", at + 1,
                self.lines[at].find(":") + 1 or 1,
            )
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(key, (), 1, (0, 0))
        if plain and key == MERGE_KEY:
            top.key, top.merging = MERGE_KEY, True
            return
        assert isinstance(top.value, dict)
        if key in top.value and top.keep:
            self.needs_locations = True
            if self.locating:
                first = self.document._keys[(*top.path, key)]
                self.document.duplicates.append(
                    ((*top.path, key), _at(event.start_mark), first)
                )
            top.key = key
            top.keep = False  # read the value, then drop it
            return
        top.key = key
        if top.keep and self.locating:
            self._note((*top.path, key), _at(event.start_mark), True)

    def _alias(self, event: AliasEvent, path: KeyPath, stack: list[_Open]) -> Any:
        name = event.anchor
        if name not in self.anchors:
            raise YamlError(
                f"{SYNTAX}'*{name}' refers to an anchor '&{name}' that is not defined above it",
                *_at(event.start_mark),
            )
        anchor = self.anchors[name]
        if anchor is None:
            raise YamlError(
                "an alias refers to the value that contains it", *_at(event.start_mark)
            )
        self.aliased = True
        top = stack[-1] if stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            if not isinstance(anchor.value, str):
                raise YamlError(
                    "a key must be a plain word, not a list or mapping", *_at(event.start_mark)
                )
            key_event = ScalarEvent(None, None, (True, False), anchor.value, event.start_mark,
                                    event.end_mark, None)
            self._key(top, key_event, True)
            return _KEY
        self.count += anchor.size
        if self.count > MAX_VALUES:
            raise self._too_many(event)
        if self.locating and (top is None or top.keep):
            self._note(path, _at(event.start_mark), False)
            self._repeat(anchor.entries, anchor.path, path)
        return anchor.value

    def _repeat(
        self, entries: tuple[int, int], source: KeyPath, target: KeyPath,
        only: list[str] | None = None,
    ) -> None:
        """Note the locations written under `source` again, for the same values at `target`
        (an alias, or a merged mapping; `only` these keys of it): they are where staff wrote
        those values."""
        start, end = entries
        cut = len(source)
        wanted = None if only is None else set(only)
        for path, where, is_key in self.noted[start:end]:
            if len(path) > cut and path[:cut] == source and (wanted is None or path[cut] in wanted):
                self._note((*target, *path[cut:]), where, is_key, replace=False)

    def _place(self, stack: list[_Open], value: Any, path: KeyPath, event: Any) -> None:
        if value is _KEY:
            return
        if event is not None and self.locating and (not stack or stack[-1].keep):
            self._note(path, self._where(event), False, replace=False)
        if not stack:
            self.document.data = value
            return
        top = stack[-1]
        container = top.value
        if isinstance(container, list):
            container.append(value)
            return
        key, merging = top.key, top.merging
        top.key, top.merging = None, False
        if merging:
            if top.keep:
                self._merge_source(top, value, path)
        elif top.keep:
            container[key] = value  # type: ignore[index]  # a key is waiting: not None
        elif stack[:-1] == [] or stack[-2].keep:
            top.keep = True  # the duplicate's value is read: the mapping goes on as before

    def _merge_source(self, top: _Open, value: Any, path: KeyPath) -> None:
        sources = value if isinstance(value, list) else [value]
        for index, source in enumerate(sources):
            if not isinstance(source, dict):
                where = self.document.locate((*path, index) if isinstance(value, list) else path)
                raise YamlError(
                    "'<<' merges a mapping into this one; after '<<:' write a mapping or "
                    "'*name' of an anchored mapping", *where,
                )
            top.merges.append((source, (*path, index) if isinstance(value, list) else path))

    def _close(self, done: _Open) -> Any:
        value = done.value
        if isinstance(value, dict) and done.merges:
            # Keys written in the mapping win over merged ones, and earlier merges over later.
            for source, source_path in done.merges:
                merged = [key for key in source if key not in value]
                for key in merged:
                    value[key] = source[key]
                if self.locating:
                    self._repeat((done.entries, len(self.noted)), source_path, done.path, merged)
        if done.anchor is not None:
            self.anchors[done.anchor] = _Anchor(
                value, done.path, self.count - done.counted + 1, (done.entries, len(self.noted))
            )
        return value

    def _note(self, path: KeyPath, where: Location, is_key: bool, *, replace: bool = True) -> None:
        table = self.document._keys if is_key else self.document._values
        if replace or path not in table:
            table[path] = where
            self.noted.append((path, where, is_key))

    def _where(self, event: Any) -> Location:
        """Where a value is written; for nothing written, just after the ':' or '- ' before it
        (libyaml and PyYAML mark an empty value in braces at different spots)."""
        line, column = _at(event.start_mark)
        if isinstance(event, ScalarEvent) and not event.value and not event.style:
            lines = self.lines
            text = lines[line - 1] if line <= len(lines) else ""
            before = min(column - 2, len(text) - 1)
            while before >= 0 and text[before] == " ":
                before -= 1
            column = before + 2
        return (line, column)

    def _comment_after(self, end: Any) -> Location | None:
        line = self.comment_lines[end.line]
        match = _COMMENT.match(line, end.column)
        return (end.line + 1, match.end()) if match else None


_KEY = object()  # what a scalar read as a key gives: it has no place of its own
_COMMENT = re.compile(r"[ \t]+#")


def _comment_lines(text: str) -> dict[int, str]:
    """The lines (0-based) with a '#' on them, which may end a plain value with a comment."""
    if "#" not in text:
        return {}
    return {n: line for n, line in enumerate(text.split("\n")) if "#" in line}


def _at(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1)


def _tag_message(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the YAML tag '{short}' is not allowed; write plain text, numbers, lists and mappings"
