"""`spa-kiosk run` as a process: live content changes, one instance, logs and usage on disk."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import kioskproc
import pytest
from contentkit import MakeContent
from kioskkit import write_test_content
from kioskproc import (
    CONTROL_UP,
    Kiosk,
    kiosk_command,
    kiosk_env,
    private_env,
    running,
    status,
    wait_until,
)

pytestmark = pytest.mark.ui


def start_and_stop(tmp_path: Path, folder: Path, until: str | None = None) -> tuple[str, str]:
    """A start that is stopped (SIGTERM) once it is up, or once `until` is in its log: its
    output and log; it must have ended well (exit 0)."""
    code, output, log = kioskproc.start_and_stop(
        kiosk_command(folder), kiosk_env(tmp_path), until=until
    )
    assert code == 0, output
    return output, log


def test_live_edits_bad_then_good_while_running(tmp_path: Path) -> None:
    folder = write_test_content(tmp_path / "spa")
    with running(kiosk_command(folder), kiosk_env(tmp_path)) as kiosk:
        # Once the first frame is up the start's own check is over: the typo is the change.
        kiosk.wait_ready()
        slides = folder / "slides.yaml"
        slides.write_text("slides:\n  - id: x\n    titel: Typo\n")  # a staff typo
        log = kiosk.wait_log("unknown field 'titel'")
        typo = "slides.yaml:3:5: error: slides[0]: unknown field 'titel' (did you mean 'title'?)"
        assert typo in log
        assert "keeps showing the last good content" in log
        slides.write_text("slides:\n  - id: x\n    title: Fixed\n")
        kiosk.wait_log("new content checked")
        # Both checks ran in a helper process: the kiosk itself never loaded the content reader.
        maps = Path(f"/proc/{kiosk.pid}/maps")
        if maps.exists():
            assert "pydantic_core" not in maps.read_text()
        with running(kiosk_command(folder), kiosk_env(tmp_path)) as second:
            output = second.wait(30)
        assert second.returncode == 3
        assert "already running" in output
        output = kiosk.stop()
    assert kiosk.returncode == 0, output
    db = sqlite3.connect(tmp_path / "data" / "usage.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    shown = dict(db.execute("SELECT slide, shown FROM slides").fetchall())
    assert shown.get("first", 0) >= 1


def test_first_start_with_broken_content_shows_the_default_and_says_so(tmp_path: Path) -> None:
    folder = write_test_content(tmp_path / "spa")
    (folder / "packages.yaml").write_text("packages:\n  - id: x\n    minutes: sixty\n")
    output, _ = start_and_stop(tmp_path, folder)
    assert "packages[0].minutes: expected a whole number of minutes, got \"sixty\"" in output
    assert "showing the default content" in output


def test_a_start_uses_the_checked_copy_of_unchanged_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_content: MakeContent
) -> None:
    from kiosk.ui import run

    monkeypatch.setenv("SPA_KIOSK_DATA_DIR", str(tmp_path / "data"))
    folder = make_content()
    first = run.last_good_copy(folder)
    assert not first.showing_default

    reads: list[Path] = []
    real_read = run.read_content
    monkeypatch.setattr(run, "read_content", lambda f: reads.append(f) or real_read(f))
    second = run.last_good_copy(folder)
    assert second.content == first.content and not second.showing_default
    assert reads == []  # nothing changed: the files were not read again

    # Changed since: the copy is still the last good content; the start shows it and leaves
    # the change to the watcher (seen is None), which reads the folder at its first look.
    packages = folder / "packages.yaml"
    packages.write_text(packages.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(packages, (later, later))
    third = run.last_good_copy(folder)
    assert third.content == first.content and not third.showing_default
    assert third.seen is None and reads == []

    # No copy at all (a first start, or one written by another version): the folder is read.
    (tmp_path / "data" / "content-snapshot.pickle").unlink()
    fourth = run.last_good_copy(folder)
    assert reads == [folder] and fourth.seen is not None and not fourth.showing_default


def test_content_broken_while_the_kiosk_was_off_leaves_the_last_good_content_on_screen(
    tmp_path: Path,
) -> None:
    """The kiosk keeps showing the last good content across a restart too: staff who broke a
    file while it was off see their own slides (not the built-in ones), and the error is logged
    as for any live edit; once fixed, the new content comes in without another restart."""
    folder = write_test_content(tmp_path / "spa")
    start_and_stop(tmp_path, folder)
    slides = folder / "slides.yaml"
    good = slides.read_text()
    slides.write_text("slides:\n  - id: x\n    titel: Typo\n")
    with running(kiosk_command(folder), kiosk_env(tmp_path)) as kiosk:
        log = kiosk.wait_log("unknown field 'titel'")
        assert "showing the last good content until the change is checked" in log
        assert "keeps showing the last good content" in log
        assert "showing the default content" not in log
        slides.write_text(good.replace("Warmth that flows", "Warmth that flows on"))
        kiosk.wait_log("new content checked")
        output = kiosk.stop()
    assert kiosk.returncode == 0, output
    # Both starts showed the spa's own first slide (the built-in content has no slide 'first').
    db = sqlite3.connect(tmp_path / "data" / "usage.sqlite3")
    assert dict(db.execute("SELECT slide, shown FROM slides").fetchall()).get("first", 0) >= 2


def test_first_frame_actions_run_once_and_leave_the_frames_alone(qapp: object) -> None:
    """Hiding the cursor and telling systemd "ready" happen at the first frame only; with a
    threaded render loop a second frame can already be announced when the first one runs."""
    from PySide6.QtCore import QObject, Signal

    from kiosk.ui.app import on_first_frame

    class Window(QObject):
        frameSwapped = Signal()

    window = Window()
    calls: list[str] = []
    on_first_frame(window, lambda: calls.append("shown"))  # type: ignore[arg-type]
    window.frameSwapped.emit()
    window.frameSwapped.emit()
    assert calls == ["shown"]
    assert window.receivers("2frameSwapped()") == 0  # no Python call in every later frame


def test_the_kiosk_leaves_out_the_qt_bindings_it_does_not_use(tmp_path: Path) -> None:
    """Python's Qt Quick binding (with the OpenGL one it pulls in) would cost every kiosk
    ~7 MiB; the kiosk runs, suggestion QR code included, without it. (Qt Widgets is loaded:
    qasync imports it, see docs/architecture.md.)"""
    folder = write_test_content(tmp_path / "spa")
    script = (
        "import sys\n"
        "from kiosk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "from kiosk.ui.qr import qr_data_url\n"
        "assert qr_data_url('https://example.com/book').startswith('data:image/png;base64,')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6.Qt'))\n"
        "import os\n"
        "maps = open('/proc/self/maps').read() if os.path.exists('/proc/self/maps') else ''\n"
        "loaded += ['libQt6Widgets'] if 'libQt6Widgets' in maps else []\n"
        "print('LOADED', ' '.join(loaded), code)\n"
    )
    _, output, _ = kioskproc.start_and_stop(
        [sys.executable, "-c", script, *kiosk_command(folder)[3:]], kiosk_env(tmp_path),
        until=CONTROL_UP,  # the loop runs: live reload, the control socket
    )
    line = next((x for x in output.splitlines() if x.startswith("LOADED")), output)
    loaded = line.split()
    assert loaded[-1] == "0", line
    assert "PySide6.QtQml" in loaded  # it did run
    assert "PySide6.QtQuick" not in loaded


def test_the_kiosk_never_loads_the_content_reader(tmp_path: Path) -> None:
    """Neither a first start (the folder checked by a helper process) nor a start from the
    checked copy loads the content reader (pydantic, ~18 MiB for good) into the kiosk."""
    folder = write_test_content(tmp_path / "spa")
    script = (
        "import sys\n"
        "from kiosk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('READER', code, 'pydantic' in sys.modules)\n"
    )
    lines = []
    for _ in range(2):
        _, output, _ = kioskproc.start_and_stop(
            [sys.executable, "-c", script, *kiosk_command(folder)[3:]], kiosk_env(tmp_path),
            until=CONTROL_UP,
        )
        lines.append(next((x for x in output.splitlines() if x.startswith("READER")), output))
    assert lines == ["READER 0 False", "READER 0 False"], lines
    log = (tmp_path / "logs" / "spa-kiosk.log").read_text()
    assert log.count("using the checked copy") == 1  # the second start


def test_the_attract_loop_runs_in_a_start_from_the_checked_copy(tmp_path: Path) -> None:
    """The first slide's timer is set before the asyncio loop exists (Qt timers): the loop goes
    on through every slide, in the start that reads the folder and in the one from its copy."""
    slides = (
        "slides:\n"
        "  - {id: one, title: First, seconds: 0.5}\n"
        "  - {id: two, title: Second, seconds: 0.5}\n"
    )
    folder = write_test_content(tmp_path / "spa", slides=slides)
    env = kiosk_env(tmp_path)
    usage = tmp_path / "data" / "usage.sqlite3"

    def shown() -> dict[str, int]:
        """The slides shown, from the usage file of a kiosk that has stopped."""
        with contextlib.closing(sqlite3.connect(usage)) as db:
            return dict(db.execute("SELECT slide, shown FROM slides").fetchall())

    before = 0
    for _ in range(2):
        with running(kiosk_command(folder), env) as kiosk:
            kiosk.wait_log(CONTROL_UP)
            # Two turns of both slides in each start (today's count goes on from the last).
            wait_until(
                lambda b=before: status(env)["today"]["slides_shown"] >= b + 4, 30,
                "the slides turn",
            )
            output = kiosk.stop()
        assert kiosk.returncode == 0, output
        before = sum(shown().values())
    log = (tmp_path / "logs" / "spa-kiosk.log").read_text()
    assert log.count("using the checked copy") == 1  # the second start
    counts = shown()
    assert counts.get("one", 0) >= 4 and counts.get("two", 0) >= 4, counts  # 2 starts x 2 turns


def _running(tmp_path: Path, folder: Path, display: str | None = None) -> Kiosk:
    """`spa-kiosk run` with no time limit, its temporary files in tmp_path/tmp: windowed and
    offscreen, or full screen on the X server `display` (close it when done)."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = kiosk_env(tmp_path, TMPDIR=str(tmp_path / "tmp"))
    if display is not None:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return Kiosk(kiosk_command(folder, windowed=display is None), env)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_during_a_content_check_stops_the_kiosk_cleanly(
    tmp_path: Path, stop: signal.Signals
) -> None:
    """systemd stops the kiosk with SIGTERM (Ctrl+C is SIGINT): a line in the log, exit 0, the
    usage file closed, and no `spa-kiosk-check-*` folder of a check under way left behind."""
    folder = write_test_content(tmp_path / "spa")
    kiosk = _running(tmp_path, folder)
    try:
        kiosk.wait_ready()
        slides = folder / "slides.yaml"
        slides.write_text(slides.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while not list((tmp_path / "tmp").glob("spa-kiosk-check-*")):
            assert time.monotonic() < deadline, "no content check started"
            time.sleep(0.01)
        output = kiosk.stop(stop)
    finally:
        kiosk.close()
    assert kiosk.returncode == 0, output
    assert f"stopped by {stop.name}" in kiosk.log()
    assert list((tmp_path / "tmp").glob("spa-kiosk-check-*")) == []
    assert not (tmp_path / "data" / "usage.sqlite3-wal").exists()  # closed, not cut off
    db = sqlite3.connect(tmp_path / "data" / "usage.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _screen_saver_timeout(display: str) -> str:
    shown = subprocess.run(
        ["xset", "-display", display, "q"], capture_output=True, text=True, timeout=10,
        check=True,
    ).stdout
    return next(line for line in shown.splitlines() if "timeout:" in line).split()[1]


@pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xset")), reason="needs Xvfb and xset"
)
def test_sigterm_turns_screen_blanking_back_on(tmp_path: Path) -> None:
    """Full screen under a real X server the kiosk switches blanking off (xset); stopped by
    systemd, it must turn it back on."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x720x24"],
        pass_fds=(write,), stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as said:
            display = ":" + said.readline().strip()
        before = _screen_saver_timeout(display)
        assert before != "0"
        folder = write_test_content(tmp_path / "spa")
        kiosk = _running(tmp_path, folder, display)
        try:
            kiosk.wait_log("screen blanking and power saving turned off")
            assert _screen_saver_timeout(display) == "0"
            output = kiosk.stop(signal.SIGTERM)
        finally:
            kiosk.close()
        assert kiosk.returncode == 0, output
        assert _screen_saver_timeout(display) == before
    finally:
        server.terminate()
        server.wait(10)


def test_each_content_problem_is_logged_once_at_start(tmp_path: Path) -> None:
    """A warning in the content: one line for it in the log of a start, not one from the read
    and another from the staff panel's status."""
    from kioskkit import QUESTIONNAIRE_YAML

    questionnaire = QUESTIONNAIRE_YAML.replace("    max: 2\n", "    max: 5\n", 1)
    folder = write_test_content(tmp_path / "spa", questionnaire=questionnaire)
    _, log = start_and_stop(tmp_path, folder, until=CONTROL_UP)
    assert log.count("max is 5 but the question has only 3 options") == 1, log


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb")
def test_qts_caches_go_into_the_kiosks_cache_folder(tmp_path: Path) -> None:
    """Qt keeps compiled QML (qmlcache) and, drawing with the GPU's API, its graphics pipelines
    (qtpipelinecache) in the application's cache folder, ~/.cache/Spa Kiosk: with
    SPA_KIOSK_CACHE_DIR set, both go there instead, and nothing into the home folder."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x720x24"],
        pass_fds=(write,), stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as said:
            display = ":" + said.readline().strip()
        folder = write_test_content(tmp_path / "spa")
        env = private_env(tmp_path)  # the cache in tmp_path/cache, not the test run's
        home = tmp_path / "home"
        home.mkdir()
        env.update(HOME=str(home), DISPLAY=display, QT_QPA_PLATFORM="xcb")
        for name in ("XDG_CACHE_HOME", "QT_QUICK_BACKEND", "QML_DISK_CACHE_PATH"):
            env.pop(name, None)
        # OpenGL (on llvmpipe here) rather than the software renderer the kiosk would choose:
        # only Qt's graphics API path builds pipelines.
        code, output, _ = kioskproc.start_and_stop(
            kiosk_command(folder, "--renderer", "gpu"), env, until=CONTROL_UP
        )
        assert code == 0, output
    finally:
        server.terminate()
        server.wait(10)
    assert not (home / ".cache" / "Spa Kiosk").exists(), sorted(home.rglob("*"))
    cache = tmp_path / "cache"
    assert list((cache / "qmlcache").glob("*.qmlc")), sorted(cache.rglob("*"))
    assert list((cache / "qtpipelinecache").glob("*.bin")), sorted(cache.rglob("*"))
