"""The staff PIN: set with `spa-kiosk set-pin`, checked by the staff panel's PIN pad.

The PIN is kept only as a salted scrypt hash in a small JSON file (mode 0600, written atomically),
never in plain text and never in a log. Wrong PINs lock the pad for growing delays: after
`FREE_ATTEMPTS` wrong PINs in a row 30 s, then 60 s, 120 s, ... at most an hour, for each further
wrong PIN. The count and the lock are kept in the same file, so a restart does not lift a lock; a
right PIN clears them.

The lock end is wall-clock time (it must survive a restart), but the remaining lock is never more
than the delay it was set with, so a clock that jumps backwards cannot lock the pad for longer.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import getpass
import hashlib
import hmac
import json
import logging
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from kiosk.ops import places

log = logging.getLogger("kiosk.staff")

FREE_ATTEMPTS = 3
FIRST_LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 3600.0
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
PIN_RULE = "The PIN must be 4 to 8 digits (0-9)."
_PIN = re.compile(r"[0-9]{4,8}")
_FORMAT = 1


class PinStatus(enum.StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no_pin"


@dataclass(frozen=True)
class PinResult:
    """What the pad shows. `attempts_left`: wrong PINs still possible before a lock (WRONG);
    `seconds_left`: how long the pad stays locked (LOCKED, also the attempt that locks it).
    NO_PIN never opens the panel: it says no PIN has been set yet."""

    status: PinStatus
    attempts_left: int = 0
    seconds_left: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status is PinStatus.OK


def lock_seconds(failures: int) -> float:
    """How long the pad locks after `failures` wrong PINs in a row (0 while still free)."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_LOCK_SECONDS * float(2 ** min(failures - FREE_ATTEMPTS, 20)), MAX_LOCK_SECONDS)


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, dklen=32, **SCRYPT)


