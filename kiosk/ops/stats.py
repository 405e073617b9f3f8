"""`spa-kiosk stats`: the usage database as a summary for the manager, a CSV and a bar chart.

Journeys per day, completion rate, how journeys ended per day or per week (a package suggested,
"talk to us", walked away), drop-off per question in questionnaire order (how many journeys
reached each question and where the abandoned ones stopped), packages suggested, the slide on
screen when guests began, languages, slides, busy hours and weekdays, from the counts
`kiosk.ops.usage` keeps (or from a first-format file, read as the same counts). Reads the
database read-only, so it can run while the kiosk writes.

The questionnaire order comes from the usage file itself (the kiosk stores each question's place
with its count), so a copy on a technician's laptop is listed in order without the content. The
chart's month names are in the kiosk's first language: `--language`, else the first of
`languages` in the content folder's kiosk.yaml (`--content`, else the kiosk's own).

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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kiosk.content.yamlread import YamlError, read_yaml
from kiosk.ops import places
from kiosk.ops.chart import Bar, write_chart
from kiosk.ops.usage import SCREENED, journeys_from_events

CSV_COLUMNS = (
    "date", "journeys_started", "journeys_finished", "packages_suggested", "talk_to_us",
    "abandoned", "not_ended", "completion_percent", "slides_shown", "week",
)
"""The CSV's columns: one row per day; `abandoned` is walked away (left idle or started over),
`week` the Monday of the day's week (to sum by week in a spreadsheet)."""

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PERIODS = ("day", "week")
DAYS_SHOWN_BY_DAY = 31
"""Up to this many days the report and the chart go day by day, and week by week beyond."""
FALLBACK_SLIDE = "(the spa's name: no slide scheduled)"


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

    def add(self, other: DayRow) -> None:
        """Count `other`'s journeys and slides in this row too (a week's, or several kiosks')."""
        for key in ("started", "finished", "packages", "consult", "abandoned", "not_ended",
                    "slides"):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    def bar(self) -> Bar:
        """The chart's bar: package suggested, "talk to us", walked away, not ended."""
        return Bar(self.day, (self.packages, self.consult, self.abandoned, self.not_ended))


@dataclass
class QuestionRow:
    question: str
    reached: int = 0
    stopped: int = 0
    why: Counter[str] = field(default_factory=Counter)
    position: int | None = None
    """Its place in the questionnaire on the latest day it was reached (1: the first)."""
    position_day: str = ""
    first_day: str = ""


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
    began_on: Counter[str] = field(default_factory=Counter)
    """Journeys by the slide on screen at the tap that began them ('' the fallback slide)."""

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

    def as_text(self, per: str | None = None) -> str:
        """The report; `per` "day" or "week" for how journeys ended over time (default: by
        the length of the time read, see `choose_per`)."""
        return _format(self, choose_per(len(self.days), per))

    def periods(self, per: str) -> list[DayRow]:
        return by_period(self.days, per)


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
    began_on: Counter[str] = Counter()
    language_changes = screened = 0
    for day, what, item, detail, n in sorted(counts):
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
            question = questions.setdefault(item, QuestionRow(item, first_day=day))
            question.reached += n
            if detail.isdigit() and day >= question.position_day:
                question.position, question.position_day = int(detail), day
        elif what == "began_on":
            began_on[item] += n
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
    return Stats(
        source=path, since=since, days=rows, questions=questionnaire_order(questions.values()),
        stopped_elsewhere=stopped_elsewhere, packages=packages, languages=languages,
        slides=slides, language_changes=language_changes, screened=screened,
        by_hour=by_hour, by_weekday=by_weekday, began_on=began_on,
    )


