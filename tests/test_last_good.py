"""The checked copy of the content that lets the kiosk start without reading its files again:
used only while nothing changed, and never trusted when damaged or out of date."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from contentkit import MakeContent

from kiosk.content import last_good
from kiosk.content.fingerprint import fingerprint
from kiosk.content.load import load_content
from kiosk.content.load_result import LoadResult


def _checked(folder: Path) -> LoadResult:
    result = load_content(folder, lambda paths: [None] * len(paths))
    assert result.content is not None, [p.format() for p in result.problems]
    return result


def test_a_snapshot_gives_back_the_same_content(make_content: MakeContent, tmp_path: Path) -> None:
    folder = make_content()
    result = _checked(folder)
    target = tmp_path / "data" / "snapshot"
    last_good.save(target, result, fingerprint(folder))

    kept = last_good.load(target, folder, fingerprint(folder))
    assert kept is not None and kept[1]  # still true for the folder
    again = kept[0]

    assert again is not None and again.content is not None and result.content is not None
    assert again.content == result.content
    assert again.problems == result.problems
    assert again.counts == result.counts
    question = again.content.questions[0]
    assert question.prompt.get("en") == result.content.questions[0].prompt.get("en")
    weights = question.options[0].concerns
    assert dict(weights) == dict(result.content.questions[0].options[0].concerns)
    assert type(weights) is type(result.content.questions[0].options[0].concerns)  # read-only


def test_a_snapshot_is_not_used_once_a_file_changed(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content()
    target = tmp_path / "snapshot"
    checked_before = _checked(folder)
    last_good.save(target, checked_before, fingerprint(folder))
    slides = folder / "slides.yaml"
    slides.write_text(slides.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(slides, (later, later))

    # Not as the folder's content; it is still the last good content shown from that folder.
    assert last_good.load(target, folder, fingerprint(folder)) == (checked_before, False)
    assert last_good.load(target, tmp_path / "elsewhere", fingerprint(folder)) is None


def test_a_snapshot_is_only_for_its_own_folder(make_content: MakeContent, tmp_path: Path) -> None:
    folder = make_content()
    target = tmp_path / "snapshot"
    seen = fingerprint(folder)
    last_good.save(target, _checked(folder), seen)
    other = tmp_path / "elsewhere"
    other.mkdir()

    assert last_good.load(target, other, seen) is None


def test_only_checked_content_without_errors_is_last_good(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content()
    (folder / "slides.yaml").write_text("slides:\n  - id: x\n    titel: Typo\n")
    target = tmp_path / "snapshot"
    broken = load_content(folder)
    assert broken.content is None
    last_good.save(target, broken, fingerprint(folder))
    assert last_good.load(target, folder, fingerprint(folder)) == (broken, True)
    assert last_good.load(target, folder, fingerprint(folder.parent)) is None  # not last good


def test_a_damaged_or_missing_snapshot_is_ignored(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content()
    target = tmp_path / "snapshot"
    seen = fingerprint(folder)
    assert last_good.load(target, folder, seen) is None
    last_good.save(target, _checked(folder), seen)
    raw = target.read_bytes()
    for damaged in (b"", raw[: len(raw) // 2], b"not a snapshot", raw[:40] + b"\x00" * 40):
        target.write_bytes(damaged)
        assert last_good.load(target, folder, seen) is None


def test_a_snapshot_that_cannot_be_written_is_only_a_slower_start(
    make_content: MakeContent, tmp_path: Path
) -> None:
    folder = make_content()
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")

    last_good.save(blocker / "snapshot", _checked(folder), fingerprint(folder))  # no exception

    assert not (blocker / "snapshot").exists()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs filled up (needs the right to mount: root or CAP_SYS_ADMIN)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
        capture_output=True, check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
            while True:
                filler.write(b"x" * 4096)
                filler.flush()
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_leaves_no_half_written_copy_behind(
    make_content: MakeContent, full_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = make_content()
    last_good.save(full_disk / "snapshot", _checked(folder), fingerprint(folder))
    assert sorted(path.name for path in full_disk.iterdir()) == ["filler"]
    assert "could not keep a snapshot" in caplog.text
