"""The running kiosk's content check in a helper process (kiosk/ops/checker.py)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from contentkit import MakeContent

from kiosk.content.load_result import FolderError
from kiosk.ops import checker


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The helper keeps its picture copies in the kiosk's data folder: a test's own."""
    monkeypatch.setenv("SPA_KIOSK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_the_helper_gives_what_reading_here_gives(make_content: MakeContent) -> None:
    folder = make_content()
    apart = checker.check_in_helper(folder)
    here = checker.read_here(folder)
    assert apart.content is not None
    assert apart == here
    assert apart.content.packages[0].addresses == here.content.packages[0].addresses


def test_the_helper_reports_problems_as_reading_here_does(make_content: MakeContent) -> None:
    folder = make_content()
    (folder / "slides.yaml").write_text("slides:\n  - id: x\n    titel: Typo\n")
    apart = checker.check_in_helper(folder)
    assert apart.content is None
    assert [p.format() for p in apart.problems] == [
        p.format() for p in checker.read_here(folder).problems
    ]
    assert "unknown field 'titel' (did you mean 'title'?)" in apart.problems[0].format()


def test_a_missing_folder_is_a_folder_error_with_the_readers_words(tmp_path: Path) -> None:
    with pytest.raises(FolderError, match="no such folder"):
        checker.check_in_helper(tmp_path / "gone")


@pytest.mark.parametrize(
    "command",
    [
        ["/nonexistent/spa-kiosk"],  # cannot start
        [sys.executable, "-c", "raise SystemExit('boom')"],  # fails
        [sys.executable, "-c", "import sys; open(sys.argv[-1], 'w').write('junk')"],  # garbage
    ],
)
def test_without_a_working_helper_the_folder_is_read_here(
    command: list[str], make_content: MakeContent, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = make_content()
    monkeypatch.setattr(checker, "helper_command", lambda: command)
    with caplog.at_level(logging.WARNING, logger="kiosk.checker"):
        result = checker.read_content(folder)
    assert result.content is not None and result == checker.read_here(folder)
    assert "checking it here" in caplog.text


def test_the_helper_does_not_get_the_kiosks_systemd_sockets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the kiosk talks to systemd (ready, watchdog): its helper must not inherit that."""
    monkeypatch.setenv("NOTIFY_SOCKET", "/run/systemd/notify")
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    probe = (
        "import os, sys; sys.exit(7 if {'NOTIFY_SOCKET', 'WATCHDOG_USEC'} & set(os.environ) else 0)"
    )
    monkeypatch.setattr(checker, "helper_command", lambda: [sys.executable, "-c", probe])
    with pytest.raises(checker.HelperFailed, match="unreadable result"):  # exit 0, wrote nothing
        checker.check_in_helper(tmp_path)


def test_a_set_from_the_helper_is_kept_for_the_next_start_as_the_helper_pickled_it(
    make_content: MakeContent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.content import last_good
    from kiosk.content.fingerprint import fingerprint

    folder = make_content()
    result = checker.check_in_helper(folder)

    def no_pickling_here(stream: object) -> None:
        raise AssertionError("the kiosk pickled the set again")

    monkeypatch.setattr(last_good, "content_pickler", no_pickling_here)
    target = tmp_path / "data" / "snapshot"
    last_good.save(target, result, fingerprint(folder))
    assert last_good.load(target, folder, fingerprint(folder)) == (result, True)
    monkeypatch.undo()
    last_good.save(target, result, fingerprint(folder))  # the helper's bytes are used once
    assert last_good.load(target, folder, fingerprint(folder)) == (result, True)