def questionnaire_order(questions: Iterable[QuestionRow]) -> list[QuestionRow]:
    """Questions in the order of the questionnaire as last counted: each at its place on the
    latest day it was reached. A question whose place a later one took (it was moved or taken
    out of the content), and questions counted without a place (files from older kiosks),
    follow: by the day first reached, then the most reached (earlier questions are reached by
    more guests), then by name."""
    placed: dict[int, QuestionRow] = {}
    rest: list[QuestionRow] = []
    latest_first = sorted(questions, key=lambda q: q.position_day, reverse=True)
    for question in latest_first:
        if question.position is not None and question.position not in placed:
            placed[question.position] = question
        else:
            rest.append(question)
    rest.sort(key=lambda q: (q.first_day, -q.reached, q.question))
    return [placed[position] for position in sorted(placed)] + rest


def choose_per(days: int, per: str | None = None) -> str:
    """`per` if given, else "day" for up to DAYS_SHOWN_BY_DAY days and "week" beyond."""
    if per in PERIODS:
        return per
    return "day" if days <= DAYS_SHOWN_BY_DAY else "week"


def week_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def by_period(rows: Iterable[DayRow], per: str) -> list[DayRow]:
    """Day rows summed per day or per week (a row for each, dated its first day, the Monday for
    a week; the first and last weeks may hold fewer days)."""
    periods: dict[date, DayRow] = {}
    for row in rows:
        start = week_of(row.day) if per == "week" else row.day
        periods.setdefault(start, DayRow(start)).add(row)
    return [periods[start] for start in sorted(periods)]


def first_language(folder: Path) -> str | None:
    """The first of `languages` in `folder`'s kiosk.yaml, or None where it cannot be read
    (the content is checked by `spa-kiosk check`, not here)."""
    try:
        data = read_yaml(folder / "kiosk.yaml").data  # as the kiosk reads it (`no` is Norwegian)
    except YamlError:
        return None
    languages = data.get("languages") if isinstance(data, dict) else None
    if isinstance(languages, list) and languages and isinstance(languages[0], str):
        return languages[0].strip() or None
    return None


def chart_language(args: argparse.Namespace) -> str:
    """--language, else the kiosk's first language (from --content or the kiosk's content
    folder), else English."""
    given = getattr(args, "language", None)
    if given:
        return str(given)
    folder = places.choose_content(getattr(args, "content", None)).folder
    return first_language(folder) or "en"


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


def _format(stats: Stats, per: str) -> str:
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

    out += _ended_over_time(stats.periods(per), per)

    if stats.questions:
        width = max(8, *(len(q.question) for q in stats.questions))
        out += [
            "", "Drop-off per question (in questionnaire order)",
            f"  {'question':<{width}}  reached  stopped here",
        ]
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
    out += _began_on(stats.began_on, stats.started)
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


ENDED_HEAD = ("package", "talk to us", "walked away", "not ended")


def _ended_over_time(periods: list[DayRow], per: str) -> list[str]:
    """How journeys ended, one line per day or week: counts and, for a week, shares."""
    label = "week of" if per == "week" else "day"
    out = ["", f"How journeys ended, per {per} (package suggested, \"talk to us\", walked away)"]
    out.append(f"  {label:<10}  started  " + "  ".join(f"{h:>11}" for h in ENDED_HEAD))
    for row in periods:
        parts = (row.packages, row.consult, row.abandoned, row.not_ended)
        cells = [f"{n} {_percent(n, row.started):>4}" for n in parts]
        out.append(
            f"  {row.day.isoformat():<10}  {row.started:>7}  "
            + "  ".join(f"{cell:>11}" for cell in cells)
        )
    return out


def _began_on(began_on: Counter[str], started: int) -> list[str]:
    """The "began on slide" table: which slide guests tapped to begin, and its share."""
    if not began_on:
        return []
    named = Counter({(slide or FALLBACK_SLIDE): n for slide, n in began_on.items()})
    out = ["", "Began on slide (the slide on screen at the tap that began a journey)"]
    out += _counts(named)
    unknown = started - sum(began_on.values())
    if unknown > 0:
        out.append(f"  and {unknown} journeys counted before the kiosk kept this")
    return out


