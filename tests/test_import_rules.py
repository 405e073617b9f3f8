"""The layers, read from the source (ast) of every module in kiosk/, not from what a run happens
to import:

    cli ─────────────────────────────── may import anything
    bench ───────────────────────────── anything but the cli
    ui (Qt) ─────────────────────────── content, guest, ops, media
    ops ──── content, guest, media, lettering; Qt only in the modules named in OPS_WITH_QT
    media (Qt: pictures) ────────────── content
    lettering (Qt: fonts) ───────────── content, media, ops (where the built-in fonts are)
    guest ── content          content ── i18n          i18n (the kiosk's phrases) ── nothing

No module imports `kiosk.cli` but `kiosk.__main__`, and no two modules import each other,
directly or round a longer loop. Imports under `if TYPE_CHECKING:` are for the type checker
alone and are left out.

Imports sit at the top of modules: one inside a function only where IMPORTS_IN_FUNCTIONS names
that function and says why (a command that needs a heavy dependency only it uses).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
QT = {"PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6"}
OPS_WITH_QT = {"kiosk.ops.chart"}  # draws the `stats --chart` picture
MAY_IMPORT = {
    "root": set(),
    "i18n": {"root", "i18n"},
    "content": {"root", "i18n", "content"},
    "guest": {"root", "i18n", "content", "guest"},
    "media": {"root", "i18n", "content", "media"},
    "lettering": {"root", "i18n", "content", "media", "ops", "lettering"},
    "ops": {"root", "i18n", "content", "guest", "media", "lettering", "ops"},
    "ui": {"root", "i18n", "content", "guest", "media", "lettering", "ops", "ui"},
    "bench": {"root", "i18n", "content", "guest", "media", "lettering", "ops", "ui", "bench"},
    "cli": {
        "root", "i18n", "content", "guest", "media", "lettering", "ops", "ui", "bench", "cli",
    },
}
QT_ALLOWED = {"media", "lettering", "ui", "bench", "cli"}

_QT_COMMAND = "a command that uses Qt imports its module here, so the others start without Qt"
_SQLITE = (
    "sqlite3, only in the usage log's writer thread once it first writes (at the top: 6-9 ms "
    "more on the way to the kiosk's first frame)"
)
_CHART = "Qt, only when `stats --chart` draws: `stats` itself starts without it (see its docstring)"
_STATS = (
    "`stats` reads with YAML, SQLite and CSV, which the kiosk's start does not load before its "
    "first frame (at the top of the command line: ~45 ms and 2.4 MiB more at every start)"
)
_PYDANTIC = (
    "pydantic, called by pydantic itself while content is checked: the running kiosk uses the "
    "model without it (at the top: +68 ms and +5 MiB at every start of the kiosk)"
)
_READER = (
    "the content reader (pydantic, PyYAML: +280 ms, +13 MiB) and the Qt layers it checks with, "
    "only where content is read: the kiosk and every staff command import this module"
)
IMPORTS_IN_FUNCTIONS: dict[tuple[str, str], str] = {
    ("kiosk.cli", "_run"): _QT_COMMAND,
    ("kiosk.cli", "_render"): _QT_COMMAND,
    ("kiosk.cli", "_soak"): _QT_COMMAND,
    ("kiosk.cli", "_bench"): _QT_COMMAND,
    ("kiosk.cli", "_schema"): "pydantic's JSON Schema, which only `schema` uses (at the top of "
    "the command line: ~9 MiB and ~0.2 s more at every start of the kiosk)",
    ("kiosk.cli", "_stats"): _STATS,
    ("kiosk.cli", "_day"): _STATS,
    ("kiosk.cli", "_bench_worker"): _QT_COMMAND + "; only the module of the phase it runs, so "
    "that `startup` times the kiosk's own imports and not the bench's Qt helpers",
    # Reasons shared by several entries are named above; one of a kind is written out here.
    ("kiosk.content.model", "invalid"): _PYDANTIC,
    ("kiosk.content.model", "Rule.__get_pydantic_core_schema__"): _PYDANTIC,
    ("kiosk.content.model", "Text.__get_pydantic_core_schema__"): _PYDANTIC,
    ("kiosk.content.model", "_ReadAsOpeningHours.__get_pydantic_core_schema__"): _PYDANTIC,
    ("kiosk.ops.chart", "write_chart"): _CHART,
    ("kiosk.ops.chart", "day_text"): _CHART,
    ("kiosk.ops.checker", "read_here"): _READER,
    ("kiosk.ops.checker", "_Files.verify"): _READER,
    ("kiosk.ops.checker", "_with_text_warnings"): _READER,
    ("kiosk.ops.usage", "UsageLog._connection"): _SQLITE,
    ("kiosk.ops.usage", "UsageLog._forget_history"): _SQLITE,
    ("kiosk.ops.usage", "UsageLog._write"): _SQLITE,
    ("kiosk.ui.control_server", "ControlServer.screenshot"): "Qt Quick's binding, for the first "
    "screenshot only (~7 MiB with the OpenGL binding it brings; see docs/architecture.md)",
    ("kiosk.ui.qr", "qr_data_url"): "segno, once a guest reaches a suggestion (at the top: "
    "+40-65 ms and +3.5 MiB on the way to the kiosk's first frame)",
}
"""(module, function: its qualified name, `Class.method` or `outer.inner`) -> why an import
sits in that function rather than at the top of its module."""


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. kiosk.ops.checker
    target: str  # what it imports: a module, e.g. kiosk.content.load_result, or PySide6.QtCore
    line: int

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if module in ("kiosk.cli", "kiosk.__main__"):
        return "cli"
    if module in ("kiosk.media", "kiosk.lettering"):
        return module.split(".")[1]
    if len(parts) == 1:
        return "root"
    return parts[1]


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth (functions too), but not under TYPE_CHECKING."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking_only(node):
            yield from (n for child in node.orelse for n in _import_nodes_of(child))
            continue
        yield from _import_nodes_of(node)


def _import_nodes_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _import_nodes(node)


def modules_of(root: Path) -> set[str]:
    return {module_name(path, root) for path in root.rglob("*.py")}


def imports_of(root: Path) -> list[Import]:
    """What each module under `root` (a package folder) imports, resolved to module names:
    `from kiosk.content import last_good` is kiosk.content.last_good."""
    files = sorted(root.rglob("*.py"))
    modules = modules_of(root)
    found = []
    for path in files:
        module = module_name(path, root)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _import_nodes(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            found += [Import(module, target, node.lineno) for target in dict.fromkeys(targets)]
    return found


def broken_rules(root: Path) -> list[str]:
    """Every import that breaks a rule of the module docstring, as a readable line."""
    broken = []
    top = root.name
    modules = modules_of(root)
    for imp in imports_of(root):
        first = imp.target.split(".")[0]
        here = layer(imp.module)
        if here not in MAY_IMPORT:
            broken.append(f"{imp.module} is in no layer: name its layer in this test")
            continue
        if first in QT and here not in QT_ALLOWED and imp.module not in OPS_WITH_QT:
            broken.append(f"{imp}: Qt in the {here} layer")
        if first != top:
            continue
        if imp.target == f"{top}.cli" and imp.module != f"{top}.__main__":
            broken.append(f"{imp}: nothing imports the command line")
        elif layer(imp.target) not in MAY_IMPORT[here] or imp.target not in modules:
            broken.append(
                f"{imp}: the {here} layer may not import the {layer(imp.target)} layer"
                if imp.target in modules else f"{imp}: no such module"
            )
    loops = [f"import cycle among: {', '.join(group)}" for group in cycles(root)]
    return sorted(set(broken)) + loops


def cycles(root: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's strongly
    connected components), each sorted."""
    graph: dict[str, set[str]] = {}
    for imp in imports_of(root):
        if imp.target.split(".")[0] == root.name and imp.target != imp.module:
            graph.setdefault(imp.module, set()).add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def imports_in_functions(root: Path) -> dict[tuple[str, str], list[int]]:
    """Every import inside a function (at any depth, TYPE_CHECKING ones too), by (module, the
    function's qualified name): the lines they are on."""
    found: dict[tuple[str, str], list[int]] = {}

    def visit(node: ast.AST, module: str, names: tuple[str, ...], in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, module, (*names, child.name), True)
            elif isinstance(child, ast.ClassDef):
                visit(child, module, (*names, child.name), in_function)
            elif isinstance(child, ast.Import | ast.ImportFrom) and in_function:
                found.setdefault((module, ".".join(names)), []).append(child.lineno)
            else:
                visit(child, module, names, in_function)

    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        visit(tree, module_name(path, root), (), False)
    return found


