"""The kiosk on a real X display, in its own process, for tests that click with xdotool.

`python xdriver.py CONTENT_FOLDER SIGNAL_FILE`: walks a journey to its last question, prints
the centre of "See my suggestion" on screen as JSON, waits for SIGNAL_FILE (the test's clicks
are done), then prints the screen the guest sees once it takes taps again, and exits.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kioskkit import FakeClock, load_test_content
from PySide6.QtCore import QPointF, QSize
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.ui.app import KioskWindow, application


def main() -> None:
    folder, signal = Path(sys.argv[1]), Path(sys.argv[2])
    application()
    kiosk = KioskWindow(load_test_content(folder), FakeClock(), QSize(1280, 800))
    window = kiosk.window
    assert isinstance(window, QQuickWindow)
    window.show()
    controller = kiosk.controller
    controller.start()
    for option in ("stress", "t60"):
        controller.toggle(option)
        controller.next()
    controller.toggle("none")

    def settled() -> bool:
        return window.property("tapsTaken") is not False and window.isExposed()

    def wait(test: object, ms: int = 10000) -> None:
        for _ in range(ms // 20):
            if test():  # type: ignore[operator]
                return
            QTest.qWait(20)
        raise SystemExit("xdriver: timed out")

    wait(lambda: settled() and _find(window.contentItem(), "nextButton") is not None)
    button = _find(window.contentItem(), "nextButton")
    assert button is not None
    centre = button.mapToGlobal(QPointF(button.width() / 2, button.height() / 2))
    print(json.dumps({"x": round(centre.x()), "y": round(centre.y())}), flush=True)
    wait(signal.exists, 30000)
    QTest.qWait(100)
    wait(settled)
    print(json.dumps({"screen": controller.screen, "journey": controller.journey is not None}),
          flush=True)
    kiosk.close()


def _find(root: QQuickItem, name: str) -> QQuickItem | None:
    """The item called `name` on a screen that is fully shown (faded in, taking taps)."""
    items = [root]
    while items:
        item = items.pop()
        if not item.isVisible() or item.opacity() < 1:
            continue
        if item.objectName() == name:
            return item
        items.extend(item.childItems())
    return None


if __name__ == "__main__":
    main()
