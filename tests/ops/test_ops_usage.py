"""Anonymous usage counts: what reaches the database, and nothing else; never blocking, never
raising; and a `kill -9` in the middle of writing loses at most the event being written."""

from __future__ import annotations

import logging
import signal
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest
from opskit import spawn

from kiosk.ops.usage import UsageLog


class FakeClock:
    def __init__(self, start: datetime = datetime(2026, 11, 26, 10, 0, 30)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def scripted_day(usage: UsageLog, clock: FakeClock) -> None:
    usage.slide_shown("welcome")
    usage.slide_shown("ease_aches")
    usage.slide_shown("welcome")
    usage.journey_started("en")  # guest 1: a package
    usage.question_reached("goals")
    usage.language_changed("es")
    usage.question_reached("time")
    usage.question_reached("screening")
    usage.journey_finished("package", "calm_sleep_60")
    clock.now = datetime(2026, 11, 26, 10, 7, 59)
    usage.journey_started("es")  # guest 2: walks away
    usage.question_reached("goals")
    usage.journey_abandoned("goals", "idle")
    usage.journey_started("en")  # guest 3: a screening "yes" -> talk to us
    usage.question_reached("goals")
    usage.question_reached("screening")
    usage.journey_finished("consult", None)


def test_scripted_journeys_are_stored_as_anonymous_events(ops_dirs: Path) -> None:
    clock = FakeClock()
    path = ops_dirs / "data" / "usage.sqlite3"
    with UsageLog(clock=clock) as usage:
        scripted_day(usage, clock)
    assert rows(path, "SELECT minute, journey, kind, item, detail FROM events ORDER BY id") == [
        ("2026-11-26 10:00", 1, "journey_started", "en", None),
        ("2026-11-26 10:00", 1, "question_reached", "goals", None),
        ("2026-11-26 10:00", 1, "language_changed", "es", None),
        ("2026-11-26 10:00", 1, "question_reached", "time", None),
        ("2026-11-26 10:00", 1, "question_reached", "screening", None),
        ("2026-11-26 10:00", 1, "journey_finished", "calm_sleep_60", "package"),
        ("2026-11-26 10:07", 2, "journey_started", "es", None),
        ("2026-11-26 10:07", 2, "question_reached", "goals", None),
        ("2026-11-26 10:07", 2, "journey_abandoned", "goals", "idle"),
        ("2026-11-26 10:07", 3, "journey_started", "en", None),
        ("2026-11-26 10:07", 3, "question_reached", "goals", None),
        ("2026-11-26 10:07", 3, "question_reached", "screening", None),
        ("2026-11-26 10:07", 3, "journey_finished", None, "consult"),
    ]
    assert rows(path, "SELECT day, slide, shown FROM slides ORDER BY slide") == [
        ("2026-11-26", "ease_aches", 1), ("2026-11-26", "welcome", 2),
    ]
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]


def test_the_schema_has_no_place_for_answers_flags_or_guests(ops_dirs: Path) -> None:
    with UsageLog() as usage:
        usage.journey_started("en")
    path = ops_dirs / "data" / "usage.sqlite3"
    tables = {name for (name,) in rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"events", "slides"}
    assert [c[1] for c in rows(path, "PRAGMA table_info(events)")] == [
        "id", "minute", "journey", "kind", "item", "detail",
    ]
    assert [c[1] for c in rows(path, "PRAGMA table_info(slides)")] == ["day", "slide", "shown"]


