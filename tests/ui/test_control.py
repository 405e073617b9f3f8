"""`spa-kiosk status` and `spa-kiosk screenshot` against the kiosk: in this process for what a
guest does (a screenshot is refused mid-journey), and as the real `spa-kiosk run` for the
socket, other users, the metrics file and a kiosk that has stopped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import Guest, load_test_content, write_test_content
from kioskproc import CONTROL_UP, kiosk_command, kiosk_env, running
from otheruser import need_another_user, run_as_nobody, shared_folder
from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtGui import QImage

from kiosk.ops import control
from kiosk.ops.content_status import ContentStatus
from kiosk.ops.control import ControlError
from kiosk.ops.usage import UsageLog
from kiosk.ui.control_server import ControlServer

pytestmark = pytest.mark.ui
REPO = Path(__file__).resolve().parents[2]
KEYS = ("version", "uptime_s", "content_folder", "content_loaded_at", "problems", "renderer",
        "rss_mib", "last_touch_s", "open")


# ---- in this process: what a guest does ------------------------------------------------------


@pytest.fixture
def served(
    start_kiosk: Callable[..., Guest], content_folder: Path, tmp_path: Path
) -> Iterator[tuple[Guest, ControlServer]]:
    usage = UsageLog(tmp_path / "usage.sqlite3")
    guest = start_kiosk(load_test_content(content_folder), size=(800, 600), usage=usage)
    status = ContentStatus(content_folder)
    status.loaded_at = time.time()
    server = ControlServer(guest.kiosk, status, usage, path=tmp_path / "run" / "control.sock")
    assert server.start()
    yield guest, server
    server.close()
    usage.close()


def ask_in_thread(qtbot: Any, command: str, path: Path) -> control.Answer:
    """The client blocks, so it runs in a thread while Qt's loop serves it here."""
    done: list[control.Answer | ControlError] = []

    def client() -> None:
        try:
            done.append(control.ask(command, path, timeout=10))
        except ControlError as exc:
            done.append(exc)

    thread = threading.Thread(target=client)
    thread.start()
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    thread.join()
    if isinstance(done[0], ControlError):
        raise done[0]
    return done[0]


def test_no_screenshot_while_a_guest_is_using_the_kiosk(
    qtbot: Any, served: tuple[Guest, ControlServer]
) -> None:
    guest, server = served
    first = ask_in_thread(qtbot, "status", server.path).header["status"]
    assert first["last_touch_s"] is None and first["guest_using"] is False
    picture = QImage.fromData(ask_in_thread(qtbot, "screenshot", server.path).payload)
    assert (picture.width(), picture.height()) == (800, 600)

    guest.tap("tapToBegin")
    guest.wait_screen("question")
    with pytest.raises(ControlError, match="a guest is using the kiosk") as refused:
        ask_in_thread(qtbot, "screenshot", server.path)
    assert refused.value.exit_status == control.EXIT_ERROR
    during = ask_in_thread(qtbot, "status", server.path).header["status"]
    assert during["guest_using"] is True
    assert 0 <= during["last_touch_s"] < 10

    guest.controller.leave("start_over")  # the journey is over: the screen is the slides again
    guest.wait_screen("attract")
    assert ask_in_thread(qtbot, "screenshot", server.path).payload[:4] == b"\x89PNG"


def test_the_metrics_file_follows_the_day(
    qtbot: Any, start_kiosk: Callable[..., Guest], content_folder: Path, tmp_path: Path
) -> None:
    usage = UsageLog(tmp_path / "usage.sqlite3")
    guest = start_kiosk(load_test_content(content_folder), size=(800, 600), usage=usage)
    status = ContentStatus(content_folder)
    metrics_file = tmp_path / "spa_kiosk.prom"
    server = ControlServer(guest.kiosk, status, usage, metrics=metrics_file,
                           path=tmp_path / "run" / "control.sock", metrics_seconds=0.2)
    try:
        assert server.start()
        assert metric(metrics_file, "spa_kiosk_journeys_started_today") == 0
        guest.tap("tapToBegin")
        guest.wait_screen("question")
        guest.controller.leave("start_over")
        assert usage.flush()
        qtbot.waitUntil(
            lambda: metric(metrics_file, "spa_kiosk_journeys_started_today") == 1, timeout=5000
        )
        assert metric(metrics_file, "spa_kiosk_last_touch_seconds") < 10
    finally:
        server.close()
        usage.close()
    assert metric(metrics_file, "spa_kiosk_up") == 0


def test_a_request_too_long_or_too_slow_is_closed(
    qtbot: Any, served: tuple[Guest, ControlServer]
) -> None:
    import socket

    _, server = served
    results: list[bytes] = []

    def send(data: bytes) -> None:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(10)
        client.connect(str(server.path))
        client.sendall(data)
        results.append(client.makefile("rb").read())
        client.close()

    for data in (b"x" * 5000, b'{"command": "sta'):  # too long; no end of line, ever
        thread = threading.Thread(target=send, args=(data,))
        thread.start()
        qtbot.waitUntil(lambda: len(results) == 1, timeout=10000)
        thread.join()
        header = control.parse_header(results.pop().split(b"\n")[0])
        assert header["ok"] is False and header["code"] == control.BAD_REQUEST
        assert "status" not in header


