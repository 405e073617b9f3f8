"""Live content updates: only a settled, complete and checked state of the folder gets through."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
from pathlib import Path

import pytest
from contentkit import SVG, write_content

from kiosk.content.fingerprint import fingerprint
from kiosk.content.load import LoadResult, load_content
from kiosk.ops.content_status import ContentStatus
from kiosk.ops.reload import ContentWatcher


class Recorder:
    def __init__(self) -> None:
        self.results: list[LoadResult | None] = []

    def __call__(self, result: LoadResult | None, folder_error: str | None) -> None:
        self.results.append(result)


def watcher_for(folder: Path) -> tuple[ContentWatcher, Recorder]:
    seen = Recorder()
    watcher = ContentWatcher(folder, load_content, seen, poll_seconds=0, settle_seconds=0)
    watcher.mark_loaded()
    return watcher, seen


def steps(watcher: ContentWatcher, count: int = 2) -> None:
    async def run() -> None:
        for _ in range(count):
            await watcher.step()

    asyncio.run(run())


def touch_later(path: Path) -> None:
    """Make sure the change shows in the mtime even on coarse file systems."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_nothing_happens_while_nothing_changes(tmp_path: Path) -> None:
    watcher, seen = watcher_for(write_content(tmp_path))
    steps(watcher, 3)
    assert seen.results == []


def test_an_edit_is_picked_up_once_it_settles(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    watcher, seen = watcher_for(folder)
    (folder / "slides.yaml").write_text("slides:\n  - id: new\n    title: A new slide\n")
    steps(watcher, 1)
    assert seen.results == []  # first look: the change may still be in progress
    steps(watcher, 1)
    assert len(seen.results) == 1
    result = seen.results[0]
    assert result is not None and result.content is not None
    assert result.content.slides[0].id == "new"
    steps(watcher, 2)
    assert len(seen.results) == 1  # the same state is not loaded twice


def test_a_half_written_file_never_reaches_the_screen(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    watcher, seen = watcher_for(folder)
    (folder / "slides.yaml").write_text("slides:\n  - id: new\n    title: [unfinish")
    steps(watcher, 2)
    assert seen.results[-1] is not None and seen.results[-1].content is None
    (folder / "slides.yaml").write_text("slides:\n  - id: new\n    title: Finished\n")
    touch_later(folder / "slides.yaml")
    steps(watcher, 2)
    assert seen.results[-1] is not None and seen.results[-1].content is not None


def test_an_editor_that_writes_a_temp_file_and_renames_it(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    watcher, seen = watcher_for(folder)
    temp = folder / ".slides.yaml.swp"
    temp.write_text("slides:\n  - id: renamed\n    title: Renamed into place\n")
    os.replace(temp, folder / "slides.yaml")
    steps(watcher, 2)
    content = seen.results[-1].content if seen.results[-1] else None
    assert content is not None and content.slides[0].id == "renamed"


def test_an_image_that_arrives_after_the_yaml(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    watcher, seen = watcher_for(folder)
    (folder / "slides.yaml").write_text(
        "slides:\n  - id: pic\n    title: With a picture\n    image: late.svg\n"
    )
    steps(watcher, 2)
    assert seen.results[-1] is not None and seen.results[-1].content is None  # not there yet
    (tmp_path / "assets" / "late.svg").write_bytes(SVG)
    steps(watcher, 2)
    assert seen.results[-1] is not None and seen.results[-1].content is not None


def test_a_change_during_the_read_is_not_delivered(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    seen = Recorder()

    def load_while_someone_writes(path: Path) -> LoadResult:
        result = load_content(path)
        (tmp_path / "assets" / "arrived-meanwhile.svg").write_bytes(SVG)
        return result

    watcher = ContentWatcher(folder, load_while_someone_writes, seen, 0, 0)
    watcher.mark_loaded()
    (folder / "kiosk.yaml").write_text("spa_name: Changed\n")
    steps(watcher, 2)
    assert seen.results == []


def test_a_deleted_folder_is_logged_once_worded_right_and_its_return_too(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.reload")
    folder = write_content(tmp_path)
    status = ContentStatus(folder)
    delivered: list[bool] = []
    watcher = ContentWatcher(
        folder, load_content,
        lambda result, error: delivered.append(status.record(result, error, 1.0)), 0, 0,
    )
    watcher.mark_loaded()
    kept = tmp_path / "elsewhere"
    folder.rename(kept)  # a share or a stick that went away
    steps(watcher, 2)
    watcher.reload_now()  # staff try again: still gone, and not logged again
    steps(watcher, 2)
    assert delivered == [False, False]
    gone = f"the content folder {folder} is gone; still showing the last good content"
    assert status.problems == [f"error: {gone}"]
    assert caplog.text.count(gone) == 1
    assert "has errors" not in caplog.text
    status.showing_default = True
    assert status.notice().startswith(
        "Showing the built-in content: the spa's content folder is missing."
    )
    kept.rename(folder)
    steps(watcher, 2)
    assert delivered[-1] is True
    assert f"the content folder {folder} is back" in caplog.text
    assert status.problems == [] and not status.folder_gone
    assert status.notice().startswith(
        "Showing the built-in content: the spa's content has errors."
    )


def test_fingerprint_sees_assets_too(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    before = fingerprint(folder)
    (tmp_path / "assets" / "new.svg").write_bytes(SVG)
    assert fingerprint(folder) != before


@pytest.mark.parametrize(
    "slides",
    [None, "slides:\n  - id: a\n    titel: a typo\n", "slides: [\n"],
    ids=["good", "typo", "broken-yaml"],
)
def test_a_read_leaves_no_cyclic_garbage(tmp_path: Path, slides: str | None) -> None:
    """Nothing a read made and dropped waits for the cycle collector: reference counting frees
    it as it goes, so reloads in a process that runs for weeks leave nothing behind."""
    folder = write_content(tmp_path, slides=slides)
    load_content(folder)  # the first read in a process may import modules: garbage once
    gc.collect()
    result = load_content(folder)
    assert (result.content is None) == (slides is not None)
    del result
    assert gc.collect() == 0