class PinStore:
    """The PIN file. Every call reads the file afresh, so a PIN set with `spa-kiosk set-pin`
    while the kiosk runs counts at once. `check` never raises: if the file cannot be written, the
    lock is kept in memory and the problem logged."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else places.pin_path()
        self._memory: dict[str, Any] | None = None  # when the file could not be written

    def is_set(self) -> bool:
        return self._read().get("pin") is not None

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (and lift any lock). ValueError when it is not 4 to 8 digits;
        OSError when the file cannot be written."""
        if not isinstance(pin, str) or not _PIN.fullmatch(pin):
            raise ValueError(PIN_RULE)
        salt = os.urandom(16)  # what secrets.token_bytes is, without its import (~3 ms)
        record = {
            "format": _FORMAT,
            "pin": {"kdf": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": _hash(pin, salt).hex()},
            "failures": 0,
            "locked_until": 0.0,
            "lock_seconds": 0.0,
        }
        self._write(record)
        self._memory = None
        log.info("staff PIN changed")

    def check(self, pin: str, now: float) -> PinResult:
        """Check a PIN typed on the pad at wall-clock time `now` (epoch seconds)."""
        state = self._read()
        stored = state.get("pin")
        if not isinstance(stored, dict):
            return PinResult(PinStatus.NO_PIN)
        remaining = self._remaining(state, now)
        if remaining > 0:
            return PinResult(PinStatus.LOCKED, seconds_left=remaining)
        matches = self._matches(pin, stored)
        if matches is None:
            return PinResult(PinStatus.NO_PIN)
        if matches:
            if state.get("failures") or state.get("locked_until"):
                self._save({**state, "failures": 0, "locked_until": 0.0, "lock_seconds": 0.0})
            log.info("staff PIN accepted")
            return PinResult(PinStatus.OK)
        failures = int(state.get("failures") or 0) + 1
        delay = lock_seconds(failures)
        self._save(
            {**state, "failures": failures, "locked_until": now + delay if delay else 0.0,
             "lock_seconds": delay}
        )
        log.warning("wrong staff PIN (%d in a row)", failures)
        if delay:
            return PinResult(PinStatus.LOCKED, seconds_left=delay)
        return PinResult(PinStatus.WRONG, attempts_left=FREE_ATTEMPTS - failures)

    def status(self, now: float) -> PinResult:
        """The pad's state without trying a PIN: NO_PIN, LOCKED, or OK (ready for a PIN)."""
        state = self._read()
        if not isinstance(state.get("pin"), dict):
            return PinResult(PinStatus.NO_PIN)
        remaining = self._remaining(state, now)
        if remaining > 0:
            return PinResult(PinStatus.LOCKED, seconds_left=remaining)
        failures = int(state.get("failures") or 0)
        return PinResult(PinStatus.OK, attempts_left=max(FREE_ATTEMPTS - failures, 1))

    # ---- inside ----------------------------------------------------------------------------

    def _remaining(self, state: dict[str, Any], now: float) -> float:
        until = float(state.get("locked_until") or 0.0)
        delay = float(state.get("lock_seconds") or 0.0)
        remaining = until - now
        if remaining <= 0:
            return 0.0
        if remaining > delay:  # the clock went backwards: count the delay from now instead
            remaining = delay
            self._save({**state, "locked_until": now + delay})
        return remaining

    def _matches(self, pin: str, stored: dict[str, Any]) -> bool | None:
        """Whether `pin` is the stored PIN; None when the stored hash is damaged."""
        try:
            salt = bytes.fromhex(stored["salt"])
            expected = bytes.fromhex(stored["hash"])
            n, r, p = int(stored["n"]), int(stored["r"]), int(stored["p"])
        except (KeyError, TypeError, ValueError) as exc:
            log.error("the staff PIN file %s is damaged (%s); set the PIN again", self.path, exc)
            return None
        if not isinstance(pin, str) or not _PIN.fullmatch(pin):
            return False
        try:
            actual = hashlib.scrypt(
                pin.encode("ascii"), salt=salt, dklen=len(expected), n=n, r=r, p=p
            )
        except (ValueError, MemoryError) as exc:
            log.error("the staff PIN file %s is damaged (%s); set the PIN again", self.path, exc)
            return None
        return hmac.compare_digest(actual, expected)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return self._memory or {}
        except (OSError, ValueError) as exc:
            log.error("cannot read the staff PIN file %s (%s); set the PIN again", self.path, exc)
            return self._memory or {}
        if not isinstance(data, dict):
            log.error("the staff PIN file %s is damaged; set the PIN again", self.path)
            return {}
        if self._memory is not None and self._memory.get("pin") == data.get("pin"):
            return self._memory  # the file could not take the latest lock: keep it
        return data

    def _save(self, state: dict[str, Any]) -> None:
        try:
            self._write(state)
            self._memory = None
        except OSError as exc:
            log.error("cannot write the staff PIN file %s (%s)", self.path, exc)
            self._memory = state

    def _write(self, state: dict[str, Any]) -> None:
        folder = places.ensure_dir(self.path.parent)
        fd, temp = tempfile.mkstemp(prefix=".staff-pin-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(state, file, indent=1)
                file.write("\n")
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        if hasattr(os, "O_DIRECTORY"):  # make the rename itself survive a power cut
            with contextlib.suppress(OSError):
                dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)


# ---- `spa-kiosk set-pin` -------------------------------------------------------------------


def read_new_pin(stdin: TextIO, interactive: bool) -> str:
    """Ask twice on a terminal, or read one line from stdin for scripts. ValueError with a
    message for the person when the PINs differ or the PIN breaks the rule."""
    if interactive:
        first = getpass.getpass("New staff PIN (4 to 8 digits): ")
        if not _PIN.fullmatch(first):
            raise ValueError(PIN_RULE)
        if getpass.getpass("The same PIN again: ") != first:
            raise ValueError("The two PINs differ; nothing was changed.")
        return first
    line = stdin.readline().strip()
    if not line:
        raise ValueError("No PIN given on standard input; nothing was changed.")
    if not _PIN.fullmatch(line):
        raise ValueError(PIN_RULE)
    return line


def set_pin_command(args: argparse.Namespace) -> int:
    store = PinStore()
    try:
        pin = read_new_pin(sys.stdin, sys.stdin.isatty())
        store.set_pin(pin)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except EOFError:
        print("error: no PIN given; nothing was changed.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot store the PIN in {store.path}: {exc}", file=sys.stderr)
        return 2
    print(f"staff PIN stored (as a salted scrypt hash only) in {store.path}")
    return 0
