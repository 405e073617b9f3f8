"""What staff see about the content: when it was last loaded and every current problem.

Apart from the live reload (`reload.py`, which runs on asyncio): the staff panel needs it from
the first frame on, and asyncio only after it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.content.load_result import LoadResult

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
        self.folder_gone = False
        """The content folder is not there (deleted, renamed, a disk or share that went away)."""
        self.folder_problem: str | None = None
        """Why the content folder itself cannot be read, while it cannot."""

    def record(self, result: LoadResult | None, folder_error: str | None, now: float) -> bool:
        """Note a load; True when it brought content that may go on screen."""
        self.checked_at = now
        if folder_error is not None or result is None:
            self.folder_gone = not self.folder.exists()
            showing = "the built-in content" if self.showing_default else "the last good content"
            if self.folder_gone:
                why = f"the content folder {self.folder} is gone; still showing {showing}"
            else:
                why = (
                    f"{folder_error or 'the content folder cannot be read'}; "
                    f"still showing {showing}"
                )
            if why != self.folder_problem:  # once, not at every look
                log.error("%s", why)
            self.folder_problem = why
            self.problems = [f"error: {why}"]
            return False
        if self.folder_problem is not None:
            log.info("the content folder %s is back; its content is checked", self.folder)
            self.folder_problem, self.folder_gone = None, False
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

    def notice(self) -> str:
        """The quiet line on the guests' screen while the built-in content is shown: why."""
        if self.folder_gone:
            why = "the spa's content folder is missing"
        elif self.folder_problem is not None:
            why = "the spa's content folder cannot be read"
        else:
            why = "the spa's content has errors"
        return f"Showing the built-in content: {why}. Staff: hold the top-left corner for details."
