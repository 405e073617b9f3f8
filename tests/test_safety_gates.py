"""A screening that cannot work never reaches guests: `check` refuses it with errors.

The real case (issue 26): a slow copy left the default questionnaire.yaml cut off just before
its screening question. Every package's `avoid_if` then names flags no answer can raise, and no
answer can send a guest to the therapist; the kiosk must keep the last good content.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from kiosk.content.problems import Severity
from kiosk.ops.checker import read_here
from kiosk.ops.content_status import ContentStatus

REPO = Path(__file__).resolve().parent.parent
SCREENING_FLAGS = ("unwell", "low_sensation", "pregnancy", "heart", "recent_injury")


def copy_default_content(tmp_path: Path) -> Path:
    """`cp -r` of the default content and its pictures, as staff would make one."""
    for name in ("content", "assets"):
        subprocess.run(["cp", "-r", str(REPO / name), str(tmp_path / name)], check=True)
    return tmp_path / "content"


def cut_before_screening(folder: Path) -> None:
    """Rewrite questionnaire.yaml in place, stopping where the screening question starts: what a
    reader sees of a slow copy that has written only that far."""
    path = folder / "questionnaire.yaml"
    data = path.read_bytes()
    cut = data.index(b"  - id: screening")
    with path.open("r+b") as stream:  # in place, as cp over an existing file writes it
        stream.truncate(cut)


def test_default_content_cut_before_the_screening_is_refused(tmp_path: Path) -> None:
    folder = copy_default_content(tmp_path)
    status = ContentStatus(folder)
    assert status.record(read_here(folder), None, 1.0), "the copy checks clean before the cut"

    cut_before_screening(folder)
    result = read_here(folder)

    assert result.content is None
    errors = result.errors
    consult = [p for p in errors if p.file.name == "questionnaire.yaml"]
    top = (folder / "questionnaire.yaml").read_text(encoding="utf-8").splitlines()
    assert [(p.line, p.column, p.path) for p in consult] == [
        (top.index("questions:") + 1, 1, "questions")
    ]
    assert "no answer raises the flag 'consult'" in consult[0].message
    gates = [p for p in errors if p.file.name == "packages.yaml"]
    assert {p.message.split("'")[1] for p in gates} == set(SCREENING_FLAGS)
    assert len(gates) == 7 * len(SCREENING_FLAGS)  # every flag of every one of the 7 packages
    for problem in gates:
        assert problem.path.startswith("packages[") and ".avoid_if[" in problem.path
        assert problem.line > 0 and problem.column > 0
        assert "is the screening question missing?" in problem.message
    assert errors == consult + gates, "nothing else is wrong with the cut file"
    # The kiosk keeps what it shows: the last good content stays, and staff see the errors.
    assert not status.record(result, None, 2.0)
    assert status.loaded_at == 1.0
    assert any("error: packages[0].avoid_if[0]" in line for line in status.problems)


def test_a_flag_no_answer_raises_is_an_error_naming_the_flags_that_exist(tmp_path: Path) -> None:
    folder = copy_default_content(tmp_path)
    packages = folder / "packages.yaml"
    text = packages.read_text(encoding="utf-8")
    changed = text.replace(", heart,", ", hart,", 1)
    packages.write_text(changed, encoding="utf-8")

    result = read_here(folder)

    assert result.content is None
    [problem] = result.problems
    assert problem.severity is Severity.ERROR
    lines = changed.splitlines()
    line = next(number for number, x in enumerate(lines, 1) if ", hart," in x)
    assert (problem.file.name, problem.line) == ("packages.yaml", line)
    assert problem.column == lines[line - 1].index("hart") + 1
    assert problem.path == "packages[0].avoid_if[3]"
    assert problem.message == (
        "no answer in questionnaire.yaml raises the flag 'hart', so this package would be "
        "suggested even to guests who should avoid it (did you mean 'heart'?); the answers "
        "raise 'pregnancy', 'unwell', 'heart', 'low_sensation', 'recent_injury'"
    )


def test_no_answer_that_leads_to_the_therapist_is_an_error(tmp_path: Path) -> None:
    folder = copy_default_content(tmp_path)
    questionnaire = folder / "questionnaire.yaml"
    text = questionnaire.read_text(encoding="utf-8")
    assert text.count("flags: [consult]") == 1
    questionnaire.write_text(text.replace("flags: [consult]", "flags: []"), encoding="utf-8")

    result = read_here(folder)

    assert result.content is None
    [problem] = result.errors
    assert (problem.file.name, problem.path) == ("questionnaire.yaml", "questions")
    assert problem.line == text.splitlines().index("questions:") + 1
    assert problem.message.startswith(
        "no answer raises the flag 'consult', so no guest would ever be asked to talk to the "
        "therapist"
    )
