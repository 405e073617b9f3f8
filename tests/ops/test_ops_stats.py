"""`spa-kiosk stats`: the summary, the CSV and the chart, from a database filled with known
journeys."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.cli import main, parse
from kiosk.ops.chart import LIGHT, Bar, day_text
from kiosk.ops.stats import chart_language, choose_per, first_language, read_stats
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
            "completion_percent": "50.0", "slides_shown": "2", "week": "2026-11-23",
        }]
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def pixels(picture: Path) -> Counter[str]:
    """How often each colour occurs, every 8th pixel each way."""
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1600, 900)
    return Counter(
        image.pixelColor(x, y).name() for x in range(0, 1600, 8) for y in range(0, 900, 8)
    )


def test_the_chart_prints_well_light_by_default_dark_when_asked(db: Path, tmp_path: Path) -> None:
    """Stacked bars of how journeys ended; on white with dark ink and no large dark fill
    (the paper stays white), or in the kiosk's own dark colours with --dark."""
    light, dark = tmp_path / "light.png", tmp_path / "dark.png"
    assert main(["stats", "--chart", str(light)]) == 0
    assert main(["stats", "--chart", str(dark), "--dark"]) == 0
    on_paper = pixels(light)
    total = sum(on_paper.values())
    assert on_paper.most_common(1)[0][0] == "#ffffff"
    assert on_paper["#ffffff"] > 0.7 * total
    darkish = sum(n for colour, n in on_paper.items() if QColor(colour).lightness() < 80)
    assert darkish < 0.01 * total  # text only: no dark areas to print
    parts = {QColor(colour).name() for colour in LIGHT.parts}
    assert {colour for colour in parts if on_paper[colour]} >= {
        QColor(LIGHT.parts[0]).name(), QColor(LIGHT.parts[1]).name(),
        QColor(LIGHT.parts[2]).name(),
    }  # a package, "talk to us" and walked away all show in the bars
    on_screen = pixels(dark)
    assert on_screen.most_common(1)[0][0] == QColor("#1A1210").name()
    assert on_screen[QColor("#E8643C").name()] > 0
    assert len(on_screen) > 20  # text and gridlines, not a flat fill


def test_bars_stack_how_journeys_ended_per_day_or_week(db: Path) -> None:
    stats = read_stats(db)
    assert [row.bar() for row in stats.periods("day")] == [
        Bar(date(2026, 11, 23), (2, 0, 1, 0)),
        Bar(date(2026, 11, 24), (0, 0, 0, 0)),
        Bar(date(2026, 11, 25), (1, 1, 1, 1)),
    ]
    assert [row.bar() for row in stats.periods("week")] == [
        Bar(date(2026, 11, 23), (3, 1, 2, 1)),  # a Monday: one week
    ]


