"""`spa-kiosk check [DIR] [--strict] [--format text|json|github]`: the summary, one line per
problem (every one with a line and column, for editors and CI problem matchers), and the exit
status."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from contentkit import MISSING, PACKAGES, MakeContent

from kiosk.cli import main
from kiosk.content.problems import Problem, Severity
from kiosk.ops.check_command import annotation, folder_to_check
from kiosk.ops.places import choose_content

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
        "read content: 1 slides, 2 questions, 2 packages; 0 errors, 1 warning"
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


# ---- formats for editors and CI (issue 23) -----------------------------------------------------

BROKEN_SLIDES = "slides:\n  - id: hello\n    title: Hello\n    image: slides/nope.png\n"


def broken(make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Content with a missing picture (line 4 names it), a value of the wrong kind, and a
    missing questionnaire.yaml (which has no line of its own)."""
    folder = make_content(slides=BROKEN_SLIDES, packages=SIXTY, questionnaire=MISSING)
    monkeypatch.chdir(folder.parent)
    return folder


def test_every_problem_has_a_line_and_column(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(make_content, monkeypatch)
    code, out, _ = check(capsys, "content")
    assert code == 1
    summary, *problems = out.splitlines()
    assert summary == "read content: 1 slides, 0 questions, 2 packages; 3 errors, 0 warnings"
    assert not PROBLEM_LINE.match(summary), "problem matchers must skip the summary"
    assert problems[0].startswith("content/slides.yaml:4:12: error: slides[0].image: ")
    assert problems[1].startswith("content/questionnaire.yaml:1:1: error: file is missing")
    assert problems[2].startswith("content/packages.yaml:4:14: error: packages[0].minutes: ")
    assert all(PROBLEM_LINE.match(line) for line in problems)


# What VS Code's $gcc-style problem matchers take: file:line:column: severity: message.
PROBLEM_LINE = re.compile(r"^(.+?):(\d+):(\d+):\s+(error|warning):\s+(.*)$")


def test_json_format(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(make_content, monkeypatch)
    code, out, err = check(capsys, "content", "--format", "json")
    assert (code, err) == (1, "")
    report = json.loads(out)
    assert {k: v for k, v in report.items() if k != "problems"} == {
        "folder": "content", "exit_status": 1, "errors": 3, "warnings": 0,
        "counts": {"slides": 1, "questions": 0, "packages": 2},
    }
    assert [
        (p["file"], p["line"], p["column"], p["severity"], p["key"]) for p in report["problems"]
    ] == [
        ("content/slides.yaml", 4, 12, "error", "slides[0].image"),
        ("content/questionnaire.yaml", 1, 1, "error", ""),
        ("content/packages.yaml", 4, 14, "error", "packages[0].minutes"),
    ]
    assert report["problems"][2]["message"] == (
        'expected a whole number of minutes, got "sixty"'
    )
    assert report["problems"][2]["text"] == (
        'content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of '
        'minutes, got "sixty"'
    )


def test_json_format_of_a_clean_folder_and_of_a_missing_one(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = make_content()
    code, out, _ = check(capsys, str(folder), "--format", "json")
    assert code == 0
    assert json.loads(out)["problems"] == [] and json.loads(out)["exit_status"] == 0
    code, out, err = check(capsys, str(tmp_path / "nowhere"), "--format", "json")
    assert code == 2
    assert json.loads(out)["error"] == f"{tmp_path / 'nowhere'}: no such folder"
    assert err == f"error: {tmp_path / 'nowhere'}: no such folder\n"


def test_github_format(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(make_content, monkeypatch)
    code, out, err = check(capsys, "content", "--format", "github")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith(
        "::error file=content/slides.yaml,line=4,col=12,title=spa-kiosk check%3A "
        "slides[0].image::"
    )
    assert lines[1].startswith(
        "::error file=content/questionnaire.yaml,line=1,col=1,title=spa-kiosk check::"
        "file is missing"
    )
    assert lines[2] == (
        "::error file=content/packages.yaml,line=4,col=14,title=spa-kiosk check%3A "
        'packages[0].minutes::expected a whole number of minutes, got "sixty"'
    )
    assert lines[3] == (
        "spa-kiosk check: read content: 1 slides, 0 questions, 2 packages; 3 errors, 0 warnings"
    )
    assert not lines[3].startswith("::") and not PROBLEM_LINE.match(lines[3])
    assert len(lines) == 4


def test_github_format_warnings_and_escaping(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_content(slides="slides:\n  - id: hello\n    title: Detox now\n")
    monkeypatch.chdir(folder.parent)
    code, out, _ = check(capsys, "content", "--format", "github")
    assert code == 0
    assert out.splitlines()[0].startswith(
        "::warning file=content/slides.yaml,line=3,col=12,title=spa-kiosk check%3A "
        "slides[0].title::health claim wording"
    )
    # GitHub's escaping: data keeps ':' and ',' but not '%' or line breaks; properties escape all.
    odd = Problem(Path("a,b:c.yaml").absolute(), 2, 3, Severity.ERROR, "x", "100% sure\nreally")
    assert annotation(odd) == (
        "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=spa-kiosk check%3A x::100%25 sure%0Areally"
    )


def test_no_argument_inside_a_content_folder_checks_that_folder(
    make_content: MakeContent, tmp_path: Path
) -> None:
    """As staff run it where they edit (and CI in a checkout of the content): the real command,
    with the default content of the kiosk also around (the source checkout's ./content)."""
    folder = make_content(packages=SIXTY)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("SPA_KIOSK_CONTENT", None)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "check"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "read this folder (content): 1 slides, 2 questions, 2 packages; 1 error, 0 warnings",
        'packages.yaml:4:14: error: packages[0].minutes: expected a whole number of minutes, '
        'got "sixty"',
    ]
    assert done.stderr == f"content folder: {folder} (the working folder)\n"
    # Even with $SPA_KIOSK_CONTENT set (the kiosk's own folder), the working folder is checked.
    env["SPA_KIOSK_CONTENT"] = str(REPO / "content")
    again = subprocess.run(
        [sys.executable, "-m", "kiosk", "check"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert again.returncode == 1


def test_a_folder_with_only_some_of_the_files_counts_as_a_content_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "slides.yaml").write_text("slides:\n  - id: a\n    title: A\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SPA_KIOSK_CONTENT", raising=False)
    code, out, err = check(capsys)
    assert code == 1
    assert "kiosk.yaml:1:1: error: file is missing" in out
    assert err == f"content folder: {tmp_path} (the working folder)\n"


def test_no_argument_outside_a_content_folder_says_which_folder_it_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SPA_KIOSK_CONTENT", raising=False)
    assert folder_to_check(None) == choose_content(None)
    code, _, err = check(capsys)
    assert code == 0
    assert err == f"{choose_content(None).describe()}\n"


def test_exit_codes_are_documented_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--help"])
    assert stopped.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 no errors" in shown
    assert "1 errors, or warnings with --strict" in shown
    assert "2 nothing checked" in shown and "the command line is wrong" in shown
    assert "--format {text,json,github}" in shown


def test_a_mistyped_command_line_exits_2_with_the_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--format", "xml"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: spa-kiosk check") and "invalid choice: 'xml'" in err
