"""kiosk.ops is pure Python (only chart.py draws with Qt), and `spa-kiosk`'s staff tools start
without Qt: importing the CLI and every ops module loads no Qt binding (checked in a fresh
process, so that what they import in turn counts too)."""

from __future__ import annotations

from opskit import run

PROBE = """
import importlib, pkgutil, sys
import kiosk.cli
import kiosk.ops
names = []
for info in pkgutil.iter_modules(kiosk.ops.__path__, "kiosk.ops."):
    if info.name == "kiosk.ops.chart":
        continue
    importlib.import_module(info.name)
    names.append(info.name)
bindings = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
qt = sorted(name for name in sys.modules if name.split(".")[0] in bindings)
print(len(names))
print(",".join(qt))
"""


def test_ops_and_the_cli_never_import_qt() -> None:
    done = run(PROBE, timeout=60)
    assert done.returncode == 0, done.stderr
    count, qt = done.stdout.split("\n")[:2]
    assert int(count) >= 9
    assert qt == "", f"Qt modules imported by kiosk.cli or kiosk.ops: {qt}"
