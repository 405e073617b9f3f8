"""Where the bench shows the kiosk: the session's own display, else an Xvfb it starts, else
Qt's offscreen platform (and then every figure says so).

A kiosk PC runs the kiosk full screen on its display, with the renderer the kiosk chooses
there; the bench measures it the same way. Over SSH or in CI there is no display: an X server
in memory (Xvfb, 1920x1080, 24-bit colour) is the closest to a kiosk PC without a GPU. Only
where neither exists does the bench fall back to offscreen, which no kiosk PC runs.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

XVFB_SCREEN = "1920x1080x24"


@dataclass(frozen=True)
class Display:
    """The display every measured process is shown on."""

    kind: str
    """"session" (the display this bench was started on), "xvfb" (started by the bench) or
    "offscreen" (no display at all)."""
    description: str
    """One line for people: which display and how it was found."""
    env: Mapping[str, str] = field(default_factory=dict)
    """Variables to set in every measured process (DISPLAY for Xvfb; Qt's platform offscreen)."""
    x_server_pid: int | None = None
    """The Xvfb the bench started (its CPU is counted beside the figures), else None."""

    @property
    def offscreen(self) -> bool:
        return self.kind == "offscreen"

    @property
    def x11(self) -> str | None:
        """The X display name to watch the screen's pixels on, where there is one."""
        if self.kind == "xvfb":
            return self.env["DISPLAY"]
        if self.kind == "session" and os.environ.get("DISPLAY"):
            return os.environ["DISPLAY"]
        return None


class DisplayError(Exception):
    """The X server the bench started did not come up."""


OFFSCREEN_ENV = {"QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}


@contextlib.contextmanager
def display_for_bench(
    environ: Mapping[str, str] | None = None, offscreen: bool = False
) -> Iterator[Display]:
    """The session's display when there is one; else an Xvfb, stopped again on leaving; else
    offscreen. `offscreen`: offscreen all the same (`bench --offscreen`, for comparison)."""
    environ = os.environ if environ is None else environ
    if offscreen:
        yield Display(
            "offscreen",
            "offscreen as asked (--offscreen): Qt's offscreen platform with its software "
            "renderer, for comparison; no kiosk PC runs like this",
            OFFSCREEN_ENV,
        )
        return
    wayland, x = environ.get("WAYLAND_DISPLAY"), environ.get("DISPLAY")
    if wayland or x or not sys.platform.startswith("linux"):
        where = f"Wayland display {wayland}" if wayland else f"X display {x}" if x else "desktop"
        yield Display("session", f"this session's {where}, full screen")
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield Display(
            "offscreen",
            "no display and no Xvfb: Qt's offscreen platform with its software renderer; "
            "no kiosk PC runs like this, so every figure is marked offscreen",
            OFFSCREEN_ENV,
        )
        return
    server, name = start_xvfb(xvfb)
    try:
        yield Display(
            "xvfb",
            f"no display here: started Xvfb on {name} ({XVFB_SCREEN}, no GPU), full screen",
            {"DISPLAY": name, "QT_QPA_PLATFORM": "xcb"},
            server.pid,
        )
    finally:
        stop(server)


def start_xvfb(
    xvfb: str = "Xvfb", screen: str = XVFB_SCREEN
) -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on a display number it picks itself (`-displayfd`: other X servers may be
    running), black until something is drawn (`-br`), and its display name."""
    read, write = os.pipe()
    try:
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write), "-screen", "0", screen, "-br", "-nolisten", "tcp",
             "-noreset"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    finally:
        os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([read], [], [], max(0.0, left))
            chunk = os.read(read, 16) if ready else b""
            if not chunk:
                stop(server)
                raise DisplayError("Xvfb did not start (no display number within 15 s)")
            number += chunk
    finally:
        os.close(read)
    return server, f":{number.decode().strip()}"


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process the bench started, and wait for it."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
