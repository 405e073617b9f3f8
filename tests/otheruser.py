"""Running a command as another user (nobody), for the tests of what the kiosk's own user may
do and others may not. Needs root and setpriv; the tests skip otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOBODY = "nobody"


def need_another_user() -> None:
    if os.getuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to act as another user")


def shared_folder() -> Path:
    """A new folder every user can read and enter (pytest's own are root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="spa-kiosk-shared-"))
    folder.chmod(0o755)
    return folder


def run_as_nobody(
    args: list[str], env: dict[str, str] | None = None, timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """`python -m kiosk ARGS` as the user nobody, with this checkout first on the path."""
    need_another_user()
    environment = {**(env if env is not None else os.environ), "PYTHONPATH": str(REPO),
                   "HOME": "/nonexistent"}
    return subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
         sys.executable, "-m", "kiosk", *args],
        capture_output=True, text=True, cwd="/", timeout=timeout, check=False, env=environment,
    )