def _counts(counter: Counter[str]) -> list[str]:
    width = max(len(name) for name in counter)
    total = sum(counter.values())
    return [
        f"  {name:<{width}}  {n:>6}  {_percent(n, total):>4}"
        for name, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]


def _csv_cells(row: DayRow) -> list[object]:
    """A day's cells after the date (and kiosk): CSV_COLUMNS[1:]."""
    completion = row.completion
    return [
        row.started, row.finished, row.packages, row.consult, row.abandoned, row.not_ended,
        "" if completion is None else f"{100 * completion:.1f}", row.slides,
        week_of(row.day).isoformat(),
    ]


def write_csv(stats: Stats, path: Path) -> None:
    """One row per day, with a header; completion as a percentage with one decimal."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for day in stats.days:
            writer.writerow([day.day.isoformat(), *_csv_cells(day)])


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
    per = choose_per(len(stats.days), getattr(args, "per", None))
    print(stats.as_text(per), end="")
    try:
        if args.csv:
            write_csv(stats, Path(args.csv))
            print(f"wrote {args.csv}")
        if args.chart:
            write_chart(
                [row.bar() for row in stats.periods(per)], Path(args.chart), per=per,
                light=not getattr(args, "dark", False), language=chart_language(args),
            )
            print(f"wrote {args.chart}")
    except BrokenPipeError:
        raise  # the reader went away (`| head`): kiosk.cli ends quietly
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


def format_many(named: list[tuple[str, Stats]], per: str | None = None) -> str:
    """One report over several kiosks: a column per kiosk, then the total."""
    names = [name for name, _ in named]
    days = _days(named)
    per = choose_per(len(days), per)
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
    periods = [{row.day: row for row in stats.periods(per)} for stats in every]
    starts = [row.day for row in total_periods(named, per)]
    for title, part in (
        ("Package suggested", "packages"), ('"Talk to us"', "consult"),
        ("Walked away", "abandoned"),
    ):
        out += table(f"{title}, per {per}", [
            (start.isoformat(), counts([
                getattr(rows[start], part) if start in rows else 0 for rows in periods
            ]))
            for start in starts
        ])
    slides = sorted(
        {slide for s in every for slide in s.began_on},
        key=lambda slide: (-sum(s.began_on.get(slide, 0) for s in every), slide),
    )
    if slides:
        out += table("Began on slide", [
            (slide or FALLBACK_SLIDE, counts([s.began_on.get(slide, 0) for s in every]))
            for slide in slides
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


def total_periods(named: list[tuple[str, Stats]], per: str) -> list[DayRow]:
    """Every kiosk's days summed, per day or per week, from the first day any kiosk counted
    to the last (days no kiosk counted included)."""
    totals = {day: DayRow(day) for day in _days(named)}
    for _, stats in named:
        for row in stats.days:
            totals[row.day].add(row)
    return by_period(totals.values(), per)


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
                total.add(row)
            for name, row in [*rows, (TOTAL, total)]:
                writer.writerow([day.isoformat(), name, *_csv_cells(row)])


def _many_command(args: argparse.Namespace, paths: list[Path]) -> int:
    named, problems = read_many(paths, args.since)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not named:
        return 1
    per = choose_per(len(_days(named)), getattr(args, "per", None))
    print(format_many(named, per), end="")
    try:
        if args.csv:
            write_csv_many(named, Path(args.csv))
            print(f"wrote {args.csv}")
        if args.chart:
            write_chart(
                [row.bar() for row in total_periods(named, per)], Path(args.chart), per=per,
                title=f"Journeys per {per}, {len(named)} kiosks",
                light=not getattr(args, "dark", False), language=chart_language(args),
            )
            print(f"wrote {args.chart}")
    except BrokenPipeError:
        raise  # the reader went away (`| head`): kiosk.cli ends quietly
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1 if problems else 0
