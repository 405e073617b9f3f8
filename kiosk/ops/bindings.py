"""Qt's Python bindings start faster: shiboken's helper modules kept as files, with bytecode.

PySide6's wheels carry shiboken's own Python helpers (signatures, `__feature__`) as source inside
its library, and every process that imports Qt compiles them again: ~25 ms of a kiosk's start on
a 2-core PC. Shiboken can also take them unpacked beside itself, from `shiboken6/files.dir` (its
`SBK_EMBED=0` switch, documented for debugging); there they are imported like any module and
Python keeps their bytecode. The kiosk unpacks them there once, at its first start after PySide6
is installed or upgraded, when that folder is writable; otherwise nothing changes. A note in the
folder says which shiboken they came from, so an upgraded shiboken never runs an older one's
helpers.

Once PySide6 is imported, shiboken also puts a layer of its own over every `import` statement, for
its `__feature__` switches (`from __feature__ import snake_case`), which the kiosk never uses: it
reads the source of each module named by an import statement the first time, and runs Python code
on every import after. `plain_imports` takes that layer off again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib.machinery import PathFinder
from pathlib import Path

UNPACKED = "files.dir"  # the name shiboken looks for
NOTE = ".spa-kiosk"  # in UNPACKED: the shiboken they were unpacked from


def prepare(folder: Path | None = None, unpack: Callable[[], None] | None = None) -> bool:
    """Before PySide6 is imported. True when the helpers were unpacked now.

    `folder` is shiboken6's package folder (found on sys.path when None); `unpack` imports
    shiboken with unpacking switched on (tests give their own)."""
    if folder is None:
        if "shiboken6" in sys.modules or getattr(sys, "frozen", False):
            return False  # too late; or a standalone build, which brings its own
        spec = PathFinder.find_spec("shiboken6")
        if spec is None or not spec.submodule_search_locations:
            return False
        folder = Path(next(iter(spec.submodule_search_locations)))
    unpacked = folder / UNPACKED
    try:
        info = (folder / "__init__.py").stat()
    except OSError:
        return False
    which = f"{info.st_size} {info.st_mtime_ns}"
    try:
        noted = (unpacked / NOTE).read_text(encoding="utf-8")
    except OSError:
        noted = None
    if noted == which:
        return False  # unpacked already, from this shiboken
    if noted is None and unpacked.exists():
        return False  # unpacked by someone else (SBK_EMBED=0 by hand): theirs to keep
    if not os.access(folder, os.W_OK):
        return False
    import shutil

    shutil.rmtree(unpacked, ignore_errors=True)  # an older shiboken's
    (unpack or _unpack)()
    if not (unpacked / "shibokensupport").is_dir():
        return False  # this shiboken does not unpack them: it works as it always did
    try:
        (unpacked / NOTE).write_text(which, encoding="utf-8")
    except OSError:
        return False
    return True


def _unpack() -> None:
    """Import shiboken with its switch on: it writes the helpers out, then uses them."""
    os.environ["SBK_EMBED"] = "0"
    try:
        import shiboken6  # noqa: F401
    finally:
        del os.environ["SBK_EMBED"]  # not for the helper processes the kiosk starts


def plain_imports() -> bool:
    """After PySide6 is imported: import statements without shiboken's `__feature__` layer.

    Shiboken keeps the import below its layer as `builtins.__orig_import__` (PySide6's own lazy
    import of Qt's classes, which stays). True when the layer was there and is now off. The kiosk
    never selects a feature, so every module keeps Qt's names as documented either way."""
    import builtins

    layer = builtins.__import__
    below = getattr(builtins, "__orig_import__", None)
    if getattr(layer, "__name__", None) != "__feature_import__" or not callable(below):
        return False  # not loaded yet, already off, or a shiboken that works otherwise
    builtins.__import__ = below
    return True
