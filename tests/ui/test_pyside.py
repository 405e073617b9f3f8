"""Guards against Qt binding bugs that would only show after hours on a kiosk."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.ui


class Emitter(QObject):
    changed = Signal()


def test_emitting_signals_does_not_leak_or_drop_references(qapp: object) -> None:
    # PySide6 6.12.0 released a reference to True on every emit(); on Python 3.11 the process
    # aborted after a few thousand signals (see the pin in pyproject.toml).
    emitter = Emitter()
    emitter.changed.connect(lambda: None)
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(200):
        emitter.changed.emit()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert after[0] == before[0] and after[1] == before[1]
    assert abs(after[2] - before[2]) < 20
