"""Switching the display off while the kiosk sleeps: which way each kind of session gets, and
the exact command lines, run for real against fakes on PATH that write down their arguments,
and GNOME's against a stand-in for Mutter on a real D-Bus session bus (GNOME and KDE cannot run
here; sway can: tests/ui/test_wayland_sleep.py)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.ops import display_power, screensaver
from kiosk.ops.display_power import choose, set_power

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fakes are shell scripts")

TOOLS = ("swaymsg", "gdbus", "busctl", "kscreen-doctor", "wlopm", "xset")
SWAY = {"WAYLAND_DISPLAY": "wayland-1", "SWAYSOCK": "/run/user/1000/sway-ipc.sock"}


def which_of(*installed: str) -> object:
    return lambda name: f"/usr/bin/{name}" if name in installed else None


@pytest.mark.parametrize(
    ("environ", "installed", "expected"),
    [
        (SWAY, TOOLS, "sway"),
        ({**SWAY, "XDG_CURRENT_DESKTOP": "sway"}, ("gdbus", "wlopm"), "wlr-output-power"),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}, TOOLS, "gdbus"),
        ({"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME"}, ("busctl",), "busctl"),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "KDE"}, TOOLS, "KDE"),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "labwc:wlroots"}, TOOLS, "wlopm"),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ("xset",), None),  # XWayland: no DPMS
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"}, (), None),
        ({"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME"}, TOOLS, "X11 DPMS"),
        ({"DISPLAY": ":0"}, (), None),
        ({}, TOOLS, None),
    ],
)
def test_each_session_gets_its_own_way_or_none(
    environ: dict[str, str], installed: tuple[str, ...], expected: str | None
) -> None:
    way = choose(environ, which_of(*installed))  # type: ignore[arg-type]
    if expected is None:
        assert way is None
    else:
        assert way is not None and expected in way.name


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every tool on PATH as a script that appends `name args` to a file; `FAIL_<name>` (dashes
    as underscores) makes it fail, `swaymsg` fails on `power` as sway 1.7 does."""
    record = tmp_path / "calls"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        fail = "FAIL_" + tool.replace("-", "_")
        older = '[ "$3" = power ] && { echo "Invalid output subcommand: power." >&2; exit 2; }\n'
        (bin_dir / tool).write_text(
            "#!/bin/sh\n"
            + (older if tool == "swaymsg" else "")
            + f'echo "{tool} $*" >> "{record}"\n'
            + f'[ -n "${fail}" ] && {{ echo "{tool}: cannot do it" >&2; exit 1; }}\nexit 0\n'
        )
        (bin_dir / tool).chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    for name in ("WAYLAND_DISPLAY", "SWAYSOCK", "DISPLAY", "XDG_CURRENT_DESKTOP"):
        monkeypatch.delenv(name, raising=False)
    return record


def calls(record: Path) -> list[str]:
    return record.read_text().splitlines() if record.exists() else []


