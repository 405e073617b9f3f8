"""`spa-kiosk stats`: the summary, the CSV and the chart, from a database filled with known
journeys."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ops.stats import read_stats
from kiosk.ops.usage import UsageLog

QUESTIONS = ("goals", "time", "screening")


def journey(
    usage: UsageLog, language: str, reach: int, end: tuple[str, str | None] | None
) -> None:
    """A guest who reaches the first `reach` questions, then finishes ("package", id) or
    ("consult", None), abandons ("abandoned", why) at the last reached question, or (None) is cut
    off by a stopped kiosk."""
    usage.journey_started(language)
    for question in QUESTIONS[:reach]:
        usage.question_reached(question)
    if end is None:
        return
    kind, value = end
    if kind == "abandoned":
        usage.journey_abandoned(QUESTIONS[reach - 1], value or "idle")
    else:
        usage.journey_finished(kind, value, False)


@pytest.fixture
def db(ops_dirs: Path) -> Path:
    now = [datetime(2026, 11, 23, 10, 0)]
    with UsageLog(clock=lambda: now[0]) as usage:
        # 23 Nov: 3 journeys, 2 finished
        journey(usage, "en", 3, ("package", "calm_sleep_60"))
        journey(usage, "en", 3, ("package", "deep_ease_60"))
        journey(usage, "es", 1, ("abandoned", "idle"))
        for _ in range(5):
            usage.slide_shown("welcome")
        # 24 Nov: nobody came
        # 25 Nov: 4 journeys: a package, a talk to us, one left at time, one cut off
        now[0] = datetime(2026, 11, 25, 16, 30)
        journey(usage, "en", 3, ("package", "calm_sleep_60"))
        usage.journey_started("en")
        usage.question_reached("goals")
        usage.language_changed("es")
        usage.question_reached("time")
        usage.question_reached("screening")
        usage.journey_finished("consult", None, True)
        journey(usage, "es", 2, ("abandoned", "start_over"))
        usage.slide_shown("welcome")
        usage.slide_shown("ease_aches")
        now[0] = datetime(2026, 11, 25, 17, 0)
        journey(usage, "en", 1, None)  # the power went off
    return ops_dirs / "data" / "usage.sqlite3"


def test_summary_numbers(db: Path) -> None:
    stats = read_stats(db)
    days = [(d.day, d.started, d.finished, d.consult, d.abandoned, d.slides) for d in stats.days]
    assert days == [
        (date(2026, 11, 23), 3, 2, 0, 1, 5),
        (date(2026, 11, 24), 0, 0, 0, 0, 0),
        (date(2026, 11, 25), 4, 2, 1, 1, 2),
    ]
    assert (stats.started, stats.finished, stats.consult, stats.abandoned, stats.not_ended) == (
        7, 4, 1, 2, 1,
    )
    assert [(q.question, q.reached, q.stopped, dict(q.why)) for q in stats.questions] == [
        ("goals", 7, 1, {"idle": 1}),
        ("time", 5, 1, {"start_over": 1}),
        ("screening", 4, 0, {}),
    ]
    assert stats.packages == {"calm_sleep_60": 2, "deep_ease_60": 1}
    assert stats.languages == {"en": 4, "es": 3}  # the consult guest switched to Spanish
    assert stats.language_changes == 1
    assert stats.slides == {"welcome": 6, "ease_aches": 1}


def test_stats_command_prints_a_readable_summary(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Spa Kiosk usage, 2026-11-23 to 2026-11-25 (3 days)\n")
    for line in (
        "Journeys: 7 started, 4 finished (57% completion), 2 abandoned, "
        "1 not ended (kiosk stopped)",
        'Outcomes: 3 package suggestions, 1 "talk to us" (25% of finished journeys)',
        "2026-11-23        3         2           0          1         67%       5",
        "2026-11-24        0         0           0          0           -       0",
        "  goals            7  1 (1 idle)",
        "  time             5  1 (1 start over)",
        "  screening        4  0",
        "  calm_sleep_60       2   67%",
        "  en       4   57%",
    ):
        assert line in out.splitlines(), line


def test_since_csv_and_chart(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, picture = tmp_path / "days.csv", tmp_path / "days.png"
    code = main(["stats", "--since", "2026-11-25", "--csv", str(table), "--chart", str(picture)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Spa Kiosk usage, 2026-11-25 (1 day)" in out
    assert f"wrote {table}" in out and f"wrote {picture}" in out
    with table.open(newline="") as file:
        assert list(csv.DictReader(file)) == [{
            "date": "2026-11-25", "journeys_started": "4", "journeys_finished": "2",
            "packages_suggested": "1", "talk_to_us": "1", "abandoned": "1", "not_ended": "1",
            "completion_percent": "50.0", "slides_shown": "2",
        }]
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_is_a_real_picture_in_the_kiosk_colours(db: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from kiosk.ops.chart import write_chart

    picture = tmp_path / "chart.png"
    write_chart([(d.day, d.started) for d in read_stats(db).days], picture)
    assert picture.stat().st_size > 10_000
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1600, 900)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1600, 8) for y in range(0, 900, 8)}
    assert QColor("#1A1210").name() in colours  # background
    assert QColor("#E8643C").name() in colours  # bars
    assert len(colours) > 20  # text and gridlines, not a flat fill


def test_a_kiosk_that_has_counted_nothing_yet_says_so_and_exits_0(
    ops_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Nothing counted yet: no guest has used this kiosk")
    assert captured.err == ""


def test_a_bad_date(ops_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "--since", "26/11/2026"])
    assert exit_.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_packages_after_a_screening_answer_are_counted_but_not_named(
    ops_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = [datetime(2026, 11, 23, 9, 10)]
    with UsageLog(clock=lambda: now[0]) as usage:
        journey(usage, "en", 3, ("package", "calm_sleep_60"))
        now[0] = datetime(2026, 11, 23, 11, 40)
        for _ in range(2):
            usage.journey_started("en")
            usage.journey_finished("package", "mother_to_be", True)
    assert main(["stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Outcomes: 3 package suggestions, 0 \"talk to us\" (0% of finished journeys)" in out
    assert "  calm_sleep_60       1  100%" in out
    assert "  and 2 after a screening answer (not counted by name, for the guests' privacy)" in out
    assert "mother_to_be" not in "\n".join(out)
    busy = out[out.index("Busy hours (journeys begun, by hour of the day)") + 1:][:3]
    assert [line.split()[:2] for line in busy] == [["09:00", "1"], ["10:00", "0"], ["11:00", "2"]]
    weekdays = out[out.index("Busy weekdays (journeys begun)") + 1:][:7]
    assert weekdays[0] == "  Mon       3"  # 23 Nov 2026 is a Monday
    assert weekdays[1] == "  Tue       0"


def test_a_first_format_file_is_read_as_counts_and_left_as_it_is(
    ops_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """E.g. a usage file copied from a kiosk not yet updated."""
    from test_ops_usage import write_first_format

    path = tmp_path / "old.sqlite3"
    write_first_format(path)
    before = path.read_bytes()
    stats = read_stats(path)
    assert [(d.day, d.started, d.finished, d.abandoned, d.not_ended) for d in stats.days] == [
        (date(2026, 11, 26), 2, 1, 1, 0), (date(2026, 11, 27), 1, 0, 0, 1),
    ]
    assert stats.packages == {"mother_to_be": 1}
    assert path.read_bytes() == before
    assert main(["stats", "--db", str(path)]) == 0
    assert "Journeys: 3 started, 1 finished" in capsys.readouterr().out


def test_empty_database(ops_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    UsageLog().close()
    assert main(["stats"]) == 0
    assert "Nothing counted in this time." in capsys.readouterr().out
