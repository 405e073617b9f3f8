"""Anonymous usage counts: how often the kiosk is used and how far guests get, in a local SQLite
file that cannot be read back into any one guest's journey.

The UI thread calls `UsageLog`'s event methods; they only check the value and put it on a queue,
so they never block and never raise. One background thread keeps the journey under way in
memory only and, when it ends, adds it to the counts in one transaction (WAL mode,
`synchronous=FULL`): a journey is stored whole or not at all, and a killed process or a power cut
loses at most the journey under way. When the database cannot be opened or written (read-only
or missing folder, disk full, locked) the journey is dropped, one warning is logged, and the
file is tried again a little later; a line says when writing works again.

What is stored, and nothing else (see `SCHEMA`), as counts that cannot be joined back to a guest:
- per hour (local time), how many journeys started;
- per day, how many journeys ended with a package (and which), with "talk to us", or with a
  package after a screening answer (which package is not kept: it could say what the guest
  answered), how many were abandoned and where (a question id or a screen name) and why (idle,
  start over), how often each question was reached (with the question's place in the
  questionnaire, so that `spa-kiosk stats` can list questions in that order from a copied file
  alone), the language each journey ended in, how many journeys changed language, which slide
  was on screen at the tap that began each journey (a slide id; none for the calm fallback
  slide), and how often each slide was shown.
No journey number, no time finer than the hour, and no outcome or question tied to any time
finer than the day; never an answer, a screening flag or anything a guest typed: every value is
an id from the content, a question's place in the content, or one of a few fixed words, and
anything else is refused (without logging the value). The file is private to the kiosk's user
(0600, in a 0700 folder), deleted rows are overwritten (secure_delete), and the write-ahead log
is emptied after each journey, so the file keeps no trace of which counts one journey added to.

A database in the first format (one row per event, linked by journey number and timed to the
minute) is turned into these counts once, when the kiosk opens it, and its rows are erased.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ops import places

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger("kiosk.usage")

SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS hours (
    hour    TEXT NOT NULL PRIMARY KEY,  -- local date and hour: 2026-11-26 10
    started INTEGER NOT NULL            -- journeys begun in that hour
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counts (
    day    TEXT NOT NULL,               -- local date the journeys began: 2026-11-26
    what   TEXT NOT NULL,               -- one of MEASURES
    item   TEXT NOT NULL DEFAULT '',    -- outcome, question id, where, language code
    detail TEXT NOT NULL DEFAULT '',    -- package id, or why a journey was abandoned
    n      INTEGER NOT NULL,
    PRIMARY KEY (day, what, item, detail)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS slides (
    day   TEXT NOT NULL,                -- local date: 2026-11-26
    slide TEXT NOT NULL,                -- slide id
    shown INTEGER NOT NULL,
    PRIMARY KEY (day, slide)
) WITHOUT ROWID;
"""
MEASURES = ("outcome", "abandoned", "reached", "language", "language_changed", "began_on")
"""What `counts.what` holds. `reached` keeps the question's place in the questionnaire (1 for
its first question) in `detail`; `began_on` the slide on screen at the tap that began a journey
in `item` ('' for the calm fallback slide)."""
OUTCOMES = ("package", "consult")
SCREENED = "screened"
"""The stored outcome of a journey that ended with a package after a screening answer."""
HOUR_FORMAT = "%Y-%m-%d %H"
COUNT_KEYS = (
    "journeys_started", "journeys_finished", "consult", "abandoned", "slides_shown",
)
FILE_MODE = 0o600
FOLDER_MODE = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")

_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_LANGUAGE = re.compile(r"[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?")
_SQLITE_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED: someone else holds the file for a moment
_MAX_QUEUED = 10_000
_MAX_POSITION = 999


@dataclass(frozen=True)
class _Event:
    kind: str  # a method name of UsageLog
    hour: str
    item: str | None = None
    detail: str | None = None


@dataclass
class Journey:
    """One guest's journey as the counts see it; kept in memory only, until it ends."""

    hour: str  # the hour it began, HOUR_FORMAT
    language: str
    reached: list[str] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)  # question id: place in the content
    began_on: str | None = None  # the slide on screen at the first tap; '' the fallback slide
    language_changed: bool = False
    outcome: str | None = None  # package | consult | screened; None: abandoned or not ended
    package: str | None = None
    stopped: tuple[str, str] | None = None  # (where, why) when abandoned

    @property
    def day(self) -> str:
        return self.hour[:10]

    def rows(self) -> Iterator[tuple[str, str, str]]:
        """The (what, item, detail) counts this journey adds one to, all on its day."""
        if self.outcome is not None:
            yield "outcome", self.outcome, self.package or ""
        elif self.stopped is not None:
            yield "abandoned", *self.stopped
        for question in self.reached:
            position = self.positions.get(question)
            yield "reached", question, "" if position is None else str(position)
        if self.began_on is not None:
            yield "began_on", self.began_on, ""
        yield "language", self.language, ""
        if self.language_changed:
            yield "language_changed", "", ""


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


