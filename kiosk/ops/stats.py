"""`spa-kiosk stats`: the usage database as a summary for the manager, a CSV and a bar chart.

Journeys per day, completion rate, drop-off per question (how many journeys reached each question
and where the abandoned ones stopped), packages suggested, the "talk to us" rate, languages,
slides and busy hours, from the counts `kiosk.ops.usage` keeps (or from a first-format file, read
as the same counts). Reads the database read-only, so it can run while the kiosk writes.

With several files (copies of several kiosks' databases, e.g. fetched with rsync or scp), one
report with a column per kiosk and a total. A copy is opened read-only too, and checked before it
is read: a file still being copied is named and left out, the others are reported.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kiosk.ops import places
from kiosk.ops.usage import SCREENED, journeys_from_events

CSV_COLUMNS = (
    "date", "journeys_started", "journeys_finished", "packages_suggested", "talk_to_us",
    "abandoned", "not_ended", "completion_percent", "slides_shown",
)

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class StatsError(Exception):
    """The database cannot be read; the message is for the person running the command."""


@dataclass
class DayRow:
    day: date
    started: int = 0
    finished: int = 0
    packages: int = 0
    consult: int = 0
    abandoned: int = 0
    not_ended: int = 0
    slides: int = 0

    @property
    def completion(self) -> float | None:
        return self.finished / self.started if self.started else None


@dataclass
class QuestionRow:
    question: str
    reached: int = 0
    stopped: int = 0
    why: Counter[str] = field(default_factory=Counter)


@dataclass
class Stats:
    source: Path
    since: date | None
    days: list[DayRow]
    questions: list[QuestionRow]
    stopped_elsewhere: Counter[str]  # abandoned on a screen that is not a question
    packages: Counter[str]
    languages: Counter[str]
    slides: Counter[str]
    language_changes: int = 0
    screened: int = 0
    """Packages suggested after a screening answer: counted, but not by name."""
    by_hour: Counter[int] = field(default_factory=Counter)
    """Journeys begun in each hour of the day (0-23), over every day read."""
    by_weekday: Counter[int] = field(default_factory=Counter)
    """Journeys begun on each day of the week (0 Monday to 6 Sunday), over every day read."""

    @property
    def started(self) -> int:
        return sum(row.started for row in self.days)

    @property
    def finished(self) -> int:
        return sum(row.finished for row in self.days)

    @property
    def consult(self) -> int:
        return sum(row.consult for row in self.days)

    @property
    def abandoned(self) -> int:
        return sum(row.abandoned for row in self.days)

    @property
    def not_ended(self) -> int:
        return sum(row.not_ended for row in self.days)

    def as_text(self) -> str:
        return _format(self)


class NothingCounted(StatsError):
    """There is no usage database yet: the kiosk has not counted anything."""


def read_stats(path: Path, since: date | None = None) -> Stats:
    """Everything recorded in the database at `path` from `since` (a local date) on. A database
    in the first format (one row per event) is read as counts too, without changing it."""
    if not path.is_file():
        raise NothingCounted(f"no usage database at {path}")
    first = since.isoformat() if since else ""
    try:
        db = open_read_only(path)
        try:
            tables = {name for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )}
            if "events" in tables:
                hours, counts = _first_format(db, first)
            elif "counts" in tables:
                hours = db.execute(
                    "SELECT hour, started FROM hours WHERE hour >= ?", (first,)
                ).fetchall()
                counts = db.execute(
                    "SELECT day, what, item, detail, n FROM counts WHERE day >= ?", (first,)
                ).fetchall()
            else:
                hours, counts = [], []
            slide_rows = db.execute(
                "SELECT day, slide, shown FROM slides WHERE day >= ?", (first,)
            ).fetchall() if "slides" in tables else []
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StatsError(f"cannot read the usage database {path}: {exc}") from exc

    days: dict[str, DayRow] = {}

    def row(day: str) -> DayRow:
        if day not in days:
            days[day] = DayRow(date.fromisoformat(day))
        return days[day]

    by_hour: Counter[int] = Counter()
    by_weekday: Counter[int] = Counter()
    for hour, started in hours:
        today = row(hour[:10])
        today.started += started
        by_hour[int(hour[11:13])] += started
        by_weekday[today.day.weekday()] += started
    questions: dict[str, QuestionRow] = {}
    stops: list[tuple[str, str, int]] = []
    stopped_elsewhere: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    language_changes = screened = 0
    for day, what, item, detail, n in counts:
        today = row(day)
        if what == "outcome":
            today.finished += n
            if item == "consult":
                today.consult += n
            else:
                today.packages += n
                if item == SCREENED:
                    screened += n
                else:
                    packages[detail or "?"] += n
        elif what == "abandoned":
            today.abandoned += n
            stops.append((item, detail, n))
        elif what == "reached":
            questions.setdefault(item, QuestionRow(item)).reached += n
        elif what == "language":
            languages[item] += n
        elif what == "language_changed":
            language_changes += n
    for where, why, n in stops:
        if where in questions:
            stop = questions[where]
            stop.stopped += n
            stop.why[why or "?"] += n
        else:
            stopped_elsewhere[where or "?"] += n
    for today in days.values():
        today.not_ended = max(0, today.started - today.finished - today.abandoned)
    slides: Counter[str] = Counter()
    for day, slide, shown in slide_rows:
        row(day).slides += shown
        slides[slide] += shown

    rows = _every_day(days)
    ordered = sorted(questions.values(), key=lambda q: (-q.reached, q.question))
    return Stats(
        source=path, since=since, days=rows, questions=ordered,
        stopped_elsewhere=stopped_elsewhere, packages=packages, languages=languages,
        slides=slides, language_changes=language_changes, screened=screened,
        by_hour=by_hour, by_weekday=by_weekday,
    )


def open_read_only(path: Path) -> sqlite3.Connection:
    """The database at `path`, read-only (`mode=ro`), checked as whole (a file still being
    copied is not); raises sqlite3.Error.

    A copy in write-ahead-log mode that cannot be read that way (in a folder this user cannot
    write: SQLite needs its shared-memory file beside it) is opened `immutable` instead, where
    that is safe: no write-ahead log beside it, so nothing else is writing it."""
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            db.close()
            raise
    except sqlite3.OperationalError:
        if path.with_name(path.name + "-wal").exists():
            raise
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    try:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"the file is damaged or incomplete ({verdict})")
    except sqlite3.Error:
        db.close()
        raise
    return db


def _first_format(
    db: sqlite3.Connection, first: str
) -> tuple[list[tuple[str, int]], list[tuple[str, str, str, str, int]]]:
    """A first-format database's events as the counts the kiosk now keeps (as it will turn
    them into when it next opens the file)."""
    events = db.execute(
        "SELECT minute, journey, kind, item, detail FROM events WHERE minute >= ? ORDER BY id",
        (first,),
    ).fetchall()
    hours: Counter[str] = Counter()
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for journey in journeys_from_events(events):
        hours[journey.hour] += 1
        for what, item, detail in journey.rows():
            counts[(journey.day, what, item, detail)] += 1
    return list(hours.items()), [(*key, n) for key, n in counts.items()]


def _every_day(days: dict[str, DayRow]) -> list[DayRow]:
    """One row per day from the first to the last day counted, days without use included."""
    if not days:
        return []
    current = min(date.fromisoformat(day) for day in days)
    last = max(date.fromisoformat(day) for day in days)
    result = []
    while current <= last:
        result.append(days.get(current.isoformat()) or DayRow(current))
        current += timedelta(days=1)
    return result


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def _format(stats: Stats) -> str:
    out: list[str] = []
    if stats.days:
        first, last, count = stats.days[0].day, stats.days[-1].day, len(stats.days)
        span = f"{first} (1 day)" if count == 1 else f"{first} to {last} ({count} days)"
    else:
        span = f"since {stats.since}" if stats.since else "so far"
    out.append(f"Spa Kiosk usage, {span}")
    out.append(f"from {stats.source}")
    out.append("")
    if not stats.started and not stats.slides:
        out.append("Nothing counted in this time.")
        return "\n".join(out) + "\n"
    out.append(
        f"Journeys: {stats.started} started, {stats.finished} finished "
        f"({_percent(stats.finished, stats.started)} completion), {stats.abandoned} abandoned"
        + (f", {stats.not_ended} not ended (kiosk stopped)" if stats.not_ended else "")
    )
    packages = stats.finished - stats.consult
    out.append(
        f"Outcomes: {packages} package suggestions, {stats.consult} \"talk to us\" "
        f"({_percent(stats.consult, stats.finished)} of finished journeys)"
    )

    out += ["", "Per day      started  finished  talk to us  abandoned  completion  slides"]
    for day in stats.days:
        out.append(
            f"{day.day}  {day.started:>7}  {day.finished:>8}  {day.consult:>10}  "
            f"{day.abandoned:>9}  {_percent(day.finished, day.started):>10}  {day.slides:>6}"
        )

    if stats.questions:
        width = max(8, *(len(q.question) for q in stats.questions))
        out += ["", "Drop-off per question", f"  {'question':<{width}}  reached  stopped here"]
        for question in stats.questions:
            why = ", ".join(
                f"{n} {reason.replace('_', ' ')}" for reason, n in question.why.most_common()
            )
            stopped = f"{question.stopped}" + (f" ({why})" if why else "")
            out.append(f"  {question.question:<{width}}  {question.reached:>7}  {stopped}")
    if stats.stopped_elsewhere:
        elsewhere = ", ".join(f"{where} {n}" for where, n in stats.stopped_elsewhere.most_common())
        out.append(f"  abandoned elsewhere: {elsewhere}")

    if stats.packages or stats.screened:
        out += ["", "Packages suggested"]
        out += _counts(stats.packages) if stats.packages else []
        if stats.screened:
            out.append(
                f"  and {stats.screened} after a screening answer "
                "(not counted by name, for the guests' privacy)"
            )
    if stats.by_hour:
        out += ["", "Busy hours (journeys begun, by hour of the day)"]
        peak = max(stats.by_hour.values())
        for hour in range(min(stats.by_hour), max(stats.by_hour) + 1):
            n = stats.by_hour.get(hour, 0)
            bar = "#" * round(30 * n / peak) if peak else ""
            out.append(f"  {hour:02d}:00  {n:>6}  {bar}".rstrip())
    if stats.by_weekday:
        out += ["", "Busy weekdays (journeys begun)"]
        out += [
            f"  {WEEKDAYS[day]}  {stats.by_weekday.get(day, 0):>6}" for day in range(7)
        ]
    if stats.languages:
        changed = (
            f"; changed during {stats.language_changes} journeys" if stats.language_changes else ""
        )
        out += ["", f"Languages (the language each journey ended in{changed})"]
        out += _counts(stats.languages)
    if stats.slides:
        out += ["", f"Slides shown: {sum(stats.slides.values())}"]
        out += _counts(stats.slides)
    return "\n".join(out) + "\n"


def _counts(counter: Counter[str]) -> list[str]:
    width = max(len(name) for name in counter)
    total = sum(counter.values())
    return [
        f"  {name:<{width}}  {n:>6}  {_percent(n, total):>4}"
        for name, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]


def write_csv(stats: Stats, path: Path) -> None:
    """One row per day, with a header; completion as a percentage with one decimal."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for day in stats.days:
            completion = day.completion
            writer.writerow([
                day.day.isoformat(), day.started, day.finished, day.packages, day.consult,
                day.abandoned, day.not_ended,
                "" if completion is None else f"{100 * completion:.1f}", day.slides,
            ])


