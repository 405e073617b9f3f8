"""Live content updates: notice changes, wait until writes settle, check the whole set off the UI
thread, and hand over only a set that checks and did not change while it was being read.

Polling (a stat of every content file once a second) is used rather than file-system events:
it works the same for hand edits, editors that write a temp file and rename it, `git pull`,
rsync, Syncthing and network shares, and costs next to nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.content.fingerprint import Fingerprint, fingerprint
from kiosk.content.result import FolderError, LoadResult

log = logging.getLogger("kiosk.reload")


class ContentWatcher:
    """Watches one content folder and calls `on_result` with every settled, fully read state."""

    def __init__(
        self,
        folder: Path,
        load: Callable[[Path], LoadResult],
        on_result: Callable[[LoadResult | None, str | None], None],
        poll_seconds: float = 1.0,
        settle_seconds: float = 1.5,
    ) -> None:
        self.folder = folder
        self.load = load
        self.on_result = on_result
        self.poll_seconds = poll_seconds
        self.settle_seconds = settle_seconds
        self._seen: Fingerprint | None = None
        self._changed_at = time.monotonic()
        self._loaded: Fingerprint | None = None
        self._wake = asyncio.Event()

    def mark_loaded(self, seen: Fingerprint | None = None) -> None:
        """The folder as it is now (or as `seen`) is what the kiosk shows (at start-up)."""
        self._seen = self._loaded = fingerprint(self.folder) if seen is None else seen

    @property
    def loaded(self) -> Fingerprint | None:
        """The folder as it was when the content last delivered was read."""
        return self._loaded

    def reload_now(self) -> None:
        """Staff asked for a reload: read the folder again at the next turn, settled or not."""
        self._loaded = None
        self._changed_at = 0.0
        self._wake.set()

    async def run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
            self._wake.clear()
            await self.step()

    def _load_and_keep(self) -> LoadResult:
        """Read the folder (in a worker thread), then put everything alive, the new set
        included, out of reach of later cycle collections (gc.freeze, as after start-up). A
        large set is thousands of objects; without this the collections after a reload walk
        all of them again, holding the interpreter lock for up to ~20 ms at a time while the
        screen's thread waits. A read leaves no cyclic garbage behind, and a set that is
        replaced later is freed by reference counting, frozen or not."""
        result = self.load(self.folder)
        gc.freeze()
        return result

    async def step(self) -> None:
        """One look at the folder; loads when a change has settled."""
        now = await asyncio.to_thread(fingerprint, self.folder)
        if now != self._seen:
            self._seen = now
            self._changed_at = time.monotonic()
            return  # still being written, perhaps: wait until it stays the same
        if now == self._loaded or time.monotonic() - self._changed_at < self.settle_seconds:
            return
        try:
            result: LoadResult | None = await asyncio.to_thread(self._load_and_keep)
            folder_error = None
        except FolderError as exc:
            result, folder_error = None, str(exc)
        after = await asyncio.to_thread(fingerprint, self.folder)
        if after != now:
            self._seen = after
            self._changed_at = time.monotonic()
            return  # it changed while being read: that read may mix old and new
        self._loaded = now
        self.on_result(result, folder_error)
