"""The four files of a content folder as they are read: each file's located YAML and model, and
every problem found so far (what the reader, load.py, and the checks, check.py, share)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content.model import Model
from kiosk.content.problems import Problem, Severity
from kiosk.content.yamlread import KeyPath, YamlDocument


def key_path_text(path: KeyPath) -> str:
    """('packages', 2, 'minutes') -> 'packages[2].minutes'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class SourceFile:
    """One content file as read: where it is, its located YAML and its validated model."""

    name: str
    path: Path
    document: YamlDocument | None = None
    model: Model | None = None

    def problem(
        self, severity: Severity, where: KeyPath, message: str, *, key: bool = False,
        subject: KeyPath | None = None,
    ) -> Problem:
        line, column = self.document.locate(where, key=key) if self.document else (0, 0)
        shown = where if subject is None else subject
        return Problem(self.path, line, column, severity, key_path_text(shown), message)


@dataclass
class Sources:
    """The four files of one folder, as read so far, and every problem found in them."""

    folder: Path
    assets: Path
    files: dict[str, SourceFile]
    problems: list[Problem] = field(default_factory=list)

    def error(self, name: str, where: KeyPath, message: str, **how: Any) -> None:
        self.problems.append(self.files[name].problem(Severity.ERROR, where, message, **how))

    def warning(self, name: str, where: KeyPath, message: str, **how: Any) -> None:
        self.problems.append(self.files[name].problem(Severity.WARNING, where, message, **how))
