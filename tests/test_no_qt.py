"""The content and guest layers are pure Python: importing them never loads PySide6."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, pkgutil, sys
import kiosk.content, kiosk.guest
names = []
for package in (kiosk.content, kiosk.guest):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
bindings = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
qt = sorted(name for name in sys.modules if name.split(".")[0] in bindings)
print(len(names))
print(",".join(qt))
"""


def test_content_and_guest_never_import_qt() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    count, qt = done.stdout.split("\n")[:2]
    assert int(count) >= 10  # every module was imported
    assert qt == "", f"Qt modules imported by kiosk.content / kiosk.guest: {qt}"
