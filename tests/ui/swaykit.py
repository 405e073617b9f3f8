"""A real Wayland compositor for tests: sway on its headless backend, in a private runtime folder,
and what it says about its outputs.

sway refuses to run as root, so as root it runs as `nobody` (setpriv); clients (the kiosk, swaymsg)
reach it through absolute paths in $WAYLAND_DISPLAY and $SWAYSOCK, whatever their own
$XDG_RUNTIME_DIR. wlroots before 0.17 cannot switch a headless output off ("Unsupported output
state fields" in sway's log) and then still reports it powered; sway's debug log says what it
was asked and tried ("Turning off output HEADLESS-1"), which is what the tests read there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534
CONFIG = "xwayland disable\ndefault_border none\n"


class Sway:
    """One headless sway: its sockets, its log, and its outputs' power as it reports it."""

    def __init__(self, runtime: Path, socket: Path, display: Path, log: Path) -> None:
        self.runtime = runtime
        self.socket = socket
        self.display = display
        self.log = log

    def client_env(self) -> dict[str, str]:
        """What a Wayland client of this sway needs in its environment."""
        return {"WAYLAND_DISPLAY": str(self.display), "SWAYSOCK": str(self.socket)}

    def ask(self, *args: str) -> object:
        done = subprocess.run(
            ["swaymsg", "-s", str(self.socket), "-r", *args],
            capture_output=True, text=True, timeout=10, check=True,
        )  # fmt: skip
        return json.loads(done.stdout)

    def powered(self) -> list[bool]:
        """Each output's power as sway reports it ("power" since sway 1.8, "dpms" before)."""
        outputs = self.ask("-t", "get_outputs")
        assert isinstance(outputs, list)
        return [bool(output.get("power", output.get("dpms"))) for output in outputs]

    def said(self, text: str) -> int:
        """How many lines of sway's log hold `text`."""
        return sum(text in line for line in self.log.read_text(errors="replace").splitlines())

    def said_last(self, *texts: str) -> str | None:
        """Which of `texts` the latest line of sway's log that holds one of them holds (sway
        logs its own "Turning on output" as it starts, at a moment of its own choosing)."""
        for line in reversed(self.log.read_text(errors="replace").splitlines()):
            for text in texts:
                if text in line:
                    return text
        return None

    def app_ids(self) -> list[str]:
        """The app_id of every window sway shows."""
        found: list[str] = []

        def walk(node: dict[str, object]) -> None:
            if node.get("app_id"):
                found.append(str(node["app_id"]))
            for key in ("nodes", "floating_nodes"):
                for child in node.get(key) or []:  # type: ignore[attr-defined]
                    walk(child)

        tree = self.ask("-t", "get_tree")
        assert isinstance(tree, dict)
        walk(tree)
        return found


def wait_until(test: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not test():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.05)


@contextmanager
def headless_sway() -> Iterator[Sway]:
    """Start sway headless with a one-output layout; skip when sway is not installed."""
    if shutil.which("sway") is None or shutil.which("swaymsg") is None:
        pytest.skip("needs sway and swaymsg (Debian: apt-get install --no-install-recommends sway)")
    prefix: list[str] = []
    runtime = Path(tempfile.mkdtemp(prefix="spa-kiosk-sway-"))  # 0700; /tmp: reachable by nobody
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("sway will not run as root and setpriv (util-linux) is missing")
        os.chown(runtime, NOBODY, NOBODY)
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    config, log = runtime / "config", runtime / "sway.log"
    config.write_text(CONFIG)
    config.chmod(0o644)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(runtime),
        "XDG_RUNTIME_DIR": str(runtime), "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman",
    }  # fmt: skip
    with log.open("w") as out:
        sway = subprocess.Popen(
            [*prefix, "sway", "--debug", "--config", str(config)],
            env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    try:
        wait_until(
            lambda: sway.poll() is not None
            or (any(runtime.glob("sway-ipc.*.sock")) and any(runtime.glob("wayland-*.lock"))),
            20, "sway's sockets",
        )  # fmt: skip
        if sway.poll() is not None:
            raise AssertionError(f"sway ended ({sway.returncode}):\n{log.read_text()[-2000:]}")
        socket = next(runtime.glob("sway-ipc.*.sock"))
        display = next(runtime.glob("wayland-*.lock")).with_suffix("")
        yield Sway(runtime, socket, display, log)
    finally:
        sway.terminate()
        try:
            sway.wait(10)
        except subprocess.TimeoutExpired:
            sway.kill()
            sway.wait()
        shutil.rmtree(runtime, ignore_errors=True)
