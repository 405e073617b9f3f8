"""One problem found in the staff's content, printed the way editors understand it."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in one file, at a line and column (1-based; 0 when unknown)."""

    file: Path
    line: int
    column: int
    severity: Severity
    path: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def position(self) -> tuple[int, int]:
        """(line, column) as printed: a problem with no place in the file (a missing file, one
        too big to read) is shown at 1:1, so editors and CI problem matchers take it too."""
        return (self.line or 1, (self.column or 1) if self.line else 1)

    def format(self, relative_to: Path | None = None) -> str:
        """`file:line:col: severity: path: message`, as compilers and editors print it."""
        line, column = self.position
        where = f"{display_path(self.file, relative_to)}:{line}:{column}"
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {self.severity.value}: {subject}{self.message}"

    def __str__(self) -> str:
        return self.format()


def display_path(file: Path, relative_to: Path | None = None) -> str:
    """The file as a person would type it: relative to the working folder when inside it."""
    base = relative_to or Path.cwd()
    try:
        if file.is_absolute() and _inside(file, base):
            return os.path.relpath(file, base)
        return str(file)
    except ValueError:  # another drive on Windows
        return str(file)


def _inside(file: Path, base: Path) -> bool:
    try:
        file.relative_to(base)
    except ValueError:
        return False
    return True


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def quote_list(items: Sequence[str], limit: int = 12) -> str:
    shown = [f"'{item}'" for item in items[:limit]]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(shown) + more


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)
