"""One program (the kiosk, or the browser kiosk) started and measured from outside: the time
to its first picture on screen, then its CPU over the attract loop and its memory.

Both are measured with the same instruments (screen.py, tree.py), in the same way: started
in a session of their own, watched until the screen shows their first slide, left to settle,
then measured over a whole number of slides (each window then holds as many cross-fades,
wherever in a slide it begins), then ended, and the screen left blank again for the next one.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.screen import Screen, wait_for_blank, wait_for_picture
from kiosk.bench.tree import cpu_seconds, end_tree, pss_mib


@dataclass(frozen=True)
class Program:
    """What to start: a name for people, the command and its environment."""

    name: str
    command: Sequence[str]
    env: Mapping[str, str]


class OutsideError(Exception):
    """The program did not show a picture, or ended early; the message says which."""


def measure(
    program: Program, screen: Screen | None, attract_seconds: float, settle: float,
    log: Path, x_server: int | None = None,
) -> dict[str, Any]:
    """Start `program`, and measure it: first_picture_ms (None without a screen to watch),
    cpu_percent of one core over `attract_seconds` after `settle` seconds, pss_mib at the end
    and how many processes it was then."""
    blank = screen.sample() if screen is not None else b""
    with log.open("ab") as output:
        started = time.monotonic()
        process = subprocess.Popen(
            list(program.command), env=dict(program.env), stdout=output, stderr=output,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
    try:
        first = None
        if screen is not None:
            shown = wait_for_picture(screen, blank, started, lambda: process.poll() is None)
            if shown is None:
                raise OutsideError(
                    f"{program.name} showed no picture on the screen within 30 s "
                    f"(exit {process.poll()}); its last output:\n{_tail(log)}"
                )
            first = shown * 1000
        else:
            time.sleep(2.0)  # no screen to watch: a start's worth of time instead
        time.sleep(settle)
        if process.poll() is not None:
            raise OutsideError(
                f"{program.name} ended early (exit {process.returncode}):\n{_tail(log)}"
            )
        cpu, x_cpu, wall = cpu_seconds(process.pid), _cpu(x_server), time.monotonic()
        time.sleep(attract_seconds)
        cpu = cpu_seconds(process.pid) - cpu
        x_cpu = _cpu(x_server) - x_cpu
        wall = time.monotonic() - wall
        pss, processes = pss_mib(process.pid)
        if process.poll() is not None:
            raise OutsideError(
                f"{program.name} ended early (exit {process.returncode}):\n{_tail(log)}"
            )
    finally:
        end_tree(process.pid)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if screen is not None:
        wait_for_blank(screen, blank)
    return {
        "first_picture_ms": first,
        "cpu_percent": 100 * cpu / wall,
        "x_server_cpu_percent": None if x_server is None else 100 * x_cpu / wall,
        "pss_mib": pss,
        "processes": processes,
        "seconds": wall,
    }


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no output)"


def _cpu(pid: int | None) -> float:
    return cpu_seconds(pid) if pid is not None else 0.0
