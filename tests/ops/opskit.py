"""Helpers for the ops tests: running a small Python program in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    """The environment for a helper subprocess: this checkout first on the path."""
    paths = [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def spawn(program: str, *args: str) -> subprocess.Popen[str]:
    """Start `python -c program args...` with piped, line-buffered text output."""
    return subprocess.Popen(
        [sys.executable, "-u", "-c", program, *args], env=child_env(), cwd=REPO,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
    )


def run(program: str, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", program, *args], env=child_env(), cwd=REPO,
        capture_output=True, text=True, timeout=timeout, check=False,
    )
