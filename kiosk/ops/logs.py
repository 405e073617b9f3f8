"""Logging for an unattended kiosk: plain lines with time and level, to the console and to a
rotating file in the log folder, and every uncaught exception (main thread, other threads, the
asyncio loop, Qt slots through `sys.excepthook`) logged with its traceback instead of lost.

    2026-11-26 10:00:00 INFO kiosk: content folder: /srv/spa-content/content (--content)
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kiosk.ops import places

if TYPE_CHECKING:
    import asyncio

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

log = logging.getLogger("kiosk")
_OURS = "_spa_kiosk_handler"  # marks the handlers set up here, so a second call replaces them


def setup_logging(verbose: bool = False, *, console: bool = True) -> Path | None:
    """Log INFO and above (DEBUG with `verbose`) to stderr and to the rotating log file; returns
    the log file, or None when the log folder cannot be written (then the console only)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()
    if console:
        stream = logging.StreamHandler(sys.stderr)
        if stderr_is_journal():
            stream.setFormatter(JournalFormatter())
        _add(root, stream)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.captureWarnings(True)
    try:
        file = places.log_path()
        places.ensure_dir(file.parent)
        handler = LogFile(file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write the log folder (%s); logging to the console only", exc)
        return None
    _add(root, handler)
    return file


class LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file, quiet when it cannot be written (a full disk, say): one warning on
    the other handlers (the console, i.e. the journal), none per line, and the file again once
    a line can be written. `handleError` is logging's documented hook for a failing handler."""

    failing = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed = False
        super().emit(record)
        if self.failing and not self._failed:
            self.failing = False
            self._tell(logging.INFO, "the log file can be written again", including_self=True)

    def handleError(self, record: logging.LogRecord) -> None:
        self._failed = True
        # Start afresh at the next line: what is left in the stream's buffer would fail again.
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.close()
        if not self.failing:
            self.failing = True
            reason = sys.exc_info()[1]
            self._tell(
                logging.WARNING,
                f"cannot write the log file {self.baseFilename} ({reason}); logging to the "
                "console only until it can",
                including_self=False,
            )

    def close(self) -> None:
        with contextlib.suppress(OSError):  # the last lines, on a disk still full
            super().close()

    def _tell(self, level: int, message: str, *, including_self: bool) -> None:
        note = log.makeRecord(log.name, level, __file__, 0, message, (), None)
        for handler in logging.getLogger().handlers:
            if handler is not self:
                handler.handle(note)
        if including_self:
            super().emit(note)


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    if handler.formatter is None:
        handler.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))
    setattr(handler, _OURS, True)
    root.addHandler(handler)


def stderr_is_journal() -> bool:
    """stderr is systemd's journal: `JOURNAL_STREAM` (device:inode) names stderr itself, as
    systemd sets it for a service whose output goes to the journal (sd_journal_stream_fd)."""
    stream = os.environ.get("JOURNAL_STREAM", "")
    try:
        device, inode = (int(part) for part in stream.split(":"))
        info = os.fstat(sys.stderr.fileno())
    except (ValueError, OSError, AttributeError):
        return False
    return (info.st_dev, info.st_ino) == (device, inode)


class JournalFormatter(logging.Formatter):
    """Lines for the journal: a syslog priority prefix (`<3>` errors, `<4>` warnings, `<6>`
    info), which journald takes as the line's priority (`journalctl -p err`), and no time (the
    journal keeps its own). Every line of a traceback carries the prefix too."""

    PRIORITIES = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4),
                  (logging.INFO, 6))

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in self.PRIORITIES if record.levelno >= level), 7)
        return "\n".join(f"<{priority}>{line}" for line in super().format(record).split("\n"))


def install_excepthooks(loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Log uncaught exceptions with their traceback: `sys.excepthook` (also what PySide6 calls
    for an exception in a slot), `threading.excepthook`, and `loop`'s exception handler."""
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    if loop is not None:
        loop.set_exception_handler(_loop_exception_handler)


def _excepthook(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, traceback)
        return
    log.critical("uncaught exception", exc_info=(kind, value, traceback))


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    value = args.exc_value if args.exc_value is not None else args.exc_type()
    log.error(
        "uncaught exception in thread %s", name,
        exc_info=(args.exc_type, value, args.exc_traceback),
    )


def _loop_exception_handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    message = context.get("message") or "unhandled exception in the event loop"
    exc = context.get("exception")
    extra = {key: value for key, value in context.items() if key not in ("message", "exception")}
    # Only type names: the repr of a half-destroyed Qt object can crash the interpreter.
    details = "".join(f"\n  {key}: {type(value).__name__}" for key, value in extra.items())
    if isinstance(exc, BaseException):
        log.error("%s%s", message, details, exc_info=(type(exc), exc, exc.__traceback__))
    else:
        log.error("%s%s", message, details)
