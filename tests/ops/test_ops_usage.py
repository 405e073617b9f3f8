"""Anonymous usage counts: what reaches the database (counts that cannot be joined back to one
guest), and nothing else; private files; never blocking, never raising; a `kill -9` or a full
disk loses at most the journey under way, never stores half of one."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import threading
import time
from collections.abc import Iterator
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


def everything(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: all that anyone reading the file can learn."""
    tables = [name for (name,) in rows(path, "SELECT name FROM sqlite_master WHERE type='table'")]
    return {name: sorted(rows(path, f"SELECT * FROM {name}")) for name in tables}


def scripted_day(usage: UsageLog, clock: FakeClock) -> None:
    usage.slide_shown("welcome")
    usage.slide_shown("ease_aches")
    usage.slide_shown("welcome")
    usage.journey_started("en")  # guest 1: a package
    usage.question_reached("goals")
    usage.language_changed("es")
    usage.question_reached("time")
    usage.question_reached("screening")
    usage.journey_finished("package", "calm_sleep_60", False)
    clock.now = datetime(2026, 11, 26, 11, 7, 59)
    usage.journey_started("es")  # guest 2: walks away
    usage.question_reached("goals")
    usage.journey_abandoned("goals", "idle")
    usage.journey_started("en")  # guest 3: a screening "yes" -> talk to us
    usage.question_reached("goals")
    usage.question_reached("screening")
    usage.journey_finished("consult", None, True)
    usage.journey_started("en")  # guest 4: pregnant -> the one package made for that
    usage.question_reached("goals")
    usage.question_reached("screening")
    usage.journey_finished("package", "mother_to_be", True)


def test_scripted_journeys_are_stored_as_hourly_and_daily_counts(ops_dirs: Path) -> None:
    clock = FakeClock()
    path = ops_dirs / "data" / "usage.sqlite3"
    with UsageLog(clock=clock) as usage:
        scripted_day(usage, clock)
    assert everything(path) == {
        "hours": [("2026-11-26 10", 1), ("2026-11-26 11", 3)],
        "counts": sorted([
            ("2026-11-26", "outcome", "package", "calm_sleep_60", 1),
            ("2026-11-26", "outcome", "consult", "", 1),
            ("2026-11-26", "outcome", "screened", "", 1),  # which package: not kept
            ("2026-11-26", "abandoned", "goals", "idle", 1),
            ("2026-11-26", "reached", "goals", "", 4),
            ("2026-11-26", "reached", "time", "", 1),
            ("2026-11-26", "reached", "screening", "", 3),
            ("2026-11-26", "language", "es", "", 2),  # the language a journey ended in
            ("2026-11-26", "language", "en", "", 2),
            ("2026-11-26", "language_changed", "", "", 1),
        ]),
        "slides": [("2026-11-26", "ease_aches", 1), ("2026-11-26", "welcome", 2)],
    }
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    stored = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())
    assert b"mother_to_be" not in stored


