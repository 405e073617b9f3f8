"""`spa-kiosk stats A.sqlite3 B.sqlite3 ...`: several kiosks' copied usage files in one report,
a column per kiosk and a total; read-only, and a file still being copied is named, not read."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from otheruser import need_another_user, run_as_nobody, shared_folder

from kiosk.cli import main
from kiosk.ops.stats import kiosk_names, read_many, total_periods
from kiosk.ops.usage import UsageLog


def fill(path: Path, day: int, packages: list[str], consult: int = 0, left: int = 0) -> None:
    """A kiosk's database: on 2026-11-`day` at 10:xx, a journey ending with each package,
    `consult` ending with "talk to us" and `left` abandoned."""
    with UsageLog(path, clock=lambda: datetime(2026, 11, day, 10, 15)) as usage:
        for package in packages:
            usage.journey_started("en", "welcome")
            usage.question_reached("goals")
            usage.journey_finished("package", package, False)
        for _ in range(consult):
            usage.journey_started("en")
            usage.journey_finished("consult", None, False)
        for _ in range(left):
            usage.journey_started("en", "ease_aches")
            usage.question_reached("goals")
            usage.journey_abandoned("goals", "idle")
        usage.slide_shown("welcome")


@pytest.fixture
def copies(tmp_path: Path) -> list[Path]:
    """Two kiosks' files as a technician fetches them: one folder each, same file name."""
    lobby = tmp_path / "fetched" / "lobby" / "usage.sqlite3"
    upstairs = tmp_path / "fetched" / "upstairs" / "usage.sqlite3"
    lobby.parent.mkdir(parents=True)
    upstairs.parent.mkdir(parents=True)
    fill(lobby, 23, ["calm_sleep_60", "calm_sleep_60"], consult=1, left=1)
    fill(upstairs, 24, ["deep_ease_60"], left=2)
    return [lobby, upstairs]


