"""An assistive-technology client for tests: walks one application's accessible tree over AT-SPI
(pyatspi) and presses its controls through AT-SPI's action interface, as a screen reader would.

Run with the system Python that has Debian's python3-pyatspi (not the project's venv, which does
not see it). It reads one JSON request a line on stdin and answers each with one JSON line:

  {"do": "wait_app", "name": "spa-kiosk"}           until the application is on the bus
  {"do": "find", "role": "push button", "name": "Next", "timeout": 10}
                                                    until a showing object matches; its states
  {"do": "press", "role": "...", "name": "...", "until": {"role": ..., "name": ...,
                                                           "checked": true}}
        presses the object (its first action) and again, while `until` is not met: a press
        that comes while the kiosk holds taps back after a change of screen is refused
  {"do": "gone", "role": "...", "name": "...", "timeout": 10}   until nothing showing matches
  {"do": "objects"}                                 every showing object: role, name, description

Answers are {"ok": true, ...} or {"ok": false, "error": "..."}.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]

APP: Any = None


def _walk(node: Any, depth: int = 0) -> Any:
    if depth > 60:
        return
    try:
        count = node.childCount
    except Exception:
        return
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is None:
            continue
        try:
            showing = child.getState().contains(pyatspi.STATE_SHOWING)
        except Exception:
            continue
        if not showing:
            continue
        yield child
        yield from _walk(child, depth + 1)


def _describe(node: Any) -> dict[str, Any]:
    states = node.getState()
    return {
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "checked": states.contains(pyatspi.STATE_CHECKED),
        "checkable": states.contains(pyatspi.STATE_CHECKABLE),
        "enabled": states.contains(pyatspi.STATE_ENABLED),
    }


def _matches(node: Any, want: dict[str, Any]) -> bool:
    try:
        found = _describe(node)
    except Exception:
        return False
    return all(found[key] == value for key, value in want.items() if key != "timeout")


def _find(want: dict[str, Any]) -> Any:
    """The first showing object that matches; None also while the tree is being rebuilt (an
    object taken down halfway through the walk)."""
    try:
        for node in _walk(APP):
            if _matches(node, want):
                return node
    except Exception:
        return None
    return None


def _find_within(want: dict[str, Any], seconds: float) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        node = _find(want)
        if node is not None or time.monotonic() > deadline:
            return node
        time.sleep(0.05)


def _wait_app(name: str, seconds: float) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.1)
    return None


def _press(request: dict[str, Any]) -> dict[str, Any]:
    want = {"role": request["role"], "name": request["name"]}
    until = request.get("until")
    deadline = time.monotonic() + float(request.get("timeout", 10))
    presses = 0
    while time.monotonic() < deadline:
        node = _find_within(want, 0.5)
        if node is None:
            if presses and until is None:
                return {"ok": True, "presses": presses}  # it went away: the press took
            if presses and _find(until) is not None:  # it went away, and what it brings came
                return {"ok": True, "presses": presses}  # later than the wait after the press
            continue
        try:
            action = node.queryAction()
            if action.nActions < 1:
                return {"ok": False, "error": f"{want} has no action"}
            name = action.getName(0)
            action.doAction(0)
        except Exception:
            continue  # gone before it was pressed: find it again
        presses += 1
        if until is None:
            return {"ok": True, "presses": presses, "action": name}
        if _find_within(until, 0.4) is not None:
            return {"ok": True, "presses": presses, "action": name}
    return {"ok": False, "error": f"pressed {want} {presses} times, never saw {until}"}


def answer(request: dict[str, Any]) -> dict[str, Any]:
    global APP
    what = request["do"]
    if what == "wait_app":
        APP = _wait_app(request["name"], float(request.get("timeout", 30)))
        if APP is None:
            return {"ok": False, "error": f"no application {request['name']!r} on the bus"}
        return {"ok": True}
    if what == "find":
        want = {key: value for key, value in request.items() if key != "do"}
        node = _find_within(want, float(request.get("timeout", 10)))
        if node is None:
            return {"ok": False, "error": f"nothing showing matches {want}"}
        return {"ok": True, **_describe(node)}
    if what == "gone":
        want = {key: value for key, value in request.items() if key != "do"}
        deadline = time.monotonic() + float(request.get("timeout", 10))
        while _find(want) is not None:
            if time.monotonic() > deadline:
                return {"ok": False, "error": f"{want} is still showing"}
            time.sleep(0.05)
        return {"ok": True}
    if what == "press":
        return _press(request)
    if what == "objects":
        return {"ok": True, "objects": [_describe(node) for node in _walk(APP)]}
    return {"ok": False, "error": f"unknown request {what!r}"}


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = answer(json.loads(line))
        except Exception as problem:  # reported to the test, which fails with it
            reply = {"ok": False, "error": f"{type(problem).__name__}: {problem}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