_STOP = object()


class UsageLog:
    """Records anonymous usage counts off the calling thread; see the module docstring.

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
        self._dropped = 0
        self._journey: Journey | None = None
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

    def journey_started(self, language: str, slide_id: str | None = None) -> None:
        """`slide_id`: the slide on screen at the tap that began the journey ('' for the calm
        fallback slide, None when not known); counted per day, like the rest."""
        if not self._is_language("journey_started", language):
            return
        if slide_id and not self._is_id("journey_started", slide_id):
            slide_id = None  # the journey still counts; only where it began is not kept
        self._put("journey_started", language, slide_id)

    def question_reached(self, question_id: str, position: int | None = None) -> None:
        """`position`: the question's place in the questionnaire (1 for the first question in
        the content), so that reports list questions in that order."""
        if not self._is_id("question_reached", question_id):
            return
        if position is not None and not (
            isinstance(position, int) and 0 < position <= _MAX_POSITION
        ):
            self._refuse("question_reached", "the position is not a small whole number")
            position = None
        self._put("question_reached", question_id, None if position is None else str(position))

    def language_changed(self, code: str) -> None:
        if self._is_language("language_changed", code):
            self._put("language_changed", code)

    def journey_finished(self, outcome: str, package_id: str | None, screened: bool) -> None:
        """`outcome` is "package" (with its id) or "consult" (the id is ignored). `screened`:
        the guest gave a screening answer (raised a flag) on the way; a package is then counted
        as SCREENED, without its id, since the package could tell what the answer was."""
        if outcome not in OUTCOMES:
            self._refuse("journey_finished", "the outcome is not 'package' or 'consult'")
            return
        if outcome == "consult":
            package_id = None
        elif screened:
            outcome, package_id = SCREENED, None
        elif not self._is_id("journey_finished", package_id):
            return
        self._put("journey_finished", outcome, package_id)

    def journey_abandoned(self, where: str, why: str) -> None:
        """`where`: the question id (or screen name) the guest left at; `why`: "idle" or
        "start_over" (any other id-like word is kept as given)."""
        if self._is_id("journey_abandoned", where) and self._is_id("journey_abandoned", why):
            self._put("journey_abandoned", where, why)

    # ---- reading and closing ---------------------------------------------------------------

    def today_counts(self) -> dict[str, int]:
        """Today's counts (journeys started and finished, of those finished how many ended in
        "talk to us", abandoned, slides shown), as stored; cheap, from memory. A journey is
        counted once it has ended."""
        today = self._clock().date().isoformat()
        with self._lock:
            if self._counts_day != today:
                return dict.fromkeys(COUNT_KEYS, 0)
            return dict(self._counts)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every event given so far is handled (stored, kept as part of the journey
        under way, or dropped); False on timeout."""
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
        """Write what is queued (a journey under way is counted as begun and not ended), close
        the database and stop the thread. Later events are ignored. Safe to call twice."""
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
            hour = self._clock().strftime(HOUR_FORMAT)
            self._queue.put_nowait(_Event(kind, hour, item, detail))
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
                    self._handle(item)
                except Exception:  # never let the writer die: the next event may work
                    log.exception("usage: %s dropped", item.kind)
        if self._journey is not None:
            try:
                self._store_journey(self._journey)  # begun, not ended: the kiosk stopped
            except Exception:
                log.exception("usage: the journey under way at close was dropped")
            self._journey = None
        if self._db is not None:
            self._db.close()
            self._db = None

    def _handle(self, event: _Event) -> None:
        journey = self._journey
        if event.kind == "slide_shown":
            self._store_slide(event)
        elif event.kind == "journey_started":
            if journey is not None:
                self._store_journey(journey)  # its end never came: begun, not ended
            self._journey = Journey(event.hour, event.item or "", began_on=event.detail)
        elif journey is None:
            log.debug("usage: %s outside a journey, ignored", event.kind)
        elif event.kind == "question_reached":
            if event.item and event.item not in journey.reached:
                journey.reached.append(event.item)
                if event.detail:
                    journey.positions[event.item] = int(event.detail)
        elif event.kind == "language_changed":
            journey.language = event.item or journey.language
            journey.language_changed = True
        elif event.kind in ("journey_finished", "journey_abandoned"):
            if event.kind == "journey_finished":
                journey.outcome, journey.package = event.item, event.detail
            else:
                journey.stopped = (event.item or "", event.detail or "")
            self._journey = None
            self._store_journey(journey)

    def _connection(self) -> sqlite3.Connection | None:
        import sqlite3  # here, in the writer thread, not with the module (before a first frame)

        if self._db is not None:
            return self._db
        if time.monotonic() < self._retry_at:
            return None
        db = None
        existed = self.path.exists()
        try:
            make_private(self.path)
            db = sqlite3.connect(
                self.path, timeout=self._busy_seconds, isolation_level=None,
            )
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.info("usage: %s cannot use WAL mode here (%s)", self.path, mode)
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA secure_delete=ON")  # what is deleted is overwritten, not left
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                db.executescript(SCHEMA + f"PRAGMA user_version={SCHEMA_VERSION};")
            elif version == 1:
                migrate_from_events(db)
            make_private(self.path)  # the -wal and -shm made meanwhile
            self._load_counts(db, self._clock().date())
        except (OSError, sqlite3.Error) as exc:
            if db is not None:
                db.close()
            if not existed:
                _remove_empty(self.path)  # e.g. a full disk: no empty file left behind
            self._failed("cannot open", exc)
            return None
        self._db = db
        return db

    def _store_slide(self, event: _Event) -> None:
        self._write(
            "slide_shown",
            [(
                "INSERT INTO slides (day, slide, shown) VALUES (?, ?, 1) "
                "ON CONFLICT (day, slide) DO UPDATE SET shown = shown + 1",
                (event.hour[:10], event.item),
            )],
            {"slides_shown": 1}, event.hour[:10],
        )

    def _store_journey(self, journey: Journey) -> None:
        statements: list[tuple[str, tuple[object, ...]]] = [(
            "INSERT INTO hours (hour, started) VALUES (?, 1) "
            "ON CONFLICT (hour) DO UPDATE SET started = started + 1",
            (journey.hour,),
        )]
        statements += [
            (
                "INSERT INTO counts (day, what, item, detail, n) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT (day, what, item, detail) DO UPDATE SET n = n + 1",
                (journey.day, what, item, detail),
            )
            for what, item, detail in journey.rows()
        ]
        counted = {"journeys_started": 1}
        if journey.outcome is not None:
            counted["journeys_finished"] = 1
            if journey.outcome == "consult":
                counted["consult"] = 1
        elif journey.stopped is not None:
            counted["abandoned"] = 1
        if self._write("journey", statements, counted, journey.day):
            self._forget_history()

    def _forget_history(self) -> None:
        """Empty the write-ahead log after a journey: it holds the pages each transaction
        changed, so kept, it could tell which counts one journey added to. Best effort: a
        reader holding the file (`spa-kiosk stats`) or a full disk just leaves it for later."""
        import sqlite3  # not at the top: see _connection

        if self._db is None:
            return
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as exc:
            log.debug("usage: the write-ahead log is left for later (%s)", exc)

    def _write(
        self, what: str, statements: Sequence[tuple[str, tuple[object, ...]]],
        counted: dict[str, int], day: str,
    ) -> bool:
        """Run `statements` in one transaction; on failure nothing of them is stored (False)."""
        import sqlite3  # not at the top: see _connection

        db = self._connection()
        if db is None:
            self._drop(what)
            return False
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                for sql, values in statements:
                    db.execute(sql, values)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF not in _SQLITE_BUSY:
                db.close()
                self._db = None
            self._failed("cannot write", exc)
            self._drop(what)
            return False
        self._count(counted, day)
        if self._failing:
            log.info(
                "usage: writing to %s again; %d journeys or slides were dropped meanwhile",
                self.path, self._dropped,
            )
            self._failing, self._dropped = False, 0
        return True

    def _failed(self, what: str, exc: BaseException) -> None:
        """One warning when writing stops working, then quiet until it works again."""
        self._retry_at = time.monotonic() + self._retry_seconds
        if not self._failing:
            log.warning(
                "usage: %s %s (%s); usage counts are dropped until it works again",
                what, self.path, exc,
            )
        self._failing = True

    def _drop(self, what: str) -> None:
        self._dropped += 1
        log.debug("usage: %s dropped (%d so far)", what, self._dropped)

    def _count(self, counted: dict[str, int], day: str) -> None:
        with self._lock:
            if day != self._counts_day:
                if day < self._counts_day:
                    return  # a late event from yesterday
                self._counts_day, self._counts = day, dict.fromkeys(COUNT_KEYS, 0)
            for key, n in counted.items():
                self._counts[key] += n

    def _load_counts(self, db: sqlite3.Connection, day: date) -> None:
        text = day.isoformat()
        counts = dict.fromkeys(COUNT_KEYS, 0)
        started = db.execute(
            "SELECT sum(started) FROM hours WHERE hour BETWEEN ? AND ?",
            (f"{text} 00", f"{text} 23"),
        ).fetchone()[0]
        counts["journeys_started"] = int(started or 0)
        for what, item, n in db.execute(
            "SELECT what, item, sum(n) FROM counts WHERE day = ? AND what IN "
            "('outcome', 'abandoned') GROUP BY what, item", (text,),
        ):
            if what == "outcome":
                counts["journeys_finished"] += n
                if item == "consult":
                    counts["consult"] += n
            else:
                counts["abandoned"] += n
        shown = db.execute("SELECT sum(shown) FROM slides WHERE day = ?", (text,)).fetchone()[0]
        counts["slides_shown"] = int(shown or 0)
        with self._lock:
            self._counts_day, self._counts = text, counts


