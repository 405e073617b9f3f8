"""Anonymous usage counts: what the kiosk shows and how far guests get, in a local SQLite file.

The UI thread calls `UsageLog`'s event methods; they only check the value and put it on a queue,
so they never block and never raise. One background thread writes each event in its own
transaction (WAL mode, `synchronous=FULL`), so a killed process or a power cut loses at most the
event being written. When the database cannot be opened or written (read-only or missing folder,
disk full, locked) the event is dropped and logged, and the file is tried again a little later.

What is stored, and nothing else (see `SCHEMA`):
- journey events, each with the local time to the minute and an anonymous journey number (a
  counter, only so that drop-off can be computed): started (language), question reached
  (question id), language changed (code), finished (package id or consult), abandoned (where:
  a question id or screen name; why: idle or start over);
- per day, how often each slide was shown.
Never an answer, never a screening flag, nothing a guest typed: every value is an id from the
content or one of a few fixed words, and anything else is refused (without logging the value).
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ops import places

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger("kiosk.usage")

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id      INTEGER PRIMARY KEY,
    minute  TEXT NOT NULL,  -- local time to the minute: 2026-11-26 10:04
    journey INTEGER,        -- anonymous journey number (a counter); NULL outside a journey
    kind    TEXT NOT NULL,  -- one of EVENT_KINDS
    item    TEXT,           -- language code, question id, package id, or where a journey stopped
    detail  TEXT            -- finished: package | consult; abandoned: idle | start_over
);
CREATE INDEX IF NOT EXISTS events_minute ON events (minute);
CREATE TABLE IF NOT EXISTS slides (
    day   TEXT NOT NULL,    -- local date: 2026-11-26
    slide TEXT NOT NULL,    -- slide id
    shown INTEGER NOT NULL,
    PRIMARY KEY (day, slide)
) WITHOUT ROWID;
"""
EVENT_KINDS = (
    "journey_started", "question_reached", "language_changed", "journey_finished",
    "journey_abandoned",
)
OUTCOMES = ("package", "consult")
MINUTE_FORMAT = "%Y-%m-%d %H:%M"
COUNT_KEYS = (
    "journeys_started", "journeys_finished", "consult", "abandoned", "slides_shown",
)

_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_LANGUAGE = re.compile(r"[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?")
_SQLITE_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED: someone else holds the file for a moment
_WARN_EVERY = 600.0  # while writes fail, repeat the warning at most this often (seconds)
_MAX_QUEUED = 10_000
_JOURNEY_EDGES = ("journey_started", "journey_finished", "journey_abandoned")


@dataclass(frozen=True)
class _Event:
    kind: str  # one of EVENT_KINDS, or "slide_shown"
    minute: str
    item: str | None = None
    detail: str | None = None


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


_STOP = object()