def test_how_journeys_ended_over_time_in_the_report(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    head = out.index(
        'How journeys ended, per day (package suggested, "talk to us", walked away)'
    )
    assert out[head + 1].split() == [
        "day", "started", "package", "talk", "to", "us", "walked", "away", "not", "ended",
    ]
    assert out[head + 2].split() == ["2026-11-23", "3", "2", "67%", "0", "0%", "1", "33%",
                                     "0", "0%"]
    assert out[head + 3].split() == ["2026-11-24", "0", "0", "-", "0", "-", "0", "-", "0", "-"]
    assert out[head + 4].split() == ["2026-11-25", "4", "1", "25%", "1", "25%", "1", "25%",
                                     "1", "25%"]
    assert main(["stats", "--per", "week"]) == 0
    out = capsys.readouterr().out.splitlines()
    head = out.index(
        'How journeys ended, per week (package suggested, "talk to us", walked away)'
    )
    assert out[head + 1].split()[:2] == ["week", "of"]
    assert out[head + 2].split() == ["2026-11-23", "7", "3", "43%", "1", "14%", "2", "29%",
                                     "1", "14%"]
    assert out[head + 3] == ""


def test_a_long_time_goes_week_by_week(ops_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = [datetime(2026, 10, 1, 10, 0)]
    with UsageLog(clock=lambda: now[0]) as usage:
        for day in (1, 15, 40):  # 1 Oct (a Thursday), 15 Oct, 9 Nov
            now[0] = datetime(2026, 10, 1, 10, 0) + timedelta(days=day - 1)
            journey(usage, "en", 1, ("package", "calm_sleep_60"))
    assert main(["stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    head = out.index(
        'How journeys ended, per week (package suggested, "talk to us", walked away)'
    )
    weeks = [line.split()[:2] for line in out[head + 2:head + 9]]
    assert weeks == [
        ["2026-09-28", "1"], ["2026-10-05", "0"], ["2026-10-12", "1"], ["2026-10-19", "0"],
        ["2026-10-26", "0"], ["2026-11-02", "0"], ["2026-11-09", "1"],
    ]
    assert choose_per(31) == "day" and choose_per(32) == "week" and choose_per(90, "day") == "day"


def test_questions_are_listed_in_questionnaire_order(
    ops_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """By the place the kiosk stored with each question, not by how many reached it: a
    question only some guests see (area) stays second. A question whose place another took
    later (it was taken out of the content) and counts without a place come after."""
    now = [datetime(2026, 11, 20, 10, 0)]
    with UsageLog(clock=lambda: now[0]) as usage:
        usage.journey_started("en")  # the questionnaire of 20 Nov: old_q was second
        usage.question_reached("goals", 1)
        usage.question_reached("old_q", 2)
        usage.journey_abandoned("old_q", "idle")
        now[0] = datetime(2026, 11, 23, 10, 0)
        for answered_area in (True, False, False):
            usage.journey_started("en")
            usage.question_reached("goals", 1)
            if answered_area:
                usage.question_reached("area", 2)
            usage.question_reached("time", 3)
            usage.question_reached("screening", 4)
            usage.journey_finished("package", "calm_sleep_60", False)
        usage.journey_started("en")  # a count from a kiosk that did not yet store places
        usage.question_reached("zz_unplaced")
        usage.journey_abandoned("zz_unplaced", "idle")
    stats = read_stats(ops_dirs / "data" / "usage.sqlite3")
    assert [(q.question, q.reached, q.position) for q in stats.questions] == [
        ("goals", 4, 1), ("area", 1, 2), ("time", 3, 3), ("screening", 3, 4),
        ("old_q", 1, 2), ("zz_unplaced", 1, None),
    ]
    assert main(["stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    head = out.index("Drop-off per question (in questionnaire order)")
    assert [line.split()[0] for line in out[head + 2:head + 8]] == [
        "goals", "area", "time", "screening", "old_q", "zz_unplaced",
    ]


def test_began_on_slide_counts_and_shares(
    ops_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with UsageLog(clock=lambda: datetime(2026, 11, 23, 10, 0)) as usage:
        for slide in ("welcome", "welcome", "ease_aches", ""):
            usage.journey_started("en", slide)
            usage.journey_abandoned("goals", "idle")
        usage.journey_started("en")  # where it began is not known
        usage.journey_abandoned("goals", "idle")
    stats = read_stats(ops_dirs / "data" / "usage.sqlite3")
    assert stats.began_on == {"welcome": 2, "ease_aches": 1, "": 1}
    assert main(["stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    head = out.index("Began on slide (the slide on screen at the tap that began a journey)")
    assert [line.split() for line in out[head + 1:head + 5]] == [
        ["welcome", "2", "50%"],
        ["(the", "spa's", "name:", "no", "slide", "scheduled)", "1", "25%"],
        ["ease_aches", "1", "25%"],
        ["and", "1", "journeys", "counted", "before", "the", "kiosk", "kept", "this"],
    ]


def test_month_names_in_the_kiosks_first_language() -> None:
    day = date(2026, 11, 23)
    assert day_text(day, "en") == "23 Nov"
    assert day_text(day, "de") == "23. Nov."
    assert day_text(day, "de", year=True) == "23. Nov. 2026"
    assert day_text(day, "ja") == "11月23日"
    assert day_text(day, "ja", year=True) == "2026年11月23日"
    assert "نوفمبر" in day_text(day, "ar")  # November, in Arabic
    assert day_text(date(2026, 3, 2), "fr") == "2 mars"
    assert day_text(day, "xx") == "23 Nov"  # a language Qt does not know: English


def test_the_chart_language_comes_from_the_content_unless_given(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "kiosk.yaml").write_text("spa_name: Spa\nlanguages: [de, en]\n", encoding="utf-8")
    args = parse(["stats", "--content", str(folder)])
    assert chart_language(args) == "de"
    assert chart_language(parse(["stats", "--content", str(folder), "--language", "ja"])) == "ja"
    (folder / "kiosk.yaml").write_text("languages: [unclosed\n", encoding="utf-8")
    assert chart_language(args) == "en"  # content that cannot be read: English
    assert first_language(tmp_path / "nowhere") is None


def test_the_chart_with_month_names_in_german(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "de.png"
    assert main(["stats", "--chart", str(picture), "--language", "de", "--per", "week"]) == 0
    assert f"wrote {picture}" in capsys.readouterr().out
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


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


def test_a_reader_that_stops_early_gets_no_error(db: Path) -> None:
    """`spa-kiosk stats | head`: the report's reader goes away; no "Broken pipe" error line
    and no traceback, and the exit status a shell gives a program ended that way."""
    report = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "stats", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert report.stdout is not None and report.stderr is not None
    report.stdout.close()  # before the first line: every write finds no reader
    said = report.stderr.read()
    assert report.wait(timeout=120) == 141
    assert said == ""