def test_values_that_are_not_ids_are_refused_and_never_logged(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.usage")
    with UsageLog() as usage:
        usage.journey_started("en")
        usage.question_reached("I am pregnant")  # e.g. an option label passed by mistake
        usage.journey_abandoned("my back hurts", "idle")
        usage.journey_finished("yes", "heart")  # not an outcome
        usage.language_changed("English please")
        usage.slide_shown("")
    path = ops_dirs / "data" / "usage.sqlite3"
    assert rows(path, "SELECT kind, item FROM events") == [("journey_started", "en")]
    assert rows(path, "SELECT * FROM slides") == []
    text = caplog.text
    assert "not recorded" in text
    for secret in ("pregnant", "back hurts", "heart", "English please"):
        assert secret not in text
    stored = b"".join(p.read_bytes() for p in (ops_dirs / "data").iterdir() if p.is_file())
    for word in (b"pregnant", b"back hurts", b"heart", b"English please"):
        assert word not in stored


def test_today_counts_come_from_memory_and_survive_a_restart(ops_dirs: Path) -> None:
    clock = FakeClock()
    with UsageLog(clock=clock) as usage:
        scripted_day(usage, clock)
        assert usage.flush()
        expected = {
            "journeys_started": 3, "journeys_finished": 2, "consult": 1, "abandoned": 1,
            "slides_shown": 3,
        }
        assert usage.today_counts() == expected
    with UsageLog(clock=clock) as again:  # a new process: counts are read back from the file
        assert again.flush()
        assert again.today_counts() == expected
        again.journey_started("en")  # journey numbers go on where they stopped
        assert again.flush()
        assert again.today_counts()["journeys_started"] == 4
        clock.now = datetime(2026, 11, 27, 9, 0)
        assert again.today_counts()["journeys_started"] == 0  # a new day
    assert rows(ops_dirs / "data" / "usage.sqlite3", "SELECT max(journey) FROM events") == [(4,)]


def test_an_unusable_data_folder_drops_events_logs_and_recovers(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.usage")
    blocked = ops_dirs / "data" / "kiosk"
    blocked.write_text("a file where the folder should be")  # like a read-only or missing disk
    usage = UsageLog(blocked / "usage.sqlite3", retry_seconds=0.0)
    try:
        usage.journey_started("en")  # never raises into the caller
        usage.slide_shown("welcome")
        assert usage.flush()
        assert "usage events are dropped" in caplog.text
        assert usage.today_counts()["journeys_started"] == 0
        blocked.unlink()  # the folder comes back: the next event opens the file again
        usage.journey_started("es")
        assert usage.flush()
        assert "writing to" in caplog.text and "2 events were dropped" in caplog.text
    finally:
        usage.close()
    assert rows(blocked / "usage.sqlite3", "SELECT journey, item FROM events") == [(1, "es")]


def test_a_locked_database_drops_the_event_without_blocking_the_caller(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = ops_dirs / "data" / "usage.sqlite3"
    usage = UsageLog(path, busy_seconds=0.3, retry_seconds=0.0)
    try:
        assert usage.flush()
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # e.g. a backup tool holding the file
        started = time.perf_counter()
        for _ in range(200):
            usage.slide_shown("welcome")
        usage.journey_started("en")
        assert time.perf_counter() - started < 0.2  # the UI thread never waits for the disk
        time.sleep(0.4)
        other.execute("ROLLBACK")
        other.close()
        assert usage.flush(timeout=60)
        usage.journey_started("es")
        assert usage.flush()
    finally:
        usage.close()
    assert "database is locked" in caplog.text
    assert rows(path, "SELECT item FROM events")[-1] == ("es",)


def test_closed_log_ignores_events(ops_dirs: Path) -> None:
    usage = UsageLog()
    usage.close()
    usage.journey_started("en")
    usage.close()
    assert rows(ops_dirs / "data" / "usage.sqlite3", "SELECT count(*) FROM events") == [(0,)]


WRITER = """
import sys
from pathlib import Path
from kiosk.ops.usage import UsageLog

usage = UsageLog(Path(sys.argv[1]))
number = 0
while True:
    usage.question_reached(f"q{number}")
    usage.flush()
    print(number, flush=True)
    number += 1
"""


def test_kill_9_while_writing_loses_at_most_the_last_event(ops_dirs: Path) -> None:
    path = ops_dirs / "data" / "usage.sqlite3"
    writer = spawn(WRITER, str(path))
    assert writer.stdout is not None
    try:
        for line in writer.stdout:
            if int(line) >= 120:
                break
        writer.send_signal(signal.SIGKILL)
        rest, errors = writer.communicate(timeout=10)
    finally:
        writer.kill()
    assert writer.returncode == -signal.SIGKILL, errors
    last_printed = int(rest.split()[-1]) if rest.split() else int(line)
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    stored = [item for (item,) in rows(path, "SELECT item FROM events ORDER BY id")]
    # Every event written before the last one reported is there, in order, with no gaps; at most
    # the one the writer was busy with when it was killed may be missing (or already there).
    assert stored == [f"q{n}" for n in range(len(stored))]
    assert last_printed + 1 <= len(stored) <= last_printed + 2
    with UsageLog(path) as usage:  # and the kiosk starts on it again as usual
        usage.journey_started("en")
    assert rows(path, "SELECT kind FROM events ORDER BY id DESC LIMIT 1") == [("journey_started",)]


def test_a_log_started_later_writes_what_came_before_it(ops_dirs: Path) -> None:
    """The kiosk starts the writer after its first frame; the first slide, shown before, is
    counted all the same, and a log closed without being started still writes its events."""
    path = ops_dirs / "data" / "usage.sqlite3"
    usage = UsageLog(start=False)
    usage.slide_shown("welcome")
    assert usage.flush(timeout=0.2) is False  # not written yet
    assert not path.exists()
    usage.start()
    usage.start()  # twice is harmless
    assert usage.flush()
    assert rows(path, "SELECT slide, shown FROM slides") == [("welcome", 1)]
    usage.close()

    never_started = UsageLog(start=False)
    never_started.slide_shown("welcome")
    never_started.close()
    assert rows(path, "SELECT slide, shown FROM slides") == [("welcome", 2)]