def test_the_slide_a_journey_began_on_and_each_questions_place_are_day_counts(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Both are ids and numbers from the content, counted per day like the rest: which slide
    guests tapped, and where each question stands in the questionnaire."""
    clock = FakeClock()
    path = ops_dirs / "data" / "usage.sqlite3"
    with UsageLog(clock=clock) as usage:
        usage.journey_started("en", "welcome")
        usage.question_reached("goals", 1)
        usage.question_reached("time", 4)  # the questions between were not for this guest
        usage.journey_finished("consult", None, False)
        usage.journey_started("en", "welcome")
        usage.question_reached("goals", 1)
        usage.journey_abandoned("goals", "idle")
        usage.journey_started("en", "")  # the calm fallback slide was on screen
        usage.question_reached("goals", 1)
        usage.journey_abandoned("goals", "start_over")
        usage.journey_started("es", "not a slide id!")  # counted, without where it began
        usage.question_reached("goals", -3)  # counted, without a place
        usage.journey_finished("package", "calm_sleep_60", False)
    counts = everything(path)["counts"]
    assert [row for row in counts if row[1] in ("began_on", "reached")] == [
        ("2026-11-26", "began_on", "", "", 1),
        ("2026-11-26", "began_on", "welcome", "", 2),
        ("2026-11-26", "reached", "goals", "", 1),
        ("2026-11-26", "reached", "goals", "1", 3),
        ("2026-11-26", "reached", "time", "4", 1),
    ]
    assert rows(path, "SELECT sum(started) FROM hours") == [(4,)]
    assert "not a slide id" not in caplog.text and "-3" not in caplog.text


def test_the_schema_has_no_place_for_a_guest_a_minute_or_a_path(ops_dirs: Path) -> None:
    with UsageLog() as usage:
        usage.journey_started("en")
    path = ops_dirs / "data" / "usage.sqlite3"
    columns = {
        table: [c[1] for c in rows(path, f"PRAGMA table_info({table})")]
        for table in everything(path)
    }
    assert columns == {
        "hours": ["hour", "started"],
        "counts": ["day", "what", "item", "detail", "n"],
        "slides": ["day", "slide", "shown"],
    }
    # The only time finer than a day is the hour a journey began, and that row says nothing
    # else: no outcome, question or language is stored with a time finer than its day.
    hours = rows(path, "SELECT hour FROM hours")
    assert all(len(str(hour)) == len("2026-11-26 10") for (hour,) in hours)
    days = rows(path, "SELECT day FROM counts UNION SELECT day FROM slides")
    assert all(len(str(day)) == len("2026-11-26") for (day,) in days)


def journeys_at(path: Path, guests: list[tuple[datetime, tuple[str, ...], str]]) -> None:
    """Each guest: when they began, the questions they reached, how they ended."""
    clock = FakeClock()
    with UsageLog(path, clock=clock) as usage:
        for began, questions, end in guests:
            clock.now = began
            usage.journey_started("en")
            for question in questions:
                usage.question_reached(question)
            if end == "pregnant":
                usage.journey_finished("package", "mother_to_be", True)
            elif end == "consult":
                usage.journey_finished("consult", None, True)
            elif end == "idle":
                usage.journey_abandoned(questions[-1], "idle")
            else:
                usage.journey_finished("package", end, False)


def test_no_set_of_rows_ties_an_outcome_to_an_hour_or_to_a_question_path(
    ops_dirs: Path,
) -> None:
    """Two days that differ only in which guest had which outcome leave the very same file:
    nothing in it can tell the 10 o'clock guest's outcome from the 21 o'clock guest's, nor
    which questions the guest who got the screening outcome had reached."""
    morning, evening = datetime(2026, 11, 26, 10, 5), datetime(2026, 11, 26, 21, 53)
    sore, calm = ("goals", "area", "screening"), ("goals", "screening")
    cases = {
        "evening-guest-pregnant": [(morning, calm, "calm_sleep_60"), (evening, sore, "pregnant")],
        "morning-guest-pregnant": [(morning, sore, "pregnant"), (evening, calm, "calm_sleep_60")],
        "paths-swapped": [(morning, calm, "pregnant"), (evening, sore, "calm_sleep_60")],
    }
    seen = []
    for name, guests in cases.items():
        path = ops_dirs / "data" / f"{name}.sqlite3"
        journeys_at(path, guests)
        seen.append(everything(path))
    assert seen[0] == seen[1] == seen[2]
    for name in ("consult", "idle"):  # and so for "talk to us" and a walk-away
        a, b = ops_dirs / "data" / f"{name}-a.sqlite3", ops_dirs / "data" / f"{name}-b.sqlite3"
        journeys_at(a, [(morning, calm, name), (evening, sore, "calm_sleep_60")])
        journeys_at(b, [(morning, calm, "calm_sleep_60"), (evening, sore, name)])
        assert everything(a) == everything(b), name


def test_the_file_and_its_folder_are_private(ops_dirs: Path) -> None:
    folder = ops_dirs / "data"
    folder.chmod(0o755)  # as an older kiosk left it
    path = folder / "usage.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    with UsageLog() as usage:
        usage.journey_started("en")
        usage.journey_finished("consult", None, True)
        assert usage.flush()
        made = [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))]
        assert all(file.exists() for file in made)
        for file in made:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        # and the write-ahead log keeps no history of which counts one journey added to
        assert path.with_name(path.name + "-wal").stat().st_size == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    fresh = ops_dirs / "elsewhere" / "usage.sqlite3"
    os.umask(old := os.umask(0o022))
    try:
        with UsageLog(fresh) as usage:
            usage.slide_shown("welcome")
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert stat.S_IMODE(fresh.parent.stat().st_mode) == 0o700


def test_values_that_are_not_ids_are_refused_and_never_logged(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.usage")
    with UsageLog() as usage:
        usage.journey_started("en")
        usage.question_reached("I am pregnant")  # e.g. an option label passed by mistake
        usage.journey_abandoned("my back hurts", "idle")
        usage.journey_finished("yes", "heart", False)  # not an outcome
        usage.language_changed("English please")
        usage.slide_shown("")
    path = ops_dirs / "data" / "usage.sqlite3"
    assert rows(path, "SELECT what, item FROM counts") == [("language", "en")]
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
            "journeys_started": 4, "journeys_finished": 3, "consult": 1, "abandoned": 1,
            "slides_shown": 3,
        }
        assert usage.today_counts() == expected
    with UsageLog(clock=clock) as again:  # a new process: counts are read back from the file
        assert again.flush()
        assert again.today_counts() == expected
        again.journey_started("en")
        again.journey_abandoned("attract", "start_over")
        assert again.flush()
        assert again.today_counts()["journeys_started"] == 5
        clock.now = datetime(2026, 11, 27, 9, 0)
        assert again.today_counts()["journeys_started"] == 0  # a new day


def test_a_journey_under_way_at_close_is_counted_as_begun(ops_dirs: Path) -> None:
    with UsageLog(clock=FakeClock()) as usage:
        usage.journey_started("en")
        usage.question_reached("goals")
    path = ops_dirs / "data" / "usage.sqlite3"
    assert rows(path, "SELECT * FROM hours") == [("2026-11-26 10", 1)]
    assert rows(path, "SELECT what FROM counts WHERE what IN ('outcome', 'abandoned')") == []


def test_an_unusable_data_folder_drops_journeys_warns_once_and_recovers(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.usage")
    blocked = ops_dirs / "data" / "kiosk"
    blocked.write_text("a file where the folder should be")  # like a read-only or missing disk
    usage = UsageLog(blocked / "usage.sqlite3", retry_seconds=0.0)
    try:
        for _ in range(3):
            usage.journey_started("en")  # never raises into the caller
            usage.journey_abandoned("goals", "idle")
            usage.slide_shown("welcome")
        assert usage.flush()
        assert caplog.text.count("usage counts are dropped") == 1  # one warning, then quiet
        assert usage.today_counts()["journeys_started"] == 0
        blocked.unlink()  # the folder comes back: the next event opens the file again
        usage.journey_started("es")
        usage.journey_finished("consult", None, True)
        assert usage.flush()
        assert "writing to" in caplog.text and "were dropped meanwhile" in caplog.text
    finally:
        usage.close()
    assert rows(blocked / "usage.sqlite3", "SELECT what, item FROM counts ORDER BY what") == [
        ("language", "es"), ("outcome", "consult"),
    ]


def test_a_locked_database_drops_the_event_without_blocking_the_caller(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = ops_dirs / "data" / "usage.sqlite3"
    usage = UsageLog(path, busy_seconds=0.3, retry_seconds=0.0)
    try:
        assert usage.flush()
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # e.g. a backup tool holding the file
        # The UI thread never waits for the disk: the 200 calls return while the file is still
        # locked (calls that waited 0.3 s each for the lock would take a minute).
        def calls() -> None:
            for _ in range(200):
                usage.slide_shown("welcome")
            usage.journey_started("en")

        caller = threading.Thread(target=calls)
        caller.start()
        caller.join(timeout=30)
        assert not caller.is_alive()
        time.sleep(0.4)
        other.execute("ROLLBACK")
        other.close()
        assert usage.flush(timeout=60)
        usage.journey_started("es")
        usage.journey_abandoned("goals", "idle")
        assert usage.flush()
    finally:
        usage.close()
    assert "database is locked" in caplog.text
    assert ("language", "es") in rows(path, "SELECT what, item FROM counts")


def test_closed_log_ignores_events(ops_dirs: Path) -> None:
    usage = UsageLog()
    usage.close()
    usage.journey_started("en")
    usage.close()
    assert rows(ops_dirs / "data" / "usage.sqlite3", "SELECT count(*) FROM hours") == [(0,)]


WRITER = """
import sys
from pathlib import Path
from kiosk.ops.usage import UsageLog

usage = UsageLog(Path(sys.argv[1]))
number = 0
while True:
    usage.journey_started("en")
    usage.question_reached(f"q{number}")
    usage.journey_abandoned(f"q{number}", "idle")
    usage.flush()
    print(number, flush=True)
    number += 1
"""


def test_kill_9_while_writing_loses_at_most_the_journey_under_way(ops_dirs: Path) -> None:
    path = ops_dirs / "data" / "usage.sqlite3"
    writer = spawn(WRITER, str(path))
    assert writer.stdout is not None and writer.stderr is not None
    try:
        for line in writer.stdout:
            if int(line) >= 120:
                break
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        # The rest from the same reader: it may hold lines it read ahead (communicate() would
        # read only what is still in the pipe, and the last number would seem smaller).
        rest, errors = writer.stdout.read(), writer.stderr.read()
    finally:
        writer.kill()
    assert writer.returncode == -signal.SIGKILL, errors
    last_printed = int(rest.split()[-1]) if rest.split() else int(line)
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    reached = {item for (item,) in rows(path, "SELECT item FROM counts WHERE what = 'reached'")}
    stopped = {item for (item,) in rows(path, "SELECT item FROM counts WHERE what = 'abandoned'")}
    started = rows(path, "SELECT sum(started) FROM hours")[0][0]
    # Every journey is there whole or not at all, with no gaps; at most the one under way when
    # the writer was killed may be missing (or already there).
    assert reached == stopped == {f"q{n}" for n in range(len(reached))}
    assert started == len(reached)
    assert last_printed + 1 <= len(reached) <= last_printed + 2
    with UsageLog(path) as usage:  # and the kiosk starts on it again as usual
        usage.journey_started("en")
    assert rows(path, "SELECT sum(started) FROM hours")[0][0] == started + 1


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


FIRST_FORMAT = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY, minute TEXT NOT NULL, journey INTEGER, kind TEXT NOT NULL,
    item TEXT, detail TEXT
);
CREATE INDEX events_minute ON events (minute);
CREATE TABLE slides (
    day TEXT NOT NULL, slide TEXT NOT NULL, shown INTEGER NOT NULL, PRIMARY KEY (day, slide)
) WITHOUT ROWID;
PRAGMA user_version=1;
"""
FIRST_EVENTS = [
    ("2026-11-26 21:53", 1, "journey_started", "en", None),
    ("2026-11-26 21:53", 1, "question_reached", "goals", None),
    ("2026-11-26 21:54", 1, "question_reached", "sport", None),
    ("2026-11-26 21:54", 1, "question_reached", "screening", None),
    ("2026-11-26 21:55", 1, "journey_finished", "mother_to_be", "package"),
    ("2026-11-26 22:10", 2, "journey_started", "es", None),
    ("2026-11-26 22:10", 2, "question_reached", "goals", None),
    ("2026-11-26 22:11", 2, "journey_abandoned", "goals", "idle"),
    ("2026-11-27 09:02", 3, "journey_started", "en", None),  # cut off by a power cut
]


def write_first_format(path: Path) -> None:
    db = sqlite3.connect(path)
    db.executescript(FIRST_FORMAT)
    db.executemany(
        "INSERT INTO events (minute, journey, kind, item, detail) VALUES (?, ?, ?, ?, ?)",
        FIRST_EVENTS,
    )
    db.execute("INSERT INTO slides VALUES ('2026-11-26', 'welcome', 7)")
    db.commit()
    db.close()


def test_a_first_format_database_is_turned_into_counts_once(
    ops_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.usage")
    path = ops_dirs / "data" / "usage.sqlite3"
    write_first_format(path)
    with UsageLog(clock=FakeClock()) as usage:
        assert usage.flush()
    assert "3 journeys of the first format" in caplog.text
    assert everything(path) == {
        "hours": [("2026-11-26 21", 1), ("2026-11-26 22", 1), ("2026-11-27 09", 1)],
        "counts": sorted([
            ("2026-11-26", "outcome", "package", "mother_to_be", 1),
            ("2026-11-26", "abandoned", "goals", "idle", 1),
            ("2026-11-26", "reached", "goals", "", 2),
            ("2026-11-26", "reached", "sport", "", 1),
            ("2026-11-26", "reached", "screening", "", 1),
            ("2026-11-26", "language", "en", "", 1),
            ("2026-11-26", "language", "es", "", 1),
            ("2026-11-27", "language", "en", "", 1),
        ]),
        "slides": [("2026-11-26", "welcome", 7)],
    }
    assert rows(path, "PRAGMA user_version") == [(2,)]
    # The erased rows are not left in the file's free pages either.
    stored = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())
    assert b"21:53" not in stored and b"journey_started" not in stored
    caplog.clear()
    with UsageLog(clock=FakeClock()) as usage:  # once only
        assert usage.flush()
    assert "first format" not in caplog.text
    assert rows(path, "SELECT sum(started) FROM hours") == [(3,)]


# ---- a full disk (a small tmpfs; needs the right to mount one, as root in CI) ---------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk up to the last byte; returns the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    probe = folder / "probe"
    with pytest.raises(OSError) as full:
        probe.write_bytes(b"\0" * 8192)
    assert full.value.errno == errno.ENOSPC
    probe.unlink(missing_ok=True)
    return filler


def test_a_full_disk_drops_whole_journeys_warns_once_and_recovers(
    small_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.usage")
    data = small_disk / "data"
    path = data / "usage.sqlite3"
    usage = UsageLog(path, retry_seconds=0.0)
    try:
        usage.journey_started("en")
        usage.journey_abandoned("attract", "start_over")
        assert usage.flush()
        filler = fill(small_disk)
        for number in range(40):  # more than the free pages SQLite may still hold
            usage.journey_started("en")
            usage.question_reached(f"full{number}")
            usage.journey_finished("consult", None, True)
            for _ in range(20):
                usage.slide_shown(f"slide{number}")
        assert usage.flush(timeout=30)
        assert caplog.text.count("usage counts are dropped") == 1
        usage.journey_started("es")  # a journey begun while the disk is full...
        usage.question_reached("before")
        assert usage.flush()
        filler.unlink()  # ...and space comes back before it ends
        usage.question_reached("after")
        usage.journey_finished("package", "calm", False)
        assert usage.flush()
    finally:
        usage.close()
    assert "writing to" in caplog.text
    assert caplog.text.count("usage counts are dropped") == 1
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    reached = {item for (item,) in rows(path, "SELECT item FROM counts WHERE what='reached'")}
    assert {"before", "after"} <= reached  # the last journey is whole
    started = rows(path, "SELECT sum(started) FROM hours")[0][0]
    ended = rows(path, "SELECT sum(n) FROM counts WHERE what IN ('outcome', 'abandoned')")[0][0]
    assert started == ended  # every journey stored is whole: begun and ended
    empty = [p.name for p in data.iterdir() if p.is_file() and p.stat().st_size == 0]
    assert empty == []


def test_a_new_database_on_a_full_disk_leaves_no_empty_file(
    small_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = small_disk / "data"
    data.mkdir()
    filler = fill(small_disk)
    path = data / "usage.sqlite3"
    usage = UsageLog(path, retry_seconds=0.0)
    try:
        usage.journey_started("en")
        usage.journey_abandoned("goals", "idle")
        assert usage.flush()
        assert "usage counts are dropped" in caplog.text
        assert [p.name for p in data.iterdir()] == []  # no empty database left behind
        filler.unlink()
        usage.journey_started("en")
        usage.journey_abandoned("goals", "idle")
        assert usage.flush()
    finally:
        usage.close()
    assert rows(path, "SELECT sum(started) FROM hours") == [(1,)]
