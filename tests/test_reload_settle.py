"""Content copied by slow writers (a USB stick, a share, a slow `cp` or `rsync`) reaches the
screen only whole: the settle time, the READY publish file and a switched symlink."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from contentkit import SVG, write_content

from kiosk.content.load import LoadResult, load_content
from kiosk.ops import reload
from kiosk.ops.reload import DEFAULT_SETTLE_SECONDS, ContentWatcher


@pytest.fixture(autouse=True)
def _collector_as_usual() -> Iterator[None]:
    yield
    gc.unfreeze()  # the watcher freezes the process's objects after each read


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Recorder:
    def __init__(self) -> None:
        self.results: list[LoadResult | None] = []

    def __call__(self, result: LoadResult | None, folder_error: str | None) -> None:
        self.results.append(result)

    def slide_ids(self) -> list[str]:
        result = self.results[-1]
        assert result is not None and result.content is not None
        return [slide.id for slide in result.content.slides]


def watching(
    folder: Path, clock: FakeClock, settle: float | None = None
) -> tuple[ContentWatcher, Recorder]:
    seen = Recorder()
    watcher = ContentWatcher(folder, load_content, seen, poll_seconds=0, settle_seconds=settle,
                             clock=clock)
    watcher.mark_loaded()
    return watcher, seen


def look(watcher: ContentWatcher, times: int = 1) -> None:
    async def run() -> None:
        for _ in range(times):
            await watcher.step()

    asyncio.run(run())


def slides(*ids: str) -> str:
    return "slides:\n" + "".join(f"  - id: {i}\n    title: Slide {i}\n" for i in ids)


SLOW_WRITER = """\
import os, sys
path, chunks = sys.argv[1], sys.argv[2:]
with open(path, "r+b") as file:      # rewritten in place, as a copy onto a stick does
    file.truncate(0)
    for chunk in chunks:
        sys.stdin.readline()          # the test says when the next chunk arrives
        file.write(chunk.encode())
        file.flush()
        os.fsync(file.fileno())
        print("wrote", flush=True)
"""


def test_a_file_rewritten_in_place_with_pauses_of_3_to_5_seconds_is_taken_in_whole(
    tmp_path: Path,
) -> None:
    folder = write_content(tmp_path, slides=slides("old"))
    clock = FakeClock()
    watcher, seen = watching(folder, clock)  # the kiosk's own settle time
    chunks = [slides("one"), slides("two")[len("slides:\n"):], slides("three")[len("slides:\n"):]]
    writer = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(folder / "slides.yaml"), *chunks],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert writer.stdin is not None and writer.stdout is not None
    try:
        for pause in (3.0, 5.0, 4.0):
            writer.stdin.write("next\n")
            writer.stdin.flush()
            assert writer.stdout.readline() == "wrote\n"
            for _ in range(int(pause)):  # a look a second, as the kiosk does
                look(watcher)
                clock.advance(1.0)
            assert seen.results == [], f"taken in half written after a {pause} s pause"
    finally:
        writer.stdin.close()
        writer.wait(timeout=10)
    assert writer.returncode == 0
    for _ in range(int(DEFAULT_SETTLE_SECONDS) + 2):
        look(watcher)
        clock.advance(1.0)
    assert len(seen.results) == 1
    assert seen.slide_ids() == ["one", "two", "three"]


def test_a_slow_cp_of_a_folder_is_taken_in_only_when_it_is_done(tmp_path: Path) -> None:
    """The real `cp -r`, reading a file from a pipe the test fills in two halves with a long
    pause between: cp writes the kiosk's file in place meanwhile."""
    folder = write_content(tmp_path / "kiosk", slides=slides("old"))
    source = write_content(tmp_path / "stick")
    (source / "slides.yaml").unlink()
    os.mkfifo(source / "slides.yaml")
    clock = FakeClock()
    watcher, seen = watching(folder, clock)
    copy = subprocess.Popen(["cp", "-r", "--copy-contents", f"{source}/.", f"{folder}/"])
    try:
        with open(source / "slides.yaml", "w") as pipe:
            pipe.write(slides("one"))
            pipe.flush()
            deadline = time.monotonic() + 10
            while _text(folder / "slides.yaml") != slides("one"):
                assert time.monotonic() < deadline, "cp never wrote the first half"
                time.sleep(0.02)
            for _ in range(6):  # six seconds of a stalled copy
                look(watcher)
                clock.advance(1.0)
            assert seen.results == [], "the first half of a copy was taken in"
            pipe.write(slides("two")[len("slides:\n"):])
    finally:
        assert copy.wait(timeout=10) == 0
    for _ in range(int(DEFAULT_SETTLE_SECONDS) + 2):
        look(watcher)
        clock.advance(1.0)
    assert len(seen.results) == 1
    assert seen.slide_ids() == ["one", "two"]


