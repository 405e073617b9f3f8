"""The systemd user unit, the sd_notify messages, and keeping the screen on."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ops import screensaver, watchdog
from kiosk.ops.service import unit_text

unix_only = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs AF_UNIX sockets")


def test_unit_restarts_and_watches_the_kiosk() -> None:
    text = unit_text(Path("/srv/spa content/content"))
    lines = text.splitlines()
    for line in (
        "[Service]", "Type=notify", "NotifyAccess=main", "Restart=always", "RestartSec=2",
        "WatchdogSec=30", "NoNewPrivileges=yes", "UMask=0077",
        'Environment="SPA_KIOSK_CONTENT=/srv/spa content/content"',
        "After=graphical-session.target", "WantedBy=graphical-session.target",
        "StartLimitIntervalSec=0",
    ):
        assert line in lines, line
    assert f"ExecStart={sys.executable} -m kiosk run" in lines
    # The display comes from the graphical session (X11 or Wayland), never written in the unit.
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QT_QUICK_BACKEND"):
        assert not any(line.startswith(f"Environment={name}=") for line in lines), name


def test_unit_words_are_escaped_for_systemd() -> None:
    text = unit_text(Path("/srv/100%"), command=["/opt/my kiosk/spa-kiosk", "run", "$HOME"])
    assert 'ExecStart="/opt/my kiosk/spa-kiosk" run "$$HOME"' in text
    assert 'Environment="SPA_KIOSK_CONTENT=/srv/100%%"' in text
    with pytest.raises(ValueError, match="line break"):
        unit_text(Path("/srv/a\nExecStartPre=/bin/rm"))


def test_frozen_build_starts_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/spa-kiosk/spa-kiosk")
    assert "ExecStart=/opt/spa-kiosk/spa-kiosk run\n" in unit_text()


def test_install_service_prints_or_writes(
    ops_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(ops_dirs / "config"))
    monkeypatch.delenv("SPA_KIOSK_CONTENT", raising=False)
    assert main(["install-service"]) == 0
    printed = capsys.readouterr().out
    assert "Restart=always" in printed and "SPA_KIOSK_CONTENT" not in printed
    assert f"Environment=SPA_KIOSK_DATA_DIR={ops_dirs / 'data'}" in printed  # passed on
    assert not (ops_dirs / "config").exists()

    content = ops_dirs / "content"
    content.mkdir()
    (content / "kiosk.yaml").write_text("spa_name: x\n")
    assert main(["install-service", "--write", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    unit = ops_dirs / "config" / "systemd" / "user" / "spa-kiosk.service"
    assert f"wrote {unit}" in out
    assert "systemctl --user daemon-reload && systemctl --user enable --now spa-kiosk" in out
    assert f"Environment=SPA_KIOSK_CONTENT={content}" in unit.read_text()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    unit = tmp_path / "spa-kiosk.service"
    unit.write_text(unit_text(Path("/srv/spa/content")))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60,
        check=False,
    )
    if "Failed to initialize manager" in done.stderr or "Failed to setup" in done.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    assert "spa-kiosk.service" not in done.stderr, done.stderr


@pytest.fixture
def notify_socket() -> Iterator[tuple[socket.socket, str]]:
    folder = tempfile.mkdtemp(prefix="sk", dir="/tmp" if os.path.isdir("/tmp") else None)
    path = os.path.join(folder, "notify")  # short: AF_UNIX paths are limited to ~100 bytes
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(5)
    yield server, path
    server.close()
    shutil.rmtree(folder)


@unix_only
def test_notify_sends_ready_and_watchdog_pings(
    notify_socket: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, path = notify_socket
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    assert watchdog.ready("showing the welcome slide")
    assert server.recv(4096) == b"READY=1\nSTATUS=showing the welcome slide"
    assert watchdog.watchdog_ping()
    assert server.recv(4096) == b"WATCHDOG=1"


@unix_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux's")
def test_notify_reaches_an_abstract_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"spa-kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + name)
        server.settimeout(5)
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert watchdog.notify("STOPPING=1")
        assert server.recv(4096) == b"STOPPING=1"


def test_outside_systemd_notify_is_a_quiet_no(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert watchdog.ready() is False
    assert watchdog.watchdog_ping() is False
    monkeypatch.setenv("NOTIFY_SOCKET", "/nonexistent/socket")
    assert watchdog.notify("WATCHDOG=1") is False


def test_watchdog_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    assert watchdog.watchdog_interval() is None
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert watchdog.watchdog_interval() == 15.0
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert watchdog.watchdog_interval() == 15.0
    monkeypatch.setenv("WATCHDOG_PID", "1")  # meant for another process
    assert watchdog.watchdog_interval() is None


@pytest.fixture
def fake_xset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `xset` on PATH that writes down how it was called."""
    record = tmp_path / "xset-calls"
    xset = tmp_path / "bin" / "xset"
    xset.parent.mkdir()
    xset.write_text(f'#!/bin/sh\necho "$*" >> "{record}"\nexit "${{XSET_EXIT:-0}}"\n')
    xset.chmod(0o755)
    monkeypatch.setenv("PATH", f"{xset.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":0")
    return record


@pytest.mark.skipif(sys.platform == "win32", reason="xset is for X11")
def test_screensaver_is_inhibited_with_xset_and_undone(fake_xset: Path) -> None:
    undo = screensaver.inhibit()
    assert fake_xset.read_text().splitlines() == ["s off -dpms", "s noblank"]
    undo()
    assert fake_xset.read_text().splitlines()[2:] == ["s on +dpms", "s blank"]


@pytest.mark.skipif(sys.platform == "win32", reason="xset is for X11")
def test_screensaver_never_raises(
    fake_xset: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("XSET_EXIT", "1")
    screensaver.inhibit()()
    assert "xset s off -dpms failed" in caplog.text
    monkeypatch.delenv("DISPLAY")
    screensaver.inhibit()()  # no X display: nothing to do