def parse_day(text: str) -> date:
    """argparse type for --since."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def stats_command(args: argparse.Namespace) -> int:
    files = [Path(name).expanduser() for name in getattr(args, "files", None) or []]
    if args.db:
        files.append(Path(args.db).expanduser())
    if len(files) > 1:
        return _many_command(args, files)
    path = files[0] if files else places.usage_db_path()
    try:
        stats = read_stats(path, args.since)
    except NothingCounted:
        print(f"Nothing counted yet: no guest has used this kiosk (no usage file at {path}).")
        return 0
    except StatsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(stats.as_text(), end="")
    try:
        if args.csv:
            write_csv(stats, Path(args.csv))
            print(f"wrote {args.csv}")
        if args.chart:
            from kiosk.ops.chart import write_chart

            write_chart([(row.day, row.started) for row in stats.days], Path(args.chart))
            print(f"wrote {args.chart}")
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


# ---- several kiosks ------------------------------------------------------------------------


TOTAL = "total"


def kiosk_names(paths: list[Path]) -> list[str]:
    """A short name for each kiosk's file: its name without .sqlite3 (lobby.sqlite3: lobby),
    or its folder's where those are the same (lobby/usage.sqlite3: lobby), else the path."""
    for name in (lambda p: p.stem, lambda p: p.parent.name or p.stem, str):
        names = [name(path.absolute()) for path in paths]
        if len(set(names)) == len(names) and TOTAL not in names:
            return names
    return [str(path) for path in paths]