def misplaced_imports(root: Path, allowed: dict[tuple[str, str], str]) -> list[str]:
    """Each function with an import that `allowed` does not name, and each name in `allowed`
    that no longer has one (so that the list only ever shrinks to what is true)."""
    found = imports_in_functions(root)
    lines = [
        f"{module}.{function} (line {', '.join(map(str, at))}): an import inside a function; "
        "move it to the top of the module, or name the function in IMPORTS_IN_FUNCTIONS "
        "with the reason"
        for (module, function), at in sorted(found.items())
        if (module, function) not in allowed
    ]
    lines += [
        f"{module}.{function} has no import inside it now: take it out of IMPORTS_IN_FUNCTIONS"
        for module, function in sorted(allowed)
        if (module, function) not in found
    ]
    return lines


def test_the_kiosk_keeps_its_layers() -> None:
    assert broken_rules(PACKAGE) == []


def test_every_module_was_read() -> None:
    modules = {imp.module for imp in imports_of(PACKAGE)}
    assert {"kiosk.content.model", "kiosk.ops.checker", "kiosk.ui.run", "kiosk.cli"} <= modules


def test_imports_are_at_the_top_of_modules_but_where_a_reason_is_given() -> None:
    assert misplaced_imports(PACKAGE, IMPORTS_IN_FUNCTIONS) == []
    assert all(reason.strip() for reason in IMPORTS_IN_FUNCTIONS.values())


