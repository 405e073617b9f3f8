"""Console lines for the journal: with stderr being the journal (JOURNAL_STREAM names it), each
line starts with its syslog priority and carries no time of its own, so `journalctl -p err`
finds the errors; anywhere else the lines stay as they were."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from opskit import REPO, child_env

PROGRAM = """
import logging
from kiosk.ops.logs import setup_logging
setup_logging(console=True)
log = logging.getLogger("kiosk")
log.info("content folder: here")
log.warning("a slide has no picture")
log.error("content has errors")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("uncaught")
"""


def run_with_stderr(path: Path, journal_stream: str | None) -> list[str]:
    env = child_env()
    env.pop("JOURNAL_STREAM", None)
    if journal_stream is not None:
        env["JOURNAL_STREAM"] = journal_stream
    with path.open("w") as stderr:
        done = subprocess.run(
            [sys.executable, "-c", PROGRAM], env=env, cwd=REPO, stderr=stderr, timeout=60,
            check=False,
        )
    assert done.returncode == 0
    return path.read_text().splitlines()


def test_priorities_and_no_timestamp_when_stderr_is_the_journal(tmp_path: Path) -> None:
    stderr = tmp_path / "stderr"
    stderr.touch()
    info = os.stat(stderr)
    lines = run_with_stderr(stderr, f"{info.st_dev}:{info.st_ino}")
    assert lines[:3] == [
        "<6>INFO kiosk: content folder: here",
        "<4>WARNING kiosk: a slide has no picture",
        "<3>ERROR kiosk: content has errors",
    ]
    traceback = lines[3:]
    assert traceback[0] == "<3>ERROR kiosk: uncaught"
    assert "ZeroDivisionError" in traceback[-1]
    assert all(line.startswith("<3>") for line in traceback)  # every line is found by -p err
    assert not any(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", line) for line in lines)


def test_plain_lines_elsewhere(tmp_path: Path) -> None:
    stderr = tmp_path / "stderr"
    stderr.touch()
    other = tmp_path / "other"
    other.touch()
    info = os.stat(other)  # JOURNAL_STREAM inherited, but stderr was redirected elsewhere
    for stream in (None, f"{info.st_dev}:{info.st_ino}", "garbage"):
        lines = run_with_stderr(stderr, stream)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d INFO kiosk: content folder: here",
                            lines[0])
        assert not any(line.startswith("<") for line in lines)
