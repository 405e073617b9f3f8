"""kiosk.ops is pure Python (only chart.py draws with Qt, imported when a chart is asked for),
and `spa-kiosk` starts fast: the CLI imports none of it until a command needs it."""

from __future__ import annotations

from opskit import run

PROBE = """
import importlib, pkgutil, sys
import kiosk.cli
early = sorted(name for name in sys.modules if name.startswith("kiosk.ops"))
import kiosk.ops
names = []
for info in pkgutil.iter_modules(kiosk.ops.__path__, "kiosk.ops."):
    if info.name == "kiosk.ops.chart":
        continue
    importlib.import_module(info.name)
    names.append(info.name)
bindings = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
qt = sorted(name for name in sys.modules if name.split(".")[0] in bindings)
print(",".join(early))
print(len(names))
print(",".join(qt))
"""


def test_ops_never_imports_qt_and_the_cli_imports_ops_lazily() -> None:
    done = run(PROBE, timeout=60)
    assert done.returncode == 0, done.stderr
    early, count, qt = done.stdout.split("\n")[:3]
    assert early == "", f"imported by kiosk.cli at start-up: {early}"
    assert int(count) >= 9
    assert qt == "", f"Qt modules imported by kiosk.ops: {qt}"
