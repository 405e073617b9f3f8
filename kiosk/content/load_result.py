"""What reading a content folder gives: the checked content, or the problems that stop it.

Kept apart from `load.py` (YAML, validation, checks) so that code which only receives results,
such as the kiosk starting from its checked copy, need not import any of that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.problems import Problem, display_path

if TYPE_CHECKING:
    from kiosk.content.model import Content

ASSETS_FOLDER = "assets"
FILE_NAMES = ("kiosk.yaml", "slides.yaml", "questionnaire.yaml", "packages.yaml")


class FolderError(Exception):
    """The content folder itself cannot be read (missing, not a folder, no permission)."""


@dataclass(frozen=True)
class LoadResult:
    folder: Path
    content: Content | None
    problems: tuple[Problem, ...]
    counts: dict[str, int]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def summary(self) -> str:
        """What was read and how many problems, in a line no problem matcher takes for a
        problem (it has no `file:line:col:`)."""
        c = self.counts
        shown = display_path(self.folder)
        where = f"this folder ({self.folder.name})" if shown == "." else shown
        return (
            f"read {where}: {c['slides']} slides, {c['questions']} questions, "
            f"{c['packages']} packages; {_count(len(self.errors), 'error')}, "
            f"{_count(len(self.warnings), 'warning')}"
        )


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