class UsageLog:
    """Records anonymous usage events off the calling thread; see the module docstring.

    `clock` gives the local time of an event (tests pass a fake one). `retry_seconds` is how long
    to wait before trying a database that failed again; `busy_seconds` how long a write waits for
    another process holding the file (e.g. `spa-kiosk stats` or a backup)."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
        retry_seconds: float = 30.0,
        busy_seconds: float = 2.0,
        start: bool = True,
    ) -> None:
        """With `start` False the writer waits for `start()`: the kiosk starts it after its
        first frame (sqlite3 and the database's opening are ~5-9 ms of a start; events given
        before are queued)."""
        self.path = path if path is not None else places.usage_db_path()
        self._clock = clock
        self._retry_seconds = retry_seconds
        self._busy_seconds = busy_seconds
        self._queue: queue.Queue[object] = queue.Queue(maxsize=_MAX_QUEUED)
        self._closed = False
        # Only the writer thread touches these:
        self._db: sqlite3.Connection | None = None
        self._retry_at = 0.0
        self._failing = False
        self._warned_at = 0.0
        self._dropped = 0
        self._last_journey = 0
        self._journey: int | None = None
        # Today's counts, read by any thread under the lock.
        self._lock = threading.Lock()
        self._counts_day = ""
        self._counts = dict.fromkeys(COUNT_KEYS, 0)
        self._thread = threading.Thread(target=self._run, name="kiosk-usage", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        """Start writing (once; `UsageLog()` starts at once unless told not to)."""
        if not self._thread.is_alive() and self._thread.ident is None:
            self._thread.start()

    # ---- events (any thread; never block, never raise) ------------------------------------

    def slide_shown(self, slide_id: str) -> None:
        if self._is_id("slide_shown", slide_id):
            self._put("slide_shown", slide_id)

    def journey_started(self, language: str) -> None:
        if self._is_language("journey_started", language):
            self._put("journey_started", language)

    def question_reached(self, question_id: str) -> None:
        if self._is_id("question_reached", question_id):
            self._put("question_reached", question_id)

    def language_changed(self, code: str) -> None:
        if self._is_language("language_changed", code):
            self._put("language_changed", code)

    def journey_finished(self, outcome: str, package_id: str | None) -> None:
        """`outcome` is "package" (with its id) or "consult" (the id is ignored)."""
        if outcome not in OUTCOMES:
            self._refuse("journey_finished", "the outcome is not 'package' or 'consult'")
            return
        if outcome == "consult":
            package_id = None
        elif not self._is_id("journey_finished", package_id):
            return
        self._put("journey_finished", package_id, outcome)

    def journey_abandoned(self, where: str, why: str) -> None:
        """`where`: the question id (or screen name) the guest left at; `why`: "idle" or
        "start_over" (any other id-like word is kept as given)."""
        if self._is_id("journey_abandoned", where) and self._is_id("journey_abandoned", why):
            self._put("journey_abandoned", where, why)

    # ---- reading and closing ---------------------------------------------------------------

    def today_counts(self) -> dict[str, int]:
        """Today's counts (journeys started and finished, of those finished how many ended in
        "talk to us", abandoned, slides shown), as recorded; cheap, from memory."""
        today = self._clock().date().isoformat()
        with self._lock:
            if self._counts_day != today:
                return dict.fromkeys(COUNT_KEYS, 0)
            return dict(self._counts)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every event given so far is written (or dropped); False on timeout."""
        if self._thread.ident is None and not self._closed:
            return False  # not started: nothing is written yet
        if self._closed or not self._thread.is_alive():
            return True
        marker = _Flush()
        try:
            self._queue.put(marker, timeout=timeout)
        except queue.Full:
            return False
        return marker.done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued, close the database and stop the thread. Later events are
        ignored. Safe to call twice."""
        if self._closed:
            return
        self.start()  # if it never was: what is queued is written all the same
        self._closed = True
        try:
            self._queue.put(_STOP, timeout=timeout)
        except queue.Full:
            log.warning("usage: the queue is still full at close; unwritten events are lost")
            return
        self._thread.join(timeout)

    def __enter__(self) -> UsageLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- caller side -----------------------------------------------------------------------

    def _is_id(self, kind: str, value: str | None) -> bool:
        if isinstance(value, str) and _ID.fullmatch(value):
            return True
        self._refuse(kind, "the value is not a content id")
        return False

    def _is_language(self, kind: str, value: str) -> bool:
        if isinstance(value, str) and _LANGUAGE.fullmatch(value):
            return True
        self._refuse(kind, "the value is not a language code")
        return False

    def _refuse(self, kind: str, why: str) -> None:
        # The value itself is never logged: it might be something a guest chose or typed.
        log.warning("usage: %s not recorded: %s", kind, why)

    def _put(self, kind: str, item: str | None, detail: str | None = None) -> None:
        if self._closed:
            log.debug("usage: %s after close, ignored", kind)
            return
        try:
            minute = self._clock().strftime(MINUTE_FORMAT)
            self._queue.put_nowait(_Event(kind, minute, item, detail))
        except queue.Full:
            log.warning("usage: %s dropped: too many events waiting to be written", kind)
        except Exception:  # a broken clock must not reach the UI either
            log.exception("usage: %s dropped", kind)

    # ---- writer thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._connection()  # early, so that today_counts() has the day so far
        except Exception:
            log.exception("usage: cannot open %s", self.path)
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            if isinstance(item, _Flush):
                item.done.set()
            elif isinstance(item, _Event):
                try:
                    self._write(item)
                except Exception:  # never let the writer die: the next event may work
                    log.exception("usage: %s dropped", item.kind)
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connection(self) -> sqlite3.Connection | None:
        import sqlite3  # here, in the writer thread, not with the module (before a first frame)

        if self._db is not None:
            return self._db
        if time.monotonic() < self._retry_at:
            return None
        db = None
        try:
            places.ensure_dir(self.path.parent)
            db = sqlite3.connect(
                self.path, timeout=self._busy_seconds, isolation_level=None,
            )
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.info("usage: %s cannot use WAL mode here (%s)", self.path, mode)
            db.execute("PRAGMA synchronous=FULL")
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                db.executescript(SCHEMA + f"PRAGMA user_version={SCHEMA_VERSION};")
            last = db.execute("SELECT max(journey) FROM events").fetchone()[0]
            self._last_journey = int(last or 0)
            self._load_counts(db, self._clock().date())
        except (OSError, sqlite3.Error) as exc:
            if db is not None:
                db.close()
            self._failed("cannot open", exc)
            return None
        self._db = db
        return db

    def _write(self, event: _Event) -> None:
        import sqlite3

        db = self._connection()
        if db is None:
            self._drop(event)
            return
        started = self._last_journey + 1 if event.kind == "journey_started" else None
        journey = self._journey if started is None else started
        try:
            if event.kind == "slide_shown":
                db.execute(
                    "INSERT INTO slides (day, slide, shown) VALUES (?, ?, 1) "
                    "ON CONFLICT (day, slide) DO UPDATE SET shown = shown + 1",
                    (event.minute[:10], event.item),
                )
            else:
                db.execute(
                    "INSERT INTO events (minute, journey, kind, item, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (event.minute, journey, event.kind, event.item, event.detail),
                )
        except sqlite3.Error as exc:
            if event.kind in _JOURNEY_EDGES:
                self._journey = None  # without its start, a journey's events are left out
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF not in _SQLITE_BUSY:
                db.close()
                self._db = None
            self._failed("cannot write", exc)
            self._drop(event)
            return
        if started is not None:
            self._last_journey = self._journey = started
        elif event.kind in _JOURNEY_EDGES:
            self._journey = None
        self._count(event)
        if self._failing:
            log.info(
                "usage: writing to %s again; %d events were dropped meanwhile",
                self.path, self._dropped,
            )
            self._failing, self._dropped = False, 0

    def _failed(self, what: str, exc: BaseException) -> None:
        self._retry_at = time.monotonic() + self._retry_seconds
        now = time.monotonic()
        if not self._failing or now - self._warned_at >= _WARN_EVERY:
            log.warning(
                "usage: %s %s (%s); usage events are dropped until it works again",
                what, self.path, exc,
            )
            self._warned_at = now
        self._failing = True

    def _drop(self, event: _Event) -> None:
        self._dropped += 1
        log.debug("usage: %s dropped (%d so far)", event.kind, self._dropped)

    def _count(self, event: _Event) -> None:
        keys = {
            "journey_started": ("journeys_started",),
            "journey_finished": ("journeys_finished",)
            + (("consult",) if event.detail == "consult" else ()),
            "journey_abandoned": ("abandoned",),
            "slide_shown": ("slides_shown",),
        }.get(event.kind, ())
        day = event.minute[:10]
        with self._lock:
            if day != self._counts_day:
                if day < self._counts_day:
                    return  # a late event from yesterday
                self._counts_day, self._counts = day, dict.fromkeys(COUNT_KEYS, 0)
            for key in keys:
                self._counts[key] += 1

    def _load_counts(self, db: sqlite3.Connection, day: date) -> None:
        counts = dict.fromkeys(COUNT_KEYS, 0)
        text = day.isoformat()
        rows = db.execute(
            "SELECT kind, detail, count(*) FROM events WHERE minute BETWEEN ? AND ? "
            "GROUP BY kind, detail",
            (f"{text} 00:00", f"{text} 23:59"),
        )
        for kind, detail, n in rows:
            if kind == "journey_started":
                counts["journeys_started"] += n
            elif kind == "journey_finished":
                counts["journeys_finished"] += n
                if detail == "consult":
                    counts["consult"] += n
            elif kind == "journey_abandoned":
                counts["abandoned"] += n
        shown = db.execute("SELECT sum(shown) FROM slides WHERE day = ?", (text,)).fetchone()[0]
        counts["slides_shown"] = int(shown or 0)
        with self._lock:
            self._counts_day, self._counts = text, counts