# ---- the real kiosk -----------------------------------------------------------------------


def control_env(tmp_path: Path, runtime: Path) -> dict[str, str]:
    """A kiosk's environment with its runtime folder (the socket's) in `runtime`/spa-kiosk."""
    return kiosk_env(
        tmp_path, XDG_RUNTIME_DIR=str(runtime), SPA_KIOSK_RUNTIME_DIR=str(runtime / "spa-kiosk")
    )


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=60, check=False)


def metric(path: Path, name: str) -> float:
    for family in text_string_to_metric_families(path.read_text()):
        for sample in family.samples:
            if sample.name == name:
                return float(sample.value)
    raise AssertionError(f"{name} not in {path}")


def test_status_screenshot_metrics_and_a_stopped_kiosk(tmp_path: Path) -> None:
    folder = write_test_content(tmp_path / "spa")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = control_env(tmp_path, runtime)
    metrics_file = tmp_path / "textfile" / "spa_kiosk.prom"
    metrics_file.parent.mkdir()
    with running(kiosk_command(folder, "--metrics", str(metrics_file)), env, REPO) as kiosk:
        kiosk.wait_log(CONTROL_UP)
        socket_file = runtime / "spa-kiosk" / "control.sock"
        assert socket_file.stat().st_mode & 0o777 == 0o600
        assert socket_file.parent.stat().st_mode & 0o777 == 0o700

        done = cli(env, "status", "--json")
        assert done.returncode == 0, done.stderr
        status = json.loads(done.stdout)
        assert all(key in status for key in KEYS)
        assert status["pid"] == kiosk.pid
        assert status["content_folder"] == str(folder)
        assert status["problems"] == [] and status["open"] is True
        assert status["renderer"] == "software"  # QT_QUICK_BACKEND=software, set by hand
        assert "QT_QUICK_BACKEND" in status["renderer_reason"]
        assert status["rss_mib"] > 20 and 0 < status["uptime_s"] < 60
        assert status["content_loaded_at"].startswith(time.strftime("%Y-"))
        text = cli(env, "status")
        assert text.returncode == 0 and f"(pid {kiosk.pid})" in text.stdout

        shot = tmp_path / "shot.png"
        done = cli(env, "screenshot", str(shot))
        assert done.returncode == 0, done.stderr
        picture = QImage(str(shot))
        assert (picture.width(), picture.height()) == (1280, 720)
        assert len({picture.pixel(x, 360) for x in range(0, 1280, 40)}) > 1  # not blank

        assert metric(metrics_file, "spa_kiosk_up") == 1
        assert metric(metrics_file, "spa_kiosk_content_problems") == 0
        assert metrics_file.stat().st_mode & 0o777 == 0o644
        output = kiosk.stop()
    assert kiosk.returncode == 0, output
    assert metric(metrics_file, "spa_kiosk_up") == 0  # a clean stop says so
    assert not (runtime / "spa-kiosk" / "control.sock").exists()
    done = cli(env, "status")
    assert done.returncode == 3 and "no kiosk is running" in done.stderr


def test_another_user_is_refused_by_the_folder_and_by_the_kiosk(tmp_path: Path) -> None:
    need_another_user()
    shared = shared_folder()  # nobody must be able to reach the kiosk's runtime folder
    try:
        folder = write_test_content(tmp_path / "spa")
        env = control_env(tmp_path, shared)
        with running(kiosk_command(folder), env, REPO) as kiosk:
            kiosk.wait_log(CONTROL_UP)
            runtime = shared / "spa-kiosk"
            # As set up: the 0700 folder stops another user before the socket.
            done = run_as_nobody(["status", "--json"], env)
            assert done.returncode == 4, done.stderr
            assert "refused" in done.stderr and done.stdout == ""
            # With the folder and the socket opened up by mistake, the kiosk itself refuses
            # (SO_PEERCRED), and says nothing about itself.
            runtime.chmod(0o755)
            (runtime / "control.sock").chmod(0o666)
            for command in (["status", "--json"], ["screenshot", "/tmp/never.png"]):
                done = run_as_nobody(command, env)
                assert done.returncode == 4, done.stderr
                assert "only the kiosk's own user" in done.stderr
                assert done.stdout == "" and str(folder) not in done.stderr
            assert not Path("/tmp/never.png").exists()
            assert "refused a connection from uid 65534" in kiosk.wait_log("uid 65534")
            assert cli(env, "status").returncode == 0  # the kiosk's own user still may
            output = kiosk.stop()
        assert kiosk.returncode == 0, output
    finally:
        shutil.rmtree(shared)
