"""The control protocol and client without a kiosk: requests, answers, who is at the other end,
and what `spa-kiosk status` says when no kiosk runs (exit 3)."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ops import control
from kiosk.ops.control import ControlError, ProtocolError


def test_requests() -> None:
    for command in control.COMMANDS:
        assert control.parse_request(control.encode_request(command)) == command
    for bad in (b"status\n", b'{"command": "shutdown"}', b"[1]", b"\xff\xfe",
                b'{"command": "status", "pad": "' + b"x" * 2000 + b'"}'):
        with pytest.raises(ProtocolError):
            control.parse_request(bad)


def test_answers_with_and_without_a_picture() -> None:
    line, _, rest = control.encode_answer({"ok": True, "status": {"a": 1}}).partition(b"\n")
    assert control.parse_header(line) == {"ok": True, "status": {"a": 1}} and rest == b""
    line, _, rest = control.encode_answer({"ok": True}, b"\x89PNG...").partition(b"\n")
    assert control.parse_header(line) == {"ok": True, "png_bytes": 7} and rest == b"\x89PNG..."
    line = control.error_answer(control.BUSY, control.GUEST_BUSY).rstrip(b"\n")
    assert control.parse_header(line)["code"] == "busy"
    with pytest.raises(ProtocolError):
        control.parse_header(b'{"status": 1}')


def test_peer_uid_is_the_connecting_user() -> None:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with ours, theirs:
        assert control.peer_uid(ours.fileno()) == os.getuid()
        ours.sendall(b"still open")  # only a duplicate was closed
        assert theirs.recv(16) == b"still open"


def test_no_kiosk_running_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert not control.socket_path().exists()
    assert main(["status"]) == 3
    assert "no kiosk is running" in capsys.readouterr().err
    assert main(["screenshot", "x.png"]) == 3
    assert not Path("x.png").exists()


def test_a_socket_left_by_a_stopped_kiosk_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    path = control.socket_path()
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(path))
    left.close()  # the file stays; nobody listens
    assert path.exists()
    with pytest.raises(ControlError) as raised:
        control.ask("status")
    assert raised.value.exit_status == 3
    assert main(["status", "--json"]) == 3
    assert capsys.readouterr().out == ""


def test_status_as_text() -> None:
    text = control.format_status({
        "version": "1.2", "pid": 42, "uptime_s": 3 * 3600 + 125, "content_folder": "/srv/c",
        "content_loaded_at": "2026-12-01T09:00:00+01:00", "showing_default": False,
        "problems": ["slides.yaml:3:5: error: slides[0]: unknown field 'titel'"],
        "renderer": "software", "rss_mib": 88.5, "frames": 1200, "last_touch_s": 65.0,
        "guest_using": False, "today": {"journeys_started": 4, "journeys_finished": 3,
                                        "consult": 1, "abandoned": 1, "slides_shown": 90},
        "open": True, "open_note": "The screen sleeps at 21:00",
    })
    assert "Spa Kiosk 1.2 (pid 42), up 3 h 2 min" in text
    assert "last touch 1 min 5 s ago" in text
    assert '4 journeys started, 3 finished (1 "talk to us"), 1 abandoned' in text
    assert "problems:    1\n  slides.yaml:3:5: error:" in text
    assert "88.5 MiB" in text and "software" in text and "1200 drawn" in text


def test_status_json_goes_through_as_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status = {"version": "1", "problems": []}
    monkeypatch.setattr(control, "ask", lambda command: control.Answer({"ok": True,
                                                                        "status": status}))
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == status


def test_process_facts() -> None:
    if not Path("/proc/self/statm").exists():
        pytest.skip("Linux only")
    uptime = control.process_uptime()
    assert uptime is not None and 0 <= uptime < 3600
    rss = control.rss_mib()
    assert rss is not None and 5 < rss < 4096
