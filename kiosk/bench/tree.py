"""A program's whole process tree, measured from outside through /proc (Linux).

A browser kiosk is a dozen processes (browser, GPU, renderer, zygotes, utilities); the kiosk
is one or two (it checks content in a helper process). Both are measured the same way: memory
as PSS summed over every process of the tree (shared pages counted once, split between the
processes sharing them), CPU as user and system time summed over every process of the tree,
the finished children's included.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name, in parentheses, may hold spaces: the fields after it are split.
    return text[text.rindex(")") + 2:].split()


def descendants(root: int) -> list[int]:
    """`root` and every process below it, now, with every process of the session `root`
    leads (the bench starts each program in a session of its own): a helper that left its
    parent (a browser's crash reporter) is still the program's."""
    children: dict[int, list[int]] = {}
    in_session = set()
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat_fields(int(entry.name))
        if fields is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            if int(fields[3]) == root:
                in_session.add(int(entry.name))
    found, stack = set(), [root]
    while stack:
        pid = stack.pop()
        if pid not in found:
            found.add(pid)
            stack.extend(children.get(pid, ()))
    return sorted(found | in_session)


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by the tree under `root`, with the children it
    has already reaped (a process's cutime and cstime)."""
    total = 0
    for pid in descendants(root):
        fields = _stat_fields(pid)
        if fields is not None:
            # utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 after the name.
            total += sum(int(value) for value in fields[11:15])
    return total / TICKS


def pss_mib(root: int) -> tuple[float, int]:
    """PSS summed over the tree under `root`, and how many processes it has."""
    total_kib, count = 0, 0
    for pid in descendants(root):
        try:
            text = (PROC / str(pid) / "smaps_rollup").read_text()
        except OSError:
            continue  # ended meanwhile, or a kernel without smaps_rollup
        for line in text.splitlines():
            if line.startswith("Pss:"):
                total_kib += int(line.split()[1])
                count += 1
                break
    return total_kib / 1024, count


def end_tree(root: int, grace: float = 5.0) -> None:
    """SIGTERM to every process of the tree (its own session), then SIGKILL to what is left."""
    pids = descendants(root)
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.05)
    for pid in pids:
        if _alive(pid):
            _signal(pid, signal.SIGKILL)


def _signal(pid: int, number: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, number)


def _alive(pid: int) -> bool:
    fields = _stat_fields(pid)
    return fields is not None and fields[0] != "Z"
