"""Run `spa-kiosk run` as a process the way a kiosk PC does, and know when it is up.

The kiosk tells systemd `READY=1` on its notify socket once its first frame is on screen (it runs
as a `Type=notify` service). A test listens on a socket of its own in that place instead of
waiting a fixed time, waits for the lines the kiosk writes in its log for what comes later
(`CONTROL_UP`: the control socket and the asyncio loop; "new content checked": a live change
taken in), and stops it as systemd does, with SIGTERM, rather than with `--exit-after`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

CONTROL_UP = "answering spa-kiosk status"
"""The log line of a kiosk whose loop runs: live reload, the control socket, the metrics."""


def private_env(root: Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The caller's environment for a kiosk process, offscreen, with its data, logs, lock and
    cache in `root`, and none of the variables that would make it use the source tree or the
    caller's content."""
    env = {
        key: value
        for key, value in (os.environ if base is None else base).items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "NOTIFY_SOCKET", "WATCHDOG_USEC"}
        and not key.startswith("SPA_KIOSK_")
    }
    run = root / "run"
    run.mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(
        QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
        SPA_KIOSK_DATA_DIR=str(root / "data"), SPA_KIOSK_LOG_DIR=str(root / "logs"),
        SPA_KIOSK_CACHE_DIR=str(root / "cache"), SPA_KIOSK_RUNTIME_DIR=str(run),
        XDG_RUNTIME_DIR=str(run),
    )
    return env


def kiosk_env(root: Path, settle: float | None = 0.5, **extra: str) -> dict[str, str]:
    """`private_env` for a kiosk of the source tree (run with this Python), that keeps the test
    run's compiled-QML cache (a start compiles nothing the run compiled already) and takes a
    live edit in once the folder has been quiet `settle` seconds (None: the kiosk's own 12 s;
    these tests edit by hand, each change in one go). `extra` is set on top."""
    env = private_env(root)
    if cache := os.environ.get("SPA_KIOSK_CACHE_DIR"):
        env["SPA_KIOSK_CACHE_DIR"] = cache
    if settle is not None:
        env["SPA_KIOSK_SETTLE_SECONDS"] = str(settle)
    env.update(extra)
    return env


@contextmanager
def notify_socket() -> Iterator[tuple[str, socket.socket]]:
    """A datagram socket where systemd's would be: ($NOTIFY_SOCKET value, socket). Abstract
    (Linux): no path to clean up and no limit on the length of the test's folder name."""
    name = f"spa-kiosk-test-{os.getpid()}-{secrets.token_hex(6)}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        yield "@" + name, sock


def wait_until_ready(
    sock: socket.socket, process: subprocess.Popen[str], timeout: float = 60
) -> str:
    """The kiosk's READY=1 message (with its STATUS=), once it comes; fails as soon as the
    process ends without it, or after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sock.settimeout(0.2)
        try:
            message = sock.recv(4096).decode("utf-8")
        except TimeoutError:
            if process.poll() is not None:
                raise AssertionError(
                    f"the kiosk ended ({process.returncode}) before it said READY=1"
                ) from None
            continue
        if "READY=1" in message.splitlines():
            return message
    raise AssertionError(f"the kiosk did not say READY=1 within {timeout} s")


def wait_until(test: Callable[[], object], timeout: float, what: str) -> None:
    """Until `test()` is true, looked at every 50 ms; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.05)


