"""The items a guest can see in a kiosk window, found by their automation names (objectName):
for the bench, `render` and the tests, which all look at the screen the way a guest would."""

from __future__ import annotations

from collections.abc import Iterator

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
