"""`spa-kiosk check`: which folder to check, the report (text, JSON or GitHub Actions
annotations) and the exit status, for staff, editors and CI alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from kiosk.content.load_result import FILE_NAMES, FolderError, LoadResult
from kiosk.content.problems import Problem, display_path
from kiosk.ops.checker import read_here
from kiosk.ops.places import ContentChoice, choose_content

FORMATS = ("text", "json", "github")

CLEAN = 0
"""No error (warnings are allowed unless --strict)."""
PROBLEMS = 1
"""At least one error, or a warning with --strict."""
CANNOT_RUN = 2
"""Nothing was checked: the folder is missing, not a folder or unreadable. (A mistyped command
line also exits 2, with a usage message: argparse's convention.)"""

EXIT_CODES_HELP = (
    "exit status: 0 no errors (warnings allowed unless --strict); 1 errors, or warnings with "
    "--strict; 2 nothing checked: the folder is missing or unreadable, or the command line is "
    "wrong (a usage message says what)"
)
FORMAT_HELP = (
    "text: a summary line, then one 'file:line:col: severity: key: message' line per problem; "
    "json: one JSON object; github: GitHub Actions annotations (::error file=...,line=...::) "
    "and a summary line (default: text)"
)
FOLDER_HELP = (
    "content folder; default: the working folder when it holds any of "
    + ", ".join(FILE_NAMES)
    + ", else $SPA_KIOSK_CONTENT, else ./content, else the built-in content"
)


def folder_to_check(given: str | None) -> ContentChoice:
    """The folder named, else the working folder when it is a content folder (staff run check
    where they edit), else the usual choice of the other commands."""
    if given:
        return choose_content(given)
    here = Path.cwd().absolute()
    if any((here / name).exists() for name in FILE_NAMES):
        return ContentChoice(here, "the working folder")
    return choose_content(None)


def check_command(given: str | None, output: str = "text", strict: bool = False) -> int:
    """Check a folder and report on stdout as `output` says; returns the exit status."""
    out, err = sys.stdout, sys.stderr
    choice = folder_to_check(given)
    if not given:
        print(choice.describe(), file=err)  # on stderr: stdout stays one report
    try:
        result = read_here(choice.folder)
    except FolderError as exc:
        _cannot_read(str(exc), choice.folder, output, out, err)
        return CANNOT_RUN
    status = PROBLEMS if result.errors or (strict and result.warnings) else CLEAN
    if output == "json":
        json.dump(as_json(result, status), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif output == "github":
        for problem in result.problems:
            print(annotation(problem), file=out)
        print(f"spa-kiosk check: {result.summary()}", file=out)
    else:
        print(result.summary(), file=out)
        for problem in result.problems:
            print(problem.format(), file=out)
    return status


def as_json(result: LoadResult, status: int) -> dict[str, Any]:
    """The report as one JSON object: the folder, the counts and every problem."""
    return {
        "folder": display_path(result.folder),
        "exit_status": status,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "counts": dict(result.counts),
        "problems": [problem_json(problem) for problem in result.problems],
    }


def problem_json(problem: Problem) -> dict[str, Any]:
    line, column = problem.position
    return {
        "file": display_path(problem.file),
        "line": line,
        "column": column,
        "severity": problem.severity.value,
        "key": problem.path,
        "message": problem.message,
        "text": problem.format(),
    }


def annotation(problem: Problem) -> str:
    """One GitHub Actions workflow command: `::error file=F,line=L,col=C,title=T::message`."""
    line, column = problem.position
    fields = {
        "file": display_path(problem.file),
        "line": str(line),
        "col": str(column),
        "title": f"spa-kiosk check: {problem.path}" if problem.path else "spa-kiosk check",
    }
    properties = ",".join(f"{name}={_escape_property(value)}" for name, value in fields.items())
    return f"::{problem.severity.value} {properties}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    # GitHub's own escaping of workflow command data (the runner's toolkit, command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cannot_read(
    why: str, folder: Path, output: str, out: TextIO, err: TextIO
) -> None:
    if output == "json":
        report = {"folder": display_path(folder), "exit_status": CANNOT_RUN, "error": why}
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif output == "github":
        print(f"::error title=spa-kiosk check::{_escape_data(why)}", file=out)
    print(f"error: {why}", file=err)