def _text(path: Path) -> str | None:
    try:
        return path.read_text()
    except FileNotFoundError:
        return None


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")
def test_a_slow_rsync_of_a_folder_never_mixes_old_and_new(tmp_path: Path) -> None:
    """The real `rsync -a`, slowed down: it puts each file in a temporary file beside the real
    one and renames it when done, file after file. While questionnaire.yaml is still coming,
    packages.yaml is already the new one; nothing of that may be taken in."""
    padding = "# " + "x" * 78 + "\n"
    old_q = (tmp_path / "q.yaml")
    folder = write_content(tmp_path / "kiosk")
    old_q.write_text((folder / "questionnaire.yaml").read_text())
    source = write_content(tmp_path / "new")
    (source / "packages.yaml").write_text(
        (source / "packages.yaml").read_text().replace("name: Ease", "name: Ease two")
    )
    (source / "questionnaire.yaml").write_text(
        (source / "questionnaire.yaml").read_text().replace("Ease aches", "Ease aches two")
        + padding * 2000  # ~160 kB at 50 kB/s: over three seconds
    )
    seen = Recorder()
    watcher = ContentWatcher(folder, load_content, seen, poll_seconds=0.1, settle_seconds=1.0)
    watcher.mark_loaded()
    done = threading.Event()

    async def watch_while_copying() -> None:
        copy = await asyncio.create_subprocess_exec(
            "rsync", "-a", "--bwlimit=50", f"{source}/", f"{folder}/",
        )
        while copy.returncode is None:
            await watcher.step()
            await asyncio.sleep(0.1)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(copy.wait(), 0.01)
        assert copy.returncode == 0
        done.set()
        deadline = time.monotonic() + 10
        while not seen.results and time.monotonic() < deadline:
            await watcher.step()
            await asyncio.sleep(0.1)

    asyncio.run(watch_while_copying())
    assert done.is_set()
    assert len(seen.results) == 1, "a state in the middle of the copy was taken in"
    result = seen.results[0]
    assert result is not None and result.content is not None
    assert result.content.packages[0].name.get("en") == "Ease two"
    labels = [option.label.get("en") for option in result.content.questions[0].options]
    assert "Ease aches two" in labels


def test_with_a_ready_file_changes_wait_until_it_is_touched(tmp_path: Path) -> None:
    folder = write_content(tmp_path, slides=slides("old"))
    (folder / "READY").touch()
    clock = FakeClock()
    watcher, seen = watching(folder, clock)
    time.sleep(0.05)  # change times come from the file system's clock (a tick: 1-10 ms)
    (folder / "slides.yaml").write_text(slides("new"))
    for _ in range(30):  # far longer than the settle time: still waiting for READY
        look(watcher)
        clock.advance(1.0)
    assert seen.results == []
    (folder / "READY").touch()
    look(watcher)
    clock.advance(reload.PUBLISHED_SETTLE_SECONDS)
    look(watcher)  # a publish step needs only a short look, not the settle time
    assert len(seen.results) == 1 and seen.slide_ids() == ["new"]
    time.sleep(0.05)
    (tmp_path / "assets" / "later.svg").write_bytes(SVG)  # assets count too
    for _ in range(30):
        look(watcher)
        clock.advance(1.0)
    assert len(seen.results) == 1


def test_a_ready_file_keeps_its_meaning_against_copies_that_keep_old_times(
    tmp_path: Path,
) -> None:
    """`cp -p` and `rsync -a` give a copied file its old modification time; the rule uses
    change times, which they cannot set back."""
    folder = write_content(tmp_path, slides=slides("old"))
    (folder / "READY").touch()
    clock = FakeClock()
    watcher, seen = watching(folder, clock)
    new = tmp_path / "new.yaml"
    new.write_text(slides("new"))
    os.utime(new, (1_000_000, 1_000_000))  # made long ago
    time.sleep(0.05)
    subprocess.run(["cp", "-p", str(new), str(folder / "slides.yaml")], check=True)
    for _ in range(30):
        look(watcher)
        clock.advance(1.0)
    assert seen.results == []


def test_a_switched_symlink_is_followed_at_once(tmp_path: Path) -> None:
    """The release pattern: each version in its own folder, `current` switched to the new one
    (`ln -sfn`); the kiosk watches current/content. The new release here was made with
    `cp -a` and one word changed: the same names, sizes and modification times as the old
    one, so only the switch itself tells them apart."""
    write_content(tmp_path / "v1", slides=slides("first"))
    subprocess.run(["cp", "-a", str(tmp_path / "v1"), str(tmp_path / "v2")], check=True)
    changed = tmp_path / "v2" / "content" / "slides.yaml"
    info = changed.stat()
    changed.write_text(slides("other"))  # as long as "first"
    os.utime(changed, ns=(info.st_atime_ns, info.st_mtime_ns))
    current = tmp_path / "current"
    current.symlink_to("v1")
    clock = FakeClock()
    watcher, seen = watching(current / "content", clock)
    subprocess.run(["ln", "-sfn", "v2", str(current)], check=True)
    look(watcher)
    clock.advance(reload.PUBLISHED_SETTLE_SECONDS)
    look(watcher)  # no settle time: the switch is the publish step
    assert len(seen.results) == 1 and seen.slide_ids() == ["other"]
    subprocess.run(["ln", "-sfn", "v1", str(current)], check=True)
    look(watcher)
    clock.advance(reload.PUBLISHED_SETTLE_SECONDS)
    look(watcher)
    assert len(seen.results) == 2 and seen.slide_ids() == ["first"]


def test_the_settle_time_is_a_setting_for_technicians(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPA_KIOSK_SETTLE_SECONDS", "30")
    assert reload.settle_seconds_from_environment() == 30.0
    monkeypatch.setenv("SPA_KIOSK_SETTLE_SECONDS", "soon")
    assert reload.settle_seconds_from_environment() == DEFAULT_SETTLE_SECONDS
    monkeypatch.delenv("SPA_KIOSK_SETTLE_SECONDS")
    assert reload.settle_seconds_from_environment() == DEFAULT_SETTLE_SECONDS >= 10
