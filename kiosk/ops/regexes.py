"""The start's regular expressions, compiled once and kept: ~45 ms of a kiosk's start.

Python compiles a regular expression the first time a process uses it, and its compiler is
written in Python: slow for large patterns. Importing Qt's bindings compiles three large ones
(shiboken's signature parser: ~40 ms on a 2-core kiosk PC) in every process, before anything
can be shown. Python's `re` keeps what it compiled in a dictionary (`re._cache`) for the rest of
the process; this module keeps the compiled form (the regex engine's own program, a list of
numbers) in the kiosk's cache folder and hands it back to `re` at the next start, so that
`re.compile` finds the pattern already made.

The file is tied to the engine's version (`_sre.MAGIC`) and to Python's: a kiosk whose Python
was upgraded compiles as always and writes the file again. Only CPython's `re` is helped;
anywhere else, or with an unreadable file, nothing changes. What the engine gets from the file
goes through the same checks as anything `re` compiles (the engine validates every program).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the regex engine (CPython's)
import marshal
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any

LIMIT = 300  # entries kept: `re` itself keeps at most 512
_kept: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # the file's entries, by `re`'s key
_unkept: set[tuple[Any, ...]] = set()  # what cannot be kept (none expected: `re` keeps it)
_read: set[Path] = set()  # files `warm` has read (the standalone build warms twice)


def _tag() -> str:
    """What a kept program is valid for: this engine, this Python."""
    return f"{sys.implementation.cache_tag} {sys.version} sre {_sre.MAGIC}"


def warm(path: Path) -> int:
    """Before anything compiles: hand `re` the programs kept in `path`. How many it took."""
    if path in _read:
        return 0
    _read.add(path)
    try:
        cache: dict[tuple[Any, ...], re.Pattern[Any]] = re._cache  # type: ignore[attr-defined]
        data = path.read_bytes()
        if zlib.crc32(data[4:]).to_bytes(4, "big") != data[:4]:
            return 0  # cut short or changed on disk
        tag, entries = marshal.loads(data[4:])
        if tag != _tag():
            return 0  # another Python's: written again after this start
        made: dict[tuple[Any, ...], re.Pattern[Any]] = {}
        for entry in entries:
            pattern, flags, final_flags, code, groups, groupindex, indexgroup = entry
            key = (type(pattern), pattern, flags)
            made[key] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            _kept[key] = entry
    except Exception:  # no file or an odd one: compile as always
        return 0
    taken = 0
    for key, compiled in made.items():
        if key not in cache and len(cache) < LIMIT:
            cache[key] = compiled
            taken += 1
    return taken


def keep(path: Path) -> int:
    """After the start: write what `re` compiled so far to `path`, if anything is new since
    `warm` (only the new ones are worked out). How many patterns the file now holds (0: nothing
    written)."""
    try:
        cache: dict[tuple[Any, ...], re.Pattern[Any]] = dict(re._cache)  # type: ignore[attr-defined]
        new = [key for key in cache if key not in _kept and key not in _unkept]
        for key in new:
            if (entry := _entry(key, cache[key])) is not None:
                _kept[key] = entry
            else:
                _unkept.add(key)
        if not any(key in _kept for key in new):
            return 0
        while len(_kept) > LIMIT:  # the oldest go
            del _kept[next(iter(_kept))]
        data = marshal.dumps((_tag(), tuple(_kept.values())))
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            partial.write_bytes(zlib.crc32(data).to_bytes(4, "big") + data)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)  # a disk that filled up half-way
        return len(_kept)
    except Exception:  # a cache that cannot be written only means a slower start
        return 0


def _entry(key: tuple[Any, ...], compiled: re.Pattern[Any]) -> tuple[Any, ...] | None:
    """What `warm` needs to make `compiled` again without compiling: the engine's program is
    not readable from a pattern, so it is worked out again here (as `re` does)."""
    kind, pattern, flags = key
    if kind not in (str, bytes) or not isinstance(flags, int) or flags & re.DEBUG:
        return None
    import warnings
    from re import _compiler, _parser  # type: ignore[attr-defined]

    with warnings.catch_warnings():  # told once already, when `re` compiled it
        warnings.simplefilter("ignore")
        code = [int(number) for number in _compiler._code(_parser.parse(pattern, flags), flags)]
    groupindex = dict(compiled.groupindex)
    indexgroup: list[str | None] = [None] * (compiled.groups + 1)
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (pattern, flags, compiled.flags, code, compiled.groups, groupindex, tuple(indexgroup))
