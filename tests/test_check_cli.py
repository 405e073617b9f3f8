"""`spa-kiosk check [DIR] [--strict]`: the summary, one line per problem, and the exit status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from contentkit import PACKAGES, MakeContent

from kiosk.cli import main

REPO = Path(__file__).resolve().parent.parent
SIXTY = PACKAGES.replace("minutes: 30", "minutes: sixty")


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_content_exits_0(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_content()
    monkeypatch.chdir(folder.parent)
    assert check(capsys, "content") == (
        0, "read content: 1 slides, 2 questions, 2 packages; 0 errors, 0 warnings\n", "",
    )
    assert check(capsys, "content", "--strict")[0] == 0


def test_errors_exit_1_and_every_problem_is_printed(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_content(
        slides="slides:\n  - id: hello\n    titel: Hello\n",
        packages=SIXTY,
    )
    monkeypatch.chdir(folder.parent)
    code, out, err = check(capsys, "content")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "read content: 1 slides, 2 questions, 2 packages; 2 errors, 0 warnings",
        "content/slides.yaml:3:5: error: slides[0]: unknown field 'titel' (did you mean 'title'?)",
        'content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of '
        'minutes, got "sixty"',
    ]


def test_warnings_exit_0_but_1_with_strict(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_content(slides="slides:\n  - id: hello\n    title: Detox now\n")
    monkeypatch.chdir(folder.parent)
    code, out, _ = check(capsys, "content")
    assert code == 0
    assert out.splitlines()[0] == (
        "read content: 1 slides, 2 questions, 2 packages; 0 errors, 1 warnings"
    )
    assert out.splitlines()[1].startswith("content/slides.yaml:3:12: warning: slides[0].title: ")
    assert check(capsys, "content", "--strict")[0] == 1


def test_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys, str(tmp_path / "nowhere"))
    assert code == 2
    assert out == ""
    assert err == f"error: {tmp_path / 'nowhere'}: no such folder\n"


def test_a_file_instead_of_a_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kiosk.yaml").write_text("spa_name: x\n")
    code, _, err = check(capsys, str(tmp_path / "kiosk.yaml"))
    assert code == 2
    assert err.endswith(": not a folder\n")


def test_content_option_works_like_dir(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_content(slides="slides: []\n")
    assert check(capsys, "--content", str(folder))[0] == 1


def test_empty_folder_reports_four_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, _ = check(capsys, "content")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()[1:]] == [
        "content/kiosk.yaml", "content/slides.yaml", "content/questionnaire.yaml",
        "content/packages.yaml",
    ]


def test_check_as_a_command(make_content: MakeContent, tmp_path: Path) -> None:
    """The real entry point, as staff run it: `python -m kiosk check DIR`."""
    make_content(packages=SIXTY)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "content"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[1] == (
        'content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of '
        'minutes, got "sixty"'
    )
    missing = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "nowhere"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert missing.returncode == 2
