"""Live content updates: notice changes, wait until writes settle, check the whole set off the UI
thread, and hand over only a set that checks and did not change while it was being read.

Polling (a stat of every content file once a second) is used rather than file-system events:
it works the same for hand edits, editors that write a temp file and rename it, `git pull`,
rsync, Syncthing and network shares, and costs next to nothing.

When a change counts as complete (docs/content-updates.md says it for technicians):
- by default, once nothing in the content folder or under assets/ has changed (name, size,
  modification time) for the settle time, `DEFAULT_SETTLE_SECONDS` or the environment's
  `SPA_KIOSK_SETTLE_SECONDS`: long enough for a USB stick, a network share or a slow copy that
  stops for a few seconds between two writes;
- with a `READY` file in the content folder, only once READY has been touched after the last
  change of every other file (change times, which copy tools cannot set back), and then after
  a short look (`PUBLISHED_SETTLE_SECONDS`): the publisher says when it is done;
- when the content folder (or assets/) is a symlink switched to another folder (`ln -sfn`),
  after the same short look: a switch is a publish step too;
- while a copy tool's temporary file is there (rsync's `.slides.yaml.X1b2c3`, Syncthing's
  `.syncthing.*.tmp`, `*.part`), not before `LEFTOVER_SECONDS` of quiet, whatever the rules
  above say: a copy is under way even when that file does not grow for a while.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.content.fingerprint import READY_FILE, Fingerprint, FolderState, folder_state
from kiosk.content.load_result import FolderError, LoadResult

log = logging.getLogger("kiosk.reload")

DEFAULT_SETTLE_SECONDS = 12.0
PUBLISHED_SETTLE_SECONDS = 2.0
LEFTOVER_SECONDS = 120.0
"""How long a copy tool's temporary file holds a change back when nothing else moves: one
left behind by a copy that was cut off must not hold the folder back for good."""
SETTLE_VARIABLE = "SPA_KIOSK_SETTLE_SECONDS"


def settle_seconds_from_environment() -> float:
    """The technician's settle time (SPA_KIOSK_SETTLE_SECONDS), else the default."""
    text = os.environ.get(SETTLE_VARIABLE, "").strip()
    if not text:
        return DEFAULT_SETTLE_SECONDS
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        log.warning(
            "%s=%r is not a number of seconds; using %g", SETTLE_VARIABLE, text,
            DEFAULT_SETTLE_SECONDS,
        )
        return DEFAULT_SETTLE_SECONDS
    return value


class ContentWatcher:
    """Watches one content folder and calls `on_result` with every settled, fully read state.

    `settle_seconds` None: the environment's or the default (see the module doc). `clock` is
    the monotonic time in seconds (tests pass a fake one)."""

    def __init__(
        self,
        folder: Path,
        load: Callable[[Path], LoadResult],
        on_result: Callable[[LoadResult | None, str | None], None],
        poll_seconds: float = 1.0,
        settle_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.load = load
        self.on_result = on_result
        self.poll_seconds = poll_seconds
        self.settle_seconds = (
            settle_seconds_from_environment() if settle_seconds is None else settle_seconds
        )
        self.published_seconds = min(PUBLISHED_SETTLE_SECONDS, self.settle_seconds)
        self._clock = clock
        self._seen: FolderState | None = None
        self._changed_at = clock()
        self._loaded: Fingerprint | None = None
        self._loaded_targets: tuple[str, str] | None = None
        self._forced = False
        self._told_ready = False
        self._wake = asyncio.Event()

    def mark_loaded(self, seen: Fingerprint | None = None) -> None:
        """The folder as it is now (or as `seen`) is what the kiosk shows (at start-up)."""
        state = folder_state(self.folder)
        self._seen = state if seen is None or seen == state.fingerprint else None
        self._loaded = state.fingerprint if seen is None else seen
        self._loaded_targets = state.targets

    @property
    def loaded(self) -> Fingerprint | None:
        """The folder as it was when the content last delivered was read."""
        return self._loaded

    def reload_now(self) -> None:
        """Staff asked for a reload: read the folder again at the next turn, settled or not."""
        self._loaded = None
        self._forced = True
        self._wake.set()

    async def run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
            self._wake.clear()
            await self.step()

    def _settled(self, now: FolderState) -> bool:
        """Whether the change seen is complete by the rules of the module doc."""
        quiet = self._clock() - self._changed_at
        if now.copying:
            return quiet >= max(self.settle_seconds, LEFTOVER_SECONDS)
        if now.ready is not None:
            if not now.ready_is_current:
                if not self._told_ready:
                    log.info(
                        "content in %s changed after %s was touched; waiting for %s to be "
                        "touched again (or removed)", self.folder, READY_FILE, READY_FILE,
                    )
                    self._told_ready = True
                return False
            return quiet >= self.published_seconds
        if now.targets != self._loaded_targets:
            return quiet >= self.published_seconds
        return quiet >= self.settle_seconds

    async def step(self) -> None:
        """One look at the folder; loads when a change has settled."""
        now = await asyncio.to_thread(folder_state, self.folder)
        if now != self._seen:
            self._seen = now
            self._changed_at = self._clock()
            self._told_ready = False
            if not self._forced:
                return  # still being written, perhaps: wait until it stays the same
        if not self._forced and (
            (now.fingerprint == self._loaded and now.targets == self._loaded_targets)
            or not self._settled(now)
        ):
            return
        self._forced = False
        try:
            result: LoadResult | None = await asyncio.to_thread(self.load, self.folder)
            folder_error = None
        except FolderError as exc:
            result, folder_error = None, str(exc)
        after = await asyncio.to_thread(folder_state, self.folder)
        if after != now:
            self._seen = after
            self._changed_at = self._clock()
            return  # it changed while being read: that read may mix old and new
        self._loaded = now.fingerprint
        self._loaded_targets = now.targets
        self.on_result(result, folder_error)