def rows_of(text: str, title: str) -> dict[str, list[str]]:
    """The table under `title` in the report: its rows by label."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    table: dict[str, list[str]] = {"": lines[start].split()[-3:]}
    for line in lines[start + 1:]:
        if not line.strip():
            break
        *label, a, b, total = line.split()
        table[" ".join(label)] = [a, b, total]
    return table


def test_a_column_per_kiosk_and_a_total(
    copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", *map(str, copies)]) == 0
    text = capsys.readouterr().out
    assert "2 kiosks, 2026-11-23 to 2026-11-24 (2 days)" in text
    summary = rows_of(text, "Summary")
    assert summary[""] == ["lobby", "upstairs", "total"]
    assert summary["journeys started"] == ["4", "3", "7"]
    assert summary["finished"] == ["3", "1", "4"]
    assert summary["completion"] == ["75%", "33%", "57%"]
    assert summary['"talk to us"'] == ["1", "0", "1"]
    assert summary["abandoned"] == ["1", "2", "3"]
    per_day = rows_of(text, "Journeys started")
    assert per_day["2026-11-23"] == ["4", "0", "4"]
    assert per_day["2026-11-24"] == ["0", "3", "3"]
    packages = rows_of(text, "Packages suggested")
    assert packages["calm_sleep_60"] == ["2", "0", "2"]
    assert packages["deep_ease_60"] == ["0", "1", "1"]
    assert rows_of(text, "Journeys begun by hour")["10:00"] == ["4", "3", "7"]


def test_how_journeys_ended_and_where_they_began_per_kiosk(
    copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", *map(str, copies)]) == 0
    text = capsys.readouterr().out
    packages = rows_of(text, "Package suggested, per day")
    assert packages == {
        "": ["lobby", "upstairs", "total"], "2026-11-23": ["2", "0", "2"],
        "2026-11-24": ["0", "1", "1"],
    }
    assert rows_of(text, '"Talk to us", per day')["2026-11-23"] == ["1", "0", "1"]
    walked = rows_of(text, "Walked away, per day")
    assert (walked["2026-11-23"], walked["2026-11-24"]) == (["1", "0", "1"], ["0", "2", "2"])
    assert main(["stats", *map(str, copies), "--per", "week"]) == 0
    weekly = rows_of(capsys.readouterr().out, "Walked away, per week")
    assert weekly == {"": ["lobby", "upstairs", "total"], "2026-11-23": ["1", "2", "3"]}
    named, _ = read_many(copies)
    assert [row.bar().parts for row in total_periods(named, "day")] == [(2, 1, 1, 0), (1, 0, 2, 0)]
    began = rows_of(text, "Began on slide")
    assert began["welcome"] == ["2", "1", "3"]
    assert began["ease_aches"] == ["1", "2", "3"]


def test_csv_and_chart(copies: list[Path], tmp_path: Path) -> None:
    out_csv, chart = tmp_path / "all.csv", tmp_path / "all.png"
    assert main(["stats", *map(str, copies), "--csv", str(out_csv), "--chart", str(chart)]) == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert [(r["date"], r["kiosk"], r["journeys_started"]) for r in rows] == [
        ("2026-11-23", "lobby", "4"), ("2026-11-23", "upstairs", "0"),
        ("2026-11-23", "total", "4"),
        ("2026-11-24", "lobby", "0"), ("2026-11-24", "upstairs", "3"),
        ("2026-11-24", "total", "3"),
    ]
    assert rows[2]["completion_percent"] == "75.0"
    assert [(r["talk_to_us"], r["abandoned"], r["week"]) for r in rows[2::3]] == [
        ("1", "1", "2026-11-23"), ("0", "2", "2026-11-23"),
    ]
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_names_come_from_files_or_their_folders() -> None:
    assert kiosk_names([Path("a/lobby.sqlite3"), Path("a/spa.sqlite3")]) == ["lobby", "spa"]
    assert kiosk_names([Path("lobby/usage.sqlite3"), Path("up/usage.sqlite3")]) == ["lobby", "up"]
    same = [Path("x/k/usage.sqlite3"), Path("y/k/usage.sqlite3")]
    assert kiosk_names(same) == [str(path.absolute()) for path in same]


def test_files_are_opened_read_only(copies: list[Path]) -> None:
    before = {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in copies}
    assert main(["stats", *map(str, copies)]) == 0
    assert {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in copies} == before


def test_a_file_still_being_copied_is_named_and_the_others_reported(
    copies: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """scp writes in place: half a file is what `stats` meets while the copy runs."""
    whole = copies[1].read_bytes()
    assert len(whole) > 8192
    partial = tmp_path / "fetched" / "spa3.sqlite3"
    partial.write_bytes(whole[: len(whole) // 2])
    assert main(["stats", str(copies[0]), str(partial)]) == 1
    captured = capsys.readouterr()
    assert "spa3.sqlite3" in captured.err
    assert "still being copied" in captured.err
    assert "Traceback" not in captured.err
    assert "Spa Kiosk usage, 1 kiosks" in captured.out
    started = next(line for line in captured.out.splitlines() if line.startswith("journeys st"))
    assert started.split()[-2:] == ["4", "4"]  # lobby, total


def test_a_copy_in_a_folder_the_reader_cannot_write(copies: list[Path]) -> None:
    """A write-ahead-log database needs a shared-memory file beside it even to be read; where
    the reader cannot make one (another user's folder), it is read as immutable instead."""
    need_another_user()
    shared = shared_folder()
    try:
        for index, path in enumerate(copies):
            shutil.copy(path, shared / f"kiosk{index}.sqlite3")
            (shared / f"kiosk{index}.sqlite3").chmod(0o644)
        done = run_as_nobody(
            ["stats", str(shared / "kiosk0.sqlite3"), str(shared / "kiosk1.sqlite3")]
        )
        assert done.returncode == 0, done.stderr
        assert rows_of(done.stdout, "Summary")["journeys started"] == ["4", "3", "7"]
        assert sorted(file.name for file in shared.iterdir()) == [
            "kiosk0.sqlite3", "kiosk1.sqlite3"
        ]
    finally:
        shutil.rmtree(shared)
