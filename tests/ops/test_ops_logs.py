"""Plain log lines to the console and a rotating file; uncaught exceptions logged, not lost."""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.ops.logs import install_excepthooks, setup_logging

LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (INFO|WARNING|ERROR|CRITICAL|DEBUG) [\w.]+: ")


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks
    logging.captureWarnings(False)


def file_handler() -> logging.handlers.RotatingFileHandler:
    found = [
        h for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert len(found) == 1
    return found[0]


def test_plain_lines_go_to_a_rotating_file_in_the_log_folder(
    ops_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = setup_logging()
    assert path == ops_dirs / "log" / "spa-kiosk.log"
    assert setup_logging() == path  # a second call replaces, it does not double
    logging.getLogger("kiosk").info("content folder: /srv/spa")
    logging.getLogger("kiosk.usage").debug("not shown unless verbose")
    handler = file_handler()
    handler.flush()
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
    lines = path.read_text().splitlines()
    assert len(lines) == 1 and LINE.match(lines[0])
    assert lines[0].endswith(" INFO kiosk: content folder: /srv/spa")
    assert capsys.readouterr().err.count("content folder: /srv/spa") == 1


def test_an_unwritable_log_folder_falls_back_to_the_console(
    ops_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = ops_dirs / "log" / "file"
    blocker.write_text("")
    monkeypatch.setenv("SPA_KIOSK_LOG_DIR", str(blocker / "log"))
    assert setup_logging(verbose=True) is None
    logging.getLogger("kiosk").debug("still here")
    err = capsys.readouterr().err
    assert "logging to the console only" in err and "DEBUG kiosk: still here" in err


def test_uncaught_exceptions_are_logged_with_their_traceback(ops_dirs: Path) -> None:
    path = setup_logging(console=False)
    assert path is not None
    loop = asyncio.new_event_loop()
    try:
        install_excepthooks(loop)
        try:
            raise RuntimeError("in a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)  # what PySide6 calls

        def fail() -> None:
            raise ValueError("in a thread")

        thread = threading.Thread(target=fail, name="worker")
        thread.start()
        thread.join()

        def callback() -> None:
            raise KeyError("in a loop callback")

        loop.call_soon(callback)
        loop.run_until_complete(asyncio.sleep(0.01))
    finally:
        loop.close()
    file_handler().flush()
    text = path.read_text()
    assert "CRITICAL kiosk: uncaught exception" in text and "RuntimeError: in a slot" in text
    assert "uncaught exception in thread worker" in text and "ValueError: in a thread" in text
    assert "Exception in callback" in text and "KeyError: 'in a loop callback'" in text
    assert text.count("Traceback (most recent call last)") == 3


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_gives_one_warning_then_quiet_then_the_file_again(
    ops_dirs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Writing the log file fails with ENOSPC (/dev/full): one warning on the console, no
    `--- Logging error ---` traceback per line; the console keeps every line; once the disk has
    room again (the file writable), lines reach the file again."""
    file = ops_dirs / "log" / "spa-kiosk.log"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.symlink_to("/dev/full")
    assert setup_logging() == file
    kiosk = logging.getLogger("kiosk")
    for number in range(5):
        kiosk.info("line %d", number)
    err = capfd.readouterr().err
    assert "--- Logging error ---" not in err and "Traceback" not in err
    assert err.count("cannot write the log file") == 1, err
    assert all(f"line {number}" in err for number in range(5))

    file.unlink()  # room again: the next line reopens the file
    kiosk.info("after the disk has room")
    kiosk.info("and the next")
    file_handler().flush()
    text = file.read_text()
    assert "the log file can be written again" in text
    assert "after the disk has room" in text and "and the next" in text
    err = capfd.readouterr().err
    assert "Logging error" not in err and err.count("can be written again") == 1
