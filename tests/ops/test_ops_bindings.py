"""Shiboken's helper modules are unpacked once per shiboken, never over someone else's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ops import bindings


class FakeShiboken:
    """A shiboken6 package folder whose 'import with SBK_EMBED=0' writes the helpers out."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "shiboken6"
        self.folder.mkdir()
        (self.folder / "__init__.py").write_text('__version__ = "6.11.3"\n')
        self.unpacks = 0

    def unpack(self) -> None:
        self.unpacks += 1
        support = self.folder / bindings.UNPACKED / "shibokensupport"
        support.mkdir(parents=True)
        (support / "__init__.py").write_text(f"# unpack {self.unpacks}\n")

    def prepare(self) -> bool:
        return bindings.prepare(self.folder, self.unpack)

    def upgrade(self) -> None:
        init = self.folder / "__init__.py"
        init.write_text('__version__ = "6.12.0"\n')
        info = init.stat()
        os.utime(init, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))

    def helper_text(self) -> str:
        return (self.folder / bindings.UNPACKED / "shibokensupport" / "__init__.py").read_text()


def test_unpacked_at_the_first_start_and_used_as_they_are_after_it(tmp_path: Path) -> None:
    shiboken = FakeShiboken(tmp_path)
    assert shiboken.prepare() is True
    assert shiboken.prepare() is False
    assert shiboken.prepare() is False
    assert shiboken.unpacks == 1
    assert shiboken.helper_text() == "# unpack 1\n"


def test_an_upgraded_shiboken_gets_its_own_helpers_not_the_old_ones(tmp_path: Path) -> None:
    shiboken = FakeShiboken(tmp_path)
    shiboken.prepare()
    stray = shiboken.folder / bindings.UNPACKED / "shibokensupport" / "gone_in_6_12.py"
    stray.write_text("")
    shiboken.upgrade()
    assert shiboken.prepare() is True
    assert shiboken.unpacks == 2
    assert shiboken.helper_text() == "# unpack 2\n"
    assert not stray.exists()
    assert shiboken.prepare() is False


def test_helpers_unpacked_by_hand_are_left_as_they_are(tmp_path: Path) -> None:
    shiboken = FakeShiboken(tmp_path)
    theirs = shiboken.folder / bindings.UNPACKED / "shibokensupport"
    theirs.mkdir(parents=True)
    (theirs / "__init__.py").write_text("# edited by a developer\n")
    assert shiboken.prepare() is False
    assert shiboken.unpacks == 0
    assert shiboken.helper_text() == "# edited by a developer\n"


def test_a_read_only_installation_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shiboken = FakeShiboken(tmp_path)
    writable = os.access
    monkeypatch.setattr(
        bindings.os, "access",
        lambda path, mode: False if Path(path) == shiboken.folder else writable(path, mode),
    )
    assert shiboken.prepare() is False
    assert shiboken.unpacks == 0
    assert not (shiboken.folder / bindings.UNPACKED).exists()


def test_a_shiboken_that_does_not_unpack_works_as_before(tmp_path: Path) -> None:
    shiboken = FakeShiboken(tmp_path)
    assert bindings.prepare(shiboken.folder, lambda: None) is False
    assert not (shiboken.folder / bindings.UNPACKED / bindings.NOTE).exists()


PROBE = """
import sys
from kiosk.ops import bindings
bindings.prepare()
from PySide6.QtCore import QObject
print(sys.modules["shibokensupport"].__file__)
try:
    QObject().setObjectName(5)
except TypeError as error:
    print(" ".join(str(error).split()))
"""


def test_the_real_shiboken_imports_its_helpers_from_the_unpacked_files() -> None:
    import importlib.util

    spec = importlib.util.find_spec("shiboken6")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    if not os.access(folder, os.W_OK):
        pytest.skip("PySide6 is installed read-only here")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    helpers, error = done.stdout.splitlines()[:2]
    assert Path(helpers).is_relative_to(folder / bindings.UNPACKED)
    assert "Supported signatures" in error  # the helpers work: they explain a wrong call
    assert "SBK_EMBED" not in done.stderr


IMPORTS = """
import inspect, sys
read = []
real = inspect.getsource
inspect.getsource = lambda module: read.append(module.__name__) or real(module)
import {first}
from PySide6.QtCore import QObject, QTimer  # through PySide6's own (lazy) import, still there
import colorsys, json  # named by import statements after PySide6
timer = QTimer()
timer.setInterval(5)
print(timer.interval(), QObject.__name__, "colorsys" in read, "json" in read)
"""


@pytest.mark.parametrize(("first", "read"), [("PySide6.QtCore", "True True"),
                                             ("kiosk.ui", "False False")])
def test_without_the_feature_layer_imports_read_no_source(first: str, read: str) -> None:
    """Shiboken's `__feature__` layer reads the source of each module an import statement names
    (the first row shows it does); once the kiosk's Qt package is imported it is off, and Qt's
    classes still import and work."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS.format(first=first)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["5", "QObject", *read.split()]


def test_plain_imports_changes_nothing_without_the_layer() -> None:
    import builtins

    import kiosk.ui  # noqa: F401  (took the layer off)

    before = builtins.__import__
    assert before.__name__ != "__feature_import__"
    assert bindings.plain_imports() is False
    assert builtins.__import__ is before
