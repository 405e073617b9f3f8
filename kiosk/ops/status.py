"""What staff see about the content: when it was last loaded and every current problem.

Apart from the live reload (`reload.py`, which runs on asyncio): the staff panel needs it from
the first frame on, and asyncio only after it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.content.result import LoadResult

log = logging.getLogger("kiosk.reload")


class ContentStatus:
    """What staff see about the content: when it was last loaded and every current problem."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.loaded_at: float | None = None
        """Wall-clock time (epoch seconds) the content on screen was loaded."""
        self.checked_at: float | None = None
        self.problems: list[str] = []
        self.showing_default = False

    def record(self, result: LoadResult | None, folder_error: str | None, now: float) -> bool:
        """Note a load; True when it brought content that may go on screen."""
        self.checked_at = now
        if folder_error is not None or result is None:
            self.problems = [f"error: {folder_error or 'the content folder cannot be read'}"]
            return False
        lines = [problem.format() for problem in result.problems]
        if lines != self.problems:
            for problem in result.problems:
                (log.error if problem.is_error else log.warning)("%s", problem.format())
        self.problems = lines
        if result.content is None:
            log.error("content has errors; the kiosk keeps showing the last good content")
            return False
        self.loaded_at = now
        self.showing_default = False
        return True