class Kiosk:
    """One `spa-kiosk run` process: its notify socket, its output (stdout and stderr, in a
    file) and its log file."""

    def __init__(
        self, command: Sequence[str], env: Mapping[str, str], cwd: Path | None = None,
        new_session: bool = False,
    ) -> None:
        self.log_file = Path(env.get("SPA_KIOSK_LOG_DIR", ".")) / "spa-kiosk.log"
        self._log_start = self.log_file.stat().st_size if self.log_file.exists() else 0
        self._notify = notify_socket()
        address, self._sock = self._notify.__enter__()
        self._output: IO[str] = tempfile.TemporaryFile("w+")  # noqa: SIM115 (see close)
        self.process = subprocess.Popen(
            list(command), env={**env, "NOTIFY_SOCKET": address}, cwd=cwd,
            stdout=self._output, stderr=subprocess.STDOUT, text=True,
            start_new_session=new_session,
        )
        self.new_session = new_session
        self.ready_message = ""

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def returncode(self) -> int | None:
        return self.process.poll()

    def output(self) -> str:
        """What the kiosk printed so far."""
        self._output.seek(0)
        return self._output.read()

    def log(self) -> str:
        """What this start wrote in the log file so far (an earlier start's lines are left
        out; the file is not rotated in a test's few lines)."""
        if not self.log_file.exists():
            return ""
        with self.log_file.open("rb") as file:
            file.seek(self._log_start)
            return file.read().decode("utf-8", "replace")

    def _fail(self, why: str) -> AssertionError:
        return AssertionError(f"{why}; its output:\n{self.output()[-3000:]}")

    def wait_ready(self, timeout: float = 60) -> str:
        """Once its first frame is on screen (READY=1): its notify message."""
        if not self.ready_message:
            try:
                self.ready_message = wait_until_ready(self._sock, self.process, timeout)
            except AssertionError as exc:
                raise self._fail(str(exc)) from None
        return self.ready_message

    def wait_log(self, text: str, timeout: float = 60) -> str:
        """This start's log once `text` is in it; fails when the kiosk ends first or after
        `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            log = self.log()
            if text in log:
                return log
            if self.process.poll() is not None:
                log = self.log()
                if text in log:
                    return log
                raise self._fail(f"the kiosk ended ({self.process.returncode}) before its "
                                 f"log said {text!r}; the log:\n{log[-3000:]}")
            if time.monotonic() > deadline:
                raise self._fail(f"{text!r} not in the log within {timeout} s:\n{log[-3000:]}")
            time.sleep(0.05)

    def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 60) -> str:
        """Stop it as systemd does (SIGTERM) and wait for the end; its output. A kiosk that
        does not end within `timeout` is frozen: it is killed and the test fails."""
        if self.process.poll() is None:
            self.wait_ready()  # before the kiosk hears signals, SIGTERM would just kill it
            self.process.send_signal(how)
        return self.wait(timeout)

    def wait(self, timeout: float = 60) -> str:
        """Its output once it has ended by itself (--exit-after, a refusal to start)."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise self._fail(f"the kiosk did not end within {timeout} s") from None
        return self.output()

    def kill(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                if self.new_session:
                    os.killpg(self.process.pid, signal.SIGKILL)
                else:
                    self.process.kill()
        self.process.wait()

    def close(self) -> None:
        self.kill()
        self._output.close()
        self._notify.__exit__(None, None, None)


def status(env: Mapping[str, str]) -> dict[str, Any]:
    """`spa-kiosk status --json` of the kiosk that runs with `env` (fails when none answers)."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "status", "--json"], env=dict(env),
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def kiosk_command(content: Path, *extra: str, windowed: bool = True) -> list[str]:
    """`python -m kiosk run` of the source tree, with this Python."""
    return [sys.executable, "-m", "kiosk", "run", *(["--windowed"] if windowed else []),
            "--content", str(content), *extra]


@contextmanager
def running(
    command: Sequence[str], env: Mapping[str, str], cwd: Path | None = None,
    new_session: bool = False,
) -> Iterator[Kiosk]:
    """A `Kiosk` for the block; killed at its end if the block has not stopped it."""
    kiosk = Kiosk(command, env, cwd, new_session)
    try:
        yield kiosk
    finally:
        kiosk.close()


def start_and_stop(
    command: Sequence[str], env: Mapping[str, str], cwd: Path | None = None,
    until: str | None = None,
) -> tuple[int, str, str]:
    """Start the kiosk, wait for its READY=1 (and for `until` in its log, if given), stop it with
    SIGTERM. Returns its exit status, its output and its log."""
    with running(command, env, cwd) as kiosk:
        kiosk.wait_ready()
        if until is not None:
            kiosk.wait_log(until)
        output = kiosk.stop()
        return kiosk.process.returncode, output, kiosk.log()


def start_and_quit(
    command: list[str], env: Mapping[str, str], cwd: Path, after_ready: float = 0.5
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Start the kiosk (`command` is its program and `run ...`), wait for its READY=1 and let it
    quit on its own (`--exit-after after_ready`: counted from the end of its start, the first
    frame). Returns the finished process (stderr in its stdout) and the READY=1 message."""
    with running([*command, "--exit-after", str(after_ready)], env, cwd) as kiosk:
        ready = kiosk.wait_ready()
        text = kiosk.wait(60)
        return subprocess.CompletedProcess(kiosk.process.args, kiosk.process.returncode, text,
                                           ""), ready


@contextmanager
def xvfb_display(width: int = 1280, height: int = 720) -> Iterator[str]:
    """A virtual X server of the test's own (Xvfb picks a free display number and says which:
    tests running side by side never share one): its DISPLAY. Skips the test without Xvfb."""
    import pytest

    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0",
         f"{width}x{height}x24"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as said:
            number = said.readline().strip()
        assert number, "Xvfb did not say which display it took"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