def read_many(
    paths: list[Path], since: date | None = None
) -> tuple[list[tuple[str, Stats]], list[str]]:
    """Each readable kiosk's stats with its name, and one line for each file that is not."""
    named: list[tuple[str, Stats]] = []
    problems: list[str] = []
    for name, path in zip(kiosk_names(paths), paths, strict=True):
        try:
            named.append((name, read_stats(path, since)))
        except NothingCounted:
            problems.append(f"{path}: no such file")
        except StatsError as exc:
            problems.append(f"{exc} (if it is still being copied, try again when it is done)")
    return named, problems


def _days(named: list[tuple[str, Stats]]) -> list[date]:
    known = [row.day for _, stats in named for row in stats.days]
    if not known:
        return []
    current, last, days = min(known), max(known), []
    while current <= last:
        days.append(current)
        current += timedelta(days=1)
    return days


def _by_day(stats: Stats) -> dict[date, DayRow]:
    return {row.day: row for row in stats.days}


def format_many(named: list[tuple[str, Stats]]) -> str:
    """One report over several kiosks: a column per kiosk, then the total."""
    names = [name for name, _ in named]
    days = _days(named)
    if days:
        span = f"{days[0]} (1 day)" if len(days) == 1 else (
            f"{days[0]} to {days[-1]} ({len(days)} days)"
        )
    else:
        span = "so far"
    width = max(len(name) for name in names)
    out = [f"Spa Kiosk usage, {len(named)} kiosks, {span}"]
    out += [f"  {name:<{width}}  {stats.source}" for name, stats in named]
    columns = [*names, TOTAL]
    widths = [max(len(column), 7) for column in columns]

    def table(title: str, rows: list[tuple[str, list[str]]]) -> list[str]:
        first = max([len(title), *(len(label) for label, _ in rows)])
        head = f"{title:<{first}}  " + "  ".join(
            f"{column:>{w}}" for column, w in zip(columns, widths, strict=True)
        )
        lines = ["", head.rstrip()]
        for label, cells in rows:
            lines.append(f"{label:<{first}}  " + "  ".join(
                f"{cell:>{w}}" for cell, w in zip(cells, widths, strict=True)
            ))
        return lines

    def counts(values: list[int]) -> list[str]:
        return [str(value) for value in [*values, sum(values)]]

    every = [stats for _, stats in named]
    started = [s.started for s in every]
    finished = [s.finished for s in every]
    summary = [
        ("journeys started", counts(started)),
        ("finished", counts(finished)),
        ("completion", [
            _percent(f, s) for f, s in zip([*finished, sum(finished)], [*started, sum(started)],
                                           strict=True)
        ]),
        ("package suggestions", counts([s.finished - s.consult for s in every])),
        ('"talk to us"', counts([s.consult for s in every])),
        ("abandoned", counts([s.abandoned for s in every])),
        ("not ended", counts([s.not_ended for s in every])),
        ("slides shown", counts([sum(s.slides.values()) for s in every])),
    ]
    out += table("Summary", summary)
    per_day = [_by_day(stats) for stats in every]
    out += table("Journeys started", [
        (day.isoformat(), counts([rows[day].started if day in rows else 0 for rows in per_day]))
        for day in days
    ])
    packages = sorted({name for s in every for name in s.packages})
    if packages:
        out += table("Packages suggested", [
            (package, counts([s.packages.get(package, 0) for s in every]))
            for package in packages
        ])
    hours = sorted({hour for s in every for hour in s.by_hour})
    if hours:
        out += table("Journeys begun by hour", [
            (f"{hour:02d}:00", counts([s.by_hour.get(hour, 0) for s in every]))
            for hour in range(hours[0], hours[-1] + 1)
        ])
    return "\n".join(out) + "\n"


