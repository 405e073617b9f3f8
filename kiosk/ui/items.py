"""The items a guest can see in a kiosk window, found by their automation names (objectName):
for the bench, `render` and the tests, which all look at the screen the way a guest would.

Nothing here imports Qt Quick's Python binding: the real kiosk leaves it out (KioskWindow), and
the bench looks into that kiosk with `find_named`. Whoever passes a QQuickWindow has it already.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem, QQuickWindow


def visible_items(window: QQuickWindow) -> Iterator[QQuickItem]:
    """Every item on screen, in drawing order: hidden screens and faded-out layers (and all
    inside them) are skipped."""
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        yield item
        stack.extend(reversed(item.childItems()))


def find_visible(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The visible item called `name`, or None."""
    return next((item for item in visible_items(window) if item.objectName() == name), None)


def find_named(window: QObject, name: str) -> QObject | None:
    """The first object called `name` whose `visible` is true, looked up in Qt's tree of objects
    rather than the items on screen: this works on a window Python knows only as a QWindow (the
    real kiosk's), but does not see what a faded-out layer hides, nor the items a Repeater makes
    (they are not in that tree)."""
    for found in window.findChildren(QObject, name):
        if found.property("visible"):
            return found
    return None
