"""The last content the kiosk read and checked, kept on disk so that the next start can show it
at once instead of reading and checking every file again (most of a start's time).

The file holds the header (`_header`: what makes the copy true) pickled, then the checked result.

The copy is for one folder, and only the same versions of the kiosk and Python read it back
(anything else, including a damaged or unreadable file, means reading the folder as usual). When
nothing in the folder has changed since (same fingerprint) it *is* the folder's content; when
something has, it is still the last good content the kiosk showed, and the kiosk shows it while
the change is checked, as live reload does (`last_good`). It lives in the kiosk's own data folder,
which only the kiosk's account writes.
"""

from __future__ import annotations

import copyreg
import io
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

from kiosk import __version__
from kiosk.content import model
from kiosk.content.fingerprint import Fingerprint
from kiosk.content.load_result import LoadResult

log = logging.getLogger("kiosk.snapshot")
FORMAT = 7  # 6: the pictures' copies (Content.stored); 7: no first frame before the header


def save(target: Path, result: LoadResult, seen: Fingerprint) -> None:
    """Keep `result`, read from its folder while the folder looked like `seen`. Never raises:
    without a snapshot the next start is only slower."""
    global _pickled
    buffer = io.BytesIO()
    kept, _pickled = _pickled, None
    try:
        pickle.dump(_header(result.folder, seen), buffer, protocol=pickle.HIGHEST_PROTOCOL)
        if kept is not None and kept[0] is result:
            buffer.write(kept[1])
        else:
            content_pickler(buffer).dump(result)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".snapshot-", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(buffer.getvalue())
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)  # a disk that filled up half-way
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("could not keep a snapshot of the content for the next start: %s", exc)


# A result as the checking helper pickled it (content_pickler), for `save` to write as it is:
# pickling a big set again holds Python's lock for several milliseconds, which the screen's
# thread waits for. One at a time, let go when saved or when another arrives.
_pickled: tuple[LoadResult, bytes] | None = None


def keep_pickled(result: LoadResult, raw: bytes) -> None:
    """`raw` is `result` pickled by content_pickler: the next `save` of it may write it."""
    global _pickled
    _pickled = (result, raw)


def content_pickler(stream: BinaryIO) -> pickle.Pickler:
    """A pickler for checked content: the weights, read-only mappings, are kept as dicts."""
    pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[MappingProxyType] = _reduce_mapping
    return pickler


def load(target: Path, folder: Path, seen: Fingerprint) -> tuple[LoadResult, bool] | None:
    """The snapshot of `folder`, and whether it is still true for the folder as it looks now
    (`seen`). One that is not is given only when its content had no errors: the last good
    content. None when there is neither (no snapshot, another folder or kiosk version)."""
    kept = _read(target, folder)
    if kept is None:
        return None
    result, then = kept
    if then == seen:
        return result, True
    return (result, False) if result.content is not None else None


def _read(target: Path, folder: Path) -> tuple[LoadResult, Fingerprint] | None:
    """The snapshot's result for `folder`, and how the folder looked when it was read."""
    try:
        raw = target.read_bytes()
    except OSError:
        return None
    try:
        stream = io.BytesIO(raw)
        header = pickle.load(stream)  # our own file, in a folder only the kiosk writes
        if not isinstance(header, tuple) or not header or header != _header(folder, header[-1]):
            return None  # another folder, or another version of the kiosk or of Python
        result = pickle.load(stream)
    except Exception as exc:  # any damage at all means: read the folder instead
        log.info("content snapshot not used (%s: %s)", type(exc).__name__, exc)
        return None
    if not isinstance(result, LoadResult):
        return None
    return result, header[-1]


def _header(folder: Path, seen: Fingerprint) -> tuple[Any, ...]:
    """What makes a kept copy true: same format, kiosk, Python, folder and folder state."""
    return (FORMAT, __version__, sys.version, str(folder.resolve()), seen)


def _reduce_mapping(mapping: MappingProxyType[str, float]) -> tuple[Any, ...]:
    return (model.frozen_mapping, (dict(mapping),))