def write_csv_many(named: list[tuple[str, Stats]], path: Path) -> None:
    """One row per day and kiosk, and one per day for the total: a `kiosk` column after the
    date, then the columns of the one-kiosk CSV."""
    per_day = [(name, _by_day(stats)) for name, stats in named]
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow([CSV_COLUMNS[0], "kiosk", *CSV_COLUMNS[1:]])
        for day in _days(named):
            rows = [(name, rows.get(day) or DayRow(day)) for name, rows in per_day]
            total = DayRow(day)
            for _, row in rows:
                for key in ("started", "finished", "packages", "consult", "abandoned",
                            "not_ended", "slides"):
                    setattr(total, key, getattr(total, key) + getattr(row, key))
            for name, row in [*rows, (TOTAL, total)]:
                completion = row.completion
                writer.writerow([
                    day.isoformat(), name, row.started, row.finished, row.packages, row.consult,
                    row.abandoned, row.not_ended,
                    "" if completion is None else f"{100 * completion:.1f}", row.slides,
                ])


def _many_command(args: argparse.Namespace, paths: list[Path]) -> int:
    named, problems = read_many(paths, args.since)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not named:
        return 1
    print(format_many(named), end="")
    try:
        if args.csv:
            write_csv_many(named, Path(args.csv))
            print(f"wrote {args.csv}")
        if args.chart:
            from kiosk.ops.chart import write_chart

            per_day = [_by_day(stats) for _, stats in named]
            totals = [
                (day, sum(rows[day].started for rows in per_day if day in rows))
                for day in _days(named)
            ]
            write_chart(totals, Path(args.chart), f"Journeys per day, {len(named)} kiosks")
            print(f"wrote {args.chart}")
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1 if problems else 0