def test_gnome_sets_mutters_power_save_mode_over_dbus(
    fakes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    way = choose(os.environ)
    assert set_power(False, way) and set_power(True, way)
    prefix = (
        "gdbus call --session --dest org.gnome.Mutter.DisplayConfig --object-path "
        "/org/gnome/Mutter/DisplayConfig --method org.freedesktop.DBus.Properties.Set "
        "org.gnome.Mutter.DisplayConfig PowerSaveMode"
    )
    assert calls(fakes) == [f"{prefix} <int32 3>", f"{prefix} <int32 0>"]
    (Path(os.environ["PATH"]) / "gdbus").unlink()  # a GNOME without glib's tool: busctl
    way = choose(os.environ)
    assert set_power(False, way) and set_power(True, way)
    prefix = (
        "busctl --user set-property org.gnome.Mutter.DisplayConfig /org/gnome/Mutter/DisplayConfig"
        " org.gnome.Mutter.DisplayConfig PowerSaveMode i"
    )
    assert calls(fakes)[2:] == [f"{prefix} 3", f"{prefix} 0"]


def test_kde_uses_kscreen_doctor(fakes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    way = choose(os.environ)
    assert set_power(False, way) and set_power(True, way)
    assert calls(fakes) == ["kscreen-doctor --dpms off", "kscreen-doctor --dpms on"]


def test_other_wlroots_compositors_use_wlopm(fakes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "labwc:wlroots")
    way = choose(os.environ)
    assert set_power(False, way) and set_power(True, way)
    assert calls(fakes) == ["wlopm --off *", "wlopm --on *"]


def test_sway_before_1_8_is_asked_with_dpms(fakes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-1")
    monkeypatch.setenv("SWAYSOCK", "/tmp/sway-ipc.sock")
    way = choose(os.environ)
    assert set_power(False, way) and set_power(True, way)
    assert calls(fakes) == ["swaymsg output * dpms off", "swaymsg output * dpms on"]


def test_x11_switches_dpms_on_for_the_night_and_off_again_at_wake(
    fakes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    way = choose(os.environ)
    assert set_power(False, way) and set_power(True, way)
    assert calls(fakes) == ["xset +dpms", "xset dpms force off", "xset dpms force on", "xset -dpms"]


def test_a_failing_tool_is_one_warning_and_never_raises(
    fakes: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    monkeypatch.setenv("FAIL_kscreen_doctor", "1")
    assert set_power(False, choose(os.environ)) is False
    assert "kscreen-doctor --dpms off failed: kscreen-doctor: cannot do it" in caplog.text
    missing = display_power.Command((str(fakes.parent / "no-such-tool"), "--dpms", "on"))
    assert set_power(True, display_power.Way("a tool gone", (), (missing,))) is False
    assert "no-such-tool --dpms on failed: [Errno 2]" in caplog.text
    assert set_power(True, None) is False  # no way at all: nothing to run


def test_the_kiosk_asks_in_a_thread_in_order_and_logs_the_way_once(
    fakes: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    monkeypatch.setattr(display_power, "_chosen", [])
    caplog.set_level(logging.INFO, logger="kiosk.display_power")
    for on in (False, True, False, True):
        screensaver.display_power(on)  # what the running kiosk is given
    deadline = time.monotonic() + 30
    while len(calls(fakes)) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert calls(fakes) == ["kscreen-doctor --dpms off", "kscreen-doctor --dpms on"] * 2
    chosen = [r.getMessage() for r in caplog.records if "switched off" in r.getMessage()]
    assert chosen == [
        "asleep, the display is switched off through KDE Plasma (kscreen-doctor --dpms)"
    ]


def test_a_kiosk_stopped_while_asleep_leaves_the_display_on(
    fakes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`systemctl stop` at night: the stop waits until the display is on again; a kiosk stopped
    while awake runs no command at all."""
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    monkeypatch.setattr(display_power, "_chosen", [])
    monkeypatch.setattr(display_power, "_last", [])
    screensaver.wake_before_exit()  # never asked: nothing to undo
    assert calls(fakes) == []
    screensaver.display_power(False)  # asleep
    screensaver.wake_before_exit()  # returns once the display is on
    assert calls(fakes) == ["kscreen-doctor --dpms off", "kscreen-doctor --dpms on"]
    screensaver.wake_before_exit()  # already on
    assert calls(fakes) == ["kscreen-doctor --dpms off", "kscreen-doctor --dpms on"]


def test_without_a_way_the_log_says_the_screen_shows_black(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "Hyprland")
    monkeypatch.setattr(display_power, "_chosen", [])
    caplog.set_level(logging.INFO, logger="kiosk.display_power")
    assert display_power.chosen_way() is None
    assert "no way to switch this display off is known here" in caplog.text


FAKE_MUTTER = '''\
from gi.repository import Gio, GLib
XML = """<node><interface name="org.gnome.Mutter.DisplayConfig">
<property name="PowerSaveMode" type="i" access="readwrite"/></interface></node>"""
info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
mode = [0]
def get(conn, sender, path, interface, name):
    return GLib.Variant("i", mode[0])
def set(conn, sender, path, interface, name, value):
    mode[0] = value.unpack()
    print("PowerSaveMode", mode[0], flush=True)
    return True
def bus(conn, name):
    conn.register_object("/org/gnome/Mutter/DisplayConfig", info, None, get, set)
Gio.bus_own_name(Gio.BusType.SESSION, "org.gnome.Mutter.DisplayConfig",
                 Gio.BusNameOwnerFlags.NONE, bus, lambda conn, name: print("ready", flush=True))
GLib.MainLoop().run()
'''


def system_python_with_gi() -> str | None:
    python = shutil.which("python3", path="/usr/bin")
    if python is None:
        return None
    done = subprocess.run([python, "-c", "from gi.repository import Gio"], capture_output=True)
    return python if done.returncode == 0 else None


def test_gnome_command_lines_set_the_property_on_a_real_session_bus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in for Mutter's DisplayConfig on a private D-Bus session bus, which checks the
    value's type as Mutter's does: the real gdbus and busctl, with the kiosk's arguments."""
    python = system_python_with_gi()
    tools = [shutil.which(tool) for tool in ("dbus-daemon", "gdbus", "busctl")]
    if python is None or None in tools:
        pytest.skip("needs dbus-daemon, gdbus, busctl and python3-gi")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert daemon.stdout is not None
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", daemon.stdout.readline().strip())
    (tmp_path / "mutter.py").write_text(FAKE_MUTTER)
    mutter = subprocess.Popen(
        [python, str(tmp_path / "mutter.py")],
        stdout=subprocess.PIPE,
        text=True,  # type: ignore[list-item]
    )
    assert mutter.stdout is not None
    try:
        assert mutter.stdout.readline().strip() == "ready"
        environ = {"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"}
        for tool in ("gdbus", "busctl"):
            way = choose(
                environ, lambda name, tool=tool: shutil.which(name) if name == tool else None
            )
            assert way is not None and tool in way.name
            assert set_power(False, way)
            assert mutter.stdout.readline().split() == ["PowerSaveMode", "3"]
            assert set_power(True, way)
            assert mutter.stdout.readline().split() == ["PowerSaveMode", "0"]
    finally:
        mutter.kill()
        mutter.wait()
        daemon.kill()
        daemon.wait()