# ---- the rules find what they are for --------------------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "kiosk"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            (root / parent / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"content/model.py": "from PySide6.QtCore import QObject\n"}, "Qt in the content layer"),
        ({"guest/journey.py": "def later():\n    import qasync\n"}, "Qt in the guest layer"),
        ({"ops/usage.py": "import PySide6.QtGui\n"}, "Qt in the ops layer"),
        ({"ops/checker.py": "from kiosk.cli import CHECK_WORKER\n", "cli.py": ""},
         "nothing imports the command line"),
        ({"content/model.py": "from kiosk.ops import places\n", "ops/places.py": ""},
         "the content layer may not import the ops layer"),
        ({"ops/content_status.py": "def f():\n    from kiosk.ui import app\n", "ui/app.py": ""},
         "the ops layer may not import the ui layer"),
        ({"content/load.py": "from kiosk.content.check import check\n",
          "content/check.py": "def check():\n    from kiosk.content import load\n"},
         "import cycle among: kiosk.content.check, kiosk.content.load"),
    ],
)
def test_a_broken_rule_is_found(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    broken = broken_rules(_package(tmp_path, files))
    assert any(expected in line for line in broken), broken


def test_what_is_allowed_is_not_reported(tmp_path: Path) -> None:
    files = {
        "ops/chart.py": "from PySide6.QtGui import QImage\n",
        "ui/run.py": "import qasync\nfrom kiosk.ops import places\n"
        "from kiosk.content import model\n",
        "content/model.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from kiosk.ui.app import KioskWindow\n",
        "ops/places.py": "", "ui/app.py": "",
        "__main__.py": "from kiosk.cli import main\n", "cli.py": "from kiosk.ui import run\n",
    }
    assert broken_rules(_package(tmp_path, files)) == []


def test_an_import_inside_a_function_is_found(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "ops/usage.py": "import json\n\n\nclass Log:\n    def write(self):\n"
        "        if True:\n            import sqlite3\n",
        "ui/run.py": "def main():\n    def later():\n        from kiosk.ops import usage\n",
        "content/model.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    import pydantic\n",
    })
    assert imports_in_functions(root) == {
        ("kiosk.ops.usage", "Log.write"): [7], ("kiosk.ui.run", "main.later"): [3]
    }
    allowed = {("kiosk.ui.run", "main.later"): "a reason", ("kiosk.cli", "_gone"): "a reason"}
    broken = misplaced_imports(root, allowed)
    assert len(broken) == 2, broken
    assert broken[0].startswith("kiosk.ops.usage.Log.write (line 7): an import inside")
    assert broken[1].startswith("kiosk.cli._gone has no import inside it now")
