"""The kiosk's start never names PySide's `Qt` namespace (Qt.CursorShape, Qt.AlignmentFlag...).

Naming any one of its enums makes PySide build Python enums for the whole namespace first:
~40 ms of every start, measured under Xvfb. Read from the source (ast) of every module the
kiosk imports on its way to the first frame (`spa-kiosk run`: kiosk.cli, then kiosk.ui.run),
so the rule holds without timing anything; `render`, `soak` and the bench may use it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kiosk"
START = ("kiosk.cli", "kiosk.ui.run")


def _path(module: str) -> Path | None:
    base = PACKAGE.parent.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imported(tree: ast.Module) -> set[str]:
    """The kiosk's modules `tree` imports at its top (not in functions: those run later)."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "kiosk" and _path(name)}


def start_path() -> dict[str, ast.Module]:
    """Every kiosk module imported, in turn, by the modules of `START`."""
    seen: dict[str, ast.Module] = {}
    todo = list(START)
    while todo:
        module = todo.pop()
        path = _path(module)
        if module in seen or path is None:
            continue
        seen[module] = tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        parts = module.split(".")
        todo += [".".join(parts[:i]) for i in range(2, len(parts))]  # the packages above
        todo += sorted(_imported(tree))
    return seen


def names_the_qt_namespace(tree: ast.Module) -> list[int]:
    """Lines that import `Qt` from PySide6.QtCore or read `QtCore.Qt`."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "PySide6.QtCore":
            lines += [node.lineno for alias in node.names if alias.name == "Qt"]
        elif (
            isinstance(node, ast.Attribute) and node.attr == "Qt"
            and isinstance(node.value, ast.Name) and node.value.id == "QtCore"
        ):
            lines.append(node.lineno)
    return lines


def test_the_start_path_never_names_the_qt_namespace() -> None:
    modules = start_path()
    assert {"kiosk.ui.run", "kiosk.ui.app", "kiosk.ui.controller", "kiosk.media"} <= set(modules)
    found = {name: names_the_qt_namespace(tree) for name, tree in modules.items()}
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, f"the Qt namespace named on the way to the first frame: {found}"


def test_the_check_finds_it() -> None:
    tree = ast.parse("from PySide6.QtCore import QTimer, Qt\nfrom PySide6 import QtCore\nQtCore.Qt")
    assert names_the_qt_namespace(tree) == [1, 3]
