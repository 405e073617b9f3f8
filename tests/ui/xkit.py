"""A real X server for tests: Xvfb on a free display, optionally openbox, and what xprop says."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from kioskproc import Kiosk, kiosk_command, kiosk_env


def need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb, openbox, xdotool, x11-utils)")


def wait_until(test: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.05)


class Display:
    """One Xvfb; `run` runs an X client on it and returns its output."""

    def __init__(self, name: str, width: int, height: int) -> None:
        self.name = name
        self.width = width
        self.height = height

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(DISPLAY=self.name, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run(self, *command: str) -> str:
        done = subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=10, check=False
        )
        return done.stdout

    def root(self, prop: str) -> str:
        """The value of a root window property, '' if unset (`_NET_CURRENT_DESKTOP` -> '1')."""
        return _value(self.run("xprop", "-root", "-notype", prop), prop)

    def prop(self, window: int, prop: str) -> str:
        return _value(self.run("xprop", "-id", str(window), "-notype", prop), prop)

    def visible_windows(self, name: str) -> list[int]:
        out = self.run("xdotool", "search", "--onlyvisible", "--name", f"^{name}$")
        return [int(line) for line in out.split()]

    def geometry(self, window: int) -> tuple[int, int, int, int]:
        out = self.run("xdotool", "getwindowgeometry", "--shell", str(window))
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def top_level(self, window: int) -> int:
        """The child of the root that holds `window` (a window manager's frame, or itself)."""
        while True:
            tree = self.run("xwininfo", "-id", str(window), "-tree")
            parent = tree.split("Parent window id: ", 1)[1].split()[0]
            root = tree.split("Root window id: ", 1)[1].split()[0]
            if parent == root:
                return window
            window = int(parent, 16)

    def others_in_view(self, window: int) -> list[str]:
        """Viewable windows on screen besides `window`'s own (menus, popups, panels), by id."""
        own = self.top_level(window)
        out = self.run("xwininfo", "-root", "-children")
        found = []
        for line in out.splitlines():
            parts = line.split()
            if not parts or not parts[0].startswith("0x") or int(parts[0], 16) == own:
                continue
            info = self.run("xwininfo", "-id", parts[0], "-stats")
            if "IsViewable" not in info:
                continue
            field = {
                key.strip(): value.strip()
                for key, _, value in (row.partition(":") for row in info.splitlines())
            }
            x, y = int(field["Absolute upper-left X"]), int(field["Absolute upper-left Y"])
            w, h = int(field["Width"]), int(field["Height"])
            if x + w > 0 and y + h > 0 and x < self.width and y < self.height:
                found.append(parts[0])
        return found


def _value(out: str, prop: str) -> str:
    """`NAME = 2` or `NAME: window id # 0x1, 0x2` -> '2', '0x1, 0x2'; '' when not set."""
    line = out.strip()
    if not line.startswith(prop) or "not found" in line or "no such atom" in line:
        return ""
    value = line[len(prop):].lstrip(" :=")
    return value.removeprefix("window id # ").strip()


@contextmanager
def xvfb(width: int = 1280, height: int = 800) -> Iterator[Display]:
    need("Xvfb", "xdotool", "xprop", "xwininfo")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        yield Display(f":{number}", width, height)
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def openbox(display: Display) -> Iterator[None]:
    """openbox on `display`, once it has taken the screen and made its desktops. A slow start
    (a loaded machine) is waited for; one that ends says why, with openbox's own words."""
    need("openbox")
    with tempfile.TemporaryFile(mode="w+") as said:
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"], env=display.env(),
            stdout=subprocess.DEVNULL, stderr=said,
        )

        def alive() -> bool:
            """True while openbox runs; its end fails the wait, with what it said."""
            if manager.poll() is None:
                return True
            said.seek(0)
            raise AssertionError(f"openbox ended ({manager.returncode}): {said.read()[-2000:]}")

        try:
            wait_until(lambda: alive() and display.root("_NET_SUPPORTING_WM_CHECK") != "", 30,
                       "openbox runs")
            wait_until(
                lambda: alive() and display.root("_NET_NUMBER_OF_DESKTOPS") not in ("", "1"), 30,
                "openbox has its desktops",
            )
            yield
        finally:
            manager.terminate()
            manager.wait(timeout=10)


def start_kiosk(display: Display, tmp_path: Path, content: Path, *extra: str) -> Kiosk:
    """`spa-kiosk run` on `display`, locked down unless `extra` says otherwise, with its files in
    tmp_path (stop or close it when done)."""
    env = kiosk_env(tmp_path, DISPLAY=display.name, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    return Kiosk(kiosk_command(content, *extra, windowed=False), env)
