"""A guest with a screen reader: the kiosk's accessible tree over AT-SPI, walked by a real client.

The kiosk runs as `spa-kiosk run --windowed` on Xvfb with its own session bus (the accessibility
bus is started from it, as on a desktop) and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1. The client is
tests/ui/atspi_driver.py under the system Python with Debian's python3-pyatspi: it finds every
control by role and name and presses it through AT-SPI's action interface, never by pixels.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import write_test_content
from kioskproc import Kiosk, kiosk_command, kiosk_env
from xkit import Display, xvfb

DRIVER = Path(__file__).with_name("atspi_driver.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _skip_unless_tools() -> None:
    for tool in ("dbus-daemon", "Xvfb"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        pytest.skip("at-spi2-core (the accessibility bus) is not installed")
    if not SYSTEM_PYTHON.exists() or subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True
    ).returncode:
        pytest.skip("python3-pyatspi is not installed for /usr/bin/python3")


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A private D-Bus session bus; the accessibility bus is activated from it on first use.
    What it activates gets a runtime folder of its own: the accessibility bus's socket is made
    there, and a test running beside this one has its own."""
    _skip_unless_tools()
    runtime = tmp_path / "bus-run"
    runtime.mkdir(mode=0o700)
    read, write = os.pipe()
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", f"--print-address={write}"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            address = pipe.readline().strip()
        if not address:
            pytest.skip("the D-Bus session bus did not start")
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


class ScreenReader:
    """The AT-SPI client, one JSON request and answer a line."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [str(SYSTEM_PYTHON), str(DRIVER)], env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )

    def ask(self, do: str, **request: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"do": do, **request}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the AT-SPI client ended"
        reply: dict[str, Any] = json.loads(line)
        return reply

    def must(self, do: str, **request: Any) -> dict[str, Any]:
        reply = self.ask(do, **request)
        assert reply["ok"], reply["error"] + "\nshowing: " + self.showing()
        return reply

    def showing(self) -> str:
        reply = self.ask("objects")
        return "; ".join(f"{o['role']} {o['name']!r}" for o in reply.get("objects", []))

    def press(self, control: tuple[str, str], then: tuple[str, str], **also: Any) -> None:
        """Press the control (role, name) until `then` (role, name, and `also`) is showing."""
        until = {"role": then[0], "name": then[1], **also}
        self.must("press", role=control[0], name=control[1], until=until)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture
def screen_reader(session_bus: str, tmp_path: Path) -> Iterator[ScreenReader]:
    folder = write_test_content(tmp_path)
    with xvfb(1920, 1080) as display:
        env = _env(display, session_bus, tmp_path)
        reader = ScreenReader(env)
        kiosk = Kiosk(kiosk_command(folder, "--size", "1920x1080"), env)
        try:
            reply = reader.ask("wait_app", name="Spa Kiosk", timeout=60)
            if not reply["ok"]:
                pytest.fail(f"{reply['error']}; the kiosk said:\n{kiosk.stop()}")
            yield reader
        finally:
            reader.close()
            kiosk.close()


def _env(display: Display, bus: str, tmp_path: Path) -> dict[str, str]:
    env = kiosk_env(
        tmp_path, DISPLAY=display.name, QT_QPA_PLATFORM="xcb", DBUS_SESSION_BUS_ADDRESS=bus,
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
    )
    env.pop("WAYLAND_DISPLAY", None)
    return env


def test_a_whole_journey_by_screen_reader(screen_reader: ScreenReader) -> None:
    reader = screen_reader
    reader.must("find", role="label", name="Warmth that flows")
    reader.press(("push button", "Tap to find your session"),
                 ("label", "What would you like to feel better?"))

    # The first question: options are check boxes that say whether they are chosen.
    goals = reader.must("find", role="list", name="What would you like to feel better?")
    assert goals["description"] == "Choose up to 2"
    reader.must("find", role="progress bar", name="Question 1 of 3")
    stress = reader.must("find", role="check box", name="Stress")
    assert stress["checkable"] and not stress["checked"]
    assert not reader.must("find", role="push button", name="Next")["enabled"]
    reader.press(("check box", "Stress"), ("check box", "Stress"), checked=True)
    reader.press(("check box", "Aches"), ("check box", "Aches"), checked=True)
    reader.must("find", role="progress bar", name="Question 1 of 4")  # "Where?" comes next
    reader.press(("push button", "Next"), ("label", "Where?"))

    # A single choice: radio buttons; Back is there from the second question on.
    reader.must("find", role="push button", name="Back")
    reader.must("find", role="progress bar", name="Question 2 of 4")
    reader.press(("radio button", "Neck"), ("radio button", "Neck"), checked=True)
    reader.press(("push button", "Next"), ("label", "How much time do you have?"))
    reader.press(("radio button", "60 minutes"), ("radio button", "60 minutes"),
                 checked=True)
    reader.press(("push button", "Next"), ("label", "Does any of these apply?"))
    reader.press(("check box", "None of these"), ("check box", "None of these"),
                 checked=True)
    reader.press(("push button", "See my suggestion"), ("heading", "Our suggestion for you"))

    # The suggestion: its name, the desk code, and the QR code's text alternative.
    reader.must("find", role="label", name="Deep Relief")
    code = reader.must("find", role="label", name="IR-60")
    assert code["description"] == "Show this code at the front desk"
    qr = reader.must("find", role="image", name="Scan to book (IR-60)")
    assert "IR-60" in qr["description"]
    reader.press(("push button", "Done"), ("push button", "Tap to find your session"))


def test_every_control_and_text_on_the_question_screen_is_named(
    screen_reader: ScreenReader,
) -> None:
    reader = screen_reader
    reader.press(("push button", "Tap to find your session"),
                 ("label", "What would you like to feel better?"))
    reader.must("gone", role="push button", name="Tap to find your session")  # faded out
    objects = reader.must("objects")["objects"]
    unnamed = [o for o in objects if o["name"] == "" and o["role"] != "filler"]
    assert unnamed == [], unnamed
    controls = {(o["role"], o["name"]) for o in objects}
    assert {
        ("push button", "Start over"), ("push button", "English"), ("push button", "Español"),
        ("push button", "Next"), ("check box", "Aches"), ("check box", "Sleep"),
    } <= controls
