"""Run `spa-kiosk` as a process the way a kiosk PC does, and know when it is up.

The kiosk tells systemd `READY=1` on its notify socket once its first frame is on screen (it runs
as a `Type=notify` service). A test listens on a socket of its own in that place instead of
waiting a fixed time.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


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


def start_and_quit(
    command: list[str], env: Mapping[str, str], cwd: Path, after_ready: float = 0.5
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Start the kiosk (`command` is its program and `run ...`), wait for its READY=1 and let it
    quit on its own (`--exit-after after_ready`: counted from the end of its start, the first
    frame). Returns the finished process (stderr in its stdout) and the READY=1 message."""
    with notify_socket() as (address, sock), tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(
            [*command, "--exit-after", str(after_ready)],
            env={**env, "NOTIFY_SOCKET": address}, cwd=cwd,
            stdout=output, stderr=subprocess.STDOUT, text=True,
        )
        try:
            ready = wait_until_ready(sock, process)
            process.wait(timeout=60)
        except (AssertionError, subprocess.TimeoutExpired) as exc:
            process.kill()
            process.wait()
            output.seek(0)
            raise AssertionError(f"{exc}; its output:\n{output.read()[-3000:]}") from None
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        output.seek(0)
        text = output.read()
    return subprocess.CompletedProcess(process.args, process.returncode, text, ""), ready
