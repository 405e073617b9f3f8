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
        c = self.counts
        return (
            f"read {display_path(self.folder)}: {c['slides']} slides, {c['questions']} questions, "
            f"{c['packages']} packages; {len(self.errors)} errors, {len(self.warnings)} warnings"
        )