def make_private(path: Path) -> None:
    """The database's folder 0700 and the database and its side files 0600: counts of guests
    are for the kiosk's user only. Creates the folder and an empty database file if need be
    (SQLite gives its side files the database's mode). Raises OSError."""
    folder = places.ensure_dir(path.parent)
    info = folder.stat()
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        folder.chmod(FOLDER_MODE)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE))
    for file in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        try:
            if stat.S_IMODE(file.stat().st_mode) != FILE_MODE:
                file.chmod(FILE_MODE)
        except FileNotFoundError:
            continue


def _remove_empty(path: Path) -> None:
    """Remove a database file this process just made and could not fill, with its side files."""
    for file in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        try:
            if file.stat().st_size == 0:
                file.unlink()
        except OSError:
            continue


# ---- the first format ----------------------------------------------------------------------


def journeys_from_events(rows: Iterable[tuple[str, int | None, str, str | None, str | None]],
                         ) -> list[Journey]:
    """The journeys of a first-format database, from its rows (minute, journey, kind, item,
    detail) in order. Its package outcomes are kept (by day now): which of them followed a
    screening answer was not recorded then."""
    journeys: dict[int, Journey] = {}
    for minute, number, kind, item, detail in rows:
        if number is None:
            continue
        if kind == "journey_started":
            journeys[number] = Journey(minute[:13], item or "")
            continue
        journey = journeys.get(number)
        if journey is None:
            continue
        if kind == "question_reached" and item and item not in journey.reached:
            journey.reached.append(item)
        elif kind == "language_changed" and item:
            journey.language, journey.language_changed = item, True
        elif kind == "journey_finished":
            journey.outcome = detail or "package"
            journey.package = item if journey.outcome == "package" else None
        elif kind == "journey_abandoned":
            journey.stopped = (item or "?", detail or "?")
    return list(journeys.values())


def migrate_from_events(db: sqlite3.Connection) -> None:
    """Turn a first-format database into counts, once, and erase its rows (secure_delete is on,
    and a VACUUM rewrites the file, so they are not left in free pages either)."""
    events = db.execute(
        "SELECT minute, journey, kind, item, detail FROM events ORDER BY id"
    ).fetchall()
    journeys = journeys_from_events(events)
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        for journey in journeys:
            db.execute(
                "INSERT INTO hours (hour, started) VALUES (?, 1) "
                "ON CONFLICT (hour) DO UPDATE SET started = started + 1", (journey.hour,),
            )
            for what, item, detail in journey.rows():
                db.execute(
                    "INSERT INTO counts (day, what, item, detail, n) VALUES (?, ?, ?, ?, 1) "
                    "ON CONFLICT (day, what, item, detail) DO UPDATE SET n = n + 1",
                    (journey.day, what, item, detail),
                )
        db.execute("DROP TABLE events")
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info(
        "usage: %d journeys of the first format turned into hourly and daily counts; "
        "the per-journey rows are erased", len(journeys),
    )
