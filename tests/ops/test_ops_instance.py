"""One kiosk per user session; a kiosk killed with -9 never blocks the next start."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from opskit import run, spawn

from kiosk.ops import instance

HOLDER = """
import time
from kiosk.ops.instance import acquire
lock = acquire()
print("held" if lock is not None else "busy", flush=True)
time.sleep(60)
"""
SECOND = """
import sys
from kiosk.ops.instance import acquire, already_running_message
lock = acquire()
if lock is None:
    print(already_running_message())
    sys.exit(1)
print("started")
"""


def test_a_second_start_fails_while_the_first_runs_and_not_after_a_kill_9(ops_dirs: Path) -> None:
    holder = spawn(HOLDER)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        second = run(SECOND)
        assert second.returncode == 1, second.stderr
        assert second.stdout.strip() == f"Spa Kiosk is already running (pid {holder.pid})."
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        holder.kill()
        holder.communicate()
    assert (ops_dirs / "run" / "spa-kiosk.lock").exists()  # left behind, and harmless
    again = run(SECOND)
    assert (again.returncode, again.stdout.strip()) == (0, "started"), again.stderr


def test_in_one_process_the_lock_is_exclusive_until_released(ops_dirs: Path) -> None:
    first = instance.acquire()
    assert first is not None and first.held
    assert instance.acquire() is None
    assert instance.running_pid() == os.getpid()
    first.release()
    with instance.acquire() as again:  # type: ignore[union-attr]
        assert again.held


def test_an_unwritable_runtime_folder_does_not_stop_the_kiosk(ops_dirs: Path) -> None:
    blocker = ops_dirs / "run" / "file"
    blocker.write_text("")
    lock = instance.acquire(blocker / "spa-kiosk.lock")
    assert lock is not None and not lock.held
    lock.release()
